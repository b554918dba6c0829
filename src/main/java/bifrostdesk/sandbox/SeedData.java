package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.CustomerRec;
import bifrostdesk.sandbox.Records.KeyRec;
import bifrostdesk.sandbox.Records.McpCfgRec;
import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.ProviderRec;
import bifrostdesk.sandbox.Records.RateLimitRec;
import bifrostdesk.sandbox.Records.TeamRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The deterministic seeds. Ids are name-based UUIDs (stable across runs); timestamps are relative to start-up.
 * Data is written in the v1.5+ meaning ({@code ["*"]} = all) and translated for {@link Dialect#LEGACY}
 * ({@code []} = all, one budget per owner).
 */
public final class SeedData {
    public static final String TEAM_PLATFORM = stableId("team:platform");
    public static final String TEAM_SUPPORT = stableId("team:support");
    public static final String TEAM_DATA = stableId("team:data-science");
    public static final String CUSTOMER_ACME = stableId("customer:acme");
    public static final String CUSTOMER_GLOBEX = stableId("customer:globex");

    private SeedData() {
    }

    /** A stable UUID for a seed entity. */
    public static String stableId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A key's UUID (the value for key_ids), e.g. {@code keyId("openai-prod")}. */
    public static String keyId(String keyName) {
        return stableId("key:" + keyName);
    }

    /** Builds a store for the seed, in the dialect's representation. */
    public static SandboxStore build(Seed seed, Dialect dialect) {
        SandboxStore store = new SandboxStore();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        lookups(store, now);
        boolean v2 = dialect.atLeast(Dialect.V2);
        if (v2) {
            SeedDataV2.lookups(store, now);
        }
        if (seed != Seed.EMPTY) {
            smallVks(store, now);
            if (v2) {
                SeedDataV2.addKeys(store, now); // one key per v2 feature; older dialects get none of it
            }
        }
        if (seed == Seed.LARGE) {
            SyntheticData.addLarge(store, now);
        }
        if (dialect == Dialect.LEGACY) {
            store.vks.values().forEach(SeedData::toLegacy);
        }
        store.bumpSequences();
        return store;
    }

    private static void lookups(SandboxStore s, Instant now) {
        key(s, "openai", "openai-prod", List.of("gpt-4o", "gpt-4o-mini", "o3-mini"));
        key(s, "openai", "openai-dev", List.of("gpt-4o-mini"));
        key(s, "openai", "openai-batch", List.of("gpt-4o", "gpt-4o-mini"));
        key(s, "anthropic", "anthropic-prod", List.of("claude-sonnet-4", "claude-3-5-haiku"));
        key(s, "anthropic", "anthropic-dev", List.of("claude-3-5-haiku"));
        key(s, "azure", "azure-eastus", List.of("gpt-4o", "gpt-4o-mini"));
        key(s, "azure", "azure-westeurope", List.of("gpt-4o"));

        McpClientRec gh = new McpClientRec();
        gh.clientId = "github-mcp";
        gh.name = "github";
        gh.connectionType = "http";
        gh.connectionString = "https://api.githubcopilot.com/mcp/";
        gh.headers.put("Authorization", "Bearer ghp_sandboxSecretToken0123456789");
        gh.tools.put("create_issue", "Create an issue in a repository");
        gh.tools.put("list_issues", "List issues of a repository");
        gh.tools.put("get_pull_request", "Get a pull request");
        gh.tools.put("create_pull_request", "Open a pull request");
        gh.tools.put("search_code", "Search code across repositories");
        gh.createdAt = now.minus(Duration.ofDays(90));
        s.addMcpClient(gh);
        McpClientRec fs = new McpClientRec();
        fs.clientId = "filesystem-mcp";
        fs.name = "filesystem";
        fs.connectionType = "stdio";
        fs.connectionString = "npx -y @modelcontextprotocol/server-filesystem /srv/shared";
        fs.tools.put("read_file", "Read a file");
        fs.tools.put("write_file", "Write a file");
        fs.tools.put("list_directory", "List a directory");
        fs.tools.put("search_files", "Search files by pattern");
        fs.createdAt = now.minus(Duration.ofDays(90));
        s.addMcpClient(fs);

        customer(s, CUSTOMER_ACME, "Acme Corp", now);
        customer(s, CUSTOMER_GLOBEX, "Globex", now);
        TeamRec platform = team(s, TEAM_PLATFORM, "Platform", CUSTOMER_ACME, now);
        platform.budgets.add(budget("team:platform:1M", 5000, "1M", 3100, now));
        TeamRec support = team(s, TEAM_SUPPORT, "Support", null, now);
        // a team-level rate limit, so the budget review shows limits above the keys too
        support.rateLimit = rateLimit("team:support", null, null, 600L, "1h", now);
        team(s, TEAM_DATA, "Data Science", null, now);
    }

    private static void smallVks(SandboxStore s, Instant now) {
        Instant base = now.minus(Duration.ofDays(30));

        VkRec checkout = vk(s, "checkout-service", "Payments checkout flow", base.plus(Duration.ofHours(1)));
        checkout.teamId = TEAM_PLATFORM;
        PcRec co1 = pc(s, "openai", 0.7, List.of("gpt-4o", "gpt-4o-mini"), List.of(keyId("openai-prod")));
        co1.budgets.add(budget("checkout-service:openai:1M", 500, "1M", 120, now));
        co1.rateLimit = rateLimit("checkout-service:openai", 500_000L, "1h", 500L, "1m", now);
        checkout.providerConfigs.add(co1);
        checkout.providerConfigs.add(pc(s, "anthropic", 0.3, List.of("*"), List.of("*")));
        checkout.budgets.add(budget("checkout-service:1d", 50, "1d", 42, now));
        checkout.budgets.add(budget("checkout-service:1M", 1000, "1M", 640, now));
        checkout.rateLimit = rateLimit("checkout-service", 1_000_000L, "1h", 1000L, "1m", now);
        checkout.mcpConfigs.add(mcp(s, "github", List.of("create_issue", "list_issues")));

        VkRec support = vk(s, "support-bot", "Customer support assistant", base.plus(Duration.ofHours(2)));
        support.customerId = CUSTOMER_GLOBEX;
        support.providerConfigs.add(pc(s, "anthropic", 1.0, List.of("claude-3-5-haiku"), List.of("*")));
        support.budgets.add(budget("support-bot:1w", 100, "1w", 112.5, now));
        support.mcpConfigs.add(mcp(s, "filesystem", List.of("*")));

        VkRec analytics = vk(s, "analytics-batch", "Nightly analytics jobs", base.plus(Duration.ofHours(3)));
        PcRec an = pc(s, "openai", null, List.of("*"), List.of(keyId("openai-batch")));
        an.budgets.add(budget("analytics-batch:openai:1d", 20, "1d", 16, now));
        an.budgets.add(budget("analytics-batch:openai:1M", 300, "1M", 90, now));
        analytics.providerConfigs.add(an);

        VkRec old = vk(s, "legacy-integration", "Old CRM connector, disabled", base.plus(Duration.ofHours(4)));
        old.isActive = false;
        old.teamId = TEAM_SUPPORT;
        old.providerConfigs.add(pc(s, "azure", 1.0, List.of("gpt-4o"), List.of(keyId("azure-eastus"))));

        VkRec managed = vk(s, "config-managed-gateway", "Defined in config.json", base.plus(Duration.ofHours(5)));
        managed.customerId = CUSTOMER_ACME;
        managed.configHash = "3f9a1c2e7b4d5a6f8e0c1b2a3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6";
        managed.providerConfigs.add(pc(s, "openai", 0.5, List.of("*"), List.of("*")));
        managed.providerConfigs.add(pc(s, "anthropic", 0.5, List.of("*"), List.of("*")));
        managed.budgets.add(budget("config-managed-gateway:1M", 2000, "1M", 150, now));

        VkRec research = vk(s, "research-sandbox", "Experiments by data science", base.plus(Duration.ofHours(6)));
        research.teamId = TEAM_DATA;
        research.providerConfigs.add(pc(s, "openai", 1.0, List.of("o3-mini"), List.of(keyId("openai-dev"))));
        research.budgets.add(budget("research-sandbox:1M", 200, "1M", 250, now));
        research.rateLimit = rateLimit("research-sandbox", null, null, 60L, "1m", now);

        vk(s, "marketing-assistant", "", base.plus(Duration.ofHours(7)));

        VkRec mobile = vk(s, "mobile-app", "iOS and Android app backend", base.plus(Duration.ofHours(8)));
        mobile.teamId = TEAM_PLATFORM;
        mobile.providerConfigs.add(pc(s, "openai", 0.6, List.of("gpt-4o-mini"), List.of("*")));
        PcRec az = pc(s, "azure", 0.4, List.of("gpt-4o", "gpt-4o-mini"),
                List.of(keyId("azure-eastus"), keyId("azure-westeurope")));
        az.budgets.add(budget("mobile-app:azure:1d", 30, "1d", 27, now));
        az.rateLimit = rateLimit("mobile-app:azure", 200_000L, "1h", null, null, now);
        mobile.providerConfigs.add(az);
        mobile.rateLimit = rateLimit("mobile-app", 2_000_000L, "1d", null, null, now);
        mobile.mcpConfigs.add(mcp(s, "github", List.of("*")));
        mobile.mcpConfigs.add(mcp(s, "filesystem", List.of("read_file", "list_directory")));
    }

    // ---- builders shared with SyntheticData ----

    static KeyRec key(SandboxStore s, String provider, String name, List<String> models) {
        if (!s.providers.containsKey(provider)) {
            s.addProvider(new ProviderRec(provider));
        }
        KeyRec k = new KeyRec();
        k.keyId = keyId(name);
        k.name = name;
        k.provider = provider;
        k.models = new ArrayList<>(models);
        k.secret = "sk-" + provider + "-" + stableId("secret:" + name).replace("-", "");
        s.addKey(k);
        return k;
    }

    static void customer(SandboxStore s, String id, String name, Instant now) {
        CustomerRec c = new CustomerRec();
        c.id = id;
        c.name = name;
        c.createdAt = now.minus(Duration.ofDays(120));
        s.addCustomer(c);
    }

    static TeamRec team(SandboxStore s, String id, String name, String customerId, Instant now) {
        TeamRec t = new TeamRec();
        t.id = id;
        t.name = name;
        t.customerId = customerId;
        t.createdAt = now.minus(Duration.ofDays(100));
        s.addTeam(t);
        return t;
    }

    /** A VK stored in {@code s} with stable id and value. */
    static VkRec vk(SandboxStore s, String name, String description, Instant created) {
        VkRec v = new VkRec();
        v.id = stableId("vk:" + name);
        v.name = name;
        v.description = description;
        v.value = "sk-bf-" + stableId("vk-value:" + name);
        v.createdAt = created;
        v.updatedAt = created;
        s.putVk(v);
        return v;
    }

    /** A provider config; {@code keyIds} {@code ["*"]} means allow all keys. */
    static PcRec pc(SandboxStore s, String provider, Double weight, List<String> models, List<String> keyIds) {
        PcRec p = new PcRec();
        p.id = s.nextPcId();
        p.provider = provider;
        p.weight = weight;
        p.allowedModels = new ArrayList<>(models);
        if (keyIds.equals(List.of("*"))) {
            p.allowAllKeys = true;
        } else {
            p.keyIds = new ArrayList<>(keyIds);
        }
        return p;
    }

    static McpCfgRec mcp(SandboxStore s, String client, List<String> tools) {
        McpCfgRec m = new McpCfgRec();
        m.id = s.nextMcpConfigId();
        m.mcpClientDbId = s.mcpClients.get(client).dbId;
        m.toolsToExecute = new ArrayList<>(tools);
        return m;
    }

    static BudgetRec budget(String stableName, double max, String dur, double usage, Instant now) {
        BudgetRec b = new BudgetRec();
        b.id = stableId("budget:" + stableName);
        b.maxLimit = max;
        b.resetDuration = dur;
        b.currentUsage = usage;
        b.lastReset = BudgetRules.lastReset(true, dur, now);
        b.createdAt = now.minus(Duration.ofDays(30));
        b.updatedAt = b.createdAt;
        return b;
    }

    static RateLimitRec rateLimit(String stableName, Long tokens, String tokenDur, Long requests, String requestDur,
            Instant now) {
        RateLimitRec r = new RateLimitRec();
        r.id = stableId("ratelimit:" + stableName);
        r.tokenMaxLimit = tokens;
        r.tokenResetDuration = tokenDur;
        r.requestMaxLimit = requests;
        r.requestResetDuration = requestDur;
        r.tokenCurrentUsage = tokens == null ? 0 : tokens / 3;
        r.requestCurrentUsage = requests == null ? 0 : requests / 2;
        r.tokenLastReset = now;
        r.requestLastReset = now;
        r.createdAt = now.minus(Duration.ofDays(30));
        r.updatedAt = r.createdAt;
        return r;
    }

    /** v1.4 meaning: "all" is the empty list, one budget per owner. */
    static void toLegacy(VkRec v) {
        for (PcRec p : v.providerConfigs) {
            if (p.allowedModels.equals(List.of("*"))) {
                p.allowedModels = new ArrayList<>();
            }
            if (p.budgets.size() > 1) {
                p.budgets = new ArrayList<>(p.budgets.subList(0, 1));
            }
            if (p.weight == null) {
                p.weight = 1.0;
            }
        }
        for (McpCfgRec m : v.mcpConfigs) {
            if (m.toolsToExecute.equals(List.of("*"))) {
                m.toolsToExecute = new ArrayList<>();
            }
        }
        if (v.budgets.size() > 1) {
            v.budgets = new ArrayList<>(v.budgets.subList(0, 1));
        }
    }
}
