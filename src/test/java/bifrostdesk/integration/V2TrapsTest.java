package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.drafts.SyncService;
import bifrostdesk.sandbox.CommitFault;
import bifrostdesk.sandbox.SeedDataV2;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REFERENCE-v2.md §11.14 end to end against the v2 sandbox: for every key that exercises a v2 feature, the app's
 * save of an unrelated edit leaves the server holding every v2 field exactly (owner, reset_config, per-model
 * budgets, overrides, grants, metadata, flags, Virtual MCPs) — and, for each trap, the obvious request does the
 * damage, so these tests would catch a builder that stopped guarding against it.
 */
class V2TrapsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SeedDataV2.FINANCE_REPORTING, SeedDataV2.PARTNER_GATEWAY, SeedDataV2.QUARTERLY_PLANNING,
            SeedDataV2.CHAT_ASSISTANT, SeedDataV2.LAUNCH_CAMPAIGN, SeedDataV2.DOCS_AGENT, SeedDataV2.ROTATING_WEBHOOK,
            SeedDataV2.SALES_ASSISTANT, SeedDataV2.OPS_AUTOMATION, SeedDataV2.CONTRACTOR_TRIAL,
            SeedDataV2.PRIVATE_NOTES, SeedDataV2.EXPIRED_PILOT})
    void anUnrelatedEditLeavesEveryV2FieldAsItWas(String name) throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(name);
            assertThat(UpdateBuilder.planUpdate(vk, vk, Dialect.V2).isEmpty()).as("untouched = nothing sent").isTrue();
            ObjectNode before = h.stored(name);
            String text = vk.description() + " (edited)";
            VirtualKey after = h.save(vk.withDescription(text));
            assertOnlyChanged(before, h.stored(name), e -> e.put("description", text));
            assertThat(after.v2()).isEqualTo(vk.v2());
            assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt", "description").isEqualTo(vk);
        }
    }

    @Test
    void theObviousDetachOfATeamClearsABusinessUnitButTheAppResendsIt() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.FINANCE_REPORTING);
            assertThat(vk.businessUnitId()).isEqualTo(SeedDataV2.BU_FINANCE);
            assertThat(h.save(vk.withName("finance-reporting-2")).businessUnitId()).isEqualTo(SeedDataV2.BU_FINANCE);
            h.naivePut("finance-reporting-2", "{\"name\":\"x\",\"team_id\":null}");
            assertThat(h.stored("x").has("business_unit_id")).as("the trap is real").isFalse();
        }
    }

    @Test
    void theObviousPutDropsResetConfigButTheAppResendsIt() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.QUARTERLY_PLANNING);
            assertThat(vk.budgets()).anyMatch(b -> Integer.valueOf(4).equals(b.quarterStartMonth()));
            VirtualKey saved = h.save(vk.withBudgets(List.of(vk.budgets().get(0).withMaxLimit(
                    vk.budgets().get(0).maxLimit() + 1))));
            assertThat(saved.budgets().get(0).quarterStartMonth()).isEqualTo(4);
            JsonNode b = h.stored(SeedDataV2.QUARTERLY_PLANNING).path("budgets").get(0);
            h.naivePut(SeedDataV2.QUARTERLY_PLANNING, "{\"budgets\":[{\"id\":\"" + b.path("id").asText()
                    + "\",\"max_limit\":10,\"reset_duration\":\"1Q\"}]}");
            assertThat(h.stored(SeedDataV2.QUARTERLY_PLANNING).path("budgets").get(0).has("reset_config"))
                    .as("the trap is real").isFalse();
        }
    }

    @Test
    void deletingAProviderConfigWithPerModelBudgetsSaysWhatGoesWithIt() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.CHAT_ASSISTANT);
            ProviderConfig withModels = vk.providerConfigs().stream().filter(pc -> !pc.modelBudgets().isEmpty())
                    .findFirst().orElseThrow();
            List<ProviderConfig> rest = new ArrayList<>(vk.providerConfigs());
            rest.remove(withModels);
            SavePlan plan = h.plan(vk.withProviderConfigs(rest), vk);
            assertThat(plan.changes()).anyMatch(c -> c.contains("per-model budget") && c.contains("used"));
            // an unrelated edit to the same config keeps them: model_budgets is never sent as []
            ProviderConfig weighted = withModels.withWeight(withModels.weight() == null ? 2.0 : withModels.weight() + 1);
            List<ProviderConfig> edited = new ArrayList<>(vk.providerConfigs());
            edited.set(vk.providerConfigs().indexOf(withModels), weighted);
            VirtualKey saved = h.save(vk.withProviderConfigs(edited));
            assertThat(saved.providerConfigs().get(vk.providerConfigs().indexOf(withModels)).modelBudgets())
                    .isEqualTo(withModels.modelBudgets());
        }
    }

    @Test
    void anOverriddenBudgetKeepsItsOverrideAcrossASave() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.LAUNCH_CAMPAIGN);
            var overridden = vk.budgets().stream().filter(b -> b.hasActiveOverride()).findFirst().orElseThrow();
            assertThat(overridden.currentUsage()).isGreaterThan(overridden.maxLimit());
            assertThat(overridden.usedFraction()).as("against the effective limit").isLessThan(1.0);
            VirtualKey saved = h.save(vk.withName("launch-campaign-2"));
            assertThat(saved.budgets()).contains(overridden);
        }
    }

    @Test
    void anAccessProfileManagedKeySavesItsNameOnlyAndRefusesTheRest() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.SALES_ASSISTANT);
            assertThat(vk.isAccessProfileManaged()).isTrue();
            SavePlan rename = h.plan(vk.withName("sales-assistant-2"), vk);
            assertThat(rename.requests().get(0).body().size()).isEqualTo(2);
            ObjectNode before = h.stored(SeedDataV2.SALES_ASSISTANT);
            h.execute(rename);
            assertOnlyChanged(before, h.stored("sales-assistant-2"), e -> e.put("name", "sales-assistant-2"));
            SavePlan budgets = UpdateBuilder.planUpdate(vk.withBudgets(List.of()), vk, Dialect.V2);
            assertThat(budgets.requests()).isEmpty();
            assertThat(budgets.refusals()).anyMatch(r -> r.contains("access profile"));
        }
    }

    @Test
    void anExpiredKeyIsSavedWithoutResendingItsPastExpiry() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.EXPIRED_PILOT);
            SavePlan plan = h.plan(vk.withDescription("still here"), vk);
            assertThat(plan.requests().get(0).body().has("expires_at")).isFalse();
            h.execute(plan);
            assertThat(h.read(SeedDataV2.EXPIRED_PILOT).expiresAt()).isEqualTo(vk.expiresAt());
        }
    }

    @Test
    void aSavedBut500IsTakenAsCommittedAndNotResent() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            VirtualKey vk = h.read(SeedDataV2.DOCS_AGENT);
            List<ProviderConfig> more = new ArrayList<>(vk.providerConfigs());
            more.add(ProviderConfig.newConfig("azure"));
            VirtualKey edited = vk.withProviderConfigs(more);
            SavePlan plan = h.plan(edited, vk);
            h.sandbox.failNextAfterCommit(CommitFault.RELOAD);
            VirtualKey after = new SyncService(h.client, Dialect.V2, Map.of()).send(plan, edited, null, "save");
            assertThat(after.providerConfigs()).filteredOn(pc -> pc.provider().equals("azure")).hasSize(1);
            assertThat(h.read(SeedDataV2.DOCS_AGENT).providerConfigs())
                    .filteredOn(pc -> pc.provider().equals("azure")).hasSize(1);
            assertThat(after.v2().virtualMcpIds()).isEqualTo(vk.v2().virtualMcpIds());
        }
    }
}
