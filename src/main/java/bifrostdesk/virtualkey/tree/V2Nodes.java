package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.V2Support;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tree nodes of what Bifrost v2 added to a key (REFERENCE-v2.md §11): per-model budgets under a provider
 * config, the "all providers" line, Virtual MCPs, metadata and agent grants, and the key's own v2 flags in its
 * detail. Each node is shown only when the server sent something to show. Part of {@link TreeBuilder}.
 */
final class V2Nodes {
    private V2Nodes() {
    }

    /** The key node's detail: status, who manages it, its owner when a business unit, the rotation cooldown. */
    static String keyDetail(VirtualKey vk, Instant now) {
        StringBuilder sb = new StringBuilder(vk.active() ? "active" : "inactive");
        if (vk.isConfigManaged()) {
            sb.append(" · config.json");
        }
        if (vk.isAccessProfileManaged()) {
            sb.append(" · managed by an access profile");
        }
        String bu = V2Text.businessUnit(vk);
        if (bu != null) {
            sb.append(" · business unit ").append(bu);
        }
        if (Boolean.TRUE.equals(vk.v2().disableContentLogging())) {
            sb.append(" · content logging off");
        }
        String rotation = V2Text.rotation(vk.v2(), now);
        if (!rotation.isEmpty()) {
            sb.append(" · ").append(rotation);
        }
        return sb.toString();
    }

    static TreeNode allProviders(VirtualKey vk, VirtualKey base) {
        boolean changed = base == null || !base.v2().allowsAllProviders();
        return new TreeNode(NodeKind.ALL_PROVIDERS, NodePath.ALL_PROVIDERS, "All providers",
                "unlisted providers: all models and keys, no per-provider limits, no weight", Double.NaN, changed,
                List.of());
    }

    /** Virtual MCPs, metadata and agent grants, each where the server has it (see {@link V2Support}). */
    static void addKeyLevel(List<TreeNode> out, VirtualKey vk, VirtualKey base, Map<String, String> serverNames) {
        V2Fields v = vk.v2();
        V2Fields b = base == null ? null : base.v2();
        if (v.virtualMcpIds() != null) {
            List<Long> ids = v.virtualMcpIds();
            List<TreeNode> kids = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                String name = serverNames.get(bifrostdesk.virtualkey.api.UpdateBuilder.virtualMcpNameKey(ids.get(i)));
                kids.add(new TreeNode(NodeKind.VIRTUAL_MCP, NodePath.virtualMcp(i),
                        name == null ? V2Text.virtualMcp(ids.get(i)) : name,
                        name == null ? "assigned" : "assigned · #" + ids.get(i), Double.NaN, b == null || b.virtualMcpIds() == null
                        || !b.virtualMcpIds().contains(ids.get(i)), List.of()));
            }
            out.add(new TreeNode(NodeKind.VIRTUAL_MCPS, NodePath.VIRTUAL_MCPS, "Virtual MCPs",
                    ids.isEmpty() ? "none assigned" : ids.size() + " assigned",
                    Double.NaN, b == null || !Objects.equals(b.virtualMcpIds(), ids), kids));
        }
        // shown wherever the server has them, empty too: the node is where they are edited
        if (V2Support.metadata(vk)) {
            Map<String, String> now = v.metadata() == null ? Map.of() : v.metadata();
            Map<String, String> was = b == null || b.metadata() == null ? Map.of() : b.metadata();
            out.add(new TreeNode(NodeKind.METADATA, NodePath.METADATA, "Metadata", V2Text.metadata(now),
                    Double.NaN, b == null || !was.equals(now), List.of()));
        }
        if (v.agentGrants() != null) {
            List<String> names = v.agentGrants().stream().map(AgentGrant::agentName).toList();
            String detail = names.isEmpty() ? "none" : names.size() <= 3 ? String.join(", ", names)
                    : TreeBuilder.count(names.size(), "agent");
            boolean changed = b == null || !(b.agentGrants() == null ? List.of()
                    : b.agentGrants().stream().map(AgentGrant::agentName).toList()).equals(names);
            out.add(new TreeNode(NodeKind.AGENT_GRANTS, NodePath.AGENT_GRANTS, "Agent grants", detail, Double.NaN,
                    changed, List.of()));
        }
    }

    /** The per-model budgets of provider config {@code i}: one node per model with its budgets and rate limit. */
    static TreeNode modelBudgets(int i, ProviderConfig pc, ProviderConfig base, boolean aligned) {
        Map<String, ModelBudget> baseByModel = new HashMap<>();
        if (base != null) {
            base.modelBudgets().forEach(mb -> baseByModel.put(mb.modelName(), mb));
        }
        List<TreeNode> models = new ArrayList<>(pc.modelBudgets().size());
        for (int m = 0; m < pc.modelBudgets().size(); m++) {
            ModelBudget mb = pc.modelBudgets().get(m);
            ModelBudget was = baseByModel.get(mb.modelName());
            String owner = NodePath.modelBudget(i, m);
            List<TreeNode> kids = List.of(
                    TreeBuilder.budgets(owner, mb.budgets(), was == null ? null : was.budgets(), aligned),
                    TreeBuilder.rateLimit(owner, mb.rateLimit(), was == null ? null : was.rateLimit(), was == null));
            String detail = (mb.budgets().isEmpty() ? "no budget" : TreeBuilder.count(mb.budgets().size(), "budget"))
                    + " · " + (mb.rateLimit() == null || mb.rateLimit().isEmpty() ? "no rate limit"
                    : TreeBuilder.rateText(mb.rateLimit()));
            models.add(new TreeNode(NodeKind.MODEL_BUDGET, owner, mb.modelName(), detail, Double.NaN, was == null,
                    kids));
        }
        boolean changed = base == null || base.modelBudgets().size() != pc.modelBudgets().size();
        return new TreeNode(NodeKind.MODEL_BUDGETS, NodePath.modelBudgets(i), "Per-model budgets",
                TreeBuilder.count(models.size(), "model"), Double.NaN, changed, models);
    }
}
