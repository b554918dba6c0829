package bifrostdesk.drafts;

import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of every save and sync: what was sent, when, to which server, and the result. One JSON object per
 * line ({@code journal.jsonl}), appended and flushed; a line torn by a crash is skipped when reading. Request
 * bodies hold no secrets (a VK update carries no key value, provider key or MCP connection string).
 */
public final class Journal {
    private static final ObjectMapper LINE = new ObjectMapper();
    private final Path file;
    private final String server;

    public Journal(Path file, String server) {
        this.file = file;
        this.server = server;
    }

    public static Journal of(Workspace ws) {
        return new Journal(ws.root().resolve("journal.jsonl"), ws.server());
    }

    /** One journal line, as read back. */
    public record Entry(Instant at, String server, String action, String vkId, String vkName, List<String> requests,
                        String result, boolean ok) {
    }

    /**
     * Appends an entry.
     *
     * @param action   e.g. "save", "sync", "create", "delete", "activate"
     * @param requests the requests that were sent (method, path, body)
     * @param result   "saved", or the error message
     */
    public synchronized void record(String action, String vkId, String vkName, List<PlannedRequest> requests,
                                    boolean ok, String result) throws IOException {
        ObjectNode n = LINE.createObjectNode();
        n.put("format", Workspace.FORMAT);
        n.put("at", Instant.now().toString());
        n.put("server", server);
        n.put("action", action);
        n.put("vk_id", vkId);
        n.put("vk_name", vkName);
        requestsTo(n.putArray("requests"), requests);
        n.put("ok", ok);
        n.put("result", result);
        append(n);
    }

    static void requestsTo(ArrayNode rs, List<PlannedRequest> requests) {
        for (PlannedRequest r : requests) {
            ObjectNode o = rs.addObject();
            o.put("method", r.method());
            o.put("path", r.path());
            if (r.body() != null) {
                o.set("body", r.body());
            }
        }
    }

    /**
     * One key of a bulk change as the journal keeps it.
     *
     * @param status         what happened to it (the report's status: SENT, FAILED, STALE, …)
     * @param before         the state it had before (no secret value); what an undo restores
     * @param afterUpdatedAt the key's {@code updated_at} after the change; an undo flags a key whose time differs
     */
    public record BulkKey(String vkId, String vkName, String status, VirtualKey before, Instant afterUpdatedAt,
                          List<PlannedRequest> requests, String result) {
    }

    /** A bulk change read back from the journal. */
    public record BulkEntry(Instant at, String server, String id, String operation, String result, boolean ok,
                            List<BulkKey> keys) {
    }

    /**
     * Appends one entry for a whole bulk change ({@code "action": "bulk"}): every key's requests, result and
     * before-state. {@link #entries()} shows it as one entry with all the requests.
     */
    public synchronized void recordBulk(String id, String operation, List<BulkKey> keys, boolean ok, String result)
            throws IOException {
        ObjectNode n = LINE.createObjectNode();
        n.put("format", Workspace.FORMAT);
        n.put("at", Instant.now().toString());
        n.put("server", server);
        n.put("action", "bulk");
        n.putNull("vk_id");
        n.put("vk_name", keys.size() + " keys: " + operation);
        n.putArray("requests");
        n.put("ok", ok);
        n.put("result", result);
        JournalBulk.fill(n, id, operation, keys);
        append(n);
    }

    /** The bulk changes in the journal, oldest first. */
    public List<BulkEntry> bulkEntries() throws IOException {
        List<BulkEntry> out = new ArrayList<>();
        for (JsonNode n : lines()) {
            if (n.has("bulk")) {
                out.add(JournalBulk.read(n));
            }
        }
        return out;
    }

    private synchronized void append(ObjectNode n) throws IOException {
        byte[] line = (LINE.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(false);
        }
    }

    /** Every entry, oldest first. */
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : lines()) {
            List<String> requests = new ArrayList<>();
            for (JsonNode r : n.path("requests")) {
                requests.add(r.path("method").asText() + " " + r.path("path").asText()
                        + (r.has("body") ? " " + r.get("body").toString() : ""));
            }
            JournalBulk.flatRequests(n.path("bulk"), requests);
            out.add(new Entry(Instant.parse(n.path("at").asText()), n.path("server").asText(), n.path("action").asText(),
                    n.path("vk_id").asText(), n.path("vk_name").asText(), requests, n.path("result").asText(),
                    n.path("ok").asBoolean()));
        }
        return out;
    }

    /** Every line that parses, oldest first (a line torn by a crash is skipped). */
    private List<JsonNode> lines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(LINE.readTree(line));
            } catch (IOException torn) {
                // skipped, see the class comment
            }
        }
        return out;
    }

    /** The journal as it is on disk, for export. */
    public Path file() {
        return file;
    }
}
