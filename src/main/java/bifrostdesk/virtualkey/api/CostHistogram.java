package bifrostdesk.virtualkey.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/logs/histogram/cost} (LOGS.md §4.1): logged spend in USD per bucket, split by model. Buckets are
 * server-chosen (§3.3), aligned to multiples of their size from the Unix epoch in UTC, zero-filled between the
 * bounds; the first and last may be partial. This is <b>logged</b> spend, which need not equal a budget's
 * {@code current_usage} (§5).
 */
public record CostHistogram(List<Bucket> buckets, long bucketSizeSeconds, List<String> models) {

    /** One bucket: its start (UTC), the total and the per-model split ({@code total} is their sum). */
    public record Bucket(Instant start, double total, Map<String, Double> byModel) {
        public Bucket {
            byModel = Map.copyOf(byModel);
        }
    }

    public CostHistogram {
        buckets = List.copyOf(buckets);
        models = List.copyOf(models);
    }

    public Duration bucketSize() {
        return Duration.ofSeconds(bucketSizeSeconds);
    }

    /** Sum of every bucket. */
    public double total() {
        double t = 0;
        for (Bucket b : buckets) {
            t += b.total();
        }
        return t;
    }
}
