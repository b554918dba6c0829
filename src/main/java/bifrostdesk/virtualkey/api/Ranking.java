package bifrostdesk.virtualkey.api;

import java.util.List;

/**
 * {@code GET /api/logs/rankings/by-dimension} (LOGS.md §4.5): totals per entity over a period with the trend
 * against the previous period of equal length. No time series. {@code virtual_key} exists from about v1.5.16.
 * Ids {@code unassigned} and {@code other} are synthetic buckets.
 */
public record Ranking(String dimension, List<Entry> entries) {

    /**
     * @param trend {@code null} when the server sent none
     */
    public record Entry(String id, String name, long requests, long tokens, double cost, Trend trend) {
    }

    /** Percent change against the previous period; meaningless when {@code hasPreviousPeriod} is false. */
    public record Trend(boolean hasPreviousPeriod, double requestsPercent, double tokensPercent,
                        double costPercent) {
    }

    public Ranking {
        entries = List.copyOf(entries);
    }
}
