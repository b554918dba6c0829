package bifrostdesk.drafts.merge;

import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.Map;
import java.util.Objects;

/**
 * Three-way merge of a queued draft ({@code mine}) with the server's current copy ({@code theirs}), both descended
 * from the draft's {@code base}. The result is always built on {@code theirs}: ids, timestamps, the key value, the
 * config hash and every usage counter come from the server; the user-editable settings are merged field by field
 * (see {@link Merger} for the rules).
 */
public final class ThreeWayMerge {
    private ThreeWayMerge() {
    }

    public static MergeResult merge(VirtualKey base, VirtualKey mine, VirtualKey theirs) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(mine, "mine");
        Objects.requireNonNull(theirs, "theirs");
        Merger m = new Merger(base, mine, theirs, Map.of());
        VirtualKey merged = m.run();
        return new MergeResult(base, mine, theirs, merged, m.conflicts());
    }
}
