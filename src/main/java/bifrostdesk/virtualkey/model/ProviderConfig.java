package bifrostdesk.virtualkey.model;

import java.util.List;

/**
 * Which provider a virtual key may call, with which keys and models, under which limits.
 * <p>
 * The model is dialect-free and uses current-server meaning: {@code allowedModels == ["*"]} allows every model,
 * an empty list allows none; {@code allowAllKeys} allows every key of the provider, now and future, otherwise
 * exactly {@code keys} (empty = none). The API layer translates to and from legacy servers.
 *
 * @param id                server id; {@code null} for a config not yet on the server
 * @param weight            relative routing weight; {@code null} = not part of weighted load balancing
 * @param blacklistedModels models blocked even if allowed ({@code blacklisted_models}, servers from v1.5.2 on;
 *                          empty = none). Carried because those servers overwrite it on every PUT
 *                          (REFERENCE §2.6.1): a save that does not resend it clears it.
 * @param modelBudgets      per-model budgets and rate limits (v2 {@code model_budgets}, sorted by model as the
 *                          server sends them; empty when none). A save omits them unless they were edited, because
 *                          {@code []} deletes them all (REFERENCE-v2.md §11.6)
 */
public record ProviderConfig(Long id, String provider, Double weight, List<String> allowedModels,
                             boolean allowAllKeys, List<KeyRef> keys, List<Budget> budgets, RateLimit rateLimit,
                             List<String> blacklistedModels, List<ModelBudget> modelBudgets) {

    public ProviderConfig(Long id, String provider, Double weight, List<String> allowedModels,
                          boolean allowAllKeys, List<KeyRef> keys, List<Budget> budgets, RateLimit rateLimit,
                          List<String> blacklistedModels) {
        this(id, provider, weight, allowedModels, allowAllKeys, keys, budgets, rateLimit, blacklistedModels, List.of());
    }

    public ProviderConfig {
        modelBudgets = modelBudgets == null ? List.of() : List.copyOf(modelBudgets);
        allowedModels = List.copyOf(allowedModels);
        keys = List.copyOf(keys);
        budgets = List.copyOf(budgets);
        blacklistedModels = blacklistedModels == null ? List.of() : List.copyOf(blacklistedModels);
    }

    /** Without blocked models (the shape before {@code blacklistedModels} was added). */
    public ProviderConfig(Long id, String provider, Double weight, List<String> allowedModels,
                          boolean allowAllKeys, List<KeyRef> keys, List<Budget> budgets, RateLimit rateLimit) {
        this(id, provider, weight, allowedModels, allowAllKeys, keys, budgets, rateLimit, List.of());
    }

    public static ProviderConfig newConfig(String provider) {
        return new ProviderConfig(null, provider, null, List.of("*"), true, List.of(), List.of(), null);
    }

    public ProviderConfig withProvider(String value) {
        return new ProviderConfig(id, value, weight, allowedModels, allowAllKeys, keys, budgets, rateLimit, blacklistedModels, modelBudgets);
    }

    public ProviderConfig withWeight(Double value) {
        return new ProviderConfig(id, provider, value, allowedModels, allowAllKeys, keys, budgets, rateLimit, blacklistedModels, modelBudgets);
    }

    public ProviderConfig withAllowedModels(List<String> value) {
        return new ProviderConfig(id, provider, weight, value, allowAllKeys, keys, budgets, rateLimit, blacklistedModels, modelBudgets);
    }

    public ProviderConfig withKeys(boolean allKeys, List<KeyRef> value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allKeys, value, budgets, rateLimit, blacklistedModels, modelBudgets);
    }

    public ProviderConfig withBudgets(List<Budget> value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allowAllKeys, keys, value, rateLimit, blacklistedModels, modelBudgets);
    }

    public ProviderConfig withRateLimit(RateLimit value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allowAllKeys, keys, budgets, value, blacklistedModels, modelBudgets);
    }

    public ProviderConfig withBlacklistedModels(List<String> value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allowAllKeys, keys, budgets, rateLimit, value, modelBudgets);
    }

    public ProviderConfig withModelBudgets(List<ModelBudget> value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allowAllKeys, keys, budgets, rateLimit,
                blacklistedModels, value);
    }

    /** Usage held by the per-model budgets, in USD: what deleting this config deletes with them. */
    public double modelBudgetUsage() {
        return modelBudgets.stream().mapToDouble(ModelBudget::usage).sum();
    }

    public boolean allowsAllModels() {
        return allowedModels.contains(AccessLists.ALL);
    }

    /** Key ids as {@code key_ids} wants them: {@code ["*"]} for all keys. */
    public List<String> keyIds() {
        return allowAllKeys ? List.of(AccessLists.ALL) : keys.stream().map(KeyRef::keyId).toList();
    }
}
