package bifrostdesk.virtualkey.edit;

import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Pure edits of what Bifrost v2 added to a key (REFERENCE-v2.md §11): all providers, a business-unit owner, the
 * fiscal start month of a quarterly budget, per-model budgets, overrides, Virtual MCPs, metadata, content logging,
 * delete-after-expiry, agent grants and blocked models. Like {@link KeyEdits}, each returns a new key and never
 * touches anything else; what reaches the server is decided by the update builder.
 */
public final class KeyEditsV2 {
    private KeyEditsV2() {
    }

    public static VirtualKey setAllProviders(VirtualKey vk, boolean on) {
        return vk.withV2(vk.v2().withAllowAllProviders(on));
    }

    /** Makes a business unit the key's one owner: team and customer are cleared (the server clears them too). */
    public static VirtualKey setBusinessUnit(VirtualKey vk, String id, String name) {
        VirtualKey none = vk.withOwner(null, null);
        return none.withV2(none.v2().withBusinessUnit(id, name));
    }

    /** The fiscal year's first month (1–12) of the quarterly budget at {@code budgetPath}. */
    public static VirtualKey setQuarterStartMonth(VirtualKey vk, String budgetPath, Integer month) {
        return updateBudget(vk, NodePath.parse(budgetPath), b -> b.withQuarterStartMonth(month));
    }

    /** Sets ({@code null}: clears) the override of the budget at {@code budgetPath}; sent after the key's PUT. */
    public static VirtualKey setOverride(VirtualKey vk, String budgetPath, BudgetOverride override) {
        return updateBudget(vk, NodePath.parse(budgetPath), b -> b.withOverride(override));
    }

    /**
     * Adds per-model limits for {@code model} under provider config {@code pcIndex}, with one budget to start from,
     * at the end of the list (so no other model's index, and no text typed under it, moves). The server sorts them
     * by model; plans and the tree match models by name, not position.
     */
    public static VirtualKey addModelBudget(VirtualKey vk, int pcIndex, String model, Budget first) {
        return updateProvider(vk, pcIndex, pc -> {
            List<ModelBudget> list = new ArrayList<>(pc.modelBudgets());
            list.add(new ModelBudget(model, first == null ? List.of() : List.of(first), null));
            return pc.withModelBudgets(list);
        });
    }

    /** Removes one model's budgets and rate limit (their usage is deleted with them; the plan says how much). */
    public static VirtualKey removeModelBudget(VirtualKey vk, int pcIndex, int modelIndex) {
        return updateProvider(vk, pcIndex, pc -> {
            List<ModelBudget> list = new ArrayList<>(pc.modelBudgets());
            list.remove(modelIndex);
            return pc.withModelBudgets(list);
        });
    }

    public static VirtualKey setBlockedModels(VirtualKey vk, int pcIndex, List<String> models) {
        return updateProvider(vk, pcIndex, pc -> pc.withBlacklistedModels(models));
    }

    /** Attaches ({@code on}) or detaches the key to/from Virtual MCP {@code id}; steps after the PUT. */
    public static VirtualKey setVirtualMcp(VirtualKey vk, long id, boolean on) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>(vk.v2().virtualMcpIds() == null ? List.of()
                : vk.v2().virtualMcpIds());
        if (on) {
            ids.add(id);
        } else {
            ids.remove(id);
        }
        return vk.withV2(vk.v2().withVirtualMcpIds(List.copyOf(ids)));
    }

    /** Adds or replaces one metadata entry (kept sorted by key, as the plan and the server list them). */
    public static VirtualKey putMetadata(VirtualKey vk, String key, String value) {
        Map<String, String> m = metadataOf(vk);
        m.put(key, value == null ? "" : value);
        return vk.withV2(vk.v2().withMetadata(m));
    }

    public static VirtualKey removeMetadata(VirtualKey vk, String key) {
        Map<String, String> m = metadataOf(vk);
        m.remove(key);
        return vk.withV2(vk.v2().withMetadata(m));
    }

    /** {@code disable_content_logging}: {@code null} inherits the gateway's setting, true = off, false = on. */
    public static VirtualKey setContentLoggingDisabled(VirtualKey vk, Boolean disabled) {
        return vk.withV2(vk.v2().withDisableContentLogging(disabled));
    }

    /** {@code delete_after_expire}: {@code null} inherits the gateway's default. */
    public static VirtualKey setDeleteAfterExpire(VirtualKey vk, Boolean delete) {
        return vk.withV2(vk.v2().withDeleteAfterExpire(delete));
    }

    /** Grants an agent the key; a name already granted is left as it is. */
    public static VirtualKey addAgentGrant(VirtualKey vk, String agentName) {
        List<AgentGrant> grants = new ArrayList<>(grantsOf(vk.v2()));
        if (grants.stream().noneMatch(g -> g.agentName().equals(agentName))) {
            grants.add(new AgentGrant(agentName, null));
        }
        return vk.withV2(vk.v2().withAgentGrants(grants));
    }

    public static VirtualKey removeAgentGrant(VirtualKey vk, String agentName) {
        List<AgentGrant> grants = new ArrayList<>(grantsOf(vk.v2()));
        grants.removeIf(g -> g.agentName().equals(agentName));
        return vk.withV2(vk.v2().withAgentGrants(grants));
    }

    private static List<AgentGrant> grantsOf(V2Fields v) {
        return v.agentGrants() == null ? List.of() : v.agentGrants();
    }

    private static Map<String, String> metadataOf(VirtualKey vk) {
        return vk.v2().metadata() == null ? new TreeMap<>() : new TreeMap<>(vk.v2().metadata());
    }

    private static VirtualKey updateBudget(VirtualKey vk, NodePath p, UnaryOperator<Budget> f) {
        List<Budget> list = new ArrayList<>(KeyEdits.budgetsOf(vk, p.ownerPath()));
        list.set(p.budgetIndex(), f.apply(list.get(p.budgetIndex())));
        return KeyEdits.setBudgets(vk, p.ownerPath(), list);
    }

    private static VirtualKey updateProvider(VirtualKey vk, int i, UnaryOperator<ProviderConfig> f) {
        List<ProviderConfig> list = new ArrayList<>(vk.providerConfigs());
        list.set(i, f.apply(list.get(i)));
        return vk.withProviderConfigs(list);
    }
}
