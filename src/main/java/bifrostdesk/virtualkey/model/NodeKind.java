package bifrostdesk.virtualkey.model;

/**
 * The kinds of node in a virtual key's tree; each has its own form. Budgets and rate limits under a model
 * ({@code provider_configs/0/model_budgets/1/budgets/0}) are {@link #BUDGETS}, {@link #BUDGET} and
 * {@link #RATE_LIMIT} nodes too, owned by a {@link #MODEL_BUDGET}.
 */
public enum NodeKind {
    KEY, BUDGETS, BUDGET, RATE_LIMIT, PROVIDER_CONFIGS, PROVIDER_CONFIG, KEYS, MODELS, MCP_CONFIGS, MCP_CONFIG, TOOLS,
    /** v2 per-model budgets of a provider config ({@code model_budgets}), and one model's entry. */
    MODEL_BUDGETS, MODEL_BUDGET,
    /** v2 {@code allow_all_providers}: shown only when the key has it on. */
    ALL_PROVIDERS,
    /** Virtual MCPs assigned to the key (v2.1, from the GET of one key), and one of them. */
    VIRTUAL_MCPS, VIRTUAL_MCP,
    /** v2 {@code metadata} and {@code agent_grants}. */
    METADATA, AGENT_GRANTS
}
