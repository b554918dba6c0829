package bifrostdesk.virtualkey.tree;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.edit.FieldText;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each Bifrost v2 feature of a key shows in its tree (REFERENCE-v2.md §11). */
class TreeBuilderV2Test {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private final VirtualKey vk = V2Keys.everything(NOW);
    private final TreeNode tree = TreeBuilder.build(vk, vk, NOW);

    private TreeNode node(String path) {
        TreeNode n = tree.find(path);
        assertThat(n).as(path).isNotNull();
        return n;
    }

    @Test
    void allProvidersIsALineOfTheKeyAndTheProviderListNoLongerSaysItDeniesEverything() {
        TreeNode all = node("all_providers");
        assertThat(all.kind()).isEqualTo(NodeKind.ALL_PROVIDERS);
        assertThat(all.label()).isEqualTo("All providers");
        assertThat(all.detail()).contains("all models and keys", "no per-provider limits", "no weight");
        assertThat(node("provider_configs").detail()).contains("all other providers allowed");

        VirtualKey empty = vk.withProviderConfigs(List.of());
        TreeNode t = TreeBuilder.build(empty, empty, NOW);
        assertThat(t.find("provider_configs").detail()).doesNotContain("denies");
        VirtualKey off = empty.withV2(vk.v2().withAllowAllProviders(false));
        TreeNode t2 = TreeBuilder.build(off, off, NOW);
        assertThat(t2.find("all_providers")).isNull();
        assertThat(t2.find("provider_configs").detail()).contains("denies every provider");
    }

    @Test
    void aBusinessUnitOwnerShowsByNameOrElseById() {
        assertThat(tree.detail()).contains("business unit Finance");
        VirtualKey byId = vk.withV2(vk.v2().withBusinessUnit(V2Keys.BU_ID, null));
        assertThat(TreeBuilder.build(byId, byId, NOW).detail()).contains("business unit bu-finance");
    }

    @Test
    void aQuarterlyBudgetSaysItsFiscalStartMonth() {
        assertThat(node("budgets/1").detail()).isEqualTo("resets every quarter, fiscal year from April");
        VirtualKey rolling = vk.withCalendarAligned(false);
        assertThat(TreeBuilder.build(rolling, rolling, NOW).find("budgets/1").detail())
                .startsWith("resets every quarter (rolling 90-day windows; fiscal year from April");
    }

    @Test
    void aBudgetWhoseOverrideOrFiscalMonthChangedIsMarkedChanged() {
        assertThat(node("budgets/0").changed()).isFalse();
        VirtualKey cleared = vk.withBudgets(List.of(vk.budgets().get(0).withOverride(null), vk.budgets().get(1)));
        TreeNode tree2 = TreeBuilder.build(cleared, vk, NOW);
        assertThat(tree2.find("budgets/0").changed()).isTrue();
        assertThat(tree2.find("budgets/1").changed()).isFalse();
        VirtualKey moved = vk.withBudgets(List.of(vk.budgets().get(0), vk.budgets().get(1).withQuarterStartMonth(2)));
        assertThat(TreeBuilder.build(moved, vk, NOW).find("budgets/1").changed()).isTrue();
    }

    @Test
    void anOverriddenBudgetShowsTheEffectiveLimitBaseModeAndCyclesLeft() {
        TreeNode b = node("budgets/0");
        assertThat(b.label()).isEqualTo("$120.00 of $150.00");
        assertThat(b.usageFraction()).isEqualTo(0.8);
        assertThat(b.detail()).isEqualTo("resets every 1 month · +$50.00 override, 2 of 3 cycles left, on a base "
                + "of $100.00");
    }

    @Test
    void perModelBudgetsAndRateLimitsAreNodesUnderTheirProviderConfig() {
        TreeNode list = node("provider_configs/0/model_budgets");
        assertThat(list.kind()).isEqualTo(NodeKind.MODEL_BUDGETS);
        assertThat(list.children()).extracting(TreeNode::label).containsExactly("gpt-4o", "o3");
        TreeNode gpt = node("provider_configs/0/model_budgets/0");
        assertThat(gpt.kind()).isEqualTo(NodeKind.MODEL_BUDGET);
        assertThat(gpt.detail()).isEqualTo("1 budget · 100 requests / 1m");
        TreeNode budget = node("provider_configs/0/model_budgets/0/budgets/0");
        assertThat(budget.kind()).isEqualTo(NodeKind.BUDGET);
        assertThat(budget.label()).isEqualTo("$10.00 of $50.00");
        assertThat(budget.usageFraction()).isEqualTo(0.2);
        assertThat(node("provider_configs/0/model_budgets/0/rate_limit").detail()).isEqualTo("100 requests / 1m");
        assertThat(node("provider_configs/0/model_budgets/1/budgets/0").usageFraction()).isEqualTo(1.1);
        assertThat(list.changed()).isFalse();
        // a provider config without per-model budgets has no such node
        VirtualKey none = vk.withProviderConfigs(List.of(vk.providerConfigs().get(0).withModelBudgets(List.of())));
        assertThat(TreeBuilder.build(none, none, NOW).find("provider_configs/0/model_budgets")).isNull();
    }

