package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.CustomerRec;
import bifrostdesk.sandbox.Records.TeamRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.sandbox.SyntheticHistory.Plan;
import bifrostdesk.sandbox.SyntheticHistory.Stream;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /api/config} and the spend endpoints of {@code /api/logs} (shared/bifrost-api/LOGS.md): the cost
 * histogram (§4.1), its by-dimension (§4.2) and by-provider (§4.3) splits and the rankings (§4.5), over the
 * {@link SyntheticHistory} of the store's keys; the bucket size is the server's choice (§3.3). With logs off the
 * routes do not exist (§7.1): a JSON 404, or for an old build the dashboard's HTML page with status 200.
 * <p>
 * Over 400 lines, earned by one job: the logs endpoints of LOGS.md, one method per route and its parameters.
 */
final class LogsHandler {
    static final String INDEX_HTML = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Bifrost</title></head><body><div id=\"root\"></div></body></html>";
    /** §4.2 upstream dimensions plus the fork's (the sandbox imitates the v2.2.6-era fork). */
    static final Set<String> HISTOGRAM_DIMENSIONS = Set.of("provider", "team_id", "customer_id", "user_id",
            "business_unit_id", "project_id", "app", "user_agent");
    static final Set<String> RANKING_DIMENSIONS = Set.of("team", "customer", "business_unit", "user",
            "virtual_key", "project", "app", "user_agent");
    private static final String UNASSIGNED = "unassigned";

    private final SandboxStore store;
    private final SandboxOptions options;
    private final SyntheticHistory history;

    LogsHandler(SandboxStore store, SandboxOptions options) {
        this.store = store;
        this.options = options;
        this.history = new SyntheticHistory(store, options.logRetentionDays());
    }

    SyntheticHistory history() {
        return history;
    }

    /** Handles {@code /api/config} and {@code /api/logs*}; the caller holds the store lock. */
    boolean handle(Exchange ex) throws IOException {
        String p = ex.path;
        if (p.equals("/api/config") && ex.method.equals("GET")) {
            ex.ok(config());
            return true;
        }
        if (!p.equals("/api/logs") && !p.startsWith("/api/logs/")) {
            return false;
        }
        switch (options.logs()) {
            case OFF -> ex.error(404, "Route not found: " + p);
            case OLD_BUILD -> {
                if (ex.method.equals("GET")) {
                    html(ex);
                } else {
                    ex.error(404, "Route not found: " + p);
                }
            }
            case ON -> route(ex, p);
            default -> throw new IllegalStateException();
        }
        return true;
    }

    private void route(Exchange ex, String p) throws IOException {
        if (!ex.method.equals("GET")) {
            ex.error(404, "Route not found: " + p);
            return;
        }
        Instant now = Instant.now();
        switch (p) {
            case "/api/logs/histogram/cost" -> ex.ok(cost(Query.parse(ex, now)));
            case "/api/logs/histogram/cost/by-provider" -> ex.ok(split(Query.parse(ex, now), "provider",
                    "by_provider", "providers"));
            case "/api/logs/histogram/cost/by-dimension" -> {
                String dim = ex.query.getOrDefault("dimension", "");
                if (dim.isEmpty()) {
                    throw ApiException.bare(400, "dimension is required");
                }
                if (!HISTOGRAM_DIMENSIONS.contains(dim)) {
                    throw ApiException.bare(400, "invalid dimension: " + dim);
                }
                ObjectNode o = split(Query.parse(ex, now), dim, "by_dimension", "dimension_values");
                o.put("dimension", dim);
                ex.ok(o);
            }
            case "/api/logs/rankings/by-dimension" -> rankings(ex, now);
            default -> ex.error(404, "Route not found: " + p);
        }
    }

