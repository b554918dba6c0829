package bifrostdesk.virtualkey.model;

/**
 * The address of one node of a virtual key's tree, shared by the tree, the forms, the validation rules, the merge
 * and the budget review. Its text form ({@link #toString()}, read back by {@link #parse}) is what the UI selects by
 * and what drafts store:
 * {@code ""}, {@code budgets}, {@code budgets/0}, {@code rate_limit}, {@code provider_configs},
 * {@code provider_configs/2}, {@code provider_configs/2/budgets/1}, {@code provider_configs/2/rate_limit},
 * {@code provider_configs/2/keys}, {@code provider_configs/2/models}, {@code provider_configs/2/model_budgets},
 * {@code provider_configs/2/model_budgets/1} (one model), {@code provider_configs/2/model_budgets/1/budgets/0},
 * {@code provider_configs/2/model_budgets/1/rate_limit}, {@code mcp_configs}, {@code mcp_configs/1},
 * {@code mcp_configs/1/tools}, and the v2 read-only nodes {@code all_providers}, {@code virtual_mcps},
 * {@code virtual_mcps/0}, {@code metadata}, {@code agent_grants}.
 * <p>
 * Nothing else spells these segments: build a path with the static builders ({@link #provider}, {@link #budget},
 * {@link #keys}, …), never by concatenating text. The fields of a node are {@link Field}s; one field of one node is
 * a {@link FieldKey}.
 *
 * @param modelIndex index in the provider config's {@code model_budgets}, -1 outside a model
 * @param itemIndex  index in another list ({@code virtual_mcps/N}), -1 otherwise
 */
