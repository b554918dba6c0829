package bifrostdesk.drafts;

import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One server's folder on disk: drafts, the last pulled copy of the keys and the lookup data, the sync journal.
 * The format is documented in docs/workspace-format.md; every file carries {@code "format": 1}.
 * <p>
 * No secrets are written: VK values are removed unless the user opted in, and the model never holds provider key
 * values or MCP connection strings. Blocking file I/O: call it off the FX thread.
 */
public final class Workspace {
    public static final int FORMAT = 1;
    private final Path root;
    private final String server;
    private final boolean keepKeyValues;

    public Workspace(Path root, String server, boolean keepKeyValues) {
        this.root = root;
        this.server = server;
        this.keepKeyValues = keepKeyValues;
    }

    /** The workspace of a server profile under the OS data folder. */
    public static Workspace forProfile(String profile, String server) {
        return forProfile(profile, server, false);
    }

    /** As above; {@code keepKeyValues} when the user opted in to keeping VK values on disk. */
    public static Workspace forProfile(String profile, String server, boolean keepKeyValues) {
        return new Workspace(DataDirs.data().resolve("workspaces").resolve(slug(profile)), server, keepKeyValues);
    }

    /** A folder name from a profile name or URL: {@code http://127.0.0.1:8080/} → {@code 127.0.0.1_8080}. */
    public static String slug(String profile) {
        String s = profile.replaceFirst("^[a-z]+://", "").replaceAll("/+$", "");
        s = s.replaceAll("[^A-Za-z0-9._-]+", "_").toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "default" : s;
    }

    public Path root() {
        return root;
    }

    public String server() {
        return server;
    }

    // ---- drafts --------------------------------------------------------------------------------------------

    private Path draftFile(String vkId) {
        return root.resolve("drafts").resolve(slug(vkId) + ".json");
    }

    public void saveDraft(Draft d) throws IOException {
        AtomicFiles.write(draftFile(d.vkId()), draftFileBytes(d));
    }

    /**
     * A draft file's content exactly as {@link #saveDraft} writes it (envelope, key values removed), for a draft
     * file kept anywhere else (the command line's {@code export}); {@link #readDraft} reads it back.
     */
    public byte[] draftFileBytes(Draft d) throws IOException {
        ObjectNode n = envelope("draft");
        n.set("draft", WorkspaceJson.MAPPER.valueToTree(new Draft(d.vkId(), strip(d.base()), strip(d.edited()),
                d.rawText(), d.queued(), d.savedAt())));
        return WorkspaceJson.MAPPER.writeValueAsBytes(n);
    }

    public void deleteDraft(String vkId) throws IOException {
        Files.deleteIfExists(draftFile(vkId));
    }

    /** Every draft on disk, oldest first. A file that cannot be read is reported by the exception, not skipped. */
    public List<Draft> loadDrafts() throws IOException {
        Path dir = root.resolve("drafts");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Draft> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(readDraft(f));
            }
        }
        out.sort(Comparator.comparing(Draft::savedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    public static Draft readDraft(Path f) throws IOException {
        JsonNode n = WorkspaceJson.MAPPER.readTree(f.toFile());
        check(n, "draft", f);
        return WorkspaceJson.MAPPER.treeToValue(n.get("draft"), Draft.class);
    }

    // ---- cache ---------------------------------------------------------------------------------------------

    public void cacheKeys(List<VirtualKey> keys) throws IOException {
        ObjectNode n = envelope("keys");
        n.set("keys", WorkspaceJson.MAPPER.valueToTree(keys.stream().map(this::strip).toList()));
        AtomicFiles.write(root.resolve("cache").resolve("keys.json"), WorkspaceJson.MAPPER.writeValueAsBytes(n));
    }

    /** The last pulled keys and when they were pulled; empty when nothing is cached. */
    public Cached<List<VirtualKey>> cachedKeys() throws IOException {
        Path f = root.resolve("cache").resolve("keys.json");
        if (!Files.exists(f)) {
            return new Cached<>(List.of(), null);
        }
        JsonNode n = WorkspaceJson.MAPPER.readTree(f.toFile());
        check(n, "keys", f);
        List<VirtualKey> keys = new ArrayList<>();
        for (JsonNode k : n.get("keys")) {
            keys.add(WorkspaceJson.MAPPER.treeToValue(k, VirtualKey.class));
        }
        return new Cached<>(keys, Instant.parse(n.get("written").asText()));
    }

    public void cacheLookups(Lookups.Snapshot lookups) throws IOException {
        ObjectNode n = envelope("lookups");
        n.set("lookups", WorkspaceJson.MAPPER.valueToTree(lookups));
        AtomicFiles.write(root.resolve("cache").resolve("lookups.json"), WorkspaceJson.MAPPER.writeValueAsBytes(n));
    }

    public Cached<Lookups.Snapshot> cachedLookups() throws IOException {
        Path f = root.resolve("cache").resolve("lookups.json");
        if (!Files.exists(f)) {
            return new Cached<>(Lookups.Snapshot.empty(), null);
        }
        JsonNode n = WorkspaceJson.MAPPER.readTree(f.toFile());
        check(n, "lookups", f);
        return new Cached<>(WorkspaceJson.MAPPER.treeToValue(n.get("lookups"), Lookups.Snapshot.class),
                Instant.parse(n.get("written").asText()));
    }

    /** A cached value and when it was written ({@code null} when nothing was cached). */
    public record Cached<T>(T value, Instant written) {
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private ObjectNode envelope(String kind) {
        ObjectNode n = WorkspaceJson.MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("kind", kind);
        n.put("server", server);
        n.put("written", Instant.now().toString());
        return n;
    }

    private static void check(JsonNode n, String kind, Path f) throws IOException {
        if (n == null || !kind.equals(n.path("kind").asText()) || n.path("format").asInt() != FORMAT) {
            throw new IOException(f + " is not a format-" + FORMAT + " " + kind + " file");
        }
    }

    /** Removes the key's secret value unless the user chose to keep values in the workspace. */
    VirtualKey strip(VirtualKey vk) {
        if (vk == null || keepKeyValues || vk.value() == null) {
            return vk;
        }
        return vk.withValue(null);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
