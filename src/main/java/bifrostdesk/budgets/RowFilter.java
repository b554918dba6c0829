package bifrostdesk.budgets;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The review table's filters as one value. All set filters must match. {@code null}/blank means "any".
 *
 * @param nearLimit only rows at 80 % or more
 * @param exhausted only rows at 100 % or more
 * @param inactive  only rows of inactive keys
 * @param provider  only provider-config rows of this provider
 * @param search    case-insensitive text in the owner chain, kind or reset duration
 */
public record RowFilter(boolean nearLimit, boolean exhausted, boolean inactive, String teamId, String customerId,
                        String provider, String search) implements Predicate<BudgetRow> {

    public static final RowFilter ALL = new RowFilter(false, false, false, null, null, null, null);

    @Override
    public boolean test(BudgetRow r) {
        if (nearLimit && !r.nearLimit()) {
            return false;
        }
        if (exhausted && !r.exhausted()) {
            return false;
        }
        if (inactive && (r.vkId() == null || r.vkActive())) {
            return false;
        }
        if (set(teamId) && !teamId.equals(r.teamId())) {
            return false;
        }
        if (set(customerId) && !customerId.equals(r.customerId())) {
            return false;
        }
        if (set(provider) && !provider.equals(r.provider())) {
            return false;
        }
        if (set(search)) {
            String needle = search.trim().toLowerCase(Locale.ROOT);
            return contains(r.ownerChain(), needle) || contains(r.kind().label(), needle)
                    || (r.resetDuration() != null && r.resetDuration().equals(search.trim()));
        }
        return true;
    }

    private static boolean set(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean contains(String hay, String lowerNeedle) {
        if (hay == null) {
            return false;
        }
        int n = lowerNeedle.length();
        for (int i = 0; i + n <= hay.length(); i++) {
            if (hay.regionMatches(true, i, lowerNeedle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
