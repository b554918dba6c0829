package bifrostdesk.budgets;

import bifrostdesk.virtualkey.model.UsageLevel;
import java.time.Duration;
import java.time.Instant;

/**
 * One limit line on the server, flattened for the review table: a budget (USD) or one sub-limit of a rate limit
 * (tokens or requests), with its owner chain customer → team → virtual key → provider config.
 * <p>
 * {@code usage} is the usage that counts now: 0 when the window is over ({@code windowExpired}), because Bifrost
 * resets expired windows. Owner fields are {@code null} where they do not apply (a team row has no key).
 *
 * @param nodePath editor node path inside the key ({@code budgets/0}, {@code provider_configs/2/rate_limit}),
 *                 {@code ""} for team and customer rows
 * @param ownerChain display text of the owners, e.g. {@code Acme Corp › Platform › checkout-service › openai}, or
 *                   {@code … › openai › gpt-4o} for a per-model limit
 * @param limit      the effective limit: for a budget with a live override the base plus the override
 * @param model      the model of a per-model limit ({@link BudgetKind.Scope#MODEL}), {@code null} otherwise
 * @param limitNote  how the limit is made up when it is not just the base ("base $100.00 + $50.00 override, 2 of 3
 *                   cycles left"), {@code ""} otherwise
 */
public record BudgetRow(String customerId, String customerName, String teamId, String teamName,
                        String vkId, String vkName, boolean vkActive, Long providerConfigId, String provider,
                        BudgetKind kind, double limit, double usage, String resetDuration, boolean calendarAligned,
                        Instant lastReset, Instant windowStart, Instant nextReset, Duration timeLeft,
                        boolean windowExpired, String nodePath, String ownerChain, String model,
                        String limitNote) {

    /** A row without a model or a limit note (every limit before per-model budgets and overrides). */
    public BudgetRow(String customerId, String customerName, String teamId, String teamName,
                     String vkId, String vkName, boolean vkActive, Long providerConfigId, String provider,
                     BudgetKind kind, double limit, double usage, String resetDuration, boolean calendarAligned,
                     Instant lastReset, Instant windowStart, Instant nextReset, Duration timeLeft,
                     boolean windowExpired, String nodePath, String ownerChain) {
        this(customerId, customerName, teamId, teamName, vkId, vkName, vkActive, providerConfigId, provider, kind,
                limit, usage, resetDuration, calendarAligned, lastReset, windowStart, nextReset, timeLeft,
                windowExpired, nodePath, ownerChain, null, "");
    }

    public BudgetRow {
        limitNote = limitNote == null ? "" : limitNote;
    }

    public double remaining() {
        return Math.max(0, limit - usage);
    }

    /** Usage over the limit, 1.0 = exhausted; 0 without a positive limit. */
    public double fraction() {
        return limit <= 0 ? 0 : usage / limit;
    }

    public boolean exhausted() {
        return limit > 0 && usage >= limit;
    }

    public boolean nearLimit() {
        return UsageLevel.of(fraction()).atLeast(UsageLevel.NEAR);
    }

    /** The owner the limit belongs to, as a short label ("checkout-service / openai", "team Platform"). */
    public String ownerLabel() {
        return switch (kind.scope()) {
            case CUSTOMER -> "customer " + customerName;
            case TEAM -> "team " + teamName;
            case VIRTUAL_KEY -> vkName;
            case PROVIDER_CONFIG -> vkName + " / " + provider;
            case MODEL -> vkName + " / " + provider + " / " + model;
        };
    }

    /** The same row for a per-model limit of {@code m}, with the note on how its limit is made up. */
    public BudgetRow withModel(String m, String note) {
        return new BudgetRow(customerId, customerName, teamId, teamName, vkId, vkName, vkActive, providerConfigId,
                provider, kind, limit, usage, resetDuration, calendarAligned, lastReset, windowStart, nextReset,
                timeLeft, windowExpired, nodePath, ownerChain, m, note);
    }

    /** The limit in the row's unit, with how it is made up when an override adds to it: "$150.00 (base …)". */
    public String limitText() {
        return format(limit) + (limitNote.isEmpty() ? "" : " (" + limitNote + ")");
    }

    /** A short name of the limit among its key's limits, for the breakdown chart ("key", "openai #3", …). */
    public String breakdownLabel() {
        String who = switch (kind.scope()) {
            case PROVIDER_CONFIG -> provider + " #" + providerConfigId;
            case MODEL -> provider + " #" + providerConfigId + " " + model;
            case VIRTUAL_KEY -> "key";
            case TEAM -> "team " + teamName;
            case CUSTOMER -> "customer " + customerName;
        };
        return who + " · " + resetDuration;
    }

    /** The amount in the row's unit: "$12.50", "1,200 tokens", "30 requests". */
    public String format(double amount) {
        return kind.format(amount);
    }
}
