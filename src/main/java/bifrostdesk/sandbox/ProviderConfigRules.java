package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.KeyRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code provider_configs[]} of a VK create/update: full desired set keyed by {@code id} (REFERENCE §2.6.1–2.6.2,
 * legacy §10; V2 additions REFERENCE-v2 §11.4.2: weight validation, {@code model_budgets}, provider change drops
 * the old provider's governance, the {@code key_ids}-omitted trap). Caller holds the store lock.
 */
final class ProviderConfigRules {
    private final SandboxStore store;
    private final Dialect dialect;
    private final boolean v2;
    private final boolean keyIdsFix;
    private final BudgetRules budgets;
    private final RateLimitRules rateLimits;
    private final ModelBudgetRules modelBudgets;

    ProviderConfigRules(SandboxStore store, Dialect dialect, boolean keyIdsFix, BudgetRules budgets,
            RateLimitRules rateLimits) {
        this.store = store;
        this.dialect = dialect;
        this.v2 = dialect.atLeast(Dialect.V2);
        this.keyIdsFix = keyIdsFix;
        this.budgets = budgets;
        this.rateLimits = rateLimits;
        this.modelBudgets = new ModelBudgetRules(budgets, rateLimits);
    }

    private boolean legacy() {
        return dialect == Dialect.LEGACY;
    }

    /** Replaces {@code v.providerConfigs}; configs whose id is not sent are dropped with all they own. */
    void apply(VkRec v, JsonNode list, boolean creating, boolean calendar, boolean reset, Instant now) {
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
                if (v2 && !pc.provider.equals(provider)) {
                    // governance lives in model configs keyed by (VK, provider name): the old tiers go (§11.4.2)
                    pc.budgets = new ArrayList<>();
                    pc.rateLimit = null;
                    pc.modelBudgets = new ArrayList<>();
                }
            } else {
                pc = new PcRec();
                pc.id = store.nextPcId();
                isNew = true;
            }
            pc.provider = provider;
            if (legacy()) {
                applyLegacy(pc, item, isNew, calendar, now);
            } else {
                applyModern(pc, item, isNew, calendar, reset, now);
            }
            result.add(pc);
        }
        v.providerConfigs = result;
    }

    private void applyModern(PcRec pc, JsonNode item, boolean isNew, boolean calendar, boolean reset, Instant now) {
        pc.weight = Json.given(item, "weight") ? item.get("weight").asDouble() : null;
        if (v2 && pc.weight != null && (pc.weight.isNaN() || pc.weight.isInfinite() || pc.weight < 0)) {
            // S: validateWeight; S0/W had no check (§11.4.2, §11.12)
            throw ApiException.badRequest("invalid weight for provider " + pc.provider
                    + ": must be a finite number greater than or equal to 0, got " + goFloat(pc.weight));
        }
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
        if (keyIds == null && !isNew && v2 && keyIdsFix) {
            // PR #7362 (post-v2.2.6 main): omitted key_ids keeps the keys. Release servers deny them (below).
        } else if (keyIds != null && keyIds.size() == 1 && keyIds.get(0).equals("*")) {
            pc.allowAllKeys = true;
            pc.keyIds = new ArrayList<>();
        } else {
            pc.allowAllKeys = false;
            pc.keyIds = resolveKeys(pc.provider, keyIds == null ? List.of() : keyIds);
        }
        boolean pcReset = v2 && reset; // LATER zeroes everything afterwards instead (VkUpdater)
        if (Json.given(item, "budgets")) {
            budgets.prevalidate(item.get("budgets"), false);
            pc.budgets = budgets.reconcile(isNew ? new ArrayList<>() : pc.budgets, item.get("budgets"), calendar,
                    pcReset, now);
        }
        if (item.has("rate_limit")) {
            pc.rateLimit = rateLimits.apply(isNew ? null : pc.rateLimit, item.get("rate_limit"), now);
        }
        if (v2 && Json.given(item, "model_budgets")) {
            modelBudgets.apply(pc, item.get("model_budgets"), calendar, pcReset, now);
        }
    }

    private void applyLegacy(PcRec pc, JsonNode item, boolean isNew, boolean calendar, Instant now) {
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
    void validateWhiteList(String what, List<String> values) {
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

    /** Go's {@code %v} of a float64, as the weight message prints it ({@code -1}, {@code -0.5}, {@code +Inf}). */
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
