package bifrostdesk.virtualkey.model;

import java.time.Instant;

/**
 * Extra headroom granted on a budget through {@code PUT …/budgets/{id}/override} (v1.6.7+, REFERENCE-v2.md §11.5.6).
 * The budget's {@code max_limit} stays the base; the effective limit adds the amount while the override is live.
 *
 * @param amount          extra USD on top of the base limit
 * @param mode            {@code "cycles"} (for a number of reset windows) or {@code "forever"}
 * @param cyclesRemaining windows left, counting the current one ({@code cycles} mode only)
 * @param cyclesTotal     windows granted ({@code cycles} mode only)
 * @param anchorReset     the window start the grant was anchored on
 */
public record BudgetOverride(double amount, String mode, Integer cyclesRemaining, Integer cyclesTotal,
                             Instant anchorReset) {
    public static final String CYCLES = "cycles";
    public static final String FOREVER = "forever";

    /** The server's rule: a positive amount, and either forever or cycles with some left. */
    public boolean isActive() {
        if (amount <= 0) {
            return false;
        }
        return FOREVER.equals(mode) || (CYCLES.equals(mode) && cyclesRemaining != null && cyclesRemaining > 0);
    }
}
