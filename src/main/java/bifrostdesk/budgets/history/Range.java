package bifrostdesk.budgets.history;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.spend.SpendQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The periods the Budgets tab's history charts offer: the last 24 hours, 7 or 30 days, or the selected limit's
 * current window (from its last reset). Without a selected limit the current window is the current calendar
 * month (UTC), Bifrost's most common budget period.
 */
public enum Range {
    // the fixed periods are the command line's (SpendQueries.Period), so the tab and `spend --period` agree
    LAST_24H("Last 24 hours", SpendQueries.Period.LAST_24H.length()),
    LAST_7D("Last 7 days", SpendQueries.Period.LAST_7D.length()),
    LAST_30D("Last 30 days", SpendQueries.Period.LAST_30D.length()),
    CURRENT_WINDOW("Current window", null);

    private final String label;
    private final Duration length;

    Range(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** Where the period starts when it ends at {@code now}. */
    public Instant from(BudgetRow selected, Instant now) {
        if (length != null) {
            return now.minus(length);
        }
        if (selected != null && selected.windowStart() != null && selected.windowStart().isBefore(now)) {
            return selected.windowStart();
        }
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * The bucket size for spend that is not bucketed by the gateway (snapshots): what the gateway picks for the same
     * range (LOGS.md §3.3), an hour up to two days, a day beyond.
     */
    public static Duration bucketFor(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(Duration.ofDays(2)) <= 0 ? Duration.ofHours(1)
                : Duration.ofDays(1);
    }
}
