package bifrostdesk.spend;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.virtualkey.api.CostQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Which logs query shows a review row's spend (LOGS.md §3.1, §6), and the periods the history offers. */
public final class SpendQueries {
    private SpendQueries() {
    }

    /**
     * The periods of the history and the top consumers. The gateway picks the bucket size from the range (§3.3):
     * 24 h gives hourly buckets, 7 d and 30 d daily ones (3-day ones on old builds for 30 d).
     */
    public enum Period {
        LAST_24H("24h", Duration.ofHours(24)),
        LAST_7D("7d", Duration.ofDays(7)),
        LAST_30D("30d", Duration.ofDays(30));

        private final String label;
        private final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        public String label() {
            return label;
        }

        public Duration length() {
            return length;
        }

        /** "24h", "7d" or "30d". */
        public static Period parse(String s) {
            for (Period p : values()) {
                if (p.label.equals(s.toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("Unknown period '" + s + "': use 24h, 7d or 30d");
        }
    }

    /**
     * The cost-histogram query for a row's spend: the key (§0: one key per call), plus its provider for a provider
     * config's budget and its model for a per-model one; the team or customer for theirs (§6). Null for rate limits:
     * their tokens and requests are not spend (only the app's snapshots have their history).
     */
    public static CostQuery forRow(BudgetRow r, Instant from, Instant to) {
        if (!r.kind().isBudget()) {
            return null;
        }
        CostQuery q = CostQuery.between(from, to);
        return switch (r.kind().scope()) {
            case CUSTOMER -> q.forCustomer(r.customerId());
            case TEAM -> q.forTeam(r.teamId());
            case VIRTUAL_KEY -> q.forVirtualKey(r.vkId());
            case PROVIDER_CONFIG -> q.forVirtualKey(r.vkId()).forProvider(r.provider());
            case MODEL -> q.forVirtualKey(r.vkId()).forProvider(r.provider()).forModel(r.model());
        };
    }
}