    /** §7.1: what the app reads to know whether logs exist, and the retention (§7.2). */
    private ObjectNode config() {
        ObjectNode o = Json.obj();
        ObjectNode client = o.putObject("client_config");
        client.put("drop_excess_requests", false);
        if (options.logs() == SandboxOptions.Logs.OLD_BUILD) {
            return o; // an older build's config carries no logging fields
        }
        client.put("enable_logging", options.logs() == SandboxOptions.Logs.ON);
        client.put("log_retention_days", options.logRetentionDays());
        o.put("is_logs_connected", options.logs() == SandboxOptions.Logs.ON);
        o.put("is_object_storage_connected", false);
        return o;
    }

    private static void html(Exchange ex) throws IOException {
        byte[] bytes = INDEX_HTML.getBytes(StandardCharsets.UTF_8);
        ex.http.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.http.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.http.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- queries --------------------------------------------------------------------------------------------

    /**
     * The filters and range of §3. {@code start}/{@code end} are null when absent or unparsable (§3.2: ignored,
     * not refused); {@code period} overrides both.
     */
    record Query(Instant start, Instant end, Set<String> vks, Set<String> teams, Set<String> customers,
                 Set<String> providers, Set<String> models, Instant now) {

        static Query parse(Exchange ex, Instant now) {
            Instant start = time(ex.query.get("start_time"));
            Instant end = time(ex.query.get("end_time"));
            Long period = switch (ex.query.getOrDefault("period", "")) {
                case "1h" -> 3600L;
                case "6h" -> 6 * 3600L;
                case "24h" -> 86_400L;
                case "7d" -> 7 * 86_400L;
                case "30d" -> 30 * 86_400L;
                default -> null;
            };
            if (period != null) {
                end = now;
                start = now.minusSeconds(period);
            }
            return new Query(start, end, list(ex, "virtual_key_ids"), list(ex, "team_ids"), list(ex, "customer_ids"),
                    list(ex, "providers"), list(ex, "models"), now);
        }

        private static Instant time(String v) {
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static Set<String> list(Exchange ex, String name) {
            String v = ex.query.get(name);
            if (v == null || v.isBlank()) {
                return Set.of();
            }
            Set<String> out = new HashSet<>();
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }

        boolean bounded() {
            return start != null && end != null;
        }

        long from() {
            return start == null ? Long.MIN_VALUE : start.getEpochSecond() + (start.getNano() > 0 ? 1 : 0);
        }

        long to() {
            return end == null ? Long.MAX_VALUE : end.getEpochSecond();
        }

        /** §3.3, {@code logstore.DefaultBucketSize}. */
        long bucketSize() {
            if (!bounded()) {
                return 3600;
            }
            long len = end.getEpochSecond() - start.getEpochSecond();
            long h = 3600;
            long d = 86_400;
            if (len < 2 * h) {
                return 60;
            }
            if (len < 24 * h) {
                return 600;
            }
            if (len < 3 * d) {
                return 3600;
            }
            if (len < 7 * d) {
                return 28_800;
            }
            if (len <= 31 * d) {
                return 86_400;
            }
            if (len < 90 * d) {
                return 259_200;
            }
            if (len < 365 * d) {
                return 604_800;
            }
            return 2_592_000;
        }
    }

    /** One event seen by a query: its key and stream. */
    private interface EventSink {
        void accept(long t, VkRec vk, Stream stream, double cost);
    }

    private void scan(Query q, EventSink sink) {
        Map<String, Plan> plans = history.plans(q.now());
        for (Plan plan : plans.values()) {
            VkRec v = plan.vk;
            if (!q.vks().isEmpty() && !q.vks().contains(v.id)) {
                continue;
            }
            if (!q.teams().isEmpty() && (v.teamId == null || !q.teams().contains(v.teamId))) {
                continue;
            }
            if (!q.customers().isEmpty() && !q.customers().contains(customerOf(v))) {
                continue;
            }
            plan.events(Math.max(q.from(), plan.historyStart), Math.min(q.to(), plan.now), (t, st, cost) -> {
                if ((q.providers().isEmpty() || q.providers().contains(st.provider()))
                        && (q.models().isEmpty() || q.models().contains(st.model()))) {
                    sink.accept(t, v, st, cost);
                }
            });
        }
    }

    /** The key's customer, directly or through its team; null for none. */
    private String customerOf(VkRec v) {
        if (v.customerId != null) {
            return v.customerId;
        }
        TeamRec t = v.teamId == null ? null : store.teams.get(v.teamId);
        return t == null ? null : t.customerId;
    }

    /** Bucket starts: zero-filled from the aligned start to the end when bounded, else only non-empty ones (§3.3). */
    private static TreeMap<Long, Map<String, Double>> buckets(Query q, long size) {
        TreeMap<Long, Map<String, Double>> out = new TreeMap<>();
        if (q.bounded()) {
            long first = Math.floorDiv(q.start().getEpochSecond(), size) * size;
            for (long b = first; b <= q.end().getEpochSecond(); b += size) {
                out.put(b, new LinkedHashMap<>());
            }
        }
        return out;
    }

    private ObjectNode cost(Query q) {
        long size = q.bucketSize();
        TreeMap<Long, Map<String, Double>> buckets = buckets(q, size);
        Map<String, Double> modelTotals = new LinkedHashMap<>();
        scan(q, (t, vk, st, cost) -> {
            buckets.computeIfAbsent(Math.floorDiv(t, size) * size, k -> new LinkedHashMap<>())
                    .merge(st.model(), cost, Double::sum);
            modelTotals.merge(st.model(), cost, Double::sum);
        });
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("buckets");
        buckets.forEach((start, byModel) -> {
            ObjectNode b = arr.addObject();
            b.put("timestamp", Json.time(Instant.ofEpochSecond(start)));
            b.put("total_cost", byModel.values().stream().mapToDouble(Double::doubleValue).sum());
            ObjectNode m = b.putObject("by_model");
            byModel.forEach(m::put);
        });
        o.put("bucket_size_seconds", size);
        o.set("models", Json.arr(modelTotals.keySet())); // §4.1: not sorted
        return o;
    }

    private ObjectNode split(Query q, String dimension, String mapField, String valuesField) {
        long size = q.bucketSize();
        TreeMap<Long, Map<String, Double>> buckets = buckets(q, size);
        Map<String, Double> totals = new HashMap<>();
        scan(q, (t, vk, st, cost) -> {
            String key = dimensionValue(dimension, vk, st);
            buckets.computeIfAbsent(Math.floorDiv(t, size) * size, k -> new LinkedHashMap<>())
                    .merge(key, cost, Double::sum);
            totals.merge(key, cost, Double::sum);
        });
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("buckets");
        buckets.forEach((start, split) -> {
            ObjectNode b = arr.addObject();
            b.put("timestamp", Json.time(Instant.ofEpochSecond(start)));
            b.put("total_cost", split.values().stream().mapToDouble(Double::doubleValue).sum());
            ObjectNode m = b.putObject(mapField);
            split.forEach(m::put);
        });
        o.put("bucket_size_seconds", size);
        List<String> values = new ArrayList<>(totals.keySet());
        values.sort(Comparator.comparing((String v) -> -totals.get(v)).thenComparing(v -> v));
        o.set(valuesField, Json.arr(values));
        return o;
    }

    /** §4.2: ids, not names; owner-less rows under "unassigned" (team, customer, …) or "" (provider, app, …). */
    private String dimensionValue(String dimension, VkRec vk, Stream st) {
        return switch (dimension) {
            case "provider" -> st.provider();
            case "team_id", "team" -> or(vk.teamId);
            case "customer_id", "customer" -> or(customerOf(vk));
            case "business_unit_id", "business_unit" -> or(vk.businessUnitId);
            case "virtual_key" -> vk.id;
            case "app", "user_agent" -> "";
            default -> UNASSIGNED;
        };
    }

    private static String or(String id) {
        return id == null ? UNASSIGNED : id;
    }

    // ---- rankings (§4.5) -----------------------------------------------------------------------------------

    private void rankings(Exchange ex, Instant now) throws IOException {
        if (!options.dialect().atLeast(Dialect.LATER)) {
            // rankings by dimension came with ~v1.5.6 (§2)
            ex.error(404, "Route not found: " + ex.path);
            return;
        }
        String dim = ex.query.getOrDefault("dimension", "");
        if (!RANKING_DIMENSIONS.contains(dim)) {
            throw ApiException.bare(400, dim.isEmpty() ? "dimension is required" : "invalid dimension: " + dim);
        }
        Query q = Query.parse(ex, now);
        Map<String, double[]> current = totals(q, dim);
        Map<String, double[]> previous = Map.of();
        if (q.bounded()) {
            long len = q.end().getEpochSecond() - q.start().getEpochSecond();
            Query before = new Query(q.start().minusSeconds(len), q.start().minusNanos(1), q.vks(), q.teams(),
                    q.customers(), q.providers(), q.models(), now);
            previous = totals(before, dim);
        }
        List<String> ids = new ArrayList<>(current.keySet());
        ids.sort(Comparator.comparing((String id) -> -current.get(id)[0]).thenComparing(id -> id));
        int limit = 100;
        try {
            limit = Integer.parseInt(ex.query.getOrDefault("limit", "100"));
        } catch (NumberFormatException ignored) {
            // the default
        }
        if ("true".equals(ex.query.get("all"))) {
            limit = Integer.MAX_VALUE;
        }
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("rankings");
        long requests = 0;
        for (String id : ids) {
            double[] c = current.get(id);
            requests += (long) c[1];
            if (arr.size() >= Math.max(1, limit)) {
                continue;
            }
            ObjectNode r = arr.addObject();
            r.put("id", id);
            r.put("name", nameOf(dim, id));
            r.put("total_requests", (long) c[1]);
            r.put("total_tokens", Math.round(c[0] * 25_000));
            r.put("total_cost", c[0]);
            double[] p = previous.get(id);
            ObjectNode trend = r.putObject("trend");
            trend.put("has_previous_period", q.bounded());
            trend.put("requests_trend", pct(c[1], p == null ? 0 : p[1]));
            trend.put("tokens_trend", pct(c[0], p == null ? 0 : p[0]));
            trend.put("cost_trend", pct(c[0], p == null ? 0 : p[0]));
        }
        o.put("dimension", dim);
        o.put("total_actual_requests", requests);
        o.put("total_attributed_requests", requests);
        ex.ok(o);
    }

    /** Per entity: {cost, request batches}. */
    private Map<String, double[]> totals(Query q, String dim) {
        Map<String, double[]> out = new HashMap<>();
        scan(q, (t, vk, st, cost) -> {
            double[] a = out.computeIfAbsent(dimensionValue(dim, vk, st), k -> new double[2]);
            a[0] += cost;
            a[1] += 1;
        });
        return out;
    }

    private static double pct(double now, double before) {
        return before <= 0 ? 0 : (now - before) / before * 100;
    }

    private String nameOf(String dim, String id) {
        switch (dim) {
            case "virtual_key" -> {
                VkRec v = store.vks.get(id);
                return v == null ? id : v.name;
            }
            case "team" -> {
                TeamRec t = store.teams.get(id);
                return t == null ? id : t.name;
            }
            case "customer" -> {
                CustomerRec c = store.customers.get(id);
                return c == null ? id : c.name;
            }
            default -> {
                return id;
            }
        }
    }

    /** For tests: the bucket size the server picks for a range (§3.3). */
    static long bucketSizeFor(Instant start, Instant end) {
        return new Query(start, end, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), end).bucketSize();
    }
}
