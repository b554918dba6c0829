package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.KeyRec;
import bifrostdesk.sandbox.Records.McpCfgRec;
import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Create and update of virtual keys with each dialect's semantics (REFERENCE §2.5, §2.6, §10). Works on a deep
 * copy of the VK; the caller swaps it in only when no {@link ApiException} was thrown, so a failed request
 * changes nothing. Caller holds the store lock.
 */
final class VkUpdater {
    static final String DUP_NAME_A = "a record with this name already exists. Please use a different value";
    static final String DUP_NAME_B = "A virtual key with this name already exists";

    private final SandboxStore store;
    private final Dialect dialect;
    private final BudgetRules budgets;
    private final RateLimitRules rateLimits;

    VkUpdater(SandboxStore store, Dialect dialect) {
        this.store = store;
        this.dialect = dialect;
        this.budgets = new BudgetRules(dialect);
        this.rateLimits = new RateLimitRules(dialect);
    }

    private boolean legacy() {
        return dialect == Dialect.LEGACY;
    }

    /** POST: returns the new row (already stored). */
    VkRec create(JsonNode req) {
        String name = Json.text(req, "name");
        if (name == null || name.isEmpty()) {
            throw ApiException.bare(400, "Virtual key name is required");
        }
        checkOwnersExclusive(req);
        Instant expires = parseExpires(req);
        prevalidateVkBudgets(req);
        Instant now = Instant.now();
        VkRec v = new VkRec();
        v.id = UUID.randomUUID().toString();
        v.name = name;
        v.value = "sk-bf-" + UUID.randomUUID();
        v.description = Json.text(req, "description") == null ? "" : Json.text(req, "description");
        v.isActive = !Json.given(req, "is_active") || req.get("is_active").asBoolean();
        v.calendarAligned = req.path("calendar_aligned").asBoolean(false);
        v.expiresAt = expires;
        v.createdAt = now;
        v.updatedAt = now;
        String team = Json.text(req, "team_id");
        String customer = Json.text(req, "customer_id");
        if (dialect.atLeast(Dialect.LATER)) {
            v.teamId = team == null || team.isEmpty() ? null : team;
            v.customerId = customer == null || customer.isEmpty() ? null : customer;
        } else {
            v.teamId = team;
            v.customerId = customer;
        }
        if (store.vkByName(name) != null) {
            throw dialect.atLeast(Dialect.LATER) ? ApiException.bare(409, DUP_NAME_B) : ApiException.internal(DUP_NAME_A);
        }
        applyVkBudgets(v, req, v.calendarAligned, false, now);
        v.rateLimit = rateLimits.apply(null, req.get("rate_limit"), now);
        if (Json.given(req, "provider_configs")) {
            applyProviderConfigs(v, req.get("provider_configs"), true, v.calendarAligned, now);
        }
        if (Json.given(req, "mcp_configs")) {
            applyMcpConfigs(v, req.get("mcp_configs"), true);
        }
        store.putVk(v);
        return v;
    }

    /** PUT: returns the updated row (already stored). */
    VkRec update(String id, JsonNode req) {
        VkRec current = store.vks.get(id);
        if (current == null) {
            throw ApiException.bare(404, "Virtual key not found");
        }
        checkOwnersExclusive(req);
        Instant expires = parseExpires(req);
        prevalidateVkBudgets(req);
        Instant now = Instant.now();
        VkRec v = current.copy();
        if (Json.given(req, "name")) {
            String name = req.get("name").asText();
            VkRec other = store.vkByName(name);
            if (other != null && !other.id.equals(v.id)) {
                throw dialect.atLeast(Dialect.LATER) ? ApiException.bare(409, DUP_NAME_B) : ApiException.badRequest(DUP_NAME_A);
            }
            v.name = name;
        }
        if (Json.given(req, "description")) {
            v.description = req.get("description").asText();
        }
        if (Json.given(req, "is_active")) {
            v.isActive = req.get("is_active").asBoolean();
        }
        boolean calendar = v.calendarAligned;
        if (Json.given(req, "calendar_aligned")) {
            calendar = req.get("calendar_aligned").asBoolean();
            if (dialect != Dialect.V1_5) {
                v.calendarAligned = calendar; // V1_5 leaves it out of the UPDATE's column list
            }
        }
        applyOwnership(v, req);
        if (dialect.atLeast(Dialect.LATER) && req.has("expires_at")) {
            v.expiresAt = expires;
        }
        boolean reset = dialect.atLeast(Dialect.LATER) && req.path("reset_budget_usage").asBoolean(false);
        applyVkBudgets(v, req, calendar, reset, now);
        if (req.has("rate_limit")) {
            v.rateLimit = rateLimits.apply(v.rateLimit, req.get("rate_limit"), now);
        }
        if (Json.given(req, "provider_configs")) {
            applyProviderConfigs(v, req.get("provider_configs"), false, calendar, now);
        }
        if (Json.given(req, "mcp_configs")) {
            applyMcpConfigs(v, req.get("mcp_configs"), false);
        }
        if (reset) {
            v.budgets.forEach(b -> b.currentUsage = 0);
            v.providerConfigs.forEach(p -> p.budgets.forEach(b -> b.currentUsage = 0));
        }
        v.updatedAt = now.isAfter(current.updatedAt) ? now : current.updatedAt.plusMillis(1);
        store.putVk(v);
        return v;
    }

