package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Create and update of virtual keys with each dialect's semantics (REFERENCE §2.5, §2.6, §10; V2: REFERENCE-v2
 * §11.4). Works on a deep copy of the VK, stored only when no {@link ApiException} was thrown, so a failed request
 * changes nothing. Lists are delegated to {@link ProviderConfigRules}, {@link McpConfigRules}, {@link BudgetRules};
 * V2-only top-level fields to {@link V2Rules}. Caller holds the store lock.
 */
final class VkUpdater {
    static final String DUP_NAME_A = "a record with this name already exists. Please use a different value";
    static final String DUP_NAME_B = "A virtual key with this name already exists";

    private final SandboxStore store;
    private final Dialect dialect;
    private final boolean v2;
    private final BudgetRules budgets;
    private final RateLimitRules rateLimits;
    private final ProviderConfigRules providerConfigs;
    private final McpConfigRules mcpConfigs;

    /** The stored VK and the armed "saved but" fault this PUT ran into (null = a plain 200). */
    record Outcome(VkRec vk, CommitFault fault) {
    }

    VkUpdater(SandboxStore store, Dialect dialect, boolean keyIdsFix) {
        this.store = store;
        this.dialect = dialect;
        this.v2 = dialect.atLeast(Dialect.V2);
        this.budgets = new BudgetRules(dialect);
        this.rateLimits = new RateLimitRules(dialect);
        this.providerConfigs = new ProviderConfigRules(store, dialect, keyIdsFix, budgets, rateLimits);
        this.mcpConfigs = new McpConfigRules(store, providerConfigs);
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
        if (v2) {
            V2Rules.applyCreate(v, req, now);
        }
        if (store.vkByName(name) != null) {
            throw dialect.atLeast(Dialect.LATER) ? ApiException.bare(409, DUP_NAME_B) : ApiException.internal(DUP_NAME_A);
        }
        applyVkBudgets(v, req, v.calendarAligned, false, now);
        v.rateLimit = rateLimits.apply(null, req.get("rate_limit"), now);
        if (Json.given(req, "provider_configs")) {
            providerConfigs.apply(v, req.get("provider_configs"), true, v.calendarAligned, false, now);
        }
        if (Json.given(req, "mcp_configs")) {
            mcpConfigs.apply(v, req.get("mcp_configs"), true);
        }
        store.putVk(v);
        return v;
    }

    /** PUT: stores the updated row; {@code faults} are consulted for the step they break (V2's 500s, §11.12). */
    Outcome update(String id, JsonNode req, CommitFaults faults) {
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
        if (v2) {
            V2Rules.applyOwners(v, req);
            V2Rules.applyUpdate(v, req, expires, now);
        } else {
            applyOwnership(v, req);
            if (dialect.atLeast(Dialect.LATER) && req.has("expires_at")) {
                v.expiresAt = expires;
            }
        }
        boolean reset = dialect.atLeast(Dialect.LATER) && req.path("reset_budget_usage").asBoolean(false);
        boolean turnedOn = v2 && calendar && !current.calendarAligned;
        CommitFault fault = reset && faults.armed(CommitFault.USAGE_RESET) ? CommitFault.USAGE_RESET
                : turnedOn && faults.armed(CommitFault.CALENDAR) ? CommitFault.CALENDAR
                : faults.armed(CommitFault.RELOAD) ? CommitFault.RELOAD : null;
        if (fault == CommitFault.USAGE_RESET) {
            reset = false; // committed, but the usage reset step failed
        }
        applyVkBudgets(v, req, calendar, reset, now);
        if (req.has("rate_limit")) {
            v.rateLimit = rateLimits.apply(v.rateLimit, req.get("rate_limit"), now);
        }
        if (Json.given(req, "provider_configs")) {
            providerConfigs.apply(v, req.get("provider_configs"), false, calendar, reset, now);
        }
        if (Json.given(req, "mcp_configs")) {
            mcpConfigs.apply(v, req.get("mcp_configs"), false);
        }
        if (reset && !v2) {
            // LATER: every VK and provider budget; V2 zeroes only the matched ones it was sent (BudgetRules)
            v.budgets.forEach(b -> b.currentUsage = 0);
            v.providerConfigs.forEach(p -> p.budgets.forEach(b -> b.currentUsage = 0));
        }
        if (v2 && Json.given(req, "calendar_aligned")) {
            V2Rules.stampCalendar(v, calendar, turnedOn && fault != CommitFault.CALENDAR, now);
        }
        v.updatedAt = now.isAfter(current.updatedAt) ? now : current.updatedAt.plusMillis(1);
        store.putVk(v);
        if (fault != null) {
            faults.take(fault);
        }
        return new Outcome(v, fault);
    }

    private void checkOwnersExclusive(JsonNode req) {
        if (v2) {
            V2Rules.checkOwners(req);
            return;
        }
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
        if (v2) {
            return V2Rules.parseExpires(req);
        }
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

}
