package bifrostdesk.virtualkey.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Spend history from Bifrost's logs endpoints (shared/bifrost-api/LOGS.md): the cost histogram per key, team,
 * customer, provider or model, the by-dimension split and the rankings. It rides on a {@link BifrostClient}'s
 * transport, so auth (Basic, session cookie, the v2.2.6 setup-token header), timeouts and error mapping are the
 * same as for every other call (§9: the logs routes sit behind the same middleware chain).
 * <p>
 * Blocking, like the rest of the API layer: call it off the FX thread. Cancel with {@link #using(CancelToken)}.
 * Each method fetches exactly what it is asked for; caching and choosing what is on screen is the caller's job.
 * <p>
 * <b>No logs.</b> A gateway without logging has no {@code /api/logs*} routes (§7.1): current builds answer a JSON
 * 404, older ones an HTML page with status 200. Call {@link #logsStatus()} first; a later call that meets either
 * answer throws an {@link ApiException} for which {@link #meansNoLogs(ApiException)} is true.
 */
public final class SpendClient {
    static final String CONFIG = "/api/config";
    static final String COST = "/api/logs/histogram/cost";
    static final String COST_BY_DIMENSION = "/api/logs/histogram/cost/by-dimension";
    static final String COST_BY_PROVIDER = "/api/logs/histogram/cost/by-provider";
    static final String RANKINGS = "/api/logs/rankings/by-dimension";

    /** Histogram dimensions upstream knows (§4.2); the fork adds {@code project_id}, {@code app}, {@code user_agent}. */
    public static final Set<String> HISTOGRAM_DIMENSIONS = Set.of("provider", "team_id", "customer_id", "user_id",
            "business_unit_id");
    /** Ranking dimensions (§2); {@code virtual_key} from about v1.5.16. */
    public static final Set<String> RANKING_DIMENSIONS = Set.of("team", "customer", "business_unit", "user",
            "virtual_key");

    private final Transport transport;

    public SpendClient(BifrostClient client) {
        this(client.transport());
    }

    private SpendClient(Transport transport) {
        this.transport = transport;
    }

    /** A view whose calls {@code token} can cancel (one per chart load, say). */
    public SpendClient using(CancelToken token) {
        return new SpendClient(transport.with(token));
    }

    /**
     * Whether the gateway keeps request logs (§7.1, §10 step 1). First {@code GET /api/config}: logging off or no
     * logs store settles it without touching the logs routes. Otherwise (or when the config cannot be read) one
     * small probe of the cost histogram (the last minute, one or two 60-second buckets): JSON means available, a
     * 404 means the routes are missing, an HTML page means an old build's catch-all. Failures that are not about
     * logs (auth, setup lock, unreachable, 5xx) are thrown as they are.
     */
    public LogsStatus logsStatus() throws ApiException {
        return logsStatus(Instant.now());
    }

    LogsStatus logsStatus(Instant now) throws ApiException {
        int retention = LogsStatus.DEFAULT_RETENTION_DAYS;
        try {
            JsonNode config = get(CONFIG, Map.of());
            JsonNode client = config.path("client_config");
            int days = client.path("log_retention_days").asInt(0);
            if (days >= 1) {
                retention = days;
            }
            // §7.1: the plugin loads when enable_logging is unset or true and a logs store exists
            if (client.path("enable_logging").isBoolean() && !client.get("enable_logging").asBoolean()) {
                return new LogsStatus(LogsStatus.Availability.LOGGING_DISABLED, retention);
            }
            if (config.path("is_logs_connected").isBoolean() && !config.get("is_logs_connected").asBoolean()) {
                return new LogsStatus(LogsStatus.Availability.NO_LOGS_STORE, retention);
            }
        } catch (ApiException e) {
            if (!meansNoLogs(e) && e.kind() != ApiException.Kind.MALFORMED_JSON) {
                throw e;
            }
            // no readable config (a proxy, an odd build): the probe below decides
        }
        try {
            costHistogram(CostQuery.between(now.minus(Duration.ofMinutes(1)), now));
            return new LogsStatus(LogsStatus.Availability.AVAILABLE, retention);
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_JSON && e.status() == 200) {
                return new LogsStatus(LogsStatus.Availability.OLD_BUILD_HTML, retention);
            }
            if (e.status() == 404) {
                return new LogsStatus(LogsStatus.Availability.ROUTES_MISSING, retention);
            }
            throw e;
        }
    }

    /**
     * True for the answers of a gateway without logs routes (§7.1): a 404 (JSON "Route not found" or any other
     * body) or an HTML page with status 200. Charts then fall back to the app's own snapshots.
     */
    public static boolean meansNoLogs(ApiException e) {
        return e.status() == 404 || (e.kind() == ApiException.Kind.NOT_JSON && e.status() == 200);
    }

    /** {@code GET /api/logs/histogram/cost} with the query's filters (§4.1). One series: several keys are summed. */
    public CostHistogram costHistogram(CostQuery q) throws ApiException {
        CostHistogram h = SpendJson.costHistogram(get(COST, q.parameters()));
        if (h == null) {
            throw malformed(COST);
        }
        return h;
    }

    /**
     * {@code GET /api/logs/histogram/cost/by-dimension?dimension=…} (§4.2): one stacked series per team, customer,
     * … id. There is no {@code virtual_key} dimension; for per-key lines call {@link #costHistogram} per key.
     */
    public DimensionHistogram costByDimension(String dimension, CostQuery q) throws ApiException {
        Map<String, String> p = new LinkedHashMap<>(q.parameters());
        p.put("dimension", dimension);
        DimensionHistogram h = SpendJson.dimensionHistogram(get(COST_BY_DIMENSION, p), dimension, "by_dimension",
                "dimension_values");
        if (h == null) {
            throw malformed(COST_BY_DIMENSION);
        }
        return h;
    }

    /** {@code GET /api/logs/histogram/cost/by-provider} (§4.3), about v1.4.10 on. */
    public DimensionHistogram costByProvider(CostQuery q) throws ApiException {
        DimensionHistogram h = SpendJson.dimensionHistogram(get(COST_BY_PROVIDER, q.parameters()), "provider",
                "by_provider", "providers");
        if (h == null) {
            throw malformed(COST_BY_PROVIDER);
        }
        return h;
    }

    /**
     * {@code GET /api/logs/rankings/by-dimension} (§4.5): totals per entity over the query's period, best first.
     *
     * @param limit at most this many rows; 0 or less asks for all ({@code all=true})
     */
    public Ranking rankings(String dimension, CostQuery q, int limit) throws ApiException {
        Map<String, String> p = new LinkedHashMap<>(q.parameters());
        p.put("dimension", dimension);
        if (limit > 0) {
            p.put("limit", Integer.toString(limit));
        } else {
            p.put("all", "true");
        }
        Ranking r = SpendJson.ranking(get(RANKINGS, p), dimension);
        if (r == null) {
            throw malformed(RANKINGS);
        }
        return r;
    }

    private JsonNode get(String path, Map<String, String> query) throws ApiException {
        return transport.send("GET", transport.url(path, query), null).json();
    }

    private static ApiException malformed(String path) {
        return new ApiException(ApiException.Kind.MALFORMED_JSON, 200, null, "GET", path, null);
    }
}