    private void checkOwnersExclusive(JsonNode req) {
        String team = Json.text(req, "team_id");
        String customer = Json.text(req, "customer_id");
        boolean both = dialect.atLeast(Dialect.LATER)
                ? team != null && !team.isEmpty() && customer != null && !customer.isEmpty()
                : team != null && customer != null;
        if (both) {
            throw ApiException.bare(400, "VirtualKey cannot be attached to both Team and Customer");
        }
    }

    private void applyOwnership(VkRec v, JsonNode req) {
        String team = Json.text(req, "team_id");
        String customer = Json.text(req, "customer_id");
        if (dialect.atLeast(Dialect.LATER)) {
            boolean teamPresent = req.has("team_id");
            boolean customerPresent = req.has("customer_id");
            if (team != null && !team.isEmpty()) {
                v.teamId = team;
                v.customerId = null;
            } else if (customer != null && !customer.isEmpty()) {
                v.customerId = customer;
                v.teamId = null;
            } else if (teamPresent || customerPresent) {
                v.teamId = null;
                v.customerId = null;
            }
            return;
        }
        // *string semantics: JSON null and absent are both nil; both nil detaches (the v1.5 trap)
        if (team == null && customer == null) {
            v.teamId = null;
            v.customerId = null;
        } else if (team != null) {
            v.teamId = team;
            v.customerId = null;
        } else {
            v.customerId = customer;
            v.teamId = null;
        }
    }

    private Instant parseExpires(JsonNode req) {
        if (!dialect.atLeast(Dialect.LATER) || !Json.given(req, "expires_at")) {
            return null;
        }
        String s = req.get("expires_at").asText();
        if (s.isEmpty()) {
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.bare(400, "Invalid expires_at format: must be RFC3339");
        }
        if (!t.isAfter(Instant.now())) {
            throw ApiException.bare(400, "expires_at must be a future timestamp");
        }
        return t;
    }

    private void prevalidateVkBudgets(JsonNode req) {
        if (legacy()) {
            return; // the singular update object is checked in applyLegacy
        }
        budgets.prevalidate(req.get("budgets"), true);
    }

    private void applyVkBudgets(VkRec v, JsonNode req, boolean calendar, boolean reset, Instant now) {
        if (legacy()) {
            v.budgets = budgets.applyLegacy(v.budgets, req.get("budget"), calendar, now, true);
        } else if (Json.given(req, "budgets")) {
            v.budgets = budgets.reconcile(v.budgets, req.get("budgets"), calendar, reset, now);
        }
    }

    private void applyProviderConfigs(VkRec v, JsonNode list, boolean creating, boolean calendar, Instant now) {
        Map<Long, PcRec> existing = new HashMap<>();
        v.providerConfigs.forEach(p -> existing.put(p.id, p));
        List<PcRec> result = new ArrayList<>();
        for (JsonNode item : list) {
            String provider = item.path("provider").asText("").trim();
            if (provider.isEmpty()) {
                throw ApiException.badRequest("provider name is required");
            }
            if (!store.providers.containsKey(provider)) {
                throw ApiException.badRequest("invalid provider name: " + provider);
            }
            PcRec pc;
            boolean isNew;
            if (!creating && Json.given(item, "id")) {
                long pcId = item.get("id").asLong();
                pc = existing.remove(pcId);
                if (pc == null) {
                    throw ApiException.internal("provider config " + pcId + " does not belong to this virtual key");
                }
                isNew = false;
            } else {
                pc = new PcRec();
                pc.id = store.nextPcId();
                isNew = true;
            }
            pc.provider = provider;
            if (legacy()) {
                applyLegacyPc(pc, item, isNew, calendar, now);
            } else {
                applyModernPc(pc, item, isNew, calendar, now);
            }
            result.add(pc);
        }
        // every existing config not listed is dropped, with its budgets and rate limit
        v.providerConfigs = result;
    }

    private void applyModernPc(PcRec pc, JsonNode item, boolean isNew, boolean calendar, Instant now) {
        pc.weight = Json.given(item, "weight") ? item.get("weight").asDouble() : null;
        List<String> models = Json.strings(item, "allowed_models");
        validateWhiteList("allowed_models for provider " + pc.provider, models);
        pc.allowedModels = models == null ? new ArrayList<>() : models;
        if (dialect.atLeast(Dialect.LATER)) {
            List<String> blocked = Json.strings(item, "blacklisted_models");
            validateWhiteList("blacklisted_models for provider " + pc.provider, blocked);
            pc.blacklistedModels = blocked == null ? new ArrayList<>() : blocked;
        }
        List<String> keyIds = Json.strings(item, "key_ids");
        validateWhiteList("key_ids for provider " + pc.provider, keyIds);
        if (keyIds != null && keyIds.size() == 1 && keyIds.get(0).equals("*")) {
            pc.allowAllKeys = true;
            pc.keyIds = new ArrayList<>();
        } else {
            pc.allowAllKeys = false;
            pc.keyIds = resolveKeys(pc.provider, keyIds == null ? List.of() : keyIds);
        }
        if (Json.given(item, "budgets")) {
            budgets.prevalidate(item.get("budgets"), false);
            boolean reset = false;
            pc.budgets = budgets.reconcile(isNew ? new ArrayList<>() : pc.budgets, item.get("budgets"), calendar,
                    reset, now);
        }
        if (item.has("rate_limit")) {
            pc.rateLimit = rateLimits.apply(isNew ? null : pc.rateLimit, item.get("rate_limit"), now);
        }
    }

