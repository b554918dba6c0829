package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.AccessProfileRec;
import bifrostdesk.sandbox.Records.AgentGrantRec;
import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.BusinessUnitRec;
import bifrostdesk.sandbox.Records.CustomerRec;
import bifrostdesk.sandbox.Records.KeyRec;
import bifrostdesk.sandbox.Records.McpCfgRec;
import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.RateLimitRec;
import bifrostdesk.sandbox.Records.TeamRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders rows as the dialect's JSON (REFERENCE §2.4; legacy shape from the v1.4 PUT doc page; V2 fields from
 * REFERENCE-v2 §11.11.2). V2 tells reads (GET one, list) from write responses (POST, PUT, rotate), which lack
 * {@code assigned_user}, {@code is_access_profile_managed} and {@code business_unit} (§11.11.3).
 */
final class VkJson {
    private final SandboxStore store;
    private final Dialect dialect;
    private final boolean v2;

    VkJson(SandboxStore store, Dialect dialect) {
        this.store = store;
        this.dialect = dialect;
        this.v2 = dialect.atLeast(Dialect.V2);
    }

    /** The VK as GET one and the list show it. */
    ObjectNode vk(VkRec v) {
        return vk(v, true);
    }

    /** The VK as POST, PUT and rotate answer it. Same as {@link #vk(VkRec)} before V2. */
    ObjectNode written(VkRec v) {
        return vk(v, false);
    }

    private ObjectNode vk(VkRec v, boolean read) {
        boolean legacy = dialect == Dialect.LEGACY;
        // enterprise: every read path swaps in the access profile's budgets and rate limit (§11.13)
        AccessProfileRec profile = v2 && read && v.accessProfileId != null
                ? store.accessProfiles.get(v.accessProfileId) : null;
        ObjectNode o = Json.obj();
        o.put("id", v.id);
        o.put("name", v.name);
        if (v.description != null && !v.description.isEmpty()) {
            o.put("description", v.description);
        }
        o.put("value", v.value);
        o.put("is_active", v.isActive);
        ArrayNode pcs = o.putArray("provider_configs");
        for (PcRec p : v.providerConfigs) {
            pcs.add(pc(v, p));
        }
        ArrayNode mcps = o.putArray("mcp_configs");
        for (McpCfgRec m : v.mcpConfigs) {
            mcps.add(mcp(v, m));
        }
        if (v.teamId != null) {
            o.put("team_id", v.teamId);
        }
        if (v.customerId != null) {
            o.put("customer_id", v.customerId);
        }
        if (legacy) {
            putLegacyBudget(o, v.budgets, "virtual_key_id", v.id);
        }
        if (v2 && v.businessUnitId != null) {
            o.put("business_unit_id", v.businessUnitId);
        }
        if (v.rateLimit != null && profile == null) {
            o.put("rate_limit_id", v.rateLimit.id);
        }
        if (!legacy) {
            o.put("calendar_aligned", v.calendarAligned);
        }
        if (v2) {
            o.put("allow_all_providers", v.allowAllProviders);
        }
        TeamRec t = v.teamId == null ? null : store.teams.get(v.teamId);
        if (t != null) {
            o.set("team", team(t));
        }
        CustomerRec c = v.customerId == null ? null : store.customers.get(v.customerId);
        if (c != null) {
            o.set("customer", customer(c));
        }
        BusinessUnitRec bu = v2 && read && v.businessUnitId != null ? store.businessUnits.get(v.businessUnitId) : null;
        if (bu != null) {
            o.putObject("business_unit").put("id", bu.id).put("name", bu.name);
        }
        Records.RateLimitRec rl = profile != null ? profile.rateLimit : v.rateLimit;
        if (rl != null) {
            o.set("rate_limit", rateLimit(rl));
        }
        java.util.List<BudgetRec> budgets = profile != null ? profile.budgets : v.budgets;
        if (!legacy && !budgets.isEmpty()) {
            ArrayNode bs = o.putArray("budgets");
            budgets.forEach(b -> bs.add(budget(b, "virtual_key_id", v.id)));
        }
        if (v.configHash != null) {
            o.put("config_hash", v.configHash);
        }
        if (dialect.atLeast(Dialect.LATER) && v.expiresAt != null) {
            o.put("expires_at", Json.time(v.expiresAt));
        }
        if (v2) {
            putV2(o, v, read);
        }
        o.put("created_at", Json.time(v.createdAt));
        o.put("updated_at", Json.time(v.updatedAt));
        return o;
    }

