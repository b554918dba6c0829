package bifrostdesk.connection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saved server profiles ({@code profiles.json} in the data folder). Names, URLs, tags and user names only:
 * passwords and tokens go to the {@link CredentialStore}. Blocking file I/O: call it through the task runner. Not
 * final, so tests can check where it is called from.
 */
public class ProfileStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public List<Profile> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode n = JSON.readTree(file.toFile());
        List<Profile> out = new ArrayList<>();
        for (JsonNode p : n.path("profiles")) {
            out.add(JSON.treeToValue(p, Profile.class));
        }
        return out;
    }

    public Optional<Profile> find(String name) throws IOException {
        return load().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    public void save(List<Profile> profiles) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        n.set("profiles", JSON.valueToTree(profiles));
        Files.createDirectories(file.toAbsolutePath().getParent());
        // same atomic write as drafts: a crash never leaves a half-written profile list
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".profiles", ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(n));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Adds or replaces (by name) a profile. */
    public void put(Profile p) throws IOException {
        List<Profile> all = new ArrayList<>(load());
        all.removeIf(x -> x.name().equalsIgnoreCase(p.name()));
        all.add(p);
        save(all);
    }

    public void remove(String name) throws IOException {
        List<Profile> all = new ArrayList<>(load());
        all.removeIf(x -> x.name().equalsIgnoreCase(name));
        save(all);
    }
}
