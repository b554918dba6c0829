package bifrostdesk.virtualkey.tree;

/** The kinds of node in a virtual key's tree; each has its own form. */
public enum NodeKind {
    KEY, BUDGETS, BUDGET, RATE_LIMIT, PROVIDER_CONFIGS, PROVIDER_CONFIG, KEYS, MODELS, MCP_CONFIGS, MCP_CONFIG, TOOLS
}
