package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import bifrostdesk.virtualkey.model.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Budget traps: a singular {@code budget} is silently ignored from v1.5 on (#5673, REFERENCE §1, §2.6.3);
 * budgets are reconciled by duration on v1.5 and by id later (usage kept only on a match); a zero limit passes
 * the handler and fails inside the transaction as a 500 (§3). Seed "checkout-service": budgets 1d ($50, $42 used)
 * and 1M ($1000, $640 used).
 */
class BudgetTrapsTest {
    private static final String VK = "checkout-service";
    private static final String DAY = SeedData.stableId("budget:checkout-service:1d");

    private static VirtualKey withBudget0(VirtualKey vk, Budget b) {
        List<Budget> list = new ArrayList<>(vk.budgets());
        list.set(0, b);
        return vk.withBudgets(list);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"V1_5", "LATER"})
    void aSingularBudgetIsIgnoredButTheBuildersBudgetsAreStoredWithTheirUsage(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            ObjectNode before = h.stored(VK);
            assertThat(before.path("budgets").get(0).path("id").asText()).isEqualTo(DAY);

            // naive: the pre-v1.5 singular budget → 200, and nothing about budgets changes
            h.naivePut(VK, "{\"team_id\": \"" + SeedData.TEAM_PLATFORM
                    + "\", \"budget\": {\"max_limit\": 75, \"reset_duration\": \"1d\"}}");
            assertOnlyChanged(before, h.stored(VK), e -> { });

            // builder: the 1d limit 50 → 75, as budgets[]; matched by duration (V1_5) or by id (LATER)
            VirtualKey vk = h.read(VK);
            VirtualKey edited = withBudget0(vk, vk.budgets().get(0).withMaxLimit(75.0));
            SavePlan plan = h.plan(edited, vk);
            JsonNode body = plan.requests().get(0).body();
            assertThat(body.has("budget")).isFalse();
            assertThat(body.get("budgets")).hasSize(2);
            if (dialect.atLeast(Dialect.LATER)) {
                assertThat(body.get("budgets").get(0).get("id").asText()).isEqualTo(DAY);
            } else {
                assertThat(body.get("budgets").get(0).has("id")).isFalse();
            }
            h.execute(plan);
            assertOnlyChanged(before, h.stored(VK),
                    e -> ((ObjectNode) e.path("budgets").get(0)).put("max_limit", 75.0));
            VirtualKey after = h.read(VK);
            assertThat(after.budgets().get(0).id()).isEqualTo(DAY);
            assertThat(after.budgets().get(0).currentUsage()).isEqualTo(42.0);
            assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"V1_5", "LATER"})
    void aChangedBudgetDurationKeepsUsageViaIdOnLaterAndRestartsOnV15(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(VK);
            ObjectNode before = h.stored(VK);
            VirtualKey edited = withBudget0(vk, vk.budgets().get(0).withResetDuration("2d"));
            SavePlan plan = h.plan(edited, vk);
            h.execute(plan);
            VirtualKey after = h.read(VK);
            Budget changed = after.budgets().stream().filter(b -> b.resetDuration().equals("2d")).findFirst()
                    .orElseThrow();
            if (dialect.atLeast(Dialect.LATER)) {
                // §2.6.3 B: items with an id are matched by id and may change the duration; usage stays
                assertThat(changed.id()).isEqualTo(DAY);
                assertThat(changed.currentUsage()).isEqualTo(42.0);
                assertOnlyChanged(before, h.stored(VK),
                        e -> ((ObjectNode) e.path("budgets").get(0)).put("reset_duration", "2d"));
            } else {
                // §2.6.3 A: matched by duration only; a new duration is a new budget at zero (the plan says so)
                assertThat(changed.id()).isNotEqualTo(DAY);
                assertThat(changed.currentUsage()).isZero();
                assertThat(plan.changes()).anySatisfy(c -> assertThat(c).contains("restarts budget 2d")
                        .contains("at $0 usage"));
            }
            assertThat(after.budgets()).extracting(Budget::resetDuration).containsExactlyInAnyOrder("2d", "1M");
            assertThat(after.budgets()).filteredOn(b -> b.resetDuration().equals("1M")).singleElement()
                    .satisfies(b -> assertThat(b.currentUsage()).isEqualTo(640.0));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aZeroBudgetLimitIsFlaggedBeforeSendingBecauseTheServerAnswers500(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(VK);
            ObjectNode before = h.stored(VK);
            VirtualKey edited = withBudget0(vk, vk.budgets().get(0).withMaxLimit(0.0));

            // the rules catch it at the field, so the editor never sends it
            List<Violation> errors = VirtualKeyRules.errors(edited, new RuleContext(null, null, null, vk, dialect));
            assertThat(errors).anySatisfy(v -> {
                assertThat(v.path()).isEqualTo("budgets/0");
                assertThat(v.field()).isEqualTo("max_limit");
                assertThat(v.severity()).isEqualTo(Severity.ERROR);
            });

            // sent anyway (the builder's own body, bypassing the rules): validateBudget inside the transaction → 500
            SavePlan plan = UpdateBuilder.planUpdate(edited, vk, dialect);
            assertThat(plan.requests()).isNotEmpty();
            assertThatThrownBy(() -> h.execute(plan)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.serverMessage()).contains("budget max limit cannot be negative or zero");
            });
            // nothing committed
            assertThat(h.stored(VK)).isEqualTo(before);
        }
    }
}
