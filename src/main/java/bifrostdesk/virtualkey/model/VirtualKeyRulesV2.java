package bifrostdesk.virtualkey.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules {@link VirtualKeyRules} runs for what Bifrost v2 added and for access as a whole (REFERENCE-v2.md §11):
 * provider access, duplicate provider configs, {@code regex:} entries on older servers, delete-after-expiry,
 * metadata, agent grants and per-model entries. Package-private; messages say what to do.
 */
final class VirtualKeyRulesV2 {
    private VirtualKeyRulesV2() {
    }

    /** Key-level v2 rules (emitted with the key's own fields). */
    static void keyLevel(VirtualKey vk, RuleContext ctx, List<Violation> out) {
        V2Fields v = vk.v2();
        VirtualKey base = ctx.base();
        if (deniesEverything(vk)) {
            out.add(Violation.at("", Field.PROVIDER_CONFIGS, Severity.WARNING, "No provider config lets a request "
                    + "through (each has no models, no keys or blocks every model), and the key does not allow all "
                    + "providers: it can call no provider at all"));
        }
        // §11.4.1: true/false needs an expiry (400). Clearing a stored expiry resets the option on the server.
        boolean expiryCleared = base != null && base.expiresAt() != null && vk.expiresAt() == null;
        if (v.deleteAfterExpire() != null && vk.expiresAt() == null && !expiryCleared) {
            out.add(Violation.at("", Field.DELETE_AFTER_EXPIRE, Severity.ERROR, "\"Delete after expiry\" needs an "
                    + "expiry date: set one, or choose the gateway's default"));
        }
        for (String p : MetadataRules.problems(v.metadata())) {
            out.add(Violation.at(NodePath.METADATA, Field.METADATA, Severity.ERROR, "Metadata " + p));
        }
        if (v.agentGrants() != null) {
            Set<String> seen = new HashSet<>();
            for (AgentGrant g : v.agentGrants()) {
                if (g.agentName() == null || g.agentName().isBlank()) {
                    out.add(Violation.at(NodePath.AGENT_GRANTS, Field.AGENT_GRANTS, Severity.ERROR,
                            "An agent grant needs the agent's name"));
                } else if (!seen.add(g.agentName().trim())) {
                    out.add(Violation.at(NodePath.AGENT_GRANTS, Field.AGENT_GRANTS, Severity.ERROR,
                            "Agent " + g.agentName() + " is granted twice; the server refuses duplicates"));
                }
            }
        }
    }

    /**
     * §11.4.2: configs are governed per provider <em>name</em>, so two configs for one provider share one budget
     * tier and the later wins. v2 servers cannot hold that state, so it is an error there; elsewhere a warning.
     * Reported on the later config, at its turn (so the order of violations stays by config).
     */
    static void duplicate(int i, ProviderConfig pc, Map<String, Integer> firstByProvider, Dialect dialect,
                          List<Violation> out) {
        if (pc.provider() == null || pc.provider().isBlank()) {
            return;
        }
        String name = pc.provider().trim().toLowerCase(Locale.ROOT);
        Integer first = firstByProvider.putIfAbsent(name, i);
        if (first == null) {
            return;
        }
        String where = "provider config " + (first + 1) + " is also for " + pc.provider().trim();
        if (dialect.atLeast(Dialect.V2)) {
            out.add(Violation.at(NodePath.provider(i), Field.PROVIDER, Severity.ERROR, capital(where) + ". Bifrost "
                    + "v2 keeps budgets and limits per provider, so two configs would share them and the later one "
                    + "would win: merge them into one config"));
        } else {
            out.add(Violation.at(NodePath.provider(i), Field.PROVIDER, Severity.WARNING, capital(where)
                    + ": which one routing and limits use is not defined; merge them into one config"));
        }
    }

    /** {@code regex:} entries exist from v2.2.0 on; an older server takes them as a model literally named so. */
    static void regexOnOlderServer(int i, List<String> entries, Field field, Dialect dialect, List<Violation> out) {
        if (dialect.atLeast(Dialect.V2)) {
            return;
        }
        for (String e : entries) {
            if (e != null && e.startsWith(AccessLists.REGEX)) {
                out.add(Violation.at(NodePath.models(i), field, Severity.WARNING, "'" + e + "' is a pattern only on "
                        + "Bifrost v2.2.0 and later; this server (" + dialect.label() + ") reads it as a model name"));
                return;
            }
        }
    }

    /** §11.6 validation of the model names of one config's per-model entries. */
    static void modelNames(int i, ProviderConfig pc, List<Violation> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (int m = 0; m < pc.modelBudgets().size(); m++) {
            String model = pc.modelBudgets().get(m).modelName();
            String path = NodePath.modelBudget(i, m);
            if (model == null || model.isBlank()) {
                out.add(Violation.at(path, Field.MODEL_NAME, Severity.ERROR, "Choose a model"));
            } else if (model.trim().equals(AccessLists.ALL)) {
                out.add(Violation.at(path, Field.MODEL_NAME, Severity.ERROR, "'*' is not a model: the provider "
                        + "config's own budgets and rate limit are the limits for all its models"));
            } else if (seen.putIfAbsent(model.trim(), m) != null) {
                out.add(Violation.at(path, Field.MODEL_NAME, Severity.ERROR, "Model " + model.trim()
                        + " already has per-model limits in this config"));
            }
        }
        if (pc.modelBudgets().size() > 100) {
            out.add(Violation.at(NodePath.modelBudgets(i), Field.NODE, Severity.ERROR,
                    "A provider config takes at most 100 per-model entries"));
        }
    }

    /** True when the key has configs but none lets a request through, and it does not allow all providers. */
    static boolean deniesEverything(VirtualKey vk) {
        if (vk.v2().allowsAllProviders() || vk.providerConfigs().isEmpty()) {
            return false; // the empty case has its own warning
        }
        for (ProviderConfig pc : vk.providerConfigs()) {
            boolean models = !pc.allowedModels().isEmpty() && !pc.blacklistedModels().contains(AccessLists.ALL);
            boolean keys = pc.allowAllKeys() || !pc.keys().isEmpty();
            if (models && keys) {
                return false;
            }
        }
        return true;
    }

    /** True when two configs name the same provider. */
    static boolean hasDuplicateProviders(VirtualKey vk) {
        Set<String> seen = new HashSet<>();
        for (ProviderConfig pc : vk.providerConfigs()) {
            if (pc.provider() != null && !pc.provider().isBlank()
                    && !seen.add(pc.provider().trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
