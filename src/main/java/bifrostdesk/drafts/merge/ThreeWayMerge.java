package bifrostdesk.drafts.merge;

import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.Map;
import java.util.Objects;

/**
 * Three-way merge of a queued draft ({@code mine}) with the server's current copy ({@code theirs}), both descended
 * from the draft's {@code base}. The result is always built on {@code theirs}: ids, timestamps, the key value, the
 * config hash and every usage counter come from the server; the user-editable settings are merged field by field:
 * mine == base → theirs; theirs == base → mine; mine == theirs → theirs; otherwise a {@link Conflict}, provisionally
 * resolved to theirs.
 * <ul>
 *   <li>Key: name, description, active, owner (team + customer as one field), calendar alignment, expiry.</li>
 *   <li>Rate limits (key and provider config): the token limit (max + duration) and the request limit are two fields.</li>
 *   <li>Budgets, provider configs and MCP configs are matched by id. Deleted on one side and unchanged (settings; usage
 *       does not count) on the other → deleted; deleted on one side and changed on the other → one "deleted" conflict.
 *       Items new in mine (no id) are added; a new budget whose reset duration the merged list already has, or a new
 *       MCP attachment whose client the server already attached, conflicts unless equal.</li>
 *   <li>Allowed models, blocked models, key ids ({@code allowAllKeys} as {@code "*"}) and MCP tools compare as sets and
 *       merge as set operations unless a side uses {@code "*"}; a set merge that would empty an allow-list although
 *       neither side emptied it is a conflict.</li>
 * </ul>
 * Items re-created from mine or base when a conflict is resolved that way carry no id and zero usage.
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
