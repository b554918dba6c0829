package bifrostdesk.testing;

import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;

/** The real profiles file, but reading or writing it on the FX thread fails the call and is recorded. */
public final class GuardedProfileStore extends ProfileStore {
    /** Every file access made on the FX thread. */
    public final List<String> misuses = new CopyOnWriteArrayList<>();
    /** Every file access, reads and writes. */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public GuardedProfileStore(Path file) {
        super(file);
    }

    private void check(String what) throws IOException {
        calls.add(what);
        if (Platform.isFxApplicationThread()) {
            misuses.add(what);
            throw new AssertionError("profiles.json " + what + " on the FX thread");
        }
    }

    @Override
    public List<Profile> load() throws IOException {
        check("load");
        return super.load();
    }

    @Override
    public void save(List<Profile> profiles) throws IOException {
        check("save");
        super.save(profiles);
    }
}
