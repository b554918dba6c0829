package bifrostdesk.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's rows. Mutable and package-private; always accessed under {@link SandboxStore#lock()}. Budgets and
 * rate limits are owned by (nested in) their VK / provider config / team, so a deep copy of a VK is a
 * transaction snapshot.
 */
public final class Records {
    private Records() {
    }

    /** A configured provider. */
    public static final class ProviderRec {
        public String name;
        public final List<KeyRec> keys = new ArrayList<>();

        public ProviderRec(String name) {
            this.name = name;
        }
    }

    /** A provider key. {@code dbId} is the numeric row id, {@code keyId} the UUID used in {@code key_ids}. */
    public static final class KeyRec {
        public long dbId;
        public String keyId;
        public String name;
        public String provider;
        public List<String> models = new ArrayList<>();
        public double weight = 1.0;
        public boolean enabled = true;
        public String secret;
    }

    /** An MCP client with its tools. */
    public static final class McpClientRec {
        public long dbId;
        public String clientId;
        public String name;
        public String connectionType;
        public String connectionString;
        public Map<String, String> headers = new LinkedHashMap<>();
        public List<String> clientToolsToExecute = new ArrayList<>(List.of("*"));
        public Map<String, String> tools = new LinkedHashMap<>();
        public Instant createdAt;
    }

    /** A customer. */
    public static final class CustomerRec {
        public String id;
        public String name;
        public Instant createdAt;
    }

    /** A team, optionally under a customer. */
    public static final class TeamRec {
        public String id;
        public String name;
        public String customerId;
        public final List<BudgetRec> budgets = new ArrayList<>();
        public RateLimitRec rateLimit;
        public Instant createdAt;
    }

    /** A budget row. */
    public static final class BudgetRec {
        public String id;
        public double maxLimit;
        public String resetDuration;
        public Instant lastReset;
        public double currentUsage;
        public boolean calendarAligned;
        public String configHash;
        public Instant createdAt;
        public Instant updatedAt;
        /** V2 {@code reset_config.quarter_start_month}; null = unset (REFERENCE-v2 §11.5.2). */
        public Integer quarterStartMonth;
        /** V2 override (§11.5.6); {@code overrideMode} null = none. */
        public double overrideAmount;
        public String overrideMode;
        public int overrideCyclesRemaining;
        public int overrideCyclesTotal;
        public Instant overrideAnchorReset;

        /** max_limit plus an active override (§11.5.6 "How it shows in GET"). */
        public double effectiveMaxLimit() {
            boolean active = overrideAmount > 0 && ("forever".equals(overrideMode)
                    || ("cycles".equals(overrideMode) && overrideCyclesRemaining > 0));
            return active ? maxLimit + overrideAmount : maxLimit;
        }

        public BudgetRec copy() {
            BudgetRec b = new BudgetRec();
            b.id = id;
            b.maxLimit = maxLimit;
            b.resetDuration = resetDuration;
            b.lastReset = lastReset;
            b.currentUsage = currentUsage;
            b.calendarAligned = calendarAligned;
            b.configHash = configHash;
            b.createdAt = createdAt;
            b.updatedAt = updatedAt;
            b.quarterStartMonth = quarterStartMonth;
            b.overrideAmount = overrideAmount;
            b.overrideMode = overrideMode;
            b.overrideCyclesRemaining = overrideCyclesRemaining;
            b.overrideCyclesTotal = overrideCyclesTotal;
            b.overrideAnchorReset = overrideAnchorReset;
            return b;
        }
    }

    /** A rate-limit row. */
    public static final class RateLimitRec {
        public String id;
        public Long tokenMaxLimit;
        public String tokenResetDuration;
        public long tokenCurrentUsage;
        public Instant tokenLastReset;
        public Long requestMaxLimit;
        public String requestResetDuration;
        public long requestCurrentUsage;
        public Instant requestLastReset;
        public boolean calendarAligned;
        public String configHash;
        public Instant createdAt;
        public Instant updatedAt;

        public RateLimitRec copy() {
            RateLimitRec r = new RateLimitRec();
            r.id = id;
            r.tokenMaxLimit = tokenMaxLimit;
            r.tokenResetDuration = tokenResetDuration;
            r.tokenCurrentUsage = tokenCurrentUsage;
            r.tokenLastReset = tokenLastReset;
            r.requestMaxLimit = requestMaxLimit;
            r.requestResetDuration = requestResetDuration;
            r.requestCurrentUsage = requestCurrentUsage;
            r.requestLastReset = requestLastReset;
            r.calendarAligned = calendarAligned;
            r.configHash = configHash;
            r.createdAt = createdAt;
            r.updatedAt = updatedAt;
            return r;
        }
    }

    /** A VK provider config. {@code keyIds} are provider-key UUIDs (empty when {@code allowAllKeys}). */
    public static final class PcRec {
        public long id;
        public String provider;
        public Double weight;
        public List<String> allowedModels = new ArrayList<>();
        /** LATER only. */
        public List<String> blacklistedModels = new ArrayList<>();
        public boolean allowAllKeys;
        public List<String> keyIds = new ArrayList<>();
        public List<BudgetRec> budgets = new ArrayList<>();
        public RateLimitRec rateLimit;
        /** V2 per-model tiers (§11.6), kept sorted by model name. */
        public List<ModelBudgetRec> modelBudgets = new ArrayList<>();

