package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a PUT/POST body that Bifrost v2 added (REFERENCE-v2.md §11.4, §11.6, §11.14 step 4). The rule for
 * all of them: <b>omitted = unchanged</b>, so a field is sent only when the edit changed it, or — for
 * {@code allow_all_providers} — when the server showed it. That keeps an unrelated edit from touching settings
 * this app never displayed, and never sends a field an older server does not know. Package-private, used by
 * {@link UpdateBuilderBody}.
 */
final class UpdateBuilderV2 {
    private final Dialect dialect;
    private final List<String> refusals;

    UpdateBuilderV2(Dialect dialect, List<String> refusals) {
        this.dialect = dialect;
        this.refusals = refusals;
    }

    private void refuse(String reason) {
        if (!refusals.contains(reason)) {
            refusals.add(reason);
        }
    }

    /** Key-level v2 fields; {@code server} is {@code null} when creating. */
    void putV2Fields(ObjectNode o, VirtualKey vk, VirtualKey server) {
        V2Fields e = vk.v2();
        V2Fields s = server == null ? V2Fields.NONE : server.v2();
        boolean v2 = dialect.atLeast(Dialect.V2);
        String duplicate = duplicateProvider(vk);
        if (v2 && duplicate != null) {
            // §11.4.2: governance is stored per provider name; two configs would share one tier, the later winning
            refuse("Two provider configs are for " + duplicate + ". Bifrost v2 keeps budgets and limits per "
                    + "provider, so they would share them and the later config would win: merge them into one.");
        }

        // §11.14: allow_all_providers, current value, only if the GET had the key (absent = pre-v2.1 server)
        if (s.allowAllProviders() != null) {
            o.put("allow_all_providers", e.allowsAllProviders());
        } else if (e.allowsAllProviders()) {
            if (v2) {
                o.put("allow_all_providers", true);
            } else {
                refuse("\"All providers\" needs Bifrost v2.1 or later; this server (" + dialect.label()
                        + ") cannot store it.");
            }
        }

        boolean expiryCleared = server != null && server.expiresAt() != null && vk.expiresAt() == null;
        if (!Objects.equals(e.deleteAfterExpire(), s.deleteAfterExpire()) && !(expiryCleared && server != null)) {
            if (!v2) {
                refuse("Deleting a key after it expires needs Bifrost v2; this server (" + dialect.label()
                        + ") cannot store it.");
            } else if (e.deleteAfterExpire() != null && vk.expiresAt() == null) {
                refuse("\"Delete after expiry\" needs an expiry date; set one, or set the option back to the "
                        + "gateway's default.");
            } else {
                putTriState(o, "delete_after_expire", e.deleteAfterExpire(), server == null);
                // §11.4.1: whether a stored expiry is enough is unverified; state it in the same request
                if (vk.expiresAt() != null && !o.has("expires_at")) {
                    o.put("expires_at", vk.expiresAt().toString());
                }
            }
        }
        if (!Objects.equals(e.disableContentLogging(), s.disableContentLogging())) {
            if (v2) {
                putTriState(o, "disable_content_logging", e.disableContentLogging(), server == null);
            } else {
                refuse("Per-key content logging needs Bifrost v2; this server (" + dialect.label()
                        + ") cannot store it.");
            }
        }
        if (e.agentGrants() != null && !sameGrants(e.agentGrants(), s.agentGrants())) {
            if (v2) {
                ArrayNode a = o.putArray("agent_grants");
                e.agentGrants().forEach(g -> a.addObject().put("agent_name", g.agentName()));
            } else {
                refuse("Agent grants need Bifrost v2; this server (" + dialect.label() + ") cannot store them.");
            }
        }
        if (e.metadata() != null && !Objects.equals(e.metadata(), s.metadata() == null ? Map.of() : s.metadata())) {
            if (v2) {
                ObjectNode m = o.putObject("metadata"); // an object replaces the whole map; {} clears
                e.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(en -> m.put(en.getKey(), en.getValue()));
            } else {
                refuse("Key metadata needs a newer Bifrost; this server (" + dialect.label() + ") cannot store it.");
            }
        }
    }

