package bifrostdesk.drafts;

import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's bulk entry: one line for a whole bulk change, with every key's requests, result and the state it
 * had before (without its secret value), so the change can be reverted from the journal later. Written and read by
 * {@link Journal}; format in docs/workspace-format.md ("action": "bulk").
 */
final class JournalBulk {
    private JournalBulk() {
    }

    static void fill(ObjectNode n, String id, String operation, List<Journal.BulkKey> keys) {
        ObjectNode b = n.putObject("bulk");
        b.put("id", id);
        b.put("operation", operation);
        ArrayNode arr = b.putArray("results");
        for (Journal.BulkKey k : keys) {
            ObjectNode o = arr.addObject();
            o.put("vk_id", k.vkId());
            o.put("vk_name", k.vkName());
            o.put("status", k.status());
            o.put("result", k.result());
            if (k.afterUpdatedAt() != null) {
                o.put("after_updated_at", k.afterUpdatedAt().toString());
            }
            if (k.before() != null) {
                o.set("before", WorkspaceJson.MAPPER.valueToTree(k.before().withValue(null)));
            }
            Journal.requestsTo(o.putArray("requests"), k.requests());
        }
    }

    /** The requests of every key, for the flat list {@link Journal#entries()} shows. */
    static void flatRequests(JsonNode bulk, List<String> out) {
        for (JsonNode k : bulk.path("results")) {
            for (JsonNode r : k.path("requests")) {
                out.add(r.path("method").asText() + " " + r.path("path").asText()
                        + (r.has("body") ? " " + r.get("body").toString() : ""));
            }
        }
    }

    static Journal.BulkEntry read(JsonNode n) throws IOException {
        JsonNode b = n.path("bulk");
        List<Journal.BulkKey> keys = new ArrayList<>();
        for (JsonNode k : b.path("results")) {
            VirtualKey before = k.hasNonNull("before")
                    ? WorkspaceJson.MAPPER.treeToValue(k.get("before"), VirtualKey.class) : null;
            List<PlannedRequest> requests = new ArrayList<>();
            for (JsonNode r : k.path("requests")) {
                requests.add(new PlannedRequest(r.path("method").asText(), r.path("path").asText(),
                        r.has("body") ? r.get("body") : null, ""));
            }
            keys.add(new Journal.BulkKey(k.path("vk_id").asText(), k.path("vk_name").asText(),
                    k.path("status").asText(), before, k.hasNonNull("after_updated_at")
                    ? Instant.parse(k.get("after_updated_at").asText()) : null, requests, k.path("result").asText()));
        }
        return new Journal.BulkEntry(Instant.parse(n.path("at").asText()), n.path("server").asText(),
                b.path("id").asText(), b.path("operation").asText(), n.path("result").asText(),
                n.path("ok").asBoolean(), keys);
    }
}
