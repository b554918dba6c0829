package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.BusinessUnitRec;
import bifrostdesk.sandbox.Records.CustomerRec;
import bifrostdesk.sandbox.Records.KeyRec;
import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.ProviderRec;
import bifrostdesk.sandbox.Records.RateLimitRec;
import bifrostdesk.sandbox.Records.TeamRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Read-only lookups used by a VK editor: providers, keys, MCP clients, teams, customers, budgets, rate limits. */
final class LookupHandler {
    private final SandboxStore store;
    private final Dialect dialect;
    private final VkJson json;

    LookupHandler(SandboxStore store, Dialect dialect) {
        this.store = store;
        this.dialect = dialect;
        this.json = new VkJson(store, dialect);
    }

    boolean handle(Exchange ex) throws IOException {
        if (!ex.method.equals("GET")) {
            return false;
        }
        String p = ex.path;
        if (p.equals("/api/providers")) {
            ObjectNode o = Json.obj();
            ArrayNode arr = o.putArray("providers");
            store.providers.values().forEach(pr -> arr.add(provider(pr)));
            o.put("total", store.providers.size());
            ex.ok(o);
            return true;
        }
        if (p.startsWith("/api/providers/")) {
            String[] parts = p.substring("/api/providers/".length()).split("/");
            ProviderRec pr = store.providers.get(Exchange.decode(parts[0]));
            if (parts.length == 1) {
                if (pr == null) {
                    ex.error(404, "Provider not found");
                } else {
                    ex.ok(provider(pr));
                }
                return true;
            }
            if (parts.length == 2 && parts[1].equals("keys") && dialect != Dialect.LEGACY) {
                if (pr == null) {
                    ex.error(404, "Provider not found");
                    return true;
                }
                ObjectNode o = Json.obj();
                ArrayNode arr = o.putArray("keys");
                pr.keys.forEach(k -> arr.add(key(k)));
                o.put("total", pr.keys.size());
                ex.ok(o);
                return true;
            }
            return false;
        }
        if (p.equals("/api/keys") && dialect != Dialect.LEGACY) {
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (ProviderRec pr : store.providers.values()) {
                for (KeyRec k : pr.keys) {
                    ObjectNode o = arr.addObject();
                    o.put("id", k.dbId);
                    o.put("key_id", k.keyId);
                    o.put("name", k.name);
                    o.put("provider", k.provider);
                    o.set("models", Json.arr(k.models));
                    o.putArray("blacklisted_models");
                    o.put("weight", k.weight);
                    o.put("enabled", k.enabled);
                    o.set("value", secret(k.secret));
                }
            }
            ex.ok(arr);
            return true;
        }
        if (p.equals("/api/mcp/clients")) {
            mcpClients(ex);
            return true;
        }
        if (p.equals("/api/governance/teams")) {
            String customer = ex.query.getOrDefault("customer_id", "");
            List<ObjectNode> items = new ArrayList<>();
            for (TeamRec t : store.teams.values()) {
                if ((customer.isEmpty() || customer.equals(t.customerId)) && nameMatches(ex, t.name)) {
                    items.add(team(t));
                }
            }
            page(ex, "teams", items);
            return true;
        }
        if (p.startsWith("/api/governance/teams/")) {
            TeamRec t = store.teams.get(Exchange.decode(p.substring("/api/governance/teams/".length())));
            if (t == null) {
                ex.error(404, "Team not found");
            } else {
                ex.ok(Json.obj().set("team", team(t)));
            }
            return true;
        }
        if (p.equals("/api/governance/customers")) {
            List<ObjectNode> items = new ArrayList<>();
            for (CustomerRec c : store.customers.values()) {
                if (nameMatches(ex, c.name)) {
                    items.add(customer(c));
                }
            }
            page(ex, "customers", items);
            return true;
        }
        if (p.startsWith("/api/governance/customers/")) {
            CustomerRec c = store.customers.get(Exchange.decode(p.substring("/api/governance/customers/".length())));
            if (c == null) {
                ex.error(404, "Customer not found");
            } else {
                ex.ok(Json.obj().set("customer", customer(c)));
            }
            return true;
        }
        if (dialect.atLeast(Dialect.V2) && p.startsWith("/api/governance/business-units")) {
            return businessUnits(ex, p.substring("/api/governance/business-units".length()));
        }
        if (p.equals("/api/governance/budgets")) {
            ObjectNode o = Json.obj();
            ArrayNode arr = o.putArray("budgets");
            store.allBudgets().forEach(b -> arr.add(json.budget(b.budget(), b.ownerField(), b.ownerId())));
            o.put("count", arr.size());
            ex.ok(o);
            return true;
        }
        if (p.equals("/api/governance/rate-limits")) {
            ObjectNode o = Json.obj();
            ArrayNode arr = o.putArray("rate_limits");
            for (RateLimitRec r : store.allRateLimits()) {
                arr.add(json.rateLimit(r));
            }
            o.put("count", arr.size());
            ex.ok(o);
            return true;
        }
        return false;
    }

    /**
     * Enterprise business units (REFERENCE-v2 §11.8), the third VK owner. The route exists on enterprise builds; its
     * exact JSON was not read, so this is the teams/customers shape with id and name.
     */
    private boolean businessUnits(Exchange ex, String rest) throws IOException {
        if (rest.isEmpty()) {
            List<ObjectNode> items = new ArrayList<>();
            for (BusinessUnitRec b : store.businessUnits.values()) {
                if (nameMatches(ex, b.name)) {
                    items.add(businessUnit(b));
                }
            }
            page(ex, "business_units", items);
            return true;
        }
        if (!rest.startsWith("/")) {
            return false;
        }
        BusinessUnitRec b = store.businessUnits.get(Exchange.decode(rest.substring(1)));
        if (b == null) {
            ex.error(404, "Business unit not found");
        } else {
            ex.ok(Json.obj().set("business_unit", businessUnit(b)));
        }
        return true;
    }