    /** The first provider named by two configs, or {@code null}. */
    static String duplicateProvider(VirtualKey vk) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ProviderConfig pc : vk.providerConfigs()) {
            String p = pc.provider() == null ? "" : pc.provider().trim().toLowerCase(java.util.Locale.ROOT);
            if (!p.isEmpty() && !seen.add(p)) {
                return pc.provider().trim();
            }
        }
        return null;
    }

    /** Tri-state on PUT: {@code null} = inherit the gateway default. On create, inheriting = omitting. */
    private static void putTriState(ObjectNode o, String field, Boolean value, boolean create) {
        if (value != null) {
            o.put(field, value);
        } else if (!create) {
            o.putNull(field);
        }
    }

    private static boolean sameGrants(List<AgentGrant> a, List<AgentGrant> b) {
        if (b == null) {
            return a.isEmpty();
        }
        return a.stream().map(AgentGrant::agentName).sorted().toList()
                .equals(b.stream().map(AgentGrant::agentName).sorted().toList());
    }

    /**
     * §11.6: {@code model_budgets} omitted = the per-model tiers stay as they are; {@code []} deletes them all with
     * their usage. So it is sent only when the edit changed them, and then as the full set with budget ids.
     */
    void putModelBudgets(UpdateBuilderBody body, ObjectNode p, ProviderConfig pc, ProviderConfig server) {
        List<ModelBudget> edited = pc.modelBudgets();
        List<ModelBudget> current = server == null ? List.of() : server.modelBudgets();
        if (sameSettings(edited, current)) {
            return;
        }
        if (!dialect.atLeast(Dialect.V2)) {
            refuse("Per-model budgets need Bifrost v2; this server (" + dialect.label() + ") cannot store them.");
            return;
        }
        Map<String, ModelBudget> byModel = new HashMap<>();
        current.forEach(m -> byModel.put(m.modelName(), m));
        ArrayNode arr = p.putArray("model_budgets");
        for (ModelBudget mb : edited) {
            ModelBudget sm = byModel.get(mb.modelName());
            ObjectNode item = arr.addObject();
            item.put("model_name", mb.modelName());
            String owner = "model " + mb.modelName() + " of " + UpdateBuilderWords.label(pc);
            body.budgets(item, mb.budgets(), sm == null ? List.of() : sm.budgets(), owner, sm == null);
            UpdateBuilderBody.putRateLimit(item, mb.rateLimit(), sm == null ? null : sm.rateLimit(), sm == null);
        }
    }

    /** Same models with the same budget and rate-limit settings (usage and windows ignored). */
    static boolean sameSettings(List<ModelBudget> a, List<ModelBudget> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<String, ModelBudget> byModel = new HashMap<>();
        b.forEach(m -> byModel.put(m.modelName(), m));
        for (ModelBudget m : a) {
            ModelBudget o = byModel.get(m.modelName());
            if (o == null || !sameBudgets(m.budgets(), o.budgets()) || !sameRateLimit(m.rateLimit(), o.rateLimit())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBudgets(List<Budget> a, List<Budget> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Budget x = a.get(i);
            Budget y = b.get(i);
            if (!Objects.equals(x.id(), y.id()) || !Objects.equals(x.maxLimit(), y.maxLimit())
                    || !Objects.equals(x.resetDuration(), y.resetDuration())
                    || !Objects.equals(x.quarterStartMonth(), y.quarterStartMonth())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRateLimit(RateLimit a, RateLimit b) {
        boolean an = a == null || a.isEmpty();
        boolean bn = b == null || b.isEmpty();
        return an && bn || !an && a.sameSettings(b);
    }
}
