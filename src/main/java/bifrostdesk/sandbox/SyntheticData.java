package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.VkRec;
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
}