    private void putV2(ObjectNode o, VkRec v, boolean read) {
        if (v.deleteAfterExpire != null) {
            o.put("delete_after_expire", v.deleteAfterExpire);
        }
        if (v.disableContentLogging != null) {
            o.put("disable_content_logging", v.disableContentLogging);
        }
        if (v.agentGrants == null) {
            o.putNull("agent_grants"); // no omitempty: null or a list
        } else {
            ArrayNode gs = o.putArray("agent_grants");
            for (AgentGrantRec g : v.agentGrants) {
                gs.addObject().put("virtual_key_id", v.id).put("agent_name", g.agentName())
                        .put("created_at", Json.time(g.createdAt()));
            }
        }
        if (!v.metadata.isEmpty()) {
            ObjectNode m = o.putObject("metadata");
            v.metadata.forEach(m::put);
        }
        if (v.previousValueExpiresAt != null) {
            o.put("previous_value_expires_at", Json.time(v.previousValueExpiresAt));
        }
        if (v.rotatedAt != null) {
            o.put("rotated_at", Json.time(v.rotatedAt));
        }
        if (read) {
            if (v.accessProfileId != null) {
                o.put("is_access_profile_managed", true);
            }
            o.putNull("assigned_user"); // resolved, nobody (OSS); absent from write responses
        }
    }

    private void putLegacyBudget(ObjectNode o, java.util.List<BudgetRec> budgets, String ownerField, Object ownerId) {
        if (!budgets.isEmpty()) {
            o.put("budget_id", budgets.get(0).id);
            o.set("budget", budget(budgets.get(0), ownerField, ownerId));
        }
    }

    ObjectNode pc(VkRec v, PcRec p) {
        boolean legacy = dialect == Dialect.LEGACY;
        ObjectNode o = Json.obj();
        o.put("id", p.id);
        o.put("virtual_key_id", v.id);
        o.put("provider", p.provider);
        if (p.weight == null) {
            o.putNull("weight");
        } else {
            o.put("weight", p.weight);
        }
        o.set("allowed_models", Json.arr(p.allowedModels));
        if (dialect.atLeast(Dialect.LATER)) {
            o.set("blacklisted_models", Json.arr(p.blacklistedModels));
        }
        if (!legacy) {
            o.put("allow_all_keys", p.allowAllKeys);
        } else {
            putLegacyBudget(o, p.budgets, "provider_config_id", p.id);
        }
        if (p.rateLimit != null) {
            o.put("rate_limit_id", p.rateLimit.id);
            o.set("rate_limit", rateLimit(p.rateLimit));
        }
        if (!legacy && !p.budgets.isEmpty()) {
            ArrayNode bs = o.putArray("budgets");
            p.budgets.forEach(b -> bs.add(budget(b, "provider_config_id", p.id)));
        }
        if (v2 && !p.modelBudgets.isEmpty()) {
            ArrayNode ms = o.putArray("model_budgets"); // omitempty, sorted by model_name (kept sorted)
            for (ModelBudgetRec m : p.modelBudgets) {
                ObjectNode mo = ms.addObject();
                mo.put("model_name", m.modelName);
                ArrayNode bs = mo.putArray("budgets");
                m.budgets.forEach(b -> bs.add(budget(b, "model_config_id", m.id)));
                if (m.rateLimit != null) {
                    mo.set("rate_limit", rateLimit(m.rateLimit));
                }
            }
        }
        ArrayNode keys = o.putArray("keys");
        for (String kid : p.keyIds) {
            KeyRec k = store.key(kid);
            if (k == null) {
                continue;
            }
            ObjectNode ko = keys.addObject();
            ko.put("id", k.dbId);
            ko.put("name", k.name);
            ko.put("key_id", k.keyId);
            ko.put("provider", k.provider);
            ko.set("models", Json.arr(k.models));
            ObjectNode val = ko.putObject("value");
            val.put("value", "");
            val.put("env_var", "");
            val.put("from_env", false);
        }
        return o;
    }

    ObjectNode mcp(VkRec v, McpCfgRec m) {
        ObjectNode o = Json.obj();
        o.put("id", m.id);
        o.put("virtual_key_id", v.id);
        o.put("mcp_client_id", m.mcpClientDbId);
        o.set("tools_to_execute", Json.arr(m.toolsToExecute));
        McpClientRec c = store.mcpClientByDbId(m.mcpClientDbId);
        if (c != null) {
            ObjectNode co = o.putObject("mcp_client");
            co.put("id", c.dbId);
            co.put("client_id", c.clientId);
            co.put("name", c.name);
            co.put("connection_type", c.connectionType);
            // the real server leaks these decrypted on this path (REFERENCE §2.4)
            co.put("connection_string", c.connectionString);
            ObjectNode h = co.putObject("headers");
            c.headers.forEach(h::put);
            co.set("tools_to_execute", Json.arr(c.clientToolsToExecute));
            co.put("created_at", Json.time(c.createdAt));
            co.put("updated_at", Json.time(c.createdAt));
        }
        return o;
    }

