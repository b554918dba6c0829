package bifrostdesk.virtualkey.model;

import java.time.Instant;

/**
 * One budget line of an owner (a virtual key or one of its provider configs).
 *
 * @param id            server id, {@code null} for a budget not yet on the server
 * @param maxLimit      limit in USD; {@code null} when the user has not given a usable number
 * @param resetDuration Bifrost duration text, e.g. {@code 1d}, {@code 1M}
 * @param currentUsage  usage in USD in the current window (read-only for editors)
 * @param lastReset     start of the current window, may be {@code null}
 */
public record Budget(String id, Double maxLimit, String resetDuration, double currentUsage, Instant lastReset,
                     boolean calendarAligned) {

    public static Budget newBudget(Double maxLimit, String resetDuration) {
        return new Budget(null, maxLimit, resetDuration, 0, null, false);
    }

    public Budget withMaxLimit(Double value) {
        return new Budget(id, value, resetDuration, currentUsage, lastReset, calendarAligned);
    }

    public Budget withResetDuration(String value) {
        return new Budget(id, maxLimit, value, currentUsage, lastReset, calendarAligned);
    }

    /** Usage as a fraction of the limit (1.0 = exhausted); 0 when there is no usable limit. */
    public double usedFraction() {
        return maxLimit == null || maxLimit <= 0 ? 0 : currentUsage / maxLimit;
    }

    public boolean isNew() {
        return id == null;
    }
}