        public PcRec copy() {
            PcRec p = new PcRec();
            p.id = id;
            p.provider = provider;
            p.weight = weight;
            p.allowedModels = new ArrayList<>(allowedModels);
            p.blacklistedModels = new ArrayList<>(blacklistedModels);
            p.allowAllKeys = allowAllKeys;
            p.keyIds = new ArrayList<>(keyIds);
            budgets.forEach(b -> p.budgets.add(b.copy()));
            p.rateLimit = rateLimit == null ? null : rateLimit.copy();
            modelBudgets.forEach(m -> p.modelBudgets.add(m.copy()));
            return p;
        }
    }

    /** A VK MCP config. */
    public static final class McpCfgRec {
        public long id;
        public long mcpClientDbId;
        public List<String> toolsToExecute = new ArrayList<>();

        public McpCfgRec copy() {
            McpCfgRec m = new McpCfgRec();
            m.id = id;
            m.mcpClientDbId = mcpClientDbId;
            m.toolsToExecute = new ArrayList<>(toolsToExecute);
            return m;
        }
    }

    /** A virtual key with everything it owns. */
    public static final class VkRec {
        public String id;
        public String name;
        public String description = "";
        public String value;
        public boolean isActive = true;
        public String teamId;
        public String customerId;
        public boolean calendarAligned;
        public String configHash;
        public Instant expiresAt;
        public Instant createdAt;
        public Instant updatedAt;
        public List<PcRec> providerConfigs = new ArrayList<>();
        public List<McpCfgRec> mcpConfigs = new ArrayList<>();
        public List<BudgetRec> budgets = new ArrayList<>();
        public RateLimitRec rateLimit;
        // ---- V2 (REFERENCE-v2 §11.11.2) ----
        public String businessUnitId;
        public boolean allowAllProviders;
        /** Tri-state: null = inherit the client-wide default. */
        public Boolean deleteAfterExpire;
        /** Tri-state: null = inherit. */
        public Boolean disableContentLogging;
        /** null = never set (JSON {@code null}); empty = all removed (JSON {@code []}). */
        public List<AgentGrantRec> agentGrants;
        /** Empty = absent from the JSON. */
        public Map<String, String> metadata = new LinkedHashMap<>();
        public Instant rotatedAt;
        public Instant previousValueExpiresAt;
        /** Enterprise: the access profile that manages this key, or null (§11.13). */
        public String accessProfileId;

        public VkRec copy() {
            VkRec v = new VkRec();
            v.id = id;
            v.name = name;
            v.description = description;
            v.value = value;
            v.isActive = isActive;
            v.teamId = teamId;
            v.customerId = customerId;
            v.calendarAligned = calendarAligned;
            v.configHash = configHash;
            v.expiresAt = expiresAt;
            v.createdAt = createdAt;
            v.updatedAt = updatedAt;
            providerConfigs.forEach(p -> v.providerConfigs.add(p.copy()));
            mcpConfigs.forEach(m -> v.mcpConfigs.add(m.copy()));
            budgets.forEach(b -> v.budgets.add(b.copy()));
            v.rateLimit = rateLimit == null ? null : rateLimit.copy();
            v.businessUnitId = businessUnitId;
            v.allowAllProviders = allowAllProviders;
            v.deleteAfterExpire = deleteAfterExpire;
            v.disableContentLogging = disableContentLogging;
            v.agentGrants = agentGrants == null ? null : new ArrayList<>(agentGrants);
            v.metadata = new LinkedHashMap<>(metadata);
            v.rotatedAt = rotatedAt;
            v.previousValueExpiresAt = previousValueExpiresAt;
            v.accessProfileId = accessProfileId;
            return v;
        }
    }

    /** V2 per-model tier of a provider config: a VK-scoped model config (REFERENCE-v2 §11.6). */
    public static final class ModelBudgetRec {
        /** The model config id, the owner key of its budgets in {@code /api/governance/budgets}. */
        public String id;
        public String modelName;
        public List<BudgetRec> budgets = new ArrayList<>();
        public RateLimitRec rateLimit;

        public ModelBudgetRec copy() {
            ModelBudgetRec m = new ModelBudgetRec();
            m.id = id;
            m.modelName = modelName;
            budgets.forEach(b -> m.budgets.add(b.copy()));
            m.rateLimit = rateLimit == null ? null : rateLimit.copy();
            return m;
        }
    }

    /** V2 agent grant; immutable, so lists of them copy shallowly. */
    public record AgentGrantRec(String agentName, Instant createdAt) {
    }

    /** Enterprise business unit, a third kind of VK owner (REFERENCE-v2 §11.8). */
    public static final class BusinessUnitRec {
        public String id;
        public String name;
        public Instant createdAt;
    }

    /** Enterprise access profile: its budgets and rate limit replace a managed VK's on every read (§11.13). */
    public static final class AccessProfileRec {
        public String id;
        public String name;
        public final List<BudgetRec> budgets = new ArrayList<>();
        public RateLimitRec rateLimit;
    }

    /** A Virtual MCP (REFERENCE-v2 §11.7.1). */
    public static final class VirtualMcpRec {
        public long id;
        public String name;
        public String endpointSlug;
        public String description;
        public boolean enabled = true;
        /** {@code mcp_client_id} as sent (an id or a name) to its tool names. */
        public Map<String, List<String>> tools = new LinkedHashMap<>();
        public final Set<String> virtualKeyIds = new LinkedHashSet<>();
        public Instant createdAt;
        public Instant updatedAt;
    }
}
