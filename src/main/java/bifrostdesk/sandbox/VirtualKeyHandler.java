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
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /api/governance/virtual-keys[/{id}]}, rotation, and (V2) the budget override sub-path. Caller holds the
 * store lock.
 */
final class VirtualKeyHandler {
    static final String PREFIX = "/api/governance/virtual-keys";
    private static final Pattern OVERRIDE = Pattern.compile("([^/]+)/budgets/([^/]+)/override");
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private final SandboxStore store;
    private final Dialect dialect;
    private final boolean v2;
    private final SandboxOptions options;
    private final VkJson json;
    private final VkUpdater updater;
    private final CommitFaults faults;
    private final OverrideHandler overrides;

    VirtualKeyHandler(SandboxStore store, SandboxOptions options, CommitFaults faults) {
        this.store = store;
        this.options = options;
        this.dialect = options.dialect();
        this.v2 = dialect.atLeast(Dialect.V2);
        this.json = new VkJson(store, dialect);
        this.updater = new VkUpdater(store, dialect, options.keyIdsOmittedKeepsKeys());
        this.faults = faults;
        this.overrides = new OverrideHandler(store, json, faults);
    }

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
        if (id.equals("rotate") && ex.method.equals("POST") && dialect.atLeast(Dialect.LATER)) {
            rotateMany(ex);
            return true;
        }
        if (id.endsWith("/rotate") && ex.method.equals("POST") && dialect.atLeast(Dialect.LATER)) {
            rotate(ex, id.substring(0, id.length() - "/rotate".length()));
            return true;
        }
        var override = OVERRIDE.matcher(id);
        if (v2 && override.matches()) {
            overrides.handle(ex, override.group(1), override.group(2));
            return true;
        }
        if (id.contains("/")) {
            return false;
        }
        switch (ex.method) {
            case "GET" -> getOne(ex, id);
            case "PUT" -> update(ex, id);
            case "DELETE" -> {
                if (store.vks.remove(id) == null) {
                    ex.error(404, "Virtual key not found");
                } else {
                    store.virtualMcps.values().forEach(m -> m.virtualKeyIds.remove(id));
                    ex.ok(Json.obj().put("message", "Virtual key deleted successfully"));
                }
            }
            default -> ex.error(405, "Method not allowed");
        }
        return true;
    }

    /** V2 adds {@code virtual_mcp_ids} next to the key, except on the from_memory path (REFERENCE-v2 §11.11.1). */
    private void getOne(Exchange ex, String id) throws IOException {
        VkRec v = store.vks.get(id);
        if (v == null) {
            ex.error(404, "Virtual key not found");
            return;
        }
        ObjectNode o = Json.obj();
        o.set("virtual_key", json.vk(v));
        if (v2 && !"true".equals(ex.query.get("from_memory"))) {
            ArrayNode ids = o.putArray("virtual_mcp_ids");
            store.virtualMcpIdsOf(id).forEach(ids::add);
        }
        ex.ok(o);
    }

    /**
     * B/C: a new value, the configuration unchanged (REFERENCE §2.8). V2 (§11.10) stamps {@code rotated_at}; with a
     * cooldown the old value works until {@code previous_value_expires_at}, without one that field is cleared.
     */
    private void rotateOne(VkRec v) {
        java.time.Instant now = java.time.Instant.now();
        v.value = "sk-bf-" + java.util.UUID.randomUUID();
        v.updatedAt = now;
        if (v2) {
            v.rotatedAt = now;
            java.time.Duration cooldown = options.rotationCooldown();
            v.previousValueExpiresAt = cooldown.isZero() ? null : now.plus(cooldown);
        }
    }

    private void rotate(Exchange ex, String id) throws IOException {
        VkRec v = store.vks.get(id);
        if (v == null) {
            ex.error(404, "Virtual key not found");
            return;
        }
        rotateOne(v);
        if (faults.take(CommitFault.ROTATE_RELOAD)) {
            ex.error(500, CommitFault.ROTATE_RELOAD.message()); // the new value is stored
            return;
        }
        ObjectNode o = Json.obj().put("message", "Virtual key rotated successfully");
        o.set("virtual_key", json.written(v));
        ex.ok(o);
    }

    /** {@code POST /api/governance/virtual-keys/rotate {"ids":[…]}} (REFERENCE-v2 §11.10). */
    private void rotateMany(Exchange ex) throws IOException {
        JsonNode req = ex.jsonBody();
        List<String> ids = Json.strings(req, "ids");
        if (ids == null || ids.isEmpty()) {
            ex.error(400, "At least one virtual key ID is required");
            return;
        }
        if (ids.stream().anyMatch(String::isBlank)) {
            ex.error(400, "Virtual key ID cannot be empty");
            return;
        }
        ObjectNode o = Json.obj();
        ArrayNode done = Json.MAPPER.createArrayNode();
        ObjectNode errors = Json.obj();
        for (String id : ids) {
            VkRec v = store.vks.get(id);
            if (v == null) {
                errors.put(id, "Virtual key not found");
            } else {
                rotateOne(v);
                done.add(json.written(v));
            }
        }
        if (done.isEmpty()) {
            ex.error(500, "Failed to rotate virtual keys");
            return;
        }
        o.put("message", done.size() == ids.size() ? "Virtual keys rotated successfully"
                : "Rotated " + done.size() + " of " + ids.size() + " virtual keys");
        o.set("virtual_keys", done);
        if (!errors.isEmpty()) {
            o.set("errors", errors);
        }
        ex.ok(o);
    }

    private void create(Exchange ex) throws IOException {
        JsonNode req = ex.jsonBody();
        try {
            VkRec v = updater.create(req);
            ObjectNode o = Json.obj().put("message", "Virtual key created successfully");
            o.set("virtual_key", json.written(v));
            ex.ok(o);
        } catch (ApiException e) {
            ex.error(e.status, e.render("Failed to create virtual key: "));
        }
    }

    private void update(Exchange ex, String id) throws IOException {
        JsonNode req = ex.jsonBody();
        VkUpdater.Outcome out;
        try {
            out = updater.update(id, req, faults);
        } catch (ApiException e) {
            ex.error(e.status, e.render("Failed to update virtual key: "));
            return;
        }
        if (out.fault() != null) {
            ex.error(500, out.fault().message()); // committed: a re-GET shows the change
            return;
        }
        ObjectNode o = Json.obj().put("message", "Virtual key updated successfully");
        o.set("virtual_key", json.written(out.vk()));
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
        if (v2) {
            paginated |= ex.query.containsKey("business_unit_id")
                    || ex.query.containsKey("exclude_access_profile_managed_virtual")
                    || ex.query.keySet().stream().anyMatch(k -> k.startsWith("metadata_"));
            for (String k : ex.query.keySet()) {
                if (k.startsWith("metadata_") && !METADATA_KEY.matcher(k.substring(9)).matches()) {
                    ex.error(400, "invalid metadata key \"" + k.substring(9) + "\" in filter " + k);
                    return;
                }
            }
        }
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
        String unit = v2 ? ex.query.getOrDefault("business_unit_id", "") : "";
        boolean hideManaged = v2 && "true".equals(ex.query.get("exclude_access_profile_managed_virtual"));
        List<VkRec> matching = new ArrayList<>();
        for (VkRec v : all) {
            if (!search.isEmpty() && !searchMatches(v, search)) {
                continue;
            }
            if (!team.isEmpty() || !customer.isEmpty() || !unit.isEmpty()) {
                boolean ok = (!team.isEmpty() && team.equals(v.teamId))
                        || (!customer.isEmpty() && customer.equals(v.customerId))
                        || (!unit.isEmpty() && unit.equals(v.businessUnitId));
                if (!ok) {
                    continue;
                }
            }
            if ((hideManaged && v.accessProfileId != null) || !metadataMatches(ex, v)) {
                continue;
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

    /** The name; on V2 also the team and customer names (v2.2.1) and metadata values (§11.11.1). */
    private boolean searchMatches(VkRec v, String search) {
        if (v.name.toLowerCase(Locale.ROOT).contains(search)) {
            return true;
        }
        if (!v2) {
            return false;
        }
        List<String> more = new ArrayList<>(v.metadata.values());
        if (v.teamId != null && store.teams.containsKey(v.teamId)) {
            more.add(store.teams.get(v.teamId).name);
        }
        if (v.customerId != null && store.customers.containsKey(v.customerId)) {
            more.add(store.customers.get(v.customerId).name);
        }
        return more.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(search));
    }

    /** {@code metadata_<key>=<value>} filters, ANDed (M). */
    private boolean metadataMatches(Exchange ex, VkRec v) {
        if (!v2) {
            return true;
        }
        for (Map.Entry<String, String> q : ex.query.entrySet()) {
            if (q.getKey().startsWith("metadata_") && !q.getValue().equals(v.metadata.get(q.getKey().substring(9)))) {
                return false;
            }
        }
        return true;
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
