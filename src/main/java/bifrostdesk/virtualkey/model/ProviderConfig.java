package bifrostdesk.virtualkey.model;

import java.util.List;

/**
 * Which provider a virtual key may call, with which keys and models, under which limits.
 * <p>
 * The model is dialect-free and uses current-server meaning: {@code allowedModels == ["*"]} allows every model,
 * an empty list allows none; {@code allowAllKeys} allows every key of the provider, now and future, otherwise
 * exactly {@code keys} (empty = none). The API layer translates to and from legacy servers.
 *
 * @param id     server id; {@code null} for a config not yet on the server
 * @param weight relative routing weight; {@code null} = not part of weighted load balancing
 */
public record ProviderConfig(Long id, String provider, Double weight, List<String> allowedModels,
                             boolean allowAllKeys, List<KeyRef> keys, List<Budget> budgets, RateLimit rateLimit) {

    public ProviderConfig {
        allowedModels = List.copyOf(allowedModels);
        keys = List.copyOf(keys);
        budgets = List.copyOf(budgets);
    }

    public static ProviderConfig newConfig(String provider) {
        return new ProviderConfig(null, provider, null, List.of("*"), true, List.of(), List.of(), null);
    }

    public ProviderConfig withProvider(String value) {
        return new ProviderConfig(id, value, weight, allowedModels, allowAllKeys, keys, budgets, rateLimit);
    }

    public ProviderConfig withWeight(Double value) {
        return new ProviderConfig(id, provider, value, allowedModels, allowAllKeys, keys, budgets, rateLimit);
    }

    public ProviderConfig withAllowedModels(List<String> value) {
        return new ProviderConfig(id, provider, weight, value, allowAllKeys, keys, budgets, rateLimit);
    }

    public ProviderConfig withKeys(boolean allKeys, List<KeyRef> value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allKeys, value, budgets, rateLimit);
    }

    public ProviderConfig withBudgets(List<Budget> value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allowAllKeys, keys, value, rateLimit);
    }

    public ProviderConfig withRateLimit(RateLimit value) {
        return new ProviderConfig(id, provider, weight, allowedModels, allowAllKeys, keys, budgets, value);
    }

    public boolean allowsAllModels() {
        return allowedModels.contains(AccessLists.ALL);
    }

    /** Key ids as {@code key_ids} wants them: {@code ["*"]} for all keys. */
    public List<String> keyIds() {
        return allowAllKeys ? List.of(AccessLists.ALL) : keys.stream().map(KeyRef::keyId).toList();
    }
}
