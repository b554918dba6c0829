package bifrostdesk.drafts.merge;

import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of {@link ThreeWayMerge#merge}: the merged key with conflicts provisionally resolved to the server's
 * value, and the conflicts in a stable order (by path, then field).
 */
public final class MergeResult {
    private final VirtualKey base;
    private final VirtualKey mine;
    private final VirtualKey theirs;
    private final VirtualKey merged;
    private final List<Conflict> conflicts;
    private final Set<String> ids = new HashSet<>();

    MergeResult(VirtualKey base, VirtualKey mine, VirtualKey theirs, VirtualKey merged, List<Conflict> conflicts) {
        this.base = base;
        this.mine = mine;
        this.theirs = theirs;
        this.merged = merged;
        this.conflicts = List.copyOf(conflicts);
        for (Conflict c : conflicts) {
            ids.add(c.id());
        }
    }

    /** Every non-conflicting change of both sides applied; conflicting fields hold the server's value. */
    public VirtualKey merged() {
        return merged;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    public boolean clean() {
        return conflicts.isEmpty();
    }

    /**
     * The merged key with the given choices applied, by {@link Conflict#id()}; conflicts without a choice stay
     * {@link Choice#THEIRS}.
     *
     * @throws IllegalArgumentException for an id that is not one of {@link #conflicts()}
     */
    public VirtualKey resolve(Map<String, Choice> choices) {
        if (choices == null || choices.isEmpty()) {
            return merged;
        }
        for (String id : choices.keySet()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("no conflict with id " + id);
            }
        }
        return new Merger(base, mine, theirs, choices).run();
    }
}
