package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.AccessLists;
import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.model.AssignedUser;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bifrost VK response JSON → the dialect-free model. Tolerant: unknown fields are ignored and missing ones get
 * the server's default. Only the fields the model has are kept, so the secrets of {@code mcp_client}
 * ({@code connection_string}, {@code headers}) and of provider keys never reach the model.
 * <p>
 * LEGACY (v1.4) meant "all" by an empty list; it is translated to the current meaning here: empty
 * {@code allowed_models}/{@code tools_to_execute} → {@code ["*"]}, no keys → {@code allowAllKeys}, and the single
 * {@code budget} → a one-element budget list.
 */
public final class VirtualKeyJson {
    /** Earlier than this is Go's zero time (or junk): no timestamp. */
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

    private VirtualKeyJson() {
    }

    public static VirtualKey read(JsonNode vk, Dialect d) {
        boolean legacy = d == Dialect.LEGACY;
        List<ProviderConfig> configs = new ArrayList<>();
        for (JsonNode pc : vk.path("provider_configs")) {
            configs.add(providerConfig(pc, legacy));
        }
        List<McpConfig> mcp = new ArrayList<>();
        for (JsonNode m : vk.path("mcp_configs")) {
            mcp.add(mcpConfig(m, legacy));
        }
        return new VirtualKey(text(vk, "id"), text(vk, "name"), text(vk, "description"), text(vk, "value"),
                vk.path("is_active").asBoolean(true),
                idOrNested(vk, "team_id", "team"), idOrNested(vk, "customer_id", "customer"),
                budgets(vk), rateLimit(vk.path("rate_limit")), configs, mcp,
                vk.path("calendar_aligned").asBoolean(false), text(vk, "config_hash"),
                instant(vk.path("created_at")), instant(vk.path("updated_at")), instant(vk.path("expires_at")),
                v2(vk));
    }

