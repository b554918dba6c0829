package bifrostdesk.virtualkey.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dialect detection, quarterly durations, effective limits and the rules' v2 corrections. */
class V2ModelTest {

    @Test
    void everyV2VersionIsTheV2Dialect() {
        assertThat(Dialect.fromVersion("\"v2.2.6\"")).isEqualTo(Dialect.V2);
        assertThat(Dialect.fromVersion("v2.0.0-rc1")).isEqualTo(Dialect.V2);
        assertThat(Dialect.fromVersion("v1.6.10")).isEqualTo(Dialect.LATER);
        assertThat(Dialect.fromVersion("dev-build")).as("unparsable = newest known").isEqualTo(Dialect.V2);
        assertThat(Dialect.V2.atLeast(Dialect.LATER)).isTrue();
        assertThat(Dialect.LATER.atLeast(Dialect.V2)).isFalse();
    }

    @Test
    void aDialectNamedOnTheCommandLineIsReadWithItsAliases() {
        assertThat(Dialect.parse("legacy")).isEqualTo(Dialect.LEGACY);
        assertThat(Dialect.parse("V1.5")).isEqualTo(Dialect.V1_5);
        assertThat(Dialect.parse("1.6")).isEqualTo(Dialect.LATER);
        assertThat(Dialect.parse("latest")).isEqualTo(Dialect.V2);
        assertThatThrownBy(() -> Dialect.parse("v9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use legacy, v1.5, later or v2");
    }

    @Test
    void onlyReleasesAfterTheNewestTestedAreNewerThanTested() {
        assertThat(Dialect.isNewerThanTested("v2.2.6")).isFalse();
        assertThat(Dialect.isNewerThanTested("v2.2.7")).isTrue();
        assertThat(Dialect.isNewerThanTested("3.0.0")).isTrue();
        assertThat(Dialect.isNewerThanTested("v2.1.0")).isFalse();
        assertThat(Dialect.isNewerThanTested("main")).isFalse();
        assertThat(ServerFeatures.of("v2.3.0", Dialect.V2, false).describe()).isEqualTo("Bifrost v2.3.0 (newer than tested)");
    }

    @Test
    void quarterIsABudgetDuration() {
        assertThat(Durations.problem("1Q")).isEmpty();
        assertThat(Durations.parse("1Q")).contains(java.time.Duration.ofDays(90));
        assertThat(Durations.isQuarterly("1Q")).isTrue();
        assertThat(Durations.isQuarterly("1M")).isFalse();
        assertThat(Durations.describe("1Q")).isEqualTo("1 quarter");
    }

    @Test
    void anActiveOverrideRaisesTheEffectiveLimit() {
        Budget b = new Budget("b", 100.0, "1d", 120, null, false, null,
                new BudgetOverride(50, BudgetOverride.CYCLES, 2, 3, null));
        assertThat(b.effectiveLimit()).isEqualTo(150.0);
        assertThat(b.usedFraction()).isEqualTo(0.8);
        Budget spent = b.withOverride(new BudgetOverride(50, BudgetOverride.CYCLES, 0, 3, null));
        assertThat(spent.effectiveLimit()).as("no cycles left").isEqualTo(100.0);
        assertThat(b.withOverride(new BudgetOverride(50, BudgetOverride.FOREVER, null, null, null)).effectiveLimit())
                .isEqualTo(150.0);
    }

    private static List<Violation> rules(VirtualKey vk, Dialect d) {
        return VirtualKeyRules.validate(vk, RuleContext.basic(d));
    }

    @Test
    void aKeyAllowingAllProvidersIsNotWarnedThatItDeniesThem() {
        VirtualKey none = VirtualKey.newKey("k");
        assertThat(rules(none, Dialect.V2)).anyMatch(v -> v.message().contains("denies every provider"));
        VirtualKey all = none.withV2(V2Fields.NONE.withAllowAllProviders(true));
        assertThat(rules(all, Dialect.V2)).noneMatch(v -> v.message().contains("denies every provider"));
    }

    @Test
    void quarterlyBudgetsAreAcceptedOnV2AndExplainedElsewhere() {
        VirtualKey k = VirtualKey.newKey("k").withBudgets(List.of(Budget.newBudget(10.0, "1Q")
                .withQuarterStartMonth(4)));
        assertThat(rules(k, Dialect.V2)).noneMatch(v -> v.field().equals("reset_duration"));
        assertThat(rules(k, Dialect.LATER)).anyMatch(v -> v.message().contains("Quarterly budgets (Q) need Bifrost v2"));
    }

    @Test
    void quarterlyRateLimitWindowsAreRefused() {
        VirtualKey k = VirtualKey.newKey("k").withRateLimit(RateLimit.of(null, null, 10L, "1Q"));
        assertThat(rules(k, Dialect.V2)).anyMatch(v -> v.message().contains("for budgets only"));
    }

    @Test
    void aNewOwnerReplacesTheBusinessUnit() {
        VirtualKey k = VirtualKey.newKey("k").withV2(V2Fields.NONE.withBusinessUnit("bu", "BU"));
        assertThat(k.isUnowned()).isFalse();
        assertThat(k.withTeam("t").businessUnitId()).isNull();
        assertThat(k.withTeam(null).businessUnitId()).isEqualTo("bu");
    }

    @Test
    void perModelUsageCountsTowardsTheWorstBudget() {
        ModelBudget mb = new ModelBudget("gpt-4o", List.of(new Budget("m", 10.0, "1d", 9, Instant.EPOCH, false)), null);
        ProviderConfig pc = ProviderConfig.newConfig("openai").withModelBudgets(List.of(mb));
        assertThat(VirtualKey.newKey("k").withProviderConfigs(List.of(pc)).maxBudgetFraction()).isEqualTo(0.9);
        assertThat(pc.modelBudgetUsage()).isEqualTo(9.0);
    }

    @Test
    void aTeamShownWithItsParentCustomerIsNotAnErrorButAnEditedPairIs() {
        VirtualKey read = VirtualKey.newKey("k").withOwner("team-1", "cust-1");
        RuleContext asRead = new RuleContext(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), read, Dialect.V2);
        assertThat(VirtualKeyRules.validate(read, asRead)).noneMatch(v -> v.message().contains("not both"));
        VirtualKey made = VirtualKey.newKey("k").withOwner("team-1", "cust-2");
        assertThat(VirtualKeyRules.validate(made, asRead)).anyMatch(v -> v.message().contains("not both"));
    }
}
