package bifrostdesk.virtualkey.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the logs endpoints' answers (LOGS.md §4). Lenient about extra fields; strict about the ones charts need. */
final class SpendJson {
    private SpendJson() {
    }

    /** §4.1. {@code null} when the answer is not a histogram (no {@code buckets} array). */
    static CostHistogram costHistogram(JsonNode n) {
        if (!n.path("buckets").isArray()) {
            return null;
        }
        List<CostHistogram.Bucket> buckets = new ArrayList<>();
        for (JsonNode b : n.get("buckets")) {
            Instant t = instant(b.path("timestamp"));
            if (t == null) {
                return null;
            }
            buckets.add(new CostHistogram.Bucket(t, b.path("total_cost").asDouble(0), amounts(b.path("by_model"))));
        }
        return new CostHistogram(buckets, n.path("bucket_size_seconds").asLong(0), strings(n.path("models")));
    }

    /**
     * §4.2 ({@code by_dimension}, {@code dimension_values}) and §4.3's by-provider ({@code by_provider},
     * {@code providers}); {@code null} when the answer is not such a histogram.
     */
    static DimensionHistogram dimensionHistogram(JsonNode n, String dimension, String mapField, String valuesField) {
        if (!n.path("buckets").isArray()) {
            return null;
        }
        List<DimensionHistogram.Bucket> buckets = new ArrayList<>();
        for (JsonNode b : n.get("buckets")) {
            Instant t = instant(b.path("timestamp"));
            if (t == null) {
                return null;
            }
            Map<String, Double> split = amounts(b.path(mapField));
            double total = b.has("total_cost") ? b.path("total_cost").asDouble(0)
                    : split.values().stream().mapToDouble(Double::doubleValue).sum();
            buckets.add(new DimensionHistogram.Bucket(t, total, split));
        }
        String dim = n.path("dimension").isTextual() ? n.get("dimension").asText() : dimension;
        return new DimensionHistogram(dim, buckets, n.path("bucket_size_seconds").asLong(0),
                strings(n.path(valuesField)));
    }

    /** §4.5; {@code null} when there is no {@code rankings} array. */
    static Ranking ranking(JsonNode n, String dimension) {
        if (!n.path("rankings").isArray()) {
            return null;
        }
        List<Ranking.Entry> entries = new ArrayList<>();
        for (JsonNode r : n.get("rankings")) {
            JsonNode t = r.path("trend");
            Ranking.Trend trend = t.isObject() ? new Ranking.Trend(t.path("has_previous_period").asBoolean(false),
                    t.path("requests_trend").asDouble(0), t.path("tokens_trend").asDouble(0),
                    t.path("cost_trend").asDouble(0)) : null;
            entries.add(new Ranking.Entry(r.path("id").asText(""), r.path("name").asText(""),
                    r.path("total_requests").asLong(0), r.path("total_tokens").asLong(0),
                    r.path("total_cost").asDouble(0), trend));
        }
        return new Ranking(n.path("dimension").asText(dimension), entries);
    }

    /** RFC 3339 text (what Go's time.Time marshals to), or epoch seconds from builds that send numbers. */
    static Instant instant(JsonNode n) {
        if (n.isNumber()) {
            return Instant.ofEpochSecond(n.asLong());
        }
        if (!n.isTextual()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(n.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, Double> amounts(JsonNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(s -> out.add(s.asText()));
        return out;
    }
}
