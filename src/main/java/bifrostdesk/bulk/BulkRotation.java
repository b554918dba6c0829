package bifrostdesk.bulk;

import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rotation through the server's bulk endpoint ({@code POST /api/governance/virtual-keys/rotate} with
 * {@code {"ids": [...]}}, REFERENCE §2.8), {@value #CHUNK} keys per request, instead of one request per key. The
 * answer's per-id errors are not trusted alone: each key is re-read afterwards and counts as rotated when its value
 * changed, which also covers the "rotated in database but …" 500 (committed, REFERENCE-v2.md §11.12).
 */
final class BulkRotation {
    static final int CHUNK = 100;

    private BulkRotation() {
    }

    /** The bulk rotate request for {@code ids}. */
    static PlannedRequest request(List<String> ids) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ids.forEach(body.putArray("ids")::add);
        return new PlannedRequest("POST", UpdateBuilder.BASE_PATH + "/rotate", body,
                "gives " + ids.size() + " keys new values in one request");
    }

    /**
     * Rotates {@code fresh} (copies re-read just before, not changed since the review) and returns one result per
     * key, in order.
     */
    static List<KeyResult> rotate(BifrostClient client, List<VirtualKey> fresh) {
        List<KeyResult> out = new ArrayList<>();
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            List<VirtualKey> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
            PlannedRequest r = request(chunk.stream().map(VirtualKey::id).toList());
            String failure = null;
            try {
                client.execute(r);
            } catch (ApiException e) {
                failure = e.userMessage(); // some keys may still have rotated: the re-read below tells
            }
            for (int i = 0; i < chunk.size(); i++) {
                VirtualKey before = chunk.get(i);
                // the request is journaled once, with the chunk's first key
                List<PlannedRequest> sent = i == 0 ? List.of(r) : List.of();
                out.add(check(client, before, sent, failure));
            }
        }
        return out;
    }

    private static KeyResult check(BifrostClient client, VirtualKey before, List<PlannedRequest> sent,
                                   String failure) {
        try {
            VirtualKey after = client.getVirtualKey(before.id());
            if (!Objects.equals(after.value(), before.value())) {
                return new KeyResult(before.id(), before.name(), KeyResult.Status.SENT, before, after, sent,
                        failure == null ? "rotated" : "rotated (the server answered \"" + failure + "\")");
            }
            return new KeyResult(before.id(), before.name(), KeyResult.Status.FAILED, before, null, sent,
                    failure == null ? "the server did not rotate this key" : failure);
        } catch (ApiException e) {
            return new KeyResult(before.id(), before.name(), KeyResult.Status.FAILED, before, null, sent,
                    "could not read the key back: " + e.userMessage());
        }
    }
}