    private void applyLegacyPc(PcRec pc, JsonNode item, boolean isNew, boolean calendar, Instant now) {
        if (!Json.given(item, "weight") || !item.get("weight").isNumber()) {
            throw ApiException.badRequest("weight is required");
        }
        pc.weight = item.get("weight").asDouble();
        List<String> models = Json.strings(item, "allowed_models");
        pc.allowedModels = models == null ? new ArrayList<>() : models; // [] = all models
        List<String> allowed = Json.strings(item, "allowed_keys");
        if (allowed == null || allowed.isEmpty()) {
            pc.allowAllKeys = true; // missing/empty = all keys
            pc.keyIds = new ArrayList<>();
        } else {
            pc.allowAllKeys = false;
            pc.keyIds = resolveKeys(pc.provider, allowed);
        }
        pc.budgets = budgets.applyLegacy(isNew ? new ArrayList<>() : pc.budgets, item.get("budget"), calendar, now,
                false);
        if (item.has("rate_limit")) {
            pc.rateLimit = rateLimits.apply(isNew ? null : pc.rateLimit, item.get("rate_limit"), now);
        }
    }

    /** GetKeysByIDs on key_id: every id must exist; the provider is not checked. */
    private List<String> resolveKeys(String provider, List<String> ids) {
        Set<String> found = new LinkedHashSet<>();
        for (String id : ids) {
            KeyRec k = store.key(id);
            if (k != null) {
                found.add(k.keyId);
            }
        }
        if (found.size() != ids.size()) {
            throw ApiException.internal("some keys not found for provider " + provider + ": expected " + ids.size()
                    + ", found " + found.size());
        }
        return new ArrayList<>(found);
    }

    /** schemas.WhiteList.Validate: '*' alone, no case-insensitive duplicates. Not applied to LEGACY. */
    private void validateWhiteList(String what, List<String> values) {
        if (values == null || legacy()) {
            return;
        }
        if (values.contains("*") && values.size() > 1) {
            throw ApiException.badRequest("invalid " + what
                    + ": wildcard '*' cannot be used with other values in the whitelist");
        }
        Set<String> seen = new HashSet<>();
        for (String s : values) {
            if (!seen.add(s.toLowerCase(Locale.ROOT))) {
                throw ApiException.badRequest("invalid " + what + ": duplicate value '" + s + "' in whitelist");
            }
        }
    }

    private void applyMcpConfigs(VkRec v, JsonNode list, boolean creating) {
        Map<Long, McpCfgRec> existing = new HashMap<>();
        v.mcpConfigs.forEach(m -> existing.put(m.id, m));
        Set<Long> attachedClients = new HashSet<>();
        v.mcpConfigs.forEach(m -> attachedClients.add(m.mcpClientDbId));
        Set<String> names = new HashSet<>();
        for (JsonNode item : list) {
            String name = item.path("mcp_client_name").asText("");
            if (!name.isEmpty() && !names.add(name)) {
                throw ApiException.badRequest("duplicate mcp_client_name: " + name);
            }
        }
        List<McpCfgRec> result = new ArrayList<>();
        for (JsonNode item : list) {
            String name = item.path("mcp_client_name").asText("");
            List<String> tools = Json.strings(item, "tools_to_execute");
            validateWhiteList("tools_to_execute for MCP client " + name, tools);
            List<String> toolList = tools == null ? new ArrayList<>() : tools;
            if (!creating && Json.given(item, "id")) {
                long cfgId = item.get("id").asLong();
                McpCfgRec m = existing.remove(cfgId);
                if (m == null) {
                    throw ApiException.internal("mcp config " + cfgId + " does not belong to this virtual key");
                }
                m.toolsToExecute = toolList; // only the tools change on an existing entry
                result.add(m);
            } else {
                McpClientRec client = store.mcpClients.get(name);
                if (client == null) {
                    throw ApiException.internal("failed to get MCP client: record not found");
                }
                if (attachedClients.contains(client.dbId)) {
                    throw ApiException.badRequest("MCP client '" + name
                            + "' config for this virtual key already exists");
                }
                McpCfgRec m = new McpCfgRec();
                m.id = store.nextMcpConfigId();
                m.mcpClientDbId = client.dbId;
                m.toolsToExecute = toolList;
                attachedClients.add(client.dbId);
                result.add(m);
            }
        }
        v.mcpConfigs = result;
    }

}
