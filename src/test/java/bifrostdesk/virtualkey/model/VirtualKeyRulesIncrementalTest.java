package bifrostdesk.virtualkey.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link VirtualKeyRules#revalidate} after a random single edit equals {@link VirtualKeyRules#validate}. */
class VirtualKeyRulesIncrementalTest {
    private static final List<String> PROVIDERS = List.of("openai", "anthropic", "azure", "", "bogus");
    private static final List<String> DURATIONS = List.of("1h", "1d", "1w", "1M", "", "7x", "1d");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 300)
    void incrementalEqualsFullForRandomSingleEdits(@ForAll long seed, @ForAll @IntRange(min = 0, max = 12) int pcs) {
        Random r = new Random(seed);
        VirtualKey base = key(r, pcs);
        VirtualKey before = r.nextInt(4) == 0 ? base : edit(r, base);
        Dialect d = Dialect.values()[r.nextInt(Dialect.values().length)];
        RuleContext ctx = new RuleContext(Set.of("other", "Alpha"), r.nextBoolean() ? Set.of("openai", "azure")
                : Set.of(), Set.of("github"), r.nextInt(5) == 0 ? null : base, d);
        List<Violation> previous = VirtualKeyRules.validate(before, ctx);
        VirtualKey after = edit(r, before);
        assertThat(VirtualKeyRules.revalidate(before, previous, after, ctx))
                .isEqualTo(VirtualKeyRules.validate(after, ctx));
    }

    @Test
    void chainsOfEditsStayExact() {
        Random r = new Random(42);
        VirtualKey base = key(r, 40);
        RuleContext ctx = new RuleContext(Set.of(), Set.of("openai"), Set.of(), base, Dialect.V1_5);
        VirtualKey current = base;
        List<Violation> found = VirtualKeyRules.validate(current, ctx);
        for (int i = 0; i < 500; i++) {
            VirtualKey next = edit(r, current);
            found = VirtualKeyRules.revalidate(current, found, next, ctx);
            assertThat(found).isEqualTo(VirtualKeyRules.validate(next, ctx));
            current = next;
        }
    }

    private static VirtualKey key(Random r, int pcs) {
        List<ProviderConfig> list = new ArrayList<>();
        for (int i = 0; i < pcs; i++) {
            list.add(pc(r, (long) i + 1));
        }
        VirtualKey vk = VirtualKey.newKey(r.nextBoolean() ? "alpha" : "other");
        vk = new VirtualKey("vk-1", vk.name(), "", "sk-bf-x", true, r.nextBoolean() ? "team" : null, null,
                budgets(r, "k"), r.nextBoolean() ? null : rateLimit(r), list,
                List.of(new McpConfig(1L, "github", List.of("*"))), false, null, T0, T0, null);
        return vk;
    }

    private static ProviderConfig pc(Random r, Long id) {
        List<String> models = switch (r.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> List.of("*");
            case 2 -> List.of("gpt-4o", "gpt-4o");
            default -> List.of("gpt-4o", "o3");
        };
        List<KeyRef> keys = r.nextBoolean() ? List.of() : List.of(new KeyRef("k1", "one"), new KeyRef("k2", null));
        Double weight = switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> -1.0;
            default -> r.nextDouble();
        };
        return new ProviderConfig(id, PROVIDERS.get(r.nextInt(PROVIDERS.size())), weight, models, r.nextBoolean(),
                keys, budgets(r, "pc" + id), r.nextInt(3) == 0 ? rateLimit(r) : null,
                r.nextInt(5) == 0 ? List.of("o3") : List.of());
    }

    private static List<Budget> budgets(Random r, String owner) {
        List<Budget> out = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Double max = switch (r.nextInt(5)) {
                case 0 -> null;
                case 1 -> 0.0;
                default -> 10.0 * (r.nextInt(5) + 1);
            };
            out.add(new Budget(r.nextInt(4) == 0 ? null : owner + ":b" + i, max,
                    DURATIONS.get(r.nextInt(DURATIONS.size())), r.nextInt(60), T0, false));
        }
        return out;
    }

    private static RateLimit rateLimit(Random r) {
        return new RateLimit("rl", r.nextBoolean() ? 1000L : null, r.nextBoolean() ? "1h" : null, r.nextInt(2000),
                T0, r.nextBoolean() ? -5L : 50L, r.nextBoolean() ? "1m" : "", r.nextInt(100), T0);
    }

    /** One edit, as the editor makes them: mostly inside one provider config, sometimes at key level. */
    private static VirtualKey edit(Random r, VirtualKey vk) {
        int pcs = vk.providerConfigs().size();
        if (pcs == 0 || r.nextInt(8) == 0) {
            return switch (r.nextInt(5)) {
                case 0 -> vk.withName(r.nextBoolean() ? "" : "alpha ");
                case 1 -> vk.withBudgets(budgets(r, "k"));
                case 2 -> vk.withRateLimit(rateLimit(r));
                case 3 -> vk.withProviderConfigs(pcs == 0 ? List.of(pc(r, 99L))
                        : vk.providerConfigs().subList(0, pcs - 1));
                default -> vk.withMcpConfigs(List.of());
            };
        }
        int i = r.nextInt(pcs);
        ProviderConfig pc = vk.providerConfigs().get(i);
        ProviderConfig changed = switch (r.nextInt(8)) {
            case 0 -> pc.withWeight(r.nextBoolean() ? null : r.nextDouble() - 0.5);
            case 1 -> pc.withProvider(PROVIDERS.get(r.nextInt(PROVIDERS.size())));
            case 2 -> pc.withAllowedModels(r.nextBoolean() ? List.of() : List.of("*", "o3"));
            case 3 -> pc.withKeys(r.nextBoolean(), r.nextBoolean() ? List.of() : List.of(new KeyRef("k1", "one")));
            case 4 -> pc.withRateLimit(r.nextBoolean() ? null : rateLimit(r));
            case 5 -> pc.withBlacklistedModels(r.nextBoolean() ? List.of() : List.of("o1"));
            case 6 -> pc.budgets().isEmpty() ? pc.withBudgets(budgets(r, "new"))
                    : pc.withBudgets(replaceFirst(pc.budgets(), pc.budgets().get(0).withMaxLimit(r.nextBoolean()
                            ? null : 5.0 * r.nextInt(20))));
            default -> pc.budgets().isEmpty() ? pc : pc.withBudgets(replaceFirst(pc.budgets(),
                    pc.budgets().get(0).withResetDuration(DURATIONS.get(r.nextInt(DURATIONS.size())))));
        };
        List<ProviderConfig> list = new ArrayList<>(vk.providerConfigs());
        list.set(i, changed);
        return vk.withProviderConfigs(list);
    }

    private static List<Budget> replaceFirst(List<Budget> bs, Budget b) {
        List<Budget> out = new ArrayList<>(bs);
        out.set(0, b);
        return out;
    }
}
