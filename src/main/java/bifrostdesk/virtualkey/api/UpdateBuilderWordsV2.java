package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plan sentences for the fields Bifrost v2 added (REFERENCE-v2.md §11.4, §11.6, §11.9). Package-private, used by
 * {@link UpdateBuilderWords}; kept apart so that class stays about the v1 shape.
 */
final class UpdateBuilderWordsV2 {
    /** §11.9: what "all providers" means, including what explicit configs still do. */
    static final String ALL_PROVIDERS = "allows every provider configured on the gateway, including ones added "
            + "later (providers with a config here keep its models, keys, budgets and limits; the others get all "
            + "models and keys, no per-provider limits and no routing weight)";

    private UpdateBuilderWordsV2() {
    }

    static void keyWords(List<String> out, VirtualKey e, VirtualKey s) {
        V2Fields a = e.v2();
        V2Fields b = s.v2();
        if (a.allowsAllProviders() != b.allowsAllProviders()) {
            out.add(a.allowsAllProviders() ? "now " + ALL_PROVIDERS
                    : e.providerConfigs().isEmpty() ? "stops allowing all providers: the key then allows no provider"
                    : "stops allowing all providers: only the providers with a config remain");
        }
        if (!Objects.equals(a.deleteAfterExpire(), b.deleteAfterExpire())
                && !(e.expiresAt() == null && s.expiresAt() != null)) {
            out.add("sets \"delete after expiry\" to " + triState(a.deleteAfterExpire(), "delete the key when it expires",
                    "keep the key when it expires"));
        }
        if (!Objects.equals(a.disableContentLogging(), b.disableContentLogging())) {
            out.add("sets content logging to " + triState(a.disableContentLogging(), "off for this key",
                    "on for this key"));
        }
        if (a.agentGrants() != null) {
            Set<String> now = names(a.agentGrants());
            Set<String> before = b.agentGrants() == null ? Set.of() : names(b.agentGrants());
            if (!now.equals(before)) {
                List<String> parts = new ArrayList<>();
                Set<String> added = new LinkedHashSet<>(now);
                added.removeAll(before);
                Set<String> removed = new LinkedHashSet<>(before);
                removed.removeAll(now);
                if (!added.isEmpty()) {
                    parts.add("grants agents " + String.join(", ", added));
                }
                if (!removed.isEmpty()) {
                    parts.add("revokes agents " + String.join(", ", removed));
                }
                out.add(String.join(" and ", parts));
            }
        }
        if (a.metadata() != null && !a.metadata().equals(b.metadata() == null ? Map.of() : b.metadata())) {
            out.add(a.metadata().isEmpty() ? "clears the key's metadata"
                    : "replaces the key's metadata with " + a.metadata().size() + " entr"
                    + (a.metadata().size() == 1 ? "y" : "ies"));
        }
    }

    static void modelBudgetWords(List<String> out, String label, List<ModelBudget> e, List<ModelBudget> s) {
        Set<String> now = new LinkedHashSet<>(e.stream().map(ModelBudget::modelName).toList());
        for (ModelBudget m : s) {
            if (!now.contains(m.modelName())) {
                out.add("removes the per-model budgets of " + m.modelName() + " from " + label + " ("
                        + UpdateBuilderWords.money(m.usage()) + " used)");
            }
        }
        Map<String, ModelBudget> before = new java.util.HashMap<>();
        s.forEach(m -> before.put(m.modelName(), m));
        for (ModelBudget m : e) {
            ModelBudget old = before.get(m.modelName());
            if (old == null) {
                out.add("adds per-model budgets for " + m.modelName() + " under " + label);
            } else if (!UpdateBuilderV2.sameSettings(List.of(m), List.of(old))) {
                out.add("changes the per-model budgets of " + m.modelName() + " under " + label
                        + removedUsage(m, old));
            }
        }
    }

    /** "; removes its 1d budget ($3.00 used)" for budgets of a kept model that the edit drops, else "". */
    private static String removedUsage(ModelBudget now, ModelBudget before) {
        Set<String> kept = new LinkedHashSet<>();
        now.budgets().forEach(b -> kept.add(b.id() == null ? "" : b.id()));
        List<String> parts = new ArrayList<>();
        before.budgets().stream().filter(b -> b.id() != null && !kept.contains(b.id()))
                .forEach(b -> parts.add("its " + b.resetDuration() + " budget ("
                        + UpdateBuilderWords.money(b.currentUsage()) + " used)"));
        return parts.isEmpty() ? "" : "; removes " + String.join(" and ", parts);
    }

    private static String triState(Boolean v, String on, String off) {
        return v == null ? "the gateway's default" : v ? on : off;
    }

    private static Set<String> names(List<AgentGrant> grants) {
        Set<String> out = new LinkedHashSet<>();
        grants.forEach(g -> out.add(g.agentName()));
        return out;
    }
}
