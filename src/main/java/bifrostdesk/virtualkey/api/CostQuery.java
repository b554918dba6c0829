package bifrostdesk.virtualkey.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filters and time range of a logs aggregate call (LOGS.md §3). Both bounds are always sent: without one the
 * server switches to 1-hour buckets with no zero-fill (§3.3), and a value that does not parse is silently
 * ignored rather than refused (§3.2), so this class only ever sends whole-second UTC instants.
 *
 * @param virtualKeyIds VK <b>ids</b> (not {@code sk-bf-…} values); several are summed, not split (§0)
 * @param providers     provider names ({@code openai})
 * @param models        model names
 */
public record CostQuery(Instant start, Instant end, List<String> virtualKeyIds, List<String> teamIds,
                        List<String> customerIds, List<String> providers, List<String> models) {

    public CostQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end before start");
        }
        virtualKeyIds = List.copyOf(virtualKeyIds);
        teamIds = List.copyOf(teamIds);
        customerIds = List.copyOf(customerIds);
        providers = List.copyOf(providers);
        models = List.copyOf(models);
    }

    /** Everything the caller may see between the two instants. */
    public static CostQuery between(Instant start, Instant end) {
        return new CostQuery(start, end, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public CostQuery forVirtualKey(String vkId) {
        return new CostQuery(start, end, List.of(vkId), teamIds, customerIds, providers, models);
    }

    public CostQuery forTeam(String teamId) {
        return new CostQuery(start, end, virtualKeyIds, List.of(teamId), customerIds, providers, models);
    }

    public CostQuery forCustomer(String customerId) {
        return new CostQuery(start, end, virtualKeyIds, teamIds, List.of(customerId), providers, models);
    }

    public CostQuery forProvider(String provider) {
        return new CostQuery(start, end, virtualKeyIds, teamIds, customerIds, List.of(provider), models);
    }

    public CostQuery forModel(String model) {
        return new CostQuery(start, end, virtualKeyIds, teamIds, customerIds, providers, List.of(model));
    }

    /** The query parameters: RFC 3339 seconds in UTC (§3.2), comma lists (§3.1); empty filters are left out. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("start_time", start.truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("end_time", end.truncatedTo(ChronoUnit.SECONDS).toString());
        put(p, "virtual_key_ids", virtualKeyIds);
        put(p, "team_ids", teamIds);
        put(p, "customer_ids", customerIds);
        put(p, "providers", providers);
        put(p, "models", models);
        return p;
    }

    private static void put(Map<String, String> p, String name, List<String> values) {
        if (!values.isEmpty()) {
            p.put(name, String.join(",", values));
        }
    }
}
