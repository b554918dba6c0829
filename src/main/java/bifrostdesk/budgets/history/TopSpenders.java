package bifrostdesk.budgets.history;

import bifrostdesk.virtualkey.api.Ranking;
import java.util.List;

/**
 * The keys that spent most over a period, biggest first: from the gateway's rankings (LOGS.md §4.5), or without
 * logs from this app's snapshots of each key's own budget. Pure data.
 *
 * @param note where the numbers come from, in words
 */
public record TopSpenders(List<Entry> entries, String note) {

    /**
     * @param vkId         the key's id, {@code null} for a synthetic bucket
     * @param trendPercent change against the previous period of the same length; NaN when not known
     */
    public record Entry(String vkId, String name, double cost, double trendPercent) {
    }

    /** The ranking's keys, without the "unassigned" and "other" buckets, at most {@code max}. */
    public static TopSpenders of(Ranking r, int max, String note) {
        List<Entry> entries = r.entries().stream()
                .filter(e -> !"unassigned".equals(e.id()) && !"other".equals(e.id()) && e.cost() > 0)
                .limit(max)
                .map(e -> new Entry(e.id(), e.name() == null || e.name().isBlank() ? e.id() : e.name(), e.cost(),
                        e.trend() != null && e.trend().hasPreviousPeriod() ? e.trend().costPercent() : Double.NaN))
                .toList();
        return new TopSpenders(entries, note);
    }
}
