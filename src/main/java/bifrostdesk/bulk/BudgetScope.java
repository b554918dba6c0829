package bifrostdesk.bulk;

import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Which owners of a key a budget or rate-limit operation reaches: the key itself, its provider configs (all, or
 * those of one provider), or both. Owners are given as the editor's owner paths ("" for the key).
 *
 * @param key       the key's own budgets / rate limit
 * @param providers the provider configs' budgets / rate limits
 * @param provider  only configs of this provider; {@code null} for every config
 */
public record BudgetScope(boolean key, boolean providers, String provider) {
    public static final BudgetScope KEY = new BudgetScope(true, false, null);
    public static final BudgetScope PROVIDERS = new BudgetScope(false, true, null);
    public static final BudgetScope ALL = new BudgetScope(true, true, null);

    /** Only the configs of {@code name}. */
    public static BudgetScope provider(String name) {
        return new BudgetScope(false, true, name);
    }

    /** The owner paths of {@code vk} this scope reaches, the key first, then configs in order. */
    public List<String> owners(VirtualKey vk) {
        List<String> out = new ArrayList<>();
        if (key) {
            out.add("");
        }
        if (providers) {
            List<ProviderConfig> pcs = vk.providerConfigs();
            for (int i = 0; i < pcs.size(); i++) {
                if (provider == null || provider.equals(pcs.get(i).provider())) {
                    out.add(NodePath.provider(i));
                }
            }
        }
        return out;
    }

    /** Plain words: "the key's", "every provider config's", "the openai configs'". */
    public String words() {
        String pcs = provider == null ? "every provider config" : "each " + provider + " config";
        return key && providers ? "the key's and " + pcs + "'s" : key ? "the key's" : pcs + "'s";
    }
}