    @Test
    void aVirtualMcpNodeCarriesTheServersNameWhereItIsKnown() {
        TreeNode named = TreeBuilder.build(vk, vk, NOW,
                java.util.Map.of(bifrostdesk.virtualkey.api.UpdateBuilder.virtualMcpNameKey(3), "engineering-tools"));
        assertThat(named.find("virtual_mcps/0").label()).isEqualTo("engineering-tools");
        assertThat(named.find("virtual_mcps/0").detail()).isEqualTo("assigned · #3");
        assertThat(named.find("virtual_mcps/1").label()).isEqualTo("Virtual MCP #7");
    }

    @Test
    void virtualMcpsMetadataAndAgentGrantsAreNodesOfTheKey() {
        assertThat(node("virtual_mcps").detail()).isEqualTo("2 assigned");
        assertThat(node("virtual_mcps/0").label()).isEqualTo("Virtual MCP #3");
        assertThat(node("virtual_mcps/1").label()).isEqualTo("Virtual MCP #7");
        assertThat(node("metadata").detail()).isEqualTo("env=prod, team=payments");
        assertThat(node("agent_grants").detail()).isEqualTo("billing-agent, support-agent");
        VirtualKey unknown = vk.withV2(V2Fields.NONE);
        TreeNode t = TreeBuilder.build(unknown, unknown, NOW);
        assertThat(t.find("virtual_mcps")).isNull();
        assertThat(t.find("metadata")).isNull();
        assertThat(t.find("agent_grants")).isNull();
    }

    @Test
    void theKeySaysTheOldValueKeepsWorkingDuringTheRotationCooldownAndThatContentLoggingIsOff() {
        assertThat(tree.detail()).contains("the old value keeps working until 2026-12-04 08:00 UTC",
                "content logging off");
        Instant later = NOW.plusSeconds(3 * 86_400);
        assertThat(TreeBuilder.build(vk, vk, later).detail()).doesNotContain("old value");
    }

    @Test
    void anAccessProfileManagedKeySaysSoAndItsNodesAreReadOnly() {
        VirtualKey ap = V2Keys.accessProfileManaged(NOW);
        assertThat(TreeBuilder.build(ap, ap, NOW).detail()).contains("managed by an access profile");
        assertThat(Editability.canEdit(ap, "", Field.NAME)).isTrue();
        assertThat(Editability.canEdit(ap, "", Field.DESCRIPTION)).isTrue();
        assertThat(Editability.canEdit(ap, "", Field.ACTIVE)).isFalse();
        assertThat(Editability.canEdit(ap, "budgets/0", Field.MAX_LIMIT)).isFalse();
        assertThat(Editability.readOnlyReason(ap, "rate_limit")).hasValueSatisfying(r ->
                assertThat(r).contains("access profile's"));
        // an ordinary key: its own budgets are editable, per-model ones too, and so are the v2 nodes
        assertThat(Editability.canEdit(vk, "budgets/0", Field.MAX_LIMIT)).isTrue();
        assertThat(Editability.canEdit(vk, "provider_configs/0/model_budgets/0/budgets/0", Field.MAX_LIMIT)).isTrue();
        assertThat(Editability.canEdit(vk, "metadata", Field.METADATA)).isTrue();
        assertThat(Editability.canEdit(ap, "metadata", Field.METADATA)).isFalse();
    }

    @Test
    void contentLoggingAndDeletionAfterExpiryReadOnOffOrInherit() {
        assertThat(V2Text.contentLogging(null)).startsWith("inherit");
        assertThat(V2Text.contentLogging(true)).startsWith("off");
        assertThat(V2Text.contentLogging(false)).startsWith("on");
        Instant at = Instant.parse("2027-01-31T00:00:00Z");
        assertThat(V2Text.deleteAfterExpire(null, at)).startsWith("inherit").endsWith("(expires 2027-01-31 00:00 UTC)");
        assertThat(V2Text.deleteAfterExpire(true, at)).startsWith("on: the key is deleted after it expires");
        assertThat(V2Text.deleteAfterExpire(false, null)).isEqualTo("off: the key is kept after it expires");
        assertThat(V2Text.fromV2Server(vk)).isTrue();
        assertThat(V2Text.fromV2Server(vk.withV2(V2Fields.NONE))).isFalse();
    }

    @Test
    void newPathsParseAndBuildConsistently() {
        NodePath p = NodePath.parse("provider_configs/0/model_budgets/1/budgets/0");
        assertThat(p.kind()).isEqualTo(NodeKind.BUDGET);
        assertThat(p.providerIndex()).isZero();
        assertThat(p.modelIndex()).isEqualTo(1);
        assertThat(p.budgetIndex()).isZero();
        assertThat(p.ownerPath()).isEqualTo(NodePath.modelBudget(0, 1));
        assertThat(NodePath.budget(p.ownerPath(), 0)).isEqualTo("provider_configs/0/model_budgets/1/budgets/0");
        assertThat(NodePath.parse("provider_configs/0/model_budgets/1/rate_limit").ownerPath())
                .isEqualTo("provider_configs/0/model_budgets/1");
        assertThat(NodePath.parse("virtual_mcps/1").itemIndex()).isEqualTo(1);
        assertThat(NodePath.parse("provider_configs/2/budgets/1").ownerPath()).isEqualTo("provider_configs/2");
        assertThat(FieldText.of(vk, FieldKey.of("provider_configs/0/model_budgets/0/budgets/0", Field.MAX_LIMIT))).isEqualTo("50");
        assertThat(FieldText.of(vk, FieldKey.of("provider_configs/0/model_budgets/0/rate_limit", Field.REQUEST_MAX_LIMIT)))
                .isEqualTo("100");
    }
}