public record NodePath(NodeKind kind, int providerIndex, int mcpIndex, int budgetIndex, int modelIndex,
                       int itemIndex) {
    public static final String BUDGETS = "budgets";
    public static final String RATE_LIMIT = "rate_limit";
    public static final String PROVIDER_CONFIGS = "provider_configs";
    public static final String MCP_CONFIGS = "mcp_configs";
    public static final String KEYS = "keys";
    public static final String MODELS = "models";
    public static final String TOOLS = "tools";
    public static final String MODEL_BUDGETS = "model_budgets";
    public static final String ALL_PROVIDERS = "all_providers";
    public static final String VIRTUAL_MCPS = "virtual_mcps";
    public static final String METADATA = "metadata";
    public static final String AGENT_GRANTS = "agent_grants";

    /** The key node itself, {@code ""}. */
    public static final NodePath ROOT = new NodePath(NodeKind.KEY, -1, -1, -1, -1, -1);

    private static NodePath of(NodeKind kind, int provider, int mcp, int budget) {
        return new NodePath(kind, provider, mcp, budget, -1, -1);
    }

    public static NodePath parse(String path) {
        String[] p = path.isEmpty() ? new String[0] : path.split("/");
        if (p.length == 0) {
            return ROOT;
        }
        switch (p[0]) {
            case BUDGETS:
                return p.length == 1 ? of(NodeKind.BUDGETS, -1, -1, -1)
                        : of(NodeKind.BUDGET, -1, -1, Integer.parseInt(p[1]));
            case RATE_LIMIT:
                return of(NodeKind.RATE_LIMIT, -1, -1, -1);
            case MCP_CONFIGS:
                if (p.length == 1) {
                    return of(NodeKind.MCP_CONFIGS, -1, -1, -1);
                }
                int m = Integer.parseInt(p[1]);
                return of(p.length == 2 ? NodeKind.MCP_CONFIG : NodeKind.TOOLS, -1, m, -1);
            case ALL_PROVIDERS:
                return of(NodeKind.ALL_PROVIDERS, -1, -1, -1);
            case METADATA:
                return of(NodeKind.METADATA, -1, -1, -1);
            case AGENT_GRANTS:
                return of(NodeKind.AGENT_GRANTS, -1, -1, -1);
            case VIRTUAL_MCPS:
                return p.length == 1 ? of(NodeKind.VIRTUAL_MCPS, -1, -1, -1)
                        : new NodePath(NodeKind.VIRTUAL_MCP, -1, -1, -1, -1, Integer.parseInt(p[1]));
            case PROVIDER_CONFIGS:
                if (p.length == 1) {
                    return of(NodeKind.PROVIDER_CONFIGS, -1, -1, -1);
                }
                int i = Integer.parseInt(p[1]);
                if (p.length == 2) {
                    return of(NodeKind.PROVIDER_CONFIG, i, -1, -1);
                }
                return switch (p[2]) {
                    case BUDGETS -> p.length == 3 ? of(NodeKind.BUDGETS, i, -1, -1)
                            : of(NodeKind.BUDGET, i, -1, Integer.parseInt(p[3]));
                    case RATE_LIMIT -> of(NodeKind.RATE_LIMIT, i, -1, -1);
                    case KEYS -> of(NodeKind.KEYS, i, -1, -1);
                    case MODELS -> of(NodeKind.MODELS, i, -1, -1);
                    case MODEL_BUDGETS -> modelPath(path, p, i);
                    default -> throw new IllegalArgumentException("unknown path " + path);
                };
            default:
                throw new IllegalArgumentException("unknown path " + path);
        }
    }

    private static NodePath modelPath(String path, String[] p, int provider) {
        if (p.length == 3) {
            return new NodePath(NodeKind.MODEL_BUDGETS, provider, -1, -1, -1, -1);
        }
        int model = Integer.parseInt(p[3]);
        if (p.length == 4) {
            return new NodePath(NodeKind.MODEL_BUDGET, provider, -1, -1, model, -1);
        }
        return switch (p[4]) {
            case BUDGETS -> new NodePath(p.length == 5 ? NodeKind.BUDGETS : NodeKind.BUDGET, provider, -1,
                    p.length == 5 ? -1 : Integer.parseInt(p[5]), model, -1);
            case RATE_LIMIT -> new NodePath(NodeKind.RATE_LIMIT, provider, -1, -1, model, -1);
            default -> throw new IllegalArgumentException("unknown path " + path);
        };
    }

    /** True when the node belongs to a provider config rather than to the key itself. */
    public boolean inProviderConfig() {
        return providerIndex >= 0;
    }

    /** True for a model's entry and the budgets and rate limit under it (per-model budgets, v2). */
    public boolean inModelBudget() {
        return modelIndex >= 0;
    }

    public static String provider(int i) {
        return PROVIDER_CONFIGS + "/" + i;
    }

    /** The keys node of provider config {@code i}. */
    public static String keys(int provider) {
        return provider(provider) + "/" + KEYS;
    }

    /** The allowed (and blocked) models node of provider config {@code i}. */
    public static String models(int provider) {
        return provider(provider) + "/" + MODELS;
    }

    public static String mcp(int i) {
        return MCP_CONFIGS + "/" + i;
    }

    /** The tools node of MCP config {@code i}. */
    public static String tools(int mcp) {
        return mcp(mcp) + "/" + TOOLS;
    }

    /** The per-model budgets list of provider config {@code i}. */
    public static String modelBudgets(int provider) {
        return provider(provider) + "/" + MODEL_BUDGETS;
    }

    /** One model's entry under provider config {@code provider}: the owner path of its budgets and rate limit. */
    public static String modelBudget(int provider, int model) {
        return modelBudgets(provider) + "/" + model;
    }

    public static String virtualMcp(int i) {
        return VIRTUAL_MCPS + "/" + i;
    }

    /** The path of the budgets list that owns budgets under {@code ownerPath} ("", a provider config or a model). */
    public static String budgets(String ownerPath) {
        return ownerPath.isEmpty() ? BUDGETS : ownerPath + "/" + BUDGETS;
    }

    /** One budget line under {@code ownerPath}. */
    public static String budget(String ownerPath, int i) {
        return budgets(ownerPath) + "/" + i;
    }

    public static String rateLimit(String ownerPath) {
        return ownerPath.isEmpty() ? RATE_LIMIT : ownerPath + "/" + RATE_LIMIT;
    }

    /** The owner ("", "provider_configs/N" or "provider_configs/N/model_budgets/M") of a budget or rate-limit node. */
    public String ownerPath() {
        if (inModelBudget()) {
            return modelBudget(providerIndex, modelIndex);
        }
        return inProviderConfig() ? provider(providerIndex) : "";
    }

    /** The path as text, e.g. {@code provider_configs/2/budgets/1}; {@link #parse} reads it back to an equal path. */
    @Override
    public String toString() {
        return switch (kind) {
            case KEY -> "";
            case BUDGETS -> budgets(ownerPath());
            case BUDGET -> budget(ownerPath(), budgetIndex);
            case RATE_LIMIT -> rateLimit(ownerPath());
            case PROVIDER_CONFIGS -> NodePath.PROVIDER_CONFIGS;
            case PROVIDER_CONFIG -> provider(providerIndex);
            case KEYS -> keys(providerIndex);
            case MODELS -> models(providerIndex);
            case MODEL_BUDGETS -> modelBudgets(providerIndex);
            case MODEL_BUDGET -> modelBudget(providerIndex, modelIndex);
            case MCP_CONFIGS -> NodePath.MCP_CONFIGS;
            case MCP_CONFIG -> mcp(mcpIndex);
            case TOOLS -> tools(mcpIndex);
            case ALL_PROVIDERS -> NodePath.ALL_PROVIDERS;
            case VIRTUAL_MCPS -> NodePath.VIRTUAL_MCPS;
            case VIRTUAL_MCP -> virtualMcp(itemIndex);
            case METADATA -> NodePath.METADATA;
            case AGENT_GRANTS -> NodePath.AGENT_GRANTS;
        };
    }
}
