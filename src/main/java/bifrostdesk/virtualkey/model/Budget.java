package bifrostdesk.virtualkey.model;

import java.time.Instant;

/**
 * One budget line of an owner (a virtual key, one of its provider configs, or a model under a provider config).
 *
 * @param id                server id, {@code null} for a budget not yet on the server
 * @param maxLimit          base limit in USD; {@code null} when the user has not given a usable number
 * @param resetDuration     Bifrost duration text, e.g. {@code 1d}, {@code 1M}, {@code 1Q}
 * @param currentUsage      usage in USD in the current window (read-only for editors)
 * @param lastReset         start of the current window, may be {@code null}
 * @param quarterStartMonth v2 {@code reset_config.quarter_start_month} (1–12; 0 = unset = January); {@code null} when
 *                          the server showed no {@code reset_config}. Carried on every save because a PUT that
 *                          omits it deletes it (REFERENCE-v2.md §11.5.2)
 * @param override          an override granted on this budget, {@code null} for none; never sent in a key's PUT
 */
public record Budget(String id, Double maxLimit, String resetDuration, double currentUsage, Instant lastReset,
                     boolean calendarAligned, Integer quarterStartMonth, BudgetOverride override) {

    /** A budget without the v2 additions (the shape before they existed). */
    public Budget(String id, Double maxLimit, String resetDuration, double currentUsage, Instant lastReset,
                  boolean calendarAligned) {
        this(id, maxLimit, resetDuration, currentUsage, lastReset, calendarAligned, null, null);
    }

    public static Budget newBudget(Double maxLimit, String resetDuration) {
        return new Budget(null, maxLimit, resetDuration, 0, null, false);
    }

    public Budget withMaxLimit(Double value) {
        return new Budget(id, value, resetDuration, currentUsage, lastReset, calendarAligned, quarterStartMonth, override);
    }

    public Budget withResetDuration(String value) {
        return new Budget(id, maxLimit, value, currentUsage, lastReset, calendarAligned, quarterStartMonth, override);
    }

    public Budget withQuarterStartMonth(Integer value) {
        return new Budget(id, maxLimit, resetDuration, currentUsage, lastReset, calendarAligned, value, override);
    }

    public Budget withOverride(BudgetOverride value) {
        return new Budget(id, maxLimit, resetDuration, currentUsage, lastReset, calendarAligned, quarterStartMonth, value);
    }

    /** True when an override adds headroom right now. */
    public boolean hasActiveOverride() {
        return override != null && override.isActive();
    }

    /**
     * The limit the gateway enforces: the base plus a live override (§11.5.6); {@code null} without a base.
     * Usage bars and projections use this, or an overridden budget shows more than 100 %.
     */
    public Double effectiveLimit() {
        if (maxLimit == null) {
            return null;
        }
        return hasActiveOverride() ? maxLimit + override.amount() : maxLimit;
    }

    /** Usage as a fraction of the effective limit (1.0 = exhausted); 0 when there is no usable limit. */
    public double usedFraction() {
        Double limit = effectiveLimit();
        return limit == null || limit <= 0 ? 0 : currentUsage / limit;
    }

    /** True for a quarterly duration ({@code 1Q}, {@code 2Q}), the only kind that takes a fiscal start month. */
    public boolean isQuarterly() {
        return resetDuration != null && resetDuration.trim().endsWith("Q");
    }

    public boolean isNew() {
        return id == null;
    }
}
