package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.Money;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the plain-data tree of a virtual key and marks what differs from the server copy. Pure and linear in
 * the size of the key, so a key with a thousand provider configs builds in milliseconds.
 */
public final class TreeBuilder {
    private TreeBuilder() {
    }

    public static TreeNode build(VirtualKey vk, VirtualKey base) {
        return build(vk, base, Instant.now());
    }

    /** The tree at {@code now} (the rotation cooldown line depends on it). */
    public static TreeNode build(VirtualKey vk, VirtualKey base, Instant now) {
        return build(vk, base, now, Map.of());
    }

    /**
     * As above, with the server's names by id (Virtual MCPs under
     * {@link bifrostdesk.virtualkey.api.UpdateBuilder#virtualMcpNameKey}), so a node reads "engineering-tools".
     */
    public static TreeNode build(VirtualKey vk, VirtualKey base, Instant now, Map<String, String> names) {
        Map<Long, ProviderConfig> basePcs = new HashMap<>();
        Map<Long, McpConfig> baseMcps = new HashMap<>();
        if (base != null) {
            base.providerConfigs().forEach(pc -> basePcs.put(pc.id(), pc));
            base.mcpConfigs().forEach(m -> baseMcps.put(m.id(), m));
        }
        boolean aligned = vk.calendarAligned();
        List<TreeNode> children = new ArrayList<>();
        children.add(budgets("", vk.budgets(), base == null ? null : base.budgets(), aligned));
        children.add(rateLimit("", vk.rateLimit(), base == null ? null : base.rateLimit(), base == null));

        List<TreeNode> pcs = new ArrayList<>(vk.providerConfigs().size());
        for (int i = 0; i < vk.providerConfigs().size(); i++) {
            ProviderConfig pc = vk.providerConfigs().get(i);
            pcs.add(providerConfig(i, pc, pc.id() == null ? null : basePcs.get(pc.id()), aligned));
        }
        boolean pcsChanged = base == null || vk.providerConfigs().size() != base.providerConfigs().size();
        boolean allProviders = vk.v2().allowsAllProviders();
        children.add(new TreeNode(NodeKind.PROVIDER_CONFIGS, NodePath.PROVIDER_CONFIGS,
                "Provider configs", count(pcs.size(), "config") + (allProviders ? " · all other providers allowed"
                : pcs.isEmpty() ? " · denies every provider" : ""), Double.NaN, pcsChanged, pcs));
        if (allProviders) {
            children.add(V2Nodes.allProviders(vk, base));
        }

        List<TreeNode> mcps = new ArrayList<>();
        for (int i = 0; i < vk.mcpConfigs().size(); i++) {
            McpConfig m = vk.mcpConfigs().get(i);
            McpConfig b = m.id() == null ? null : baseMcps.get(m.id());
            String path = NodePath.mcp(i);
            TreeNode tools = new TreeNode(NodeKind.TOOLS, NodePath.tools(i), "Tools",
                    toolsText(m.toolsToExecute()), Double.NaN,
                    b == null || !b.toolsToExecute().equals(m.toolsToExecute()), List.of());
            mcps.add(new TreeNode(NodeKind.MCP_CONFIG, path, m.mcpClientName(), m.id() == null ? "new" : "",
                    Double.NaN, b == null || !Objects.equals(b.mcpClientName(), m.mcpClientName()), List.of(tools)));
        }
        boolean mcpChanged = base == null || vk.mcpConfigs().size() != base.mcpConfigs().size();
        children.add(new TreeNode(NodeKind.MCP_CONFIGS, NodePath.MCP_CONFIGS, "MCP configs",
                count(mcps.size(), "client"), Double.NaN, mcpChanged, mcps));
        V2Nodes.addKeyLevel(children, vk, base, names);

        boolean keyChanged = base == null || !Objects.equals(vk.name(), base.name())
                || !Objects.equals(vk.description(), base.description()) || vk.active() != base.active()
                || !Objects.equals(vk.teamId(), base.teamId()) || !Objects.equals(vk.customerId(), base.customerId())
                || !Objects.equals(vk.businessUnitId(), base.businessUnitId())
                || vk.calendarAligned() != base.calendarAligned();
        return new TreeNode(NodeKind.KEY, "", vk.name() == null || vk.name().isBlank() ? "(unnamed key)" : vk.name(),
                V2Nodes.keyDetail(vk, now), Double.NaN, keyChanged, children);
    }