    ObjectNode budget(BudgetRec b, String ownerField, Object ownerId) {
        ObjectNode o = Json.obj();
        o.put("id", b.id);
        o.put("max_limit", b.maxLimit);
        o.put("reset_duration", b.resetDuration);
        o.put("last_reset", Json.time(b.lastReset));
        o.put("current_usage", b.currentUsage);
        if (ownerField != null) {
            if (ownerId instanceof Long l) {
                o.put(ownerField, l);
            } else {
                o.put(ownerField, String.valueOf(ownerId));
            }
        }
        if (v2) {
            putV2Budget(o, b); // the per-budget calendar_aligned is a deprecated input, normally absent (§11.11.2)
        } else {
            o.put("calendar_aligned", b.calendarAligned);
        }
        if (b.configHash != null) {
            o.put("config_hash", b.configHash);
        }
        o.put("created_at", Json.time(b.createdAt));
        o.put("updated_at", Json.time(b.updatedAt));
        return o;
    }

    private static void putV2Budget(ObjectNode o, BudgetRec b) {
        if (b.overrideMode != null) {
            o.put("override_amount", b.overrideAmount);
            o.put("override_mode", b.overrideMode);
            if (b.overrideCyclesRemaining != 0) {
                o.put("override_cycles_remaining", b.overrideCyclesRemaining);
            }
            if (b.overrideCyclesTotal != 0) {
                o.put("override_cycles_total", b.overrideCyclesTotal);
            }
            if (b.overrideAnchorReset != null) {
                o.put("override_anchor_reset", Json.time(b.overrideAnchorReset));
            }
        }
        if (b.quarterStartMonth != null) {
            o.putObject("reset_config").put("quarter_start_month", b.quarterStartMonth);
        }
    }

    ObjectNode rateLimit(RateLimitRec r) {
        ObjectNode o = Json.obj();
        o.put("id", r.id);
        if (r.tokenMaxLimit != null) {
            o.put("token_max_limit", r.tokenMaxLimit);
        }
        if (r.tokenResetDuration != null) {
            o.put("token_reset_duration", r.tokenResetDuration);
        }
        o.put("token_current_usage", r.tokenCurrentUsage);
        o.put("token_last_reset", Json.time(r.tokenLastReset));
        if (r.requestMaxLimit != null) {
            o.put("request_max_limit", r.requestMaxLimit);
        }
        if (r.requestResetDuration != null) {
            o.put("request_reset_duration", r.requestResetDuration);
        }
        o.put("request_current_usage", r.requestCurrentUsage);
        o.put("request_last_reset", Json.time(r.requestLastReset));
        o.put("calendar_aligned", r.calendarAligned);
        if (r.configHash != null) {
            o.put("config_hash", r.configHash);
        }
        o.put("created_at", Json.time(r.createdAt));
        o.put("updated_at", Json.time(r.updatedAt));
        return o;
    }

    ObjectNode team(TeamRec t) {
        ObjectNode o = Json.obj();
        o.put("id", t.id);
        o.put("name", t.name);
        if (t.customerId != null) {
            o.put("customer_id", t.customerId);
            CustomerRec c = store.customers.get(t.customerId);
            if (c != null) {
                o.set("customer", customer(c));
            }
        }
        if (t.rateLimit != null) {
            o.put("rate_limit_id", t.rateLimit.id);
            o.set("rate_limit", rateLimit(t.rateLimit));
        }
        if (dialect == Dialect.LEGACY) {
            putLegacyBudget(o, t.budgets, "team_id", t.id);
        } else if (!t.budgets.isEmpty()) {
            ArrayNode bs = o.putArray("budgets");
            t.budgets.forEach(b -> bs.add(budget(b, "team_id", t.id)));
        }
        o.put("created_at", Json.time(t.createdAt));
        o.put("updated_at", Json.time(t.createdAt));
        return o;
    }

    ObjectNode customer(CustomerRec c) {
        ObjectNode o = Json.obj();
        o.put("id", c.id);
        o.put("name", c.name);
        o.put("created_at", Json.time(c.createdAt));
        o.put("updated_at", Json.time(c.createdAt));
        return o;
    }
}
