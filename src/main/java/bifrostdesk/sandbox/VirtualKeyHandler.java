package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code /api/governance/virtual-keys[/{id}]}. Caller holds the store lock. */
final class VirtualKeyHandler {
    static final String PREFIX = "/api/governance/virtual-keys";
    static final String RELOAD_FAILED = "Virtual key updated in database but failed to reload in-memory state";

    private final SandboxStore store;
    private final VkJson json;
    private final VkUpdater updater;
    private final AtomicBoolean failAfterCommit;

    VirtualKeyHandler(SandboxStore store, Dialect dialect, AtomicBoolean failAfterCommit) {
        this.dialect = dialect;
        this.store = store;
        this.json = new VkJson(store, dialect);
        this.updater = new VkUpdater(store, dialect);
        this.failAfterCommit = failAfterCommit;
    }

    private final Dialect dialect;

    boolean handle(Exchange ex) throws IOException {
        if (ex.path.equals(PREFIX) || ex.path.equals(PREFIX + "/")) {
            switch (ex.method) {
                case "GET" -> list(ex);
                case "POST" -> create(ex);
                default -> ex.error(405, "Method not allowed");
            }
            return true;
        }
        if (!ex.path.startsWith(PREFIX + "/")) {
            return false;
        }
        String id = Exchange.decode(ex.path.substring(PREFIX.length() + 1));
        if (id.endsWith("/rotate") && ex.method.equals("POST") && dialect.atLeast(Dialect.LATER)) {
            rotate(ex, id.substring(0, id.length() - "/rotate".length()));
            return true;
        }
        if (id.contains("/")) {
            return false;
        }
        switch (ex.method) {
            case "GET" -> {
                VkRec v = store.vks.get(id);
                if (v == null) {
                    ex.error(404, "Virtual key not found");
                } else {
                    ex.ok(Json.obj().set("virtual_key", json.vk(v)));
                }
            }
            case "PUT" -> update(ex, id);
            case "DELETE" -> {
                if (store.vks.remove(id) == null) {
                    ex.error(404, "Virtual key not found");
                } else {
                    ex.ok(Json.obj().put("message", "Virtual key deleted successfully"));
                }
            }
            default -> ex.error(405, "Method not allowed");
        }
        return true;
    }

    /** B/C: a new value, the configuration unchanged (REFERENCE §2.8). */
    private void rotate(Exchange ex, String id) throws IOException {
        VkRec v = store.vks.get(id);
        if (v == null) {
            ex.error(404, "Virtual key not found");
            return;
        }
        v.value = "sk-bf-" + java.util.UUID.randomUUID();
        v.updatedAt = java.time.Instant.now();
        ObjectNode o = Json.obj().put("message", "Virtual key rotated successfully");
        o.set("virtual_key", json.vk(v));
        ex.ok(o);
    }

    private void create(Exchange ex) throws IOException {
        JsonNode req = ex.jsonBody();
        try {
            VkRec v = updater.create(req);
            ObjectNode o = Json.obj().put("message", "Virtual key created successfully");
            o.set("virtual_key", json.vk(v));
            ex.ok(o);
        } catch (ApiException e) {
            ex.error(e.status, e.render("Failed to create virtual key: "));
        }
    }

    private void update(Exchange ex, String id) throws IOException {
        JsonNode req = ex.jsonBody();
        VkRec v;
        try {
            v = updater.update(id, req);
        } catch (ApiException e) {
            ex.error(e.status, e.render("Failed to update virtual key: "));
            return;
        }
        if (failAfterCommit.getAndSet(false)) {
            ex.error(500, RELOAD_FAILED);
            return;
        }
        ObjectNode o = Json.obj().put("message", "Virtual key updated successfully");
        o.set("virtual_key", json.vk(v));
        ex.ok(o);
    }

    private static int parseNonNegative(Exchange ex, String name) {
        String raw = ex.query.get(name);
        if (raw == null || raw.isEmpty()) {
            return -1;
        }
        int n;
        try {
            n = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiException.bare(400, "Invalid " + name + " parameter: must be a number");
        }
        if (n < 0) {
            throw ApiException.bare(400, "Invalid " + name + " parameter: must be non-negative");
        }
        return n;
    }

    private void list(Exchange ex) throws IOException {
        int limit;
        int offset;
        try {
            limit = parseNonNegative(ex, "limit");
            offset = parseNonNegative(ex, "offset");
        } catch (ApiException e) {
            ex.error(e.status, e.getMessage());
            return;
        }
        boolean paginated = List.of("limit", "offset", "search", "customer_id", "team_id", "sort_by", "export")
                .stream().anyMatch(ex.query::containsKey);
        List<VkRec> all = new ArrayList<>(store.vks.values());
        Comparator<VkRec> byCreated = Comparator.comparing((VkRec v) -> v.createdAt).thenComparing(v -> v.id);
        if (!paginated) {
            all.sort(byCreated);
            write(ex, all, all.size(), all.size(), 0);
            return;
        }
        String search = ex.query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
        String team = ex.query.getOrDefault("team_id", "");
        String customer = ex.query.getOrDefault("customer_id", "");
        List<VkRec> matching = new ArrayList<>();
        for (VkRec v : all) {
            if (!search.isEmpty() && !v.name.toLowerCase(Locale.ROOT).contains(search)) {
                continue;
            }
            if (!team.isEmpty() || !customer.isEmpty()) {
                boolean ok = (!team.isEmpty() && team.equals(v.teamId))
                        || (!customer.isEmpty() && customer.equals(v.customerId));
                if (!ok) {
                    continue;
                }
            }
            matching.add(v);
        }
        Comparator<VkRec> order = switch (ex.query.getOrDefault("sort_by", "")) {
            case "name" -> Comparator.comparing((VkRec v) -> v.name.toLowerCase(Locale.ROOT));
            case "budget_spent" -> Comparator.comparingDouble(VirtualKeyHandler::budgetSpent);
            case "created_at" -> Comparator.comparing((VkRec v) -> v.createdAt);
            case "status" -> Comparator.comparing((VkRec v) -> v.isActive);
            default -> null;
        };
        if (order == null) {
            matching.sort(byCreated);
        } else {
            if ("desc".equalsIgnoreCase(ex.query.get("order"))) {
                order = order.reversed();
            }
            matching.sort(order.thenComparing(byCreated));
        }
        boolean export = "true".equals(ex.query.get("export"));
        if (export) {
            limit = limit <= 0 ? 10_000 : Math.min(limit, 10_000);
        } else {
            limit = limit <= 0 ? 25 : Math.min(limit, 100);
        }
        offset = Math.max(offset, 0);
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        write(ex, matching.subList(from, to), matching.size(), limit, offset);
    }

    static double budgetSpent(VkRec v) {
        return v.budgets.stream().mapToDouble(b -> b.currentUsage).max().orElse(0);
    }

    private void write(Exchange ex, List<VkRec> page, int total, int limit, int offset) throws IOException {
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("virtual_keys");
        page.forEach(v -> arr.add(json.vk(v)));
        o.put("count", page.size());
        o.put("total_count", total);
        o.put("limit", limit);
        o.put("offset", offset);
        ex.ok(o);
    }
}
