package bifrostdesk.drafts.merge;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable settings of a key as a flat map, keyed like {@link Conflict#id()}s ({@code name},
 * {@code pc#12/allowed_models}, {@code pc#12/budget#b1/max_limit}, …); items without an id are left out.
 */
final class Fields {
    private Fields() {
    }

    static Map<String, Object> of(VirtualKey vk) {
        Map<String, Object> f = new TreeMap<>();
        f.put("name", vk.name());
        f.put("description", vk.description());
        f.put("active", vk.active());
        f.put("owner", Arrays.asList(vk.teamId(), vk.customerId()));
        f.put("calendar_aligned", vk.calendarAligned());
        f.put("expires_at", String.valueOf(vk.expiresAt()));
        rateLimit(f, "", vk.rateLimit());
        budgets(f, "", vk.budgets());
        for (ProviderConfig pc : vk.providerConfigs()) {
            if (pc.id() == null) {
                continue;
            }
            String p = "pc#" + pc.id() + "/";
            f.put(p + "provider", pc.provider());
            f.put(p + "weight", String.valueOf(pc.weight()));
            f.put(p + "allowed_models", new HashSet<>(pc.allowedModels()));
            f.put(p + "blacklisted_models", new HashSet<>(pc.blacklistedModels()));
            f.put(p + "keys", new HashSet<>(pc.keyIds()));
            budgets(f, p, pc.budgets());
            rateLimit(f, p, pc.rateLimit());
        }
        for (McpConfig m : vk.mcpConfigs()) {
            if (m.id() != null) {
                f.put("mcp#" + m.id() + "/mcp_client", m.mcpClientName());
                f.put("mcp#" + m.id() + "/tools", new HashSet<>(m.toolsToExecute()));
            }
        }
        return f;
    }

    /**
     * The key with rate limits reduced to their settings (no id, no counters; empty = none): a draft that removed
     * and re-added a rate limit means the same as one that edited it, and the merge keeps the server's counters.
     */
    static VirtualKey settingsView(VirtualKey vk) {
        List<ProviderConfig> pcs = vk.providerConfigs().stream().map(p -> p.withRateLimit(settings(p.rateLimit()))).toList();
        return vk.withRateLimit(settings(vk.rateLimit())).withProviderConfigs(pcs);
    }

    private static RateLimit settings(RateLimit r) {
        return r == null || r.isEmpty() ? null
                : RateLimit.of(r.tokenMaxLimit(), r.tokenResetDuration(), r.requestMaxLimit(), r.requestResetDuration());
    }

    /** Fields under one provider config ({@code pc#ID/…}). */
    static Map<String, Object> ofConfig(VirtualKey vk, long id) {
        Map<String, Object> out = new TreeMap<>();
        of(vk).forEach((k, v) -> {
            if (k.startsWith("pc#" + id + "/")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void rateLimit(Map<String, Object> f, String p, RateLimit r) {
        f.put(p + "rate_limit/token", r == null ? Arrays.asList(null, null)
                : Arrays.asList(r.tokenMaxLimit(), r.tokenResetDuration()));
        f.put(p + "rate_limit/request", r == null ? Arrays.asList(null, null)
                : Arrays.asList(r.requestMaxLimit(), r.requestResetDuration()));
    }

    private static void budgets(Map<String, Object> f, String p, List<Budget> budgets) {
        for (Budget b : budgets) {
            if (b.id() != null) {
                String k = p + "budget#" + b.id() + "/";
                f.put(k + "max_limit", String.valueOf(b.maxLimit()));
                f.put(k + "reset_duration", String.valueOf(b.resetDuration()));
                f.put(k + "calendar_aligned", b.calendarAligned());
            }
        }
    }
}