    private ObjectNode businessUnit(BusinessUnitRec b) {
        ObjectNode o = Json.obj();
        o.put("id", b.id);
        o.put("name", b.name);
        o.put("virtual_key_count", store.vks.values().stream().filter(v -> b.id.equals(v.businessUnitId)).count());
        o.put("created_at", Json.time(b.createdAt));
        o.put("updated_at", Json.time(b.createdAt));
        return o;
    }

    private static boolean nameMatches(Exchange ex, String name) {
        String s = ex.query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
        return s.isEmpty() || name.toLowerCase(Locale.ROOT).contains(s);
    }

    private static void page(Exchange ex, String field, List<ObjectNode> items) throws IOException {
        int limit = intParam(ex, "limit");
        int offset = Math.max(0, intParam(ex, "offset"));
        limit = limit <= 0 ? (ex.query.containsKey("limit") ? 25 : Math.max(items.size(), 1)) : Math.min(limit, 100);
        int from = Math.min(offset, items.size());
        int to = Math.min(from + limit, items.size());
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray(field);
        items.subList(from, to).forEach(arr::add);
        o.put("count", to - from);
        o.put("total_count", items.size());
        o.put("limit", ex.query.containsKey("limit") ? limit : to - from);
        o.put("offset", offset);
        ex.ok(o);
    }

    private static int intParam(Exchange ex, String name) {
        try {
            return Integer.parseInt(ex.query.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ObjectNode team(TeamRec t) {
        ObjectNode o = json.team(t);
        int count = 0;
        for (VkRec v : store.vks.values()) {
            if (t.id.equals(v.teamId)) {
                count++;
            }
        }
        o.put("virtual_key_count", count);
        return o;
    }

    private ObjectNode customer(CustomerRec c) {
        ObjectNode o = json.customer(c);
        ArrayNode teams = o.putArray("teams");
        store.teams.values().stream().filter(t -> c.id.equals(t.customerId)).forEach(t -> teams.add(json.team(t)));
        return o;
    }

    private ObjectNode provider(ProviderRec pr) {
        ObjectNode o = Json.obj();
        o.put("name", pr.name);
        ObjectNode net = o.putObject("network_config");
        net.put("default_request_timeout_in_seconds", 30);
        net.put("max_retries", 0);
        ObjectNode conc = o.putObject("concurrency_and_buffer_size");
        conc.put("concurrency", 1000);
        conc.put("buffer_size", 5000);
        o.put("send_back_raw_request", false);
        o.put("send_back_raw_response", false);
        o.put("store_raw_request_response", false);
        o.put("provider_status", "active");
        o.put("status", "active");
        if (dialect == Dialect.LEGACY) {
            ArrayNode keys = o.putArray("keys");
            pr.keys.forEach(k -> keys.add(key(k)));
        }
        return o;
    }

    /** A redacted schemas.Key; {@code id} is the UUID that goes into key_ids / allowed_keys. */
    private ObjectNode key(KeyRec k) {
        ObjectNode o = Json.obj();
        o.put("id", k.keyId);
        o.put("name", k.name);
        o.set("value", secret(k.secret));
        o.set("models", Json.arr(k.models));
        o.put("weight", k.weight);
        o.put("enabled", k.enabled);
        return o;
    }

    /** EnvVar.Redacted: ≤ 8 chars all '*', else first 4 + 24 '*' + last 4. */
    static ObjectNode secret(String raw) {
        String s = raw == null ? "" : raw;
        String red = s.length() <= 8 ? "*".repeat(s.length())
                : s.substring(0, 4) + "*".repeat(24) + s.substring(s.length() - 4);
        ObjectNode o = Json.obj();
        o.put("value", red);
        o.put("env_var", "");
        o.put("from_env", false);
        return o;
    }

    private void mcpClients(Exchange ex) throws IOException {
        List<ObjectNode> items = new ArrayList<>();
        for (McpClientRec c : store.mcpClients.values()) {
            if (!nameMatches(ex, c.name)) {
                continue;
            }
            ObjectNode o = Json.obj();
            ObjectNode cfg = o.putObject("config");
            cfg.put("client_id", c.clientId);
            cfg.put("name", c.name);
            cfg.put("connection_type", c.connectionType);
            cfg.set("connection_string", secret(c.connectionString));
            cfg.set("tools_to_execute", Json.arr(c.clientToolsToExecute));
            // v2.1.0 renamed the flag (the old name is still accepted on input, REFERENCE-v2 §11.7.2)
            cfg.put(dialect.atLeast(Dialect.V2) ? "allow_by_default" : "allow_on_all_virtual_keys", false);
            ArrayNode tools = o.putArray("tools");
            c.tools.forEach((name, desc) -> tools.addObject().put("name", name).put("description", desc));
            o.put("state", "connected");
            items.add(o);
        }
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("clients");
        items.forEach(arr::add);
        o.put("count", items.size());
        o.put("total_count", items.size());
        o.put("limit", items.size());
        o.put("offset", 0);
        ex.ok(o);
    }
}
