package bifrostdesk.bulk;

import bifrostdesk.drafts.Draft;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of exported draft files as one bulk change: each key becomes its draft's edited state. A key changed on
 * the server after its draft's base was read is flagged, not overwritten (export it again or merge it in the app).
 */
public final class DraftFilesOperation implements BulkOperation {
    private final Map<String, Draft> drafts = new HashMap<>();

    public DraftFilesOperation(List<Draft> list) {
        list.forEach(d -> drafts.put(d.vkId(), d));
    }

    @Override
    public String describe() {
        return "saves the edited state of " + drafts.size() + " draft files";
    }

    @Override
    public String changedSinceReason(VirtualKey server) {
        Draft d = drafts.get(server.id());
        if (d == null) {
            return "no draft file for this key";
        }
        return server.changedSince(d.base()) ? "changed on the server after the draft was exported (updated at "
                + server.updatedAt() + "); export it again or merge it with apply --merge" : null;
    }

    @Override
    public VirtualKey apply(VirtualKey server) {
        Draft d = drafts.get(server.id());
        // the draft file has no secret value; the server's is kept so "no change" compares equal
        return d == null ? server : BulkJournal.stamp(d.edited().withValue(server.value()), server.updatedAt());
    }
}
