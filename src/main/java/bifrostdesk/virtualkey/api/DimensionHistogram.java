package bifrostdesk.virtualkey.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Spend per bucket split by one dimension: {@code /histogram/cost/by-dimension?dimension=team_id|customer_id|…}
 * (LOGS.md §4.2) or {@code /histogram/cost/by-provider} (§4.3, dimension {@code provider}). Keys are <b>ids</b>,
 * not names; owner-less rows are under {@code unassigned} (team, customer) or {@code ""} (provider). Teams and
 * customers are fanned out on some stores, so a bucket's {@code total} can exceed the real spend (§4.2).
 */
public record DimensionHistogram(String dimension, List<Bucket> buckets, long bucketSizeSeconds,
                                 List<String> values) {
    /** The synthetic id of rows without an owner (§4.2). */
    public static final String UNASSIGNED = "unassigned";

    public record Bucket(Instant start, double total, Map<String, Double> byValue) {
        public Bucket {
            byValue = Map.copyOf(byValue);
        }
    }

    public DimensionHistogram {
        buckets = List.copyOf(buckets);
        values = List.copyOf(values);
    }

    public Duration bucketSize() {
        return Duration.ofSeconds(bucketSizeSeconds);
    }
}
