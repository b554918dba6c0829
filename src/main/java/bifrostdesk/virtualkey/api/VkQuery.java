package bifrostdesk.virtualkey.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query of the VK list. The server clamps {@code limit} to 1..100 ({@code 0} → 25). If both {@code teamId} and
 * {@code customerId} are set the server OR-s them. {@code order} only applies with {@code sortBy}.
 *
 * @param search  case-insensitive substring of the name, or {@code null}
 * @param sortBy  or {@code null} for the server default (created_at, id ascending)
 * @param order   or {@code null}
 */
public record VkQuery(int limit, int offset, String search, String teamId, String customerId, SortBy sortBy,
                      Order order) {

    public enum SortBy {
        NAME("name"), BUDGET_SPENT("budget_spent"), CREATED_AT("created_at"), STATUS("status");

        final String wire;

        SortBy(String wire) {
            this.wire = wire;
        }
    }

    public enum Order {
        ASC, DESC
    }

    public static VkQuery firstPage() {
        return new VkQuery(25, 0, null, null, null, null, null);
    }

    public VkQuery withPage(int newLimit, int newOffset) {
        return new VkQuery(newLimit, newOffset, search, teamId, customerId, sortBy, order);
    }

    public VkQuery withSearch(String value) {
        return new VkQuery(limit, offset, value, teamId, customerId, sortBy, order);
    }

    public VkQuery withTeam(String value) {
        return new VkQuery(limit, offset, search, value, customerId, sortBy, order);
    }

    public VkQuery withCustomer(String value) {
        return new VkQuery(limit, offset, search, teamId, value, sortBy, order);
    }

    public VkQuery sorted(SortBy by, Order direction) {
        return new VkQuery(limit, offset, search, teamId, customerId, by, direction);
    }

    /**
     * Query parameters in a fixed order. {@code limit} and {@code offset} are always sent: their presence selects
     * the server's paginated path, which returns {@code total_count}.
     */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("limit", Integer.toString(limit));
        p.put("offset", Integer.toString(offset));
        putIfSet(p, "search", search);
        putIfSet(p, "team_id", teamId);
        putIfSet(p, "customer_id", customerId);
        if (sortBy != null) {
            p.put("sort_by", sortBy.wire);
            if (order != null) {
                p.put("order", order == Order.ASC ? "asc" : "desc");
            }
        }
        return p;
    }

    private static void putIfSet(Map<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value);
        }
    }
}
