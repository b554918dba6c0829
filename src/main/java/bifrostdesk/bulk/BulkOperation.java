package bifrostdesk.bulk;

import bifrostdesk.virtualkey.model.VirtualKey;

/**
 * One change applied to many keys: a pure function from a key's server copy to the copy the editor would hold
 * after making that change by hand. The planner plans each result with the editor's own update builder, so every
 * save rule (dialects, {@code key_ids}, owners, budget matching, two-request rate-limit clears) holds per key.
 * Rotation and deletion are not edits of the key's state; they say so through {@link #kind()}.
 */
public interface BulkOperation {

    /** What the change sends per key. */
    enum Kind {
        /** A full-state update of the key (the editor's save). */
        UPDATE,
        /** A new value for the key (the rotate endpoint); the configuration is unchanged. */
        ROTATE,
        /** The key is deleted. */
        DELETE
    }

    /** The change in plain words, e.g. "lowers the 1d budgets by 20 %". */
    String describe();

    default Kind kind() {
        return Kind.UPDATE;
    }

    /**
     * The key after the change, as the editor would hold it; {@code server} itself when the change does not apply
     * to this key (it is then "already as asked"). Only called for {@link Kind#UPDATE}.
     *
     * @throws IllegalArgumentException when the change cannot be made to this key (the reason is shown)
     */
    VirtualKey apply(VirtualKey server);

    /** True when the save also zeroes the usage of every budget ({@code reset_budget_usage}). */
    default boolean resetsUsage() {
        return false;
    }

    /**
     * Why this key must not be changed without a second look (an undo whose key was changed after the bulk change
     * it reverts), or {@code null}. Such keys are listed apart in the review.
     */
    default String changedSinceReason(VirtualKey server) {
        return null;
    }
}