    private static TreeNode providerConfig(int i, ProviderConfig pc, ProviderConfig base, boolean aligned) {
        String path = NodePath.provider(i);
        List<TreeNode> kids = new ArrayList<>(5);
        kids.add(budgets(path, pc.budgets(), base == null ? null : base.budgets(), aligned));
        kids.add(rateLimit(path, pc.rateLimit(), base == null ? null : base.rateLimit(), base == null));
        boolean keysChanged = base == null || base.allowAllKeys() != pc.allowAllKeys() || !base.keys().equals(pc.keys());
        kids.add(new TreeNode(NodeKind.KEYS, NodePath.keys(i), "Keys", keysText(pc), Double.NaN,
                keysChanged, List.of()));
        kids.add(new TreeNode(NodeKind.MODELS, NodePath.models(i), "Allowed models",
                modelsText(pc.allowedModels()), Double.NaN,
                base == null || !base.allowedModels().equals(pc.allowedModels()), List.of()));
        if (!pc.modelBudgets().isEmpty()) {
            kids.add(V2Nodes.modelBudgets(i, pc, base, aligned));
        }
        String detail = (pc.weight() == null ? "no weight" : "weight " + trim(pc.weight()))
                + (pc.id() == null ? " · new" : " · id " + pc.id());
        boolean changed = base == null || !Objects.equals(base.provider(), pc.provider())
                || !Objects.equals(base.weight(), pc.weight());
        return new TreeNode(NodeKind.PROVIDER_CONFIG, path, pc.provider() == null || pc.provider().isBlank()
                ? "(no provider)" : pc.provider(), detail, Double.NaN, changed, kids);
    }

    /**
     * The budgets list of an owner. A budget's label is its usage of the effective limit (base plus a live
     * override, REFERENCE-v2.md §11.5.6), its detail how it resets and the override; {@code aligned} is the key's
     * calendar alignment, which decides what a quarter means.
     */
    static TreeNode budgets(String owner, List<Budget> budgets, List<Budget> base, boolean aligned) {
        String path = NodePath.budgets(owner);
        Map<String, Budget> byId = new HashMap<>();
        if (base != null) {
            base.forEach(b -> byId.put(b.id(), b));
        }
        List<TreeNode> kids = new ArrayList<>(budgets.size());
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            Budget was = b.id() == null ? null : byId.get(b.id());
            boolean changed = was == null || !Objects.equals(was.maxLimit(), b.maxLimit())
                    || !Objects.equals(was.resetDuration(), b.resetDuration())
                    || !Objects.equals(was.quarterStartMonth(), b.quarterStartMonth())
                    || !Objects.equals(was.override(), b.override());
            Double effective = b.effectiveLimit();
            String label = Money.format(b.currentUsage()) + " of " + (effective == null ? "?" : Money.format(effective));
            String override = V2Text.override(b);
            kids.add(new TreeNode(NodeKind.BUDGET, NodePath.budget(owner, i), label, V2Text.resets(b, aligned)
                    + (override.isEmpty() ? "" : " · " + override), b.usedFraction(), changed, List.of()));
        }
        boolean changed = base == null ? !budgets.isEmpty() : base.size() != budgets.size();
        return new TreeNode(NodeKind.BUDGETS, path, "Budgets", budgets.isEmpty() ? "none" : count(budgets.size(), "line"),
                Double.NaN, changed, kids);
    }

    static TreeNode rateLimit(String owner, RateLimit rl, RateLimit base, boolean ownerIsNew) {
        boolean changed;
        if (rl == null || rl.isEmpty()) {
            changed = base != null && !base.isEmpty();
        } else {
            changed = ownerIsNew || base == null || !rl.sameSettings(base);
        }
        return new TreeNode(NodeKind.RATE_LIMIT, NodePath.rateLimit(owner), "Rate limit", rateText(rl), Double.NaN,
                changed, List.of());
    }

    public static String rateText(RateLimit rl) {
        if (rl == null || rl.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>(2);
        if (rl.tokenMaxLimit() != null || rl.tokenResetDuration() != null) {
            parts.add(num(rl.tokenMaxLimit()) + " tokens / " + nz(rl.tokenResetDuration()));
        }
        if (rl.requestMaxLimit() != null || rl.requestResetDuration() != null) {
            parts.add(num(rl.requestMaxLimit()) + " requests / " + nz(rl.requestResetDuration()));
        }
        return String.join(" · ", parts);
    }

    static String keysText(ProviderConfig pc) {
        if (pc.allowAllKeys()) {
            return "all keys, now and future";
        }
        if (pc.keys().isEmpty()) {
            return "none — denies every request";
        }
        return pc.keys().size() <= 2 ? String.join(", ", pc.keys().stream().map(k -> k.label()).toList())
                : count(pc.keys().size(), "key");
    }

    static String modelsText(List<String> models) {
        if (models.equals(List.of("*"))) {
            return "all models";
        }
        if (models.isEmpty()) {
            return "none — denies every request";
        }
        return models.size() <= 3 ? String.join(", ", models) : count(models.size(), "model");
    }

    static String toolsText(List<String> tools) {
        if (tools.equals(List.of("*"))) {
            return "all tools";
        }
        if (tools.isEmpty()) {
            return "none";
        }
        return tools.size() <= 3 ? String.join(", ", tools) : count(tools.size(), "tool");
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }


    private static String num(Long v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String nz(String s) {
        return s == null ? "?" : s;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
