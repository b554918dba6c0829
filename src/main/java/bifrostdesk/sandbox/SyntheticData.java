package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.McpCfgRec;
import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated bulk data for {@link Seed#LARGE} and benchmarks. Deterministic: same ids and values every run
 * (timestamps relative to {@code now}).
 */
public final class SyntheticData {
    /** Name of the VK with {@link #HUGE_PCS} provider configs. */
    public static final String HUGE_ROUTER = "huge-router";
    public static final int GENERATED_VKS = 10_000;
    public static final int HUGE_PCS = 1_000;
    public static final int SYNTH_PROVIDERS = 20;
    public static final int KEYS_PER_SYNTH_PROVIDER = 10;
    public static final int MODELS_PER_PC = 20;
    /** MCP clients {@code synth-mcp-00..} of {@link #fixtureStore} (not part of the LARGE seed). */
    public static final int SYNTH_MCP_CLIENTS = 50;
    public static final int TOOLS_PER_SYNTH_MCP = 40;
    /** The fixed clock of {@link #routerVkJson}: benchmark data is byte-identical run to run. */
    public static final Instant FIXTURE_NOW = Instant.parse("2026-01-15T12:00:00Z");

    private static final String[] PROVIDERS = {"openai", "anthropic", "azure"};
    private static final double[] USAGE_SHARE = {0.0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.1,
        1.3};

    private SyntheticData() {
    }

    /** Everything LARGE adds on top of SMALL. */
    public static void addLarge(SandboxStore store, Instant now) {
        addSyntheticProviders(store, SYNTH_PROVIDERS, KEYS_PER_SYNTH_PROVIDER);
        addGeneratedVks(store, GENERATED_VKS, now);
        addHugeRouter(store, HUGE_PCS, now);
    }

    /** Providers {@code synth-provider-00..} with {@code keysEach} keys ({@code synth-provider-00-key-0..}). */
    public static void addSyntheticProviders(SandboxStore store, int count, int keysEach) {
        for (int p = 0; p < count; p++) {
            String provider = providerName(p);
            List<String> models = new ArrayList<>();
            for (int m = 0; m < MODELS_PER_PC; m++) {
                models.add(provider + "-model-" + m);
            }
            for (int k = 0; k < keysEach; k++) {
                SeedData.key(store, provider, provider + "-key-" + k, models);
            }
        }
    }

    public static String providerName(int i) {
        return String.format("synth-provider-%02d", i);
    }

    /** {@code gen-vk-00000..}: one provider config each, budgets with usage from 0 % to 130 %, mixed owners. */
    public static void addGeneratedVks(SandboxStore store, int count, Instant now) {
        Instant base = now.minus(Duration.ofDays(20));
        String[] teams = {SeedData.TEAM_PLATFORM, SeedData.TEAM_SUPPORT, SeedData.TEAM_DATA};
        for (int i = 0; i < count; i++) {
            String name = String.format("gen-vk-%05d", i);
            VkRec v = SeedData.vk(store, name, i % 4 == 0 ? "generated key " + i : "",
                    base.plus(Duration.ofSeconds(60L * i)));
            v.isActive = i % 17 != 0;
            if (i % 5 == 1) {
                v.teamId = teams[i % 3];
            } else if (i % 5 == 2) {
                v.customerId = i % 2 == 0 ? SeedData.CUSTOMER_ACME : SeedData.CUSTOMER_GLOBEX;
            }
            String provider = PROVIDERS[i % 3];
            PcRec pc = SeedData.pc(store, provider, 1.0, i % 2 == 0 ? List.of("*") : List.of("gpt-4o-mini"),
                    List.of("*"));
            v.providerConfigs.add(pc);
            double limit = 50 + (i % 10) * 25;
            v.budgets.add(SeedData.budget(name + ":1M", limit, "1M", limit * USAGE_SHARE[i % USAGE_SHARE.length],
                    now));
        }
    }

    /** {@link #HUGE_ROUTER}: {@code pcs} provider configs, each with 3 budgets, 10 keys and 20 models. */
    public static VkRec addHugeRouter(SandboxStore store, int pcs, Instant now) {
        VkRec v = SeedData.vk(store, HUGE_ROUTER, "Stress test: very many provider configs",
                now.minus(Duration.ofDays(1)));
        v.teamId = SeedData.TEAM_PLATFORM;
        String[] durations = {"1d", "1w", "1M"};
        for (int i = 0; i < pcs; i++) {
            String provider = providerName(i % SYNTH_PROVIDERS);
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < KEYS_PER_SYNTH_PROVIDER; k++) {
                keys.add(SeedData.keyId(provider + "-key-" + k));
            }
            List<String> models = new ArrayList<>();
            for (int m = 0; m < MODELS_PER_PC; m++) {
                models.add(provider + "-model-" + m);
            }
            PcRec pc = SeedData.pc(store, provider, 1.0 / pcs, models, keys);
            for (int d = 0; d < durations.length; d++) {
                double limit = 10.0 * (d + 1);
                pc.budgets.add(SeedData.budget(HUGE_ROUTER + ":" + i + ":" + durations[d], limit, durations[d],
                        limit * USAGE_SHARE[(i + d) % USAGE_SHARE.length], now));
            }
            v.providerConfigs.add(pc);
        }
        return v;
    }

    /** MCP clients {@code synth-mcp-00..} with {@code toolsEach} tools {@code tool-00..} each. */
    public static void addSyntheticMcpClients(SandboxStore store, int count, int toolsEach, Instant now) {
        for (int c = 0; c < count; c++) {
            McpClientRec m = new McpClientRec();
            m.name = mcpClientName(c);
            m.clientId = m.name + "-id";
            m.connectionType = "http";
            m.connectionString = "https://mcp.example.invalid/" + m.name;
            for (int t = 0; t < toolsEach; t++) {
                m.tools.put(String.format("tool-%02d", t), "Synthetic tool " + t + " of " + m.name);
            }
            m.createdAt = now.minus(Duration.ofDays(90));
            store.addMcpClient(m);
        }
    }

    public static String mcpClientName(int i) {
        return String.format("synth-mcp-%02d", i);
    }

    /** Attaches the first {@code count} synthetic MCP clients to {@code v}, each allowing {@code toolsEach} tools. */
    public static void attachSyntheticMcpConfigs(SandboxStore store, VkRec v, int count, int toolsEach) {
        for (int c = 0; c < count; c++) {
            List<String> tools = new ArrayList<>();
            for (int t = 0; t < toolsEach; t++) {
                tools.add(String.format("tool-%02d", t));
            }
            McpCfgRec m = SeedData.mcp(store, mcpClientName(c), tools);
            v.mcpConfigs.add(m);
        }
    }

    /**
     * A store for benchmarks: the synthetic providers and keys of LARGE, {@code mcps} MCP clients of
     * {@link #TOOLS_PER_SYNTH_MCP} tools, and one {@link #HUGE_ROUTER} with {@code pcs} provider configs (built by
     * {@link #addHugeRouter}, the LARGE seed's own generator) and all {@code mcps} clients attached. Fixed clock.
     */
    public static SandboxStore fixtureStore(int pcs, int mcps, Dialect dialect) {
        SandboxStore store = new SandboxStore();
        addSyntheticProviders(store, SYNTH_PROVIDERS, KEYS_PER_SYNTH_PROVIDER);
        addSyntheticMcpClients(store, mcps, TOOLS_PER_SYNTH_MCP, FIXTURE_NOW);
        VkRec v = addHugeRouter(store, pcs, FIXTURE_NOW);
        attachSyntheticMcpConfigs(store, v, mcps, TOOLS_PER_SYNTH_MCP);
        if (dialect == Dialect.LEGACY) {
            SeedData.toLegacy(v);
        }
        store.bumpSequences();
        return store;
    }

    /** The JSON of {@link #fixtureStore}'s router VK exactly as the sandbox's GET serves it in {@code dialect}. */
    public static String routerVkJson(int pcs, int mcps, Dialect dialect) {
        SandboxStore store = fixtureStore(pcs, mcps, dialect);
        VkRec v = store.vks.values().iterator().next();
        return new VkJson(store, dialect).vk(v).toString();
    }

    /** Every VK of {@code store} as one list response ({@code {"virtual_keys":[…]}}), in {@code dialect}. */
    public static String listJson(SandboxStore store, Dialect dialect) {
        VkJson json = new VkJson(store, dialect);
        ObjectNode page = Json.obj();
        ArrayNode arr = page.putArray("virtual_keys");
        store.vks.values().forEach(v -> arr.add(json.vk(v)));
        page.put("count", arr.size());
        page.put("total_count", arr.size());
        return page.toString();
    }
}
