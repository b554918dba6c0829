package bifrostdesk.virtualkey.api;

import static bifrostdesk.virtualkey.api.VirtualKeyJson.longOrNull;
import static bifrostdesk.virtualkey.api.VirtualKeyJson.strings;
import static bifrostdesk.virtualkey.api.VirtualKeyJson.text;

import bifrostdesk.virtualkey.model.Lookups;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON → lookup records. Every mapper copies only names, ids and states: provider keys come back redacted and
 * MCP client configs carry connection strings and headers, neither of which may reach the model.
 */
final class LookupsJson {
    private LookupsJson() {
    }

    /**
     * The elements of {@code root[field]}: an array, or an object keyed by id (the {@code from_memory} shape);
     * a bare top-level array is accepted too.
     */
    static Iterable<JsonNode> items(JsonNode root, String field) {
        if (root.isArray()) {
            return root;
        }
        JsonNode n = root.path(field);
        List<JsonNode> out = new ArrayList<>();
        n.elements().forEachRemaining(out::add);
        return out;
    }

    static Lookups.Provider provider(JsonNode p) {
        String status = text(p, "provider_status");
        return new Lookups.Provider(text(p, "name"), status != null ? status : text(p, "status"));
    }

    /** A row of {@code /api/keys} ({@code key_id}) or a {@code schemas.Key} ({@code id} is the UUID). */
    static Lookups.ProviderKey key(JsonNode k, String providerFallback) {
        String keyId = text(k, "key_id") != null ? text(k, "key_id") : text(k, "id");
        String provider = text(k, "provider") != null ? text(k, "provider") : providerFallback;
        return new Lookups.ProviderKey(keyId, text(k, "name"), provider, strings(k.path("models")));
    }

    static Lookups.McpClient mcpClient(JsonNode c) {
        JsonNode config = c.has("config") ? c.get("config") : c;
        List<Lookups.McpTool> tools = new ArrayList<>();
        for (JsonNode t : c.path("tools")) {
            // Some builds nest the tool as an OpenAI-style {"type":"function","function":{...}}.
            JsonNode f = t.has("function") ? t.get("function") : t;
            if (text(f, "name") != null) {
                tools.add(new Lookups.McpTool(text(f, "name"), text(f, "description")));
            }
        }
        return new Lookups.McpClient(text(config, "name"), text(config, "client_id"), text(c, "state"), tools);
    }

    static Lookups.Team team(JsonNode t) {
        String customer = text(t, "customer_id");
        if (customer == null || customer.isBlank()) {
            customer = text(t.path("customer"), "id");
        }
        return new Lookups.Team(text(t, "id"), text(t, "name"), customer == null || customer.isBlank() ? null
                : customer, VirtualKeyJson.rateLimit(t.path("rate_limit")));
    }

    static Lookups.Customer customer(JsonNode c) {
        return new Lookups.Customer(text(c, "id"), text(c, "name"), VirtualKeyJson.rateLimit(c.path("rate_limit")));
    }

    static Lookups.BusinessUnit businessUnit(JsonNode b) {
        return new Lookups.BusinessUnit(text(b, "id"), text(b, "name"));
    }

    /** §11.7.1: {@code mcp_client_id} may be the client's id or its name. */
    static Lookups.VirtualMcp virtualMcp(JsonNode v) {
        java.util.List<Lookups.VirtualMcpTools> tools = new java.util.ArrayList<>();
        for (JsonNode t : v.path("tools")) {
            tools.add(new Lookups.VirtualMcpTools(text(t, "mcp_client_id"), VirtualKeyJson.strings(t.path("tool_names"))));
        }
        return new Lookups.VirtualMcp(v.path("id").asLong(), text(v, "name"), text(v, "endpoint_slug"),
                text(v, "description"), v.path("enabled").asBoolean(true), tools,
                VirtualKeyJson.strings(v.path("virtual_key_ids")));
    }

    static OwnedBudget ownedBudget(JsonNode b) {
        return new OwnedBudget(VirtualKeyJson.budget(b), text(b, "virtual_key_id"),
                longOrNull(b.path("provider_config_id")), text(b, "team_id"), text(b, "customer_id"));
    }

    static OwnedRateLimit ownedRateLimit(JsonNode r) {
        return new OwnedRateLimit(VirtualKeyJson.rateLimit(r), text(r, "virtual_key_id"),
                longOrNull(r.path("provider_config_id")), text(r, "team_id"), text(r, "customer_id"));
    }
}
