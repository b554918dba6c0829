package bifrostdesk.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.api.OwnedBudget;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockersTest {
    private static final Instant NOW = Instant.parse("2024-03-15T12:00:00Z");
    private static final Instant MONTH = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void worstFirstWithEditorPathsTheEditorUnderstands() {
        ProviderConfig noKeys = new ProviderConfig(1L, "openai", 1.0, List.of(), false, List.of(),
                List.of(new Budget("pb", 10.0, "1M", 12, MONTH, false)), null);
        ProviderConfig fine = new ProviderConfig(2L, "anthropic", 1.0, List.of("*"), true, List.of(), List.of(),
                RateLimit.of(null, null, 60L, "1h").withRequests(60L, "1h"));
        VirtualKey vk = VirtualKey.newKey("k").withTeam("t1").withActive(false)
                .withRateLimit(new RateLimit("r", 1000L, "1h", 1000, NOW.minusSeconds(60), null, null, 0, null))
                .withBudgets(List.of(new Budget("b", 100.0, "1M", 85, MONTH, false)))
                .withProviderConfigs(List.of(noKeys, fine));
        vk = new VirtualKey("vk1", vk.name(), "", null, false, "t1", null, vk.budgets(), vk.rateLimit(),
                vk.providerConfigs(), List.of(), false, null, null, null, null);
        List<BudgetRow> rows = BudgetAggregation.rows(List.of(vk), List.of(new Lookups.Team("t1", "Platform", "c1")),
                List.of(new Lookups.Customer("c1", "Acme")),
                List.of(new OwnedBudget(new Budget("tb", 50.0, "1M", 50, MONTH, false), null, null, "t1", null),
                        new OwnedBudget(new Budget("cb", 500.0, "1M", 600, MONTH, false), null, null, null, "c1")),
                NOW);
        List<Blockers.Blocker> b = Blockers.of(vk, rows, NOW);
        assertThat(b).extracting(Blockers.Blocker::text).containsExactly(
                "The key is inactive: every request is refused.",
                "Customer Acme's 1M budget is exhausted: $600.00 of $500.00; resets in 16 days.",
                "Team Platform's 1M budget is exhausted: $50.00 of $50.00; resets in 16 days.",
                "The key's token rate limit (per 1h) is at its maximum: 1,000 tokens of 1,000 tokens; resets in 59 minutes.",
                "Provider config openai's 1M budget is exhausted: $12.00 of $10.00; resets in 16 days.",
                "Provider config openai allows no provider keys.",
                "Provider config openai allows no models.",
                "The key's 1M budget is at 85 %: $85.00 of $100.00; resets in 16 days.");
        assertThat(b.get(0).level()).isEqualTo(Blockers.Level.BLOCKS_KEY);
        assertThat(b.get(4).level()).isEqualTo(Blockers.Level.BLOCKS_PROVIDER);
        assertThat(b.get(7).level()).isEqualTo(Blockers.Level.WARNING);
        // Every path opens in the key editor.
        b.forEach(x -> NodePath.parse(x.nodePath()));
        assertThat(b.get(6).nodePath()).isEqualTo("provider_configs/0/models");
    }

    @Test
    void aKeyWithNothingWrongSaysSo() {
        VirtualKey vk = new VirtualKey("vk1", "ok", "", null, true, null, null, List.of(), null,
                List.of(ProviderConfig.newConfig("openai")), List.of(), false, null, null, null, null);
        assertThat(Blockers.of(vk, List.of(), NOW)).extracting(Blockers.Blocker::level)
                .containsExactly(Blockers.Level.OK);
    }

    @Test
    void aWindowThatIsOverNoLongerBlocks() {
        // Exhausted last month; the rolling 1d window ended long ago, so Bifrost has reset it.
        VirtualKey vk = new VirtualKey("vk1", "ok", "", null, true, null, null,
                List.of(new Budget("b", 10.0, "1d", 50, Instant.parse("2024-02-01T00:00:00Z"), false)), null,
                List.of(ProviderConfig.newConfig("openai")), List.of(), false, null, null, null, null);
        List<BudgetRow> rows = BudgetAggregation.rows(List.of(vk), List.of(), List.of(), List.of(), NOW);
        assertThat(rows.get(0).usage()).isZero();
        assertThat(rows.get(0).windowExpired()).isTrue();
        assertThat(Blockers.of(vk, rows, NOW)).extracting(Blockers.Blocker::level)
                .containsExactly(Blockers.Level.OK);
    }
}
