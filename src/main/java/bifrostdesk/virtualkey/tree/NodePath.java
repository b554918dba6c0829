package bifrostdesk.virtualkey.tree;

/**
 * Parses and builds the stable node paths shared by the tree, the validation rules and the forms:
 * {@code ""}, {@code budgets}, {@code budgets/0}, {@code rate_limit}, {@code provider_configs},
 * {@code provider_configs/2}, {@code provider_configs/2/budgets/1}, {@code provider_configs/2/rate_limit},
 * {@code provider_configs/2/keys}, {@code provider_configs/2/models}, {@code mcp_configs}, {@code mcp_configs/1},
 * {@code mcp_configs/1/tools}.
 */
public record NodePath(NodeKind kind, int providerIndex, int mcpIndex, int budgetIndex) {

    public static NodePath parse(String path) {
        String[] p = path.isEmpty() ? new String[0] : path.split("/");
        if (p.length == 0) {
            return new NodePath(NodeKind.KEY, -1, -1, -1);
        }
        switch (p[0]) {
            case "budgets":
                return p.length == 1 ? new NodePath(NodeKind.BUDGETS, -1, -1, -1)
                        : new NodePath(NodeKind.BUDGET, -1, -1, Integer.parseInt(p[1]));
            case "rate_limit":
                return new NodePath(NodeKind.RATE_LIMIT, -1, -1, -1);
            case "mcp_configs":
                if (p.length == 1) {
                    return new NodePath(NodeKind.MCP_CONFIGS, -1, -1, -1);
                }
                int m = Integer.parseInt(p[1]);
                return new NodePath(p.length == 2 ? NodeKind.MCP_CONFIG : NodeKind.TOOLS, -1, m, -1);
            case "provider_configs":
                if (p.length == 1) {
                    return new NodePath(NodeKind.PROVIDER_CONFIGS, -1, -1, -1);
                }
                int i = Integer.parseInt(p[1]);
                if (p.length == 2) {
                    return new NodePath(NodeKind.PROVIDER_CONFIG, i, -1, -1);
                }
                return switch (p[2]) {
                    case "budgets" -> p.length == 3 ? new NodePath(NodeKind.BUDGETS, i, -1, -1)
                            : new NodePath(NodeKind.BUDGET, i, -1, Integer.parseInt(p[3]));
                    case "rate_limit" -> new NodePath(NodeKind.RATE_LIMIT, i, -1, -1);
                    case "keys" -> new NodePath(NodeKind.KEYS, i, -1, -1);
                    case "models" -> new NodePath(NodeKind.MODELS, i, -1, -1);
                    default -> throw new IllegalArgumentException("unknown path " + path);
                };
            default:
                throw new IllegalArgumentException("unknown path " + path);
        }
    }

    /** True when the node belongs to a provider config rather than to the key itself. */
    public boolean inProviderConfig() {
        return providerIndex >= 0;
    }

    public static String provider(int i) {
        return "provider_configs/" + i;
    }

    public static String mcp(int i) {
        return "mcp_configs/" + i;
    }

    /** The path of the budgets list that owns budgets under {@code ownerPath} ("" or a provider config). */
    public static String budgets(String ownerPath) {
        return ownerPath.isEmpty() ? "budgets" : ownerPath + "/budgets";
    }

    public static String rateLimit(String ownerPath) {
        return ownerPath.isEmpty() ? "rate_limit" : ownerPath + "/rate_limit";
    }

    /** The owner ("" or "provider_configs/N") of a budget, budgets or rate-limit node. */
    public String ownerPath() {
        return inProviderConfig() ? provider(providerIndex) : "";
    }
}
