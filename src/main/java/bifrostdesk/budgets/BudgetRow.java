package bifrostdesk.budgets;

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
 * @param ownerChain display text of the owners, e.g. {@code Acme Corp › Platform › checkout-service › openai}
 */
public record BudgetRow(String customerId, String customerName, String teamId, String teamName,
                        String vkId, String vkName, boolean vkActive, Long providerConfigId, String provider,
                        BudgetKind kind, double limit, double usage, String resetDuration, boolean calendarAligned,
                        Instant lastReset, Instant windowStart, Instant nextReset, Duration timeLeft,
                        boolean windowExpired, String nodePath, String ownerChain) {

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
        return fraction() >= 0.8;
    }

    /** The owner the limit belongs to, as a short label ("checkout-service / openai", "team Platform"). */
    public String ownerLabel() {
        return switch (kind.scope()) {
            case CUSTOMER -> "customer " + customerName;
            case TEAM -> "team " + teamName;
            case VIRTUAL_KEY -> vkName;
            case PROVIDER_CONFIG -> vkName + " / " + provider;
        };
    }

    /** The amount in the row's unit: "$12.50", "1,200 tokens", "30 requests". */
    public String format(double amount) {
        return kind.format(amount);
    }
}
