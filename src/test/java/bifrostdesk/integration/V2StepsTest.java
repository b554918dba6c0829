package bifrostdesk.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.sandbox.SeedDataV2;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A save that spans several endpoints (REFERENCE-v2.md §11.14 step 6): the key's PUT first, then overrides, then
 * Virtual MCP assignments; each step in the plan; a failure part-way leaves the key saved and a re-plan that sends
 * only what is missing.
 */
class V2StepsTest {

    private static VirtualKey withOverride(VirtualKey vk, int index, BudgetOverride o) {
        List<Budget> budgets = new ArrayList<>(vk.budgets());
        budgets.set(index, budgets.get(index).withOverride(o));
        return vk.withBudgets(budgets);
    }

    @Test
    void anOverrideAloneIsOneStepOnItsOwnEndpoint() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.QUARTERLY_PLANNING);
            VirtualKey edited = withOverride(vk, 0, new BudgetOverride(250, BudgetOverride.CYCLES, 2, 2, null));
            SavePlan plan = h.plan(edited, vk);
            assertThat(plan.requests()).extracting(PlannedRequest::method).containsExactly("PUT");
            assertThat(plan.requests().get(0).path()).endsWith("/budgets/" + vk.budgets().get(0).id() + "/override");
            assertThat(plan.changes()).anyMatch(c -> c.contains("for 2 reset windows"));
            h.execute(plan);
            Budget after = h.read(SeedDataV2.QUARTERLY_PLANNING).budgets().get(0);
            assertThat(after.hasActiveOverride()).isTrue();
            assertThat(after.effectiveLimit()).isEqualTo(after.maxLimit() + 250);
            assertThat(after.quarterStartMonth()).as("the budget itself untouched").isEqualTo(4);
        }
    }

    @Test
    void aVirtualMcpIsNamedInThePlanWhenTheServersListNamedIt() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.QUARTERLY_PLANNING);
            VirtualKey edited = vk.withV2(vk.v2().withVirtualMcpIds(List.of(1L)));
            SavePlan named = UpdateBuilder.planUpdate(edited, vk, Dialect.V2, new UpdateBuilder.SaveOptions(false,
                    false, java.util.Map.of(UpdateBuilder.virtualMcpNameKey(1), "engineering-tools")));
            assertThat(named.changes()).anyMatch(c -> c.startsWith(
                    "attaches the key to Virtual MCP engineering-tools (#1)"));
            assertThat(named.requests()).singleElement().extracting(PlannedRequest::purpose).asString()
                    .contains("engineering-tools (#1)");
            SavePlan unnamed = UpdateBuilder.planUpdate(edited, vk, Dialect.V2);
            assertThat(unnamed.changes()).anyMatch(c -> c.startsWith("attaches the key to Virtual MCP 1 "));
        }
    }

    @Test
    void removingAnOverrideDeletesIt() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.LAUNCH_CAMPAIGN);
            int i = vk.budgets().indexOf(vk.budgets().stream().filter(Budget::hasActiveOverride).findFirst().orElseThrow());
            SavePlan plan = h.plan(withOverride(vk, i, null), vk);
            assertThat(plan.requests()).extracting(PlannedRequest::method).containsExactly("DELETE");
            h.execute(plan);
            assertThat(h.read(SeedDataV2.LAUNCH_CAMPAIGN).budgets().get(i).hasActiveOverride()).isFalse();
        }
    }

    @Test
    void aKeyEditThenAnOverrideThenAVirtualMcpInThatOrder() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.QUARTERLY_PLANNING);
            VirtualKey edited = withOverride(vk.withDescription("three steps"), 0,
                    new BudgetOverride(100, BudgetOverride.FOREVER, null, null, null))
                    .withV2(vk.v2().withVirtualMcpIds(List.of(SeedDataV2.VMCP_ENGINEERING)));
            SavePlan plan = h.plan(edited, vk);
            assertThat(plan.requests()).extracting(r -> r.method() + " " + r.path().replaceAll("/[^/]+-[^/]+", "/x"))
                    .hasSize(3);
            assertThat(plan.requests().get(0).path()).isEqualTo("/api/governance/virtual-keys/" + vk.id());
            assertThat(plan.requests().get(1).path()).endsWith("/override");
            assertThat(plan.requests().get(2).path()).startsWith("/api/mcp/virtual-mcps/1/virtual-keys/");
            h.execute(plan);
            VirtualKey after = h.read(SeedDataV2.QUARTERLY_PLANNING);
            assertThat(after.description()).isEqualTo("three steps");
            assertThat(after.budgets().get(0).hasActiveOverride()).isTrue();
            assertThat(after.v2().virtualMcpIds()).containsExactly(SeedDataV2.VMCP_ENGINEERING);
            assertThat(UpdateBuilder.planUpdate(edited.withV2(edited.v2()), after, Dialect.V2,
                    UpdateBuilder.SaveOptions.defaults().withOverwriteConcurrentChanges(true)).isEmpty()).isTrue();
        }
    }

    @Test
    void aFailedStepLeavesTheKeySavedAndTheRetrySendsOnlyWhatIsMissing() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.DOCS_AGENT);
            List<Long> wanted = new ArrayList<>(vk.v2().virtualMcpIds());
            wanted.add(99L); // no such Virtual MCP: the server answers 404
            VirtualKey edited = vk.withDescription("retry me").withV2(vk.v2().withVirtualMcpIds(wanted));
            SavePlan plan = h.plan(edited, vk);
            assertThatThrownBy(() -> h.execute(plan)).isInstanceOf(ApiException.class);
            VirtualKey now = h.read(SeedDataV2.DOCS_AGENT);
            assertThat(now.description()).as("the PUT before the failed step stays applied").isEqualTo("retry me");
            SavePlan retry = UpdateBuilder.planUpdate(edited, now, Dialect.V2,
                    UpdateBuilder.SaveOptions.defaults().withOverwriteConcurrentChanges(true));
            assertThat(retry.requests()).extracting(PlannedRequest::method).containsExactly("POST");
            assertThat(retry.requests().get(0).path()).startsWith("/api/mcp/virtual-mcps/99/");
        }
    }

    @Test
    void anOverrideOnANewBudgetOrWithoutAnAmountIsRefusedWithTheReason() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.QUARTERLY_PLANNING);
            SavePlan zero = UpdateBuilder.planUpdate(withOverride(vk, 0,
                    new BudgetOverride(0.0001, BudgetOverride.CYCLES, 0, 0, null)), vk, Dialect.V2);
            assertThat(zero.refusals()).anyMatch(r -> r.contains("number of reset windows"));
            List<Budget> budgets = new ArrayList<>(vk.budgets());
            budgets.add(Budget.newBudget(10.0, "1d").withOverride(new BudgetOverride(5, BudgetOverride.FOREVER, null,
                    null, null)));
            SavePlan fresh = UpdateBuilder.planUpdate(vk.withBudgets(budgets), vk, Dialect.V2);
            assertThat(fresh.requests()).isEmpty();
            assertThat(fresh.refusals()).anyMatch(r -> r.contains("save the key first"));
        }
    }
}