    /**
     * The v2 additions (REFERENCE-v2.md §11.11.2). Absent keys stay {@code null} so a save can tell "this server
     * has no such field" from "empty". {@code virtual_mcp_ids} sits next to the key in a GET one response, so
     * {@link #readOne} adds it.
     */
    static V2Fields v2(JsonNode vk) {
        Boolean allowAll = vk.path("allow_all_providers").isBoolean() ? vk.get("allow_all_providers").asBoolean() : null;
        String bu = blankToNull(text(vk, "business_unit_id"));
        if (bu == null) {
            bu = blankToNull(text(vk.path("business_unit"), "id"));
        }
        String buName = blankToNull(text(vk.path("business_unit"), "name"));
        List<AgentGrant> grants = null;
        if (vk.has("agent_grants")) {
            grants = new ArrayList<>();
            for (JsonNode g : vk.path("agent_grants")) {
                if (g.hasNonNull("agent_name")) {
                    grants.add(new AgentGrant(g.get("agent_name").asText(), instant(g.path("created_at"))));
                }
            }
        }
        Map<String, String> metadata = null;
        if (vk.path("metadata").isObject()) {
            metadata = new LinkedHashMap<>();
            for (var it = vk.get("metadata").fields(); it.hasNext(); ) {
                var e = it.next();
                metadata.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        AssignedUser user = null;
        JsonNode u = vk.path("assigned_user");
        if (u.isObject() && !u.isEmpty()) {
            user = new AssignedUser(text(u, "id"), text(u, "name"), text(u, "email"));
        }
        return new V2Fields(allowAll, bu, buName, optionalBoolean(vk, "delete_after_expire"),
                optionalBoolean(vk, "disable_content_logging"), grants, metadata, null, user,
                vk.path("is_access_profile_managed").asBoolean(false), instant(vk.path("previous_value_expires_at")),
                instant(vk.path("rotated_at")));
    }

    /**
     * A {@code GET /api/governance/virtual-keys/{id}} body: {@code {"virtual_key": …, "virtual_mcp_ids": […]}} on
     * Virtual-MCP-aware servers (§11.11.1), or the older shape without the ids.
     */
    public static VirtualKey readOne(JsonNode body, Dialect d) {
        VirtualKey vk = read(body.path("virtual_key"), d);
        if (body.path("virtual_mcp_ids").isArray()) {
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : body.get("virtual_mcp_ids")) {
                Long l = longOrNull(id);
                if (l != null) {
                    ids.add(l);
                }
            }
            vk = vk.withV2(vk.v2().withVirtualMcpIds(ids));
        }
        return vk;
    }

    private static Boolean optionalBoolean(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isBoolean() ? v.asBoolean() : null;
    }

    static ProviderConfig providerConfig(JsonNode pc, boolean legacy) {
        List<String> models = strings(pc.path("allowed_models"));
        if (legacy && models.isEmpty()) {
            models = List.of(AccessLists.ALL);
        }
        List<KeyRef> keys = new ArrayList<>();
        for (JsonNode k : pc.path("keys")) {
            // key_id is the UUID that key_ids takes; a legacy schemas.Key has it as "id" instead.
            String keyId = k.hasNonNull("key_id") ? k.get("key_id").asText()
                    : k.path("id").isTextual() ? k.get("id").asText() : null;
            if (keyId != null) {
                keys.add(new KeyRef(keyId, text(k, "name")));
            }
        }
        boolean allKeys = pc.path("allow_all_keys").asBoolean(false) || (legacy && keys.isEmpty());
        JsonNode weight = pc.path("weight");
        return new ProviderConfig(longOrNull(pc.path("id")), text(pc, "provider"),
                weight.isNumber() ? weight.asDouble() : null, models, allKeys, keys, budgets(pc),
                rateLimit(pc.path("rate_limit")), strings(pc.path("blacklisted_models")), modelBudgets(pc));
    }

    /** {@code model_budgets[]} of a provider config (§11.6); empty when absent. */
    static List<ModelBudget> modelBudgets(JsonNode pc) {
        List<ModelBudget> out = new ArrayList<>();
        for (JsonNode mb : pc.path("model_budgets")) {
            out.add(new ModelBudget(text(mb, "model_name"), budgets(mb), rateLimit(mb.path("rate_limit"))));
        }
        return out;
    }

    static McpConfig mcpConfig(JsonNode m, boolean legacy) {
        String name = m.path("mcp_client").hasNonNull("name") ? m.path("mcp_client").get("name").asText()
                : text(m, "mcp_client_name");
        List<String> tools = strings(m.path("tools_to_execute"));
        if (legacy && tools.isEmpty()) {
            tools = List.of(AccessLists.ALL);
        }
        return new McpConfig(longOrNull(m.path("id")), name, tools);
    }

    /** {@code budgets[]}, or the legacy single {@code budget} (accepted on every dialect, for tolerance). */
    static List<Budget> budgets(JsonNode owner) {
        List<Budget> out = new ArrayList<>();
        if (owner.path("budgets").isArray()) {
            for (JsonNode b : owner.get("budgets")) {
                out.add(budget(b));
            }
        } else if (owner.path("budget").isObject() && !owner.get("budget").isEmpty()) {
            out.add(budget(owner.get("budget")));
        }
        return out;
    }

    public static Budget budget(JsonNode b) {
        JsonNode max = b.path("max_limit");
        Integer month = null;
        if (b.path("reset_config").isObject()) {
            month = b.get("reset_config").path("quarter_start_month").asInt(0);
        }
        BudgetOverride override = null;
        if (b.path("override_amount").isNumber() || b.hasNonNull("override_mode")) {
            override = new BudgetOverride(b.path("override_amount").asDouble(0), text(b, "override_mode"),
                    intOrNull(b.path("override_cycles_remaining")), intOrNull(b.path("override_cycles_total")),
                    instant(b.path("override_anchor_reset")));
        }
        return new Budget(text(b, "id"), max.isNumber() ? max.asDouble() : null, text(b, "reset_duration"),
                b.path("current_usage").asDouble(0), instant(b.path("last_reset")),
                b.path("calendar_aligned").asBoolean(false), month, override);
    }

    private static Integer intOrNull(JsonNode n) {
        return n.isNumber() ? n.asInt() : null;
    }

    /** {@code null} for a missing, null or empty rate limit. */
    public static RateLimit rateLimit(JsonNode r) {
        if (!r.isObject() || r.isEmpty()) {
            return null;
        }
        return new RateLimit(text(r, "id"),
                longOrNull(r.path("token_max_limit")), blankToNull(text(r, "token_reset_duration")),
                r.path("token_current_usage").asLong(0), instant(r.path("token_last_reset")),
                longOrNull(r.path("request_max_limit")), blankToNull(text(r, "request_reset_duration")),
                r.path("request_current_usage").asLong(0), instant(r.path("request_last_reset")));
    }

    /** True when the JSON has the pre-v1.5 shape: a singular budget on the key or on a provider config. */
    static boolean looksLegacy(JsonNode vk) {
        if (vk.has("budget") || vk.has("budget_id")) {
            return true;
        }
        for (JsonNode pc : vk.path("provider_configs")) {
            if (pc.has("budget") || pc.has("budget_id")) {
                return true;
            }
        }
        return false;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String idOrNested(JsonNode vk, String field, String relation) {
        String direct = blankToNull(text(vk, field));
        return direct != null ? direct : blankToNull(text(vk.path(relation), "id"));
    }

    static Long longOrNull(JsonNode n) {
        if (n.isNumber()) {
            return n.asLong();
        }
        if (n.isTextual() && n.asText().matches("-?\\d+")) {
            return Long.parseLong(n.asText());
        }
        return null;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            if (s.isTextual()) {
                out.add(s.asText());
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** RFC 3339 → Instant; Go's zero time (year 1, an unset non-pointer time) and junk → {@code null}. */
    static Instant instant(JsonNode n) {
        if (!n.isTextual() || n.asText().isBlank()) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(n.asText()).toInstant();
            return t.isBefore(EARLIEST) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
