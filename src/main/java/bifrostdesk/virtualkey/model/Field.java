package bifrostdesk.virtualkey.model;

import java.util.HashMap;
import java.util.Map;

/**
 * A field of a node of a virtual key's tree: what a form binds, a rule points at, the merge compares and a draft
 * keeps raw text for. Its {@link #id()} is Bifrost's JSON name where the field has one ({@code max_limit}); that id
 * is what drafts store ({@code "budgets/0#max_limit"}, docs/workspace-format.md), so it must never change.
 * <p>
 * The v2 settings have fields of their own (all providers, delete after expiry, content logging, a quarterly
 * budget's start month, an override, metadata, agent grants, Virtual MCPs, a per-model entry's model).
 */
public enum Field {
    /** The node as a whole: a problem about a budget line or about the key, not one of its fields. */
    NODE(""),

    // the key (NodeKind.KEY)
    NAME("name"),
    DESCRIPTION("description"),
    ACTIVE("active"),
    EXPIRES_AT("expires_at"),
    /** The owner: a team or a customer (or neither), changed together. */
    OWNER("owner"),
    /** The team side of the owner, where a rule is about the team alone. */
    TEAM("team"),
    /** The key's calendar alignment; in the merge also a budget's own flag. */
    CALENDAR_ALIGNED("calendar_aligned"),
    /** The key's list of provider configs as a whole (e.g. "none at all"). */
    PROVIDER_CONFIGS("provider_configs"),

    // a budget (NodeKind.BUDGET)
    MAX_LIMIT("max_limit"),
    RESET_DURATION("reset_duration"),

    // a rate limit (NodeKind.RATE_LIMIT)
    TOKEN_MAX_LIMIT("token_max_limit"),
    TOKEN_RESET_DURATION("token_reset_duration"),
    REQUEST_MAX_LIMIT("request_max_limit"),
    REQUEST_RESET_DURATION("request_reset_duration"),

    // a provider config (NodeKind.PROVIDER_CONFIG) and its keys and models nodes
    PROVIDER("provider"),
    WEIGHT("weight"),
    KEYS("keys"),
    ALLOWED_MODELS("allowed_models"),
    BLACKLISTED_MODELS("blacklisted_models"),

    // an MCP config (NodeKind.MCP_CONFIG) and its tools node
    MCP_CLIENT("mcp_client"),
    TOOLS("tools"),

    // v2 (REFERENCE-v2.md §11): the key's options, a budget's v2 settings, the v2 nodes
    ALLOW_ALL_PROVIDERS("allow_all_providers"),
    DELETE_AFTER_EXPIRE("delete_after_expire"),
    DISABLE_CONTENT_LOGGING("disable_content_logging"),
    /** A quarterly budget's fiscal start month ({@code reset_config.quarter_start_month}). */
    QUARTER_START_MONTH("quarter_start_month"),
    /** A budget's override (its own endpoint, after the PUT). */
    OVERRIDE("override"),
    METADATA("metadata"),
    AGENT_GRANTS("agent_grants"),
    VIRTUAL_MCPS("virtual_mcp_ids"),
    /** The model of a per-model budgets entry. */
    MODEL_NAME("model_name");

    private static final Map<String, Field> BY_ID = new HashMap<>();

    static {
        for (Field f : values()) {
            BY_ID.put(f.id, f);
        }
    }

    private final String id;

    Field(String id) {
        this.id = id;
    }

    /** The name drafts, violations and merge conflicts use for this field, e.g. {@code max_limit}. */
    public String id() {
        return id;
    }

    /**
     * The field with this id.
     *
     * @throws IllegalArgumentException when no field has it (e.g. a draft written by a newer version)
     */
    public static Field of(String id) {
        Field f = BY_ID.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no field '" + id + "'");
        }
        return f;
    }
}
