package bifrostdesk.connection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets for this session only: used where no OS keychain is available, and in tests. */
public final class MemoryCredentialStore implements CredentialStore {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final String why;

    public MemoryCredentialStore(String why) {
        this.why = why;
    }

    @Override
    public Optional<String> read(String profile) {
        return Optional.ofNullable(secrets.get(profile));
    }

    @Override
    public void write(String profile, String secret) {
        secrets.put(profile, secret);
    }

    @Override
    public void delete(String profile) {
        secrets.remove(profile);
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public String describe() {
        return "No OS keychain is available (" + why + "): passwords are kept in memory until the app closes, "
                + "never written to disk. You will be asked again next time.";
    }
}
