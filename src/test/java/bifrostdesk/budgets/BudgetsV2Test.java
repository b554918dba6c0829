package bifrostdesk.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.V2Keys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget review with Bifrost v2 budgets: overrides, per-model budgets, quarters, all providers. */
class BudgetsV2Test {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private final VirtualKey vk = V2Keys.everything(NOW);
    private final List<BudgetRow> rows = BudgetAggregation.rows(List.of(vk), List.of(), List.of(), List.of(), NOW);

    private BudgetRow row(String path) {
        return rows.stream().filter(r -> r.nodePath().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void anOverriddenBudgetIsMeasuredAgainstItsEffectiveLimit() {
        Budget b = V2Keys.overridden();
        assertThat(BudgetMath.fraction(b)).isEqualTo(0.8);
        BudgetRow r = row("budgets/0");
        assertThat(r.limit()).isEqualTo(150);
        assertThat(r.usage()).isEqualTo(120);
        assertThat(r.fraction()).isEqualTo(0.8);
        assertThat(r.exhausted()).isFalse();
        assertThat(r.limitText()).isEqualTo("$150.00 (base $100.00 + $50.00 override, 2 of 3 cycles left)");
        // the pace is measured against the effective limit too
        BudgetMath.Projection p = BudgetMath.project(b, NOW.minusSeconds(86_400), NOW, NOW.plusSeconds(86_400));
        assertThat(p.limit()).isEqualTo(150);
        assertThat(p.sentence()).doesNotStartWith("Exhausted");
        // an ended override adds nothing: 120 of 100 is over
        Budget ended = b.withOverride(new BudgetOverride(50, BudgetOverride.CYCLES, 0, 3, null));
        assertThat(BudgetMath.fraction(ended)).isEqualTo(1.2);
        assertThat(BudgetAggregation.limitNote(ended)).isEmpty();
        // and the key is not blocked by its overridden budget, only warned
        assertThat(Blockers.of(vk, rows, NOW)).filteredOn(x -> x.nodePath().equals("budgets/0"))
                .extracting(Blockers.Blocker::level).containsExactly(Blockers.Level.WARNING);
    }

    @Test
    void perModelBudgetsAndRateLimitsAreRowsWithTheModelInTheOwnerChain() {
        BudgetRow gpt = row("provider_configs/0/model_budgets/0/budgets/0");
        assertThat(gpt.kind()).isEqualTo(BudgetKind.MODEL_BUDGET);
        assertThat(gpt.ownerChain()).isEqualTo("Finance › v2-everything › openai › gpt-4o");
        assertThat(gpt.ownerLabel()).isEqualTo("v2-everything / openai / gpt-4o");
        assertThat(gpt.model()).isEqualTo("gpt-4o");
        assertThat(gpt.fraction()).isEqualTo(0.2);
        BudgetRow rl = row("provider_configs/0/model_budgets/0/rate_limit");
        assertThat(rl.kind()).isEqualTo(BudgetKind.MODEL_REQUEST_LIMIT);
        assertThat(rl.limit()).isEqualTo(100);
        assertThat(rl.model()).isEqualTo("gpt-4o");
        assertThat(new RowFilter(false, false, false, null, null, null, "gpt-4o").test(gpt)).isTrue();
        assertThat(new RowFilter(false, false, false, null, null, "openai", null).test(gpt)).isTrue();
        // o3's daily budget is over: it blocks that model, not the key
        List<Blockers.Blocker> b = Blockers.of(vk, rows, NOW);
        assertThat(b).anySatisfy(x -> {
            assertThat(x.level()).isEqualTo(Blockers.Level.BLOCKS_MODEL);
            assertThat(x.nodePath()).isEqualTo("provider_configs/0/model_budgets/1/budgets/0");
            assertThat(x.text()).startsWith("Model o3 of openai's 1d budget is exhausted: $5.50 of $5.00");
        });
        assertThat(b).noneSatisfy(x -> assertThat(x.level()).isEqualTo(Blockers.Level.BLOCKS_KEY));
    }

    @Test
    void aKeyThatAllowsAllProvidersIsNotBlockedForHavingNoProviderConfigs() {
        VirtualKey open = vk.withProviderConfigs(List.of());
        List<BudgetRow> r = BudgetAggregation.rows(List.of(open), List.of(), List.of(), List.of(), NOW);
        assertThat(Blockers.of(open, r, NOW)).noneSatisfy(x -> assertThat(x.text()).contains("no provider configs"));
        VirtualKey closed = open.withV2(open.v2().withAllowAllProviders(false));
        assertThat(Blockers.of(closed, r, NOW)).anySatisfy(x -> assertThat(x.text()).contains("no provider configs"));
    }

    @Test
    void alignedQuartersFollowTheFiscalStartMonth() {
        assertThat(BudgetMath.calendarPeriodStart("1Q", NOW, 4)).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(BudgetMath.nextCalendarBoundary("1Q", NOW, 4)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(BudgetMath.calendarPeriodStart("1Q", NOW, 2)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(BudgetMath.nextCalendarBoundary("1Q", NOW, 2)).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(BudgetMath.calendarPeriodStart("1Q", NOW, null)).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        BudgetRow q = row("budgets/1");
        assertThat(q.windowStart()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(q.nextReset()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        // not aligned: a rolling 90 days from the last reset
        Budget rolling = V2Keys.quarterly();
        assertThat(BudgetMath.nextReset(rolling, false, NOW)).isEqualTo(Instant.parse("2026-12-30T00:00:00Z"));
    }

    @Test
    void aBusinessUnitsKeyIsHeadedByTheUnitAndTeamAndCustomerFiltersStillWork() {
        VirtualKey teamKey = vk.withTeam("t1");
        List<BudgetRow> r = BudgetAggregation.rows(List.of(teamKey), List.of(new Lookups.Team("t1", "Platform", "c1")),
                List.of(new Lookups.Customer("c1", "Acme")), List.of(), NOW);
        assertThat(r.get(0).ownerChain()).startsWith("Acme › Platform › v2-everything");
        assertThat(row("budgets/0").ownerChain()).isEqualTo("Finance › v2-everything");
    }
}
