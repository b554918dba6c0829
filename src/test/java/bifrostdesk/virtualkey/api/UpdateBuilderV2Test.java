package bifrostdesk.virtualkey.api;

import static bifrostdesk.virtualkey.api.UpdateBuilderFixtures.assertJson;
import static bifrostdesk.virtualkey.api.UpdateBuilderFixtures.onlyBody;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2 save algorithm of REFERENCE-v2.md §11.14, one rule per test, on a key read from v2 JSON. */
class UpdateBuilderV2Test {

    private static VirtualKey server() {
        return VirtualKeyJson.readOne(TestJson.tree("vk-v2.json"), Dialect.V2);
    }

    private static JsonNode renameBody() {
        VirtualKey s = server();
        return onlyBody(UpdateBuilder.planUpdate(s.withName("finance-bots-2"), s, Dialect.V2));
    }

    @Test
    void anUnrelatedEditResendsTheBusinessUnitOwnerAndNoNullOwner() {
        JsonNode body = renameBody();
        assertThat(body.path("business_unit_id").asText()).isEqualTo("bu-emea");
        assertThat(body.has("team_id")).isFalse();
        assertThat(body.has("customer_id")).isFalse();
    }

    @Test
    void anUnrelatedEditResendsResetConfigAndBudgetIds() {
        JsonNode budgets = renameBody().path("budgets");
        assertJson(budgets.get(0), "{'id':'b-q','max_limit':3000,'reset_duration':'1Q',"
                + "'reset_config':{'quarter_start_month':4}}");
        assertThat(budgets.get(1).path("id").asText()).isEqualTo("b-d");
        assertThat(budgets.get(1).has("reset_config")).isFalse();
        assertThat(budgets.get(1).has("override_amount")).as("overrides are a separate endpoint").isFalse();
    }

    @Test
    void anUnrelatedEditOmitsFieldsWhoseOmissionMeansUnchanged() {
        JsonNode body = renameBody();
        for (String f : List.of("delete_after_expire", "disable_content_logging", "agent_grants", "metadata",
                "expires_at", "virtual_mcp_ids", "assigned_user", "reset_budget_usage")) {
            assertThat(body.has(f)).as(f).isFalse();
        }
        JsonNode pc = body.path("provider_configs").get(0);
        assertThat(pc.has("model_budgets")).as("[] would delete every per-model budget").isFalse();
        assertThat(pc.path("key_ids")).hasSize(1);
        assertThat(pc.path("key_ids").get(0).asText()).isEqualTo("k-oa-1");
        assertThat(body.path("allow_all_providers").isBoolean()).as("the GET had it: resend its value").isTrue();
    }

    @Test
    void aServerWithoutAllowAllProvidersIsNotSentTheField() {
        VirtualKey s = server().withV2(server().v2().withAllowAllProviders(null));
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(s.withName("x"), s, Dialect.V2));
        assertThat(body.has("allow_all_providers")).isFalse();
    }

    @Test
    void detachingABusinessUnitKeySendsNullOnlyThen() {
        VirtualKey s = server();
        VirtualKey detached = s.withV2(s.v2().withBusinessUnit(null, null));
        SavePlan plan = UpdateBuilder.planUpdate(detached, s, Dialect.V2);
        JsonNode body = onlyBody(plan);
        assertThat(body.path("team_id").isNull()).isTrue();
        assertThat(body.has("business_unit_id")).isFalse();
        assertThat(plan.changes()).anyMatch(c -> c.contains("detaches the key from business unit EMEA Sales"));
    }

    @Test
    void anUnownedKeyIsSentNoOwnerFieldAtAll() {
        VirtualKey s = server().withV2(server().v2().withBusinessUnit(null, null));
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(s.withName("y"), s, Dialect.V2));
        assertThat(body.has("team_id") || body.has("customer_id") || body.has("business_unit_id")).isFalse();
    }

    @Test
    void aTeamShownWithItsParentCustomerResendsOnlyTheTeam() {
        VirtualKey s = server().withOwner("team-1", "cust-1");
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(s.withName("z"), s, Dialect.V2));
        assertThat(body.path("team_id").asText()).isEqualTo("team-1");
        assertThat(body.has("customer_id")).isFalse();
    }

    @Test
    void aQuarterlyBudgetThatStopsBeingQuarterlyDropsItsStartMonthAndSaysSo() {
        VirtualKey s = server();
        List<Budget> budgets = new ArrayList<>(s.budgets());
        budgets.set(0, budgets.get(0).withResetDuration("1Y"));
        SavePlan plan = UpdateBuilder.planUpdate(s.withBudgets(budgets), s, Dialect.V2);
        assertThat(onlyBody(plan).path("budgets").get(0).has("reset_config")).isFalse();
        assertThat(plan.changes()).anyMatch(c -> c.contains("fiscal-quarter start month is dropped"));
    }

    @Test
    void deletingAProviderConfigCountsItsPerModelBudgetsAndUsage() {
        VirtualKey s = server();
        SavePlan plan = UpdateBuilder.planUpdate(s.withProviderConfigs(List.of()), s, Dialect.V2);
        assertThat(plan.changes()).anyMatch(c -> c.contains("1 per-model budget (gpt-4o) with $12.50 used"));
    }

    @Test
    void clearingTheExpiryExplainsDeleteAfterExpiryGoesBackToTheDefault() {
        VirtualKey s = server();
        SavePlan plan = UpdateBuilder.planUpdate(s.withExpiresAt(null), s, Dialect.V2);
        JsonNode body = onlyBody(plan);
        assertThat(body.path("expires_at").asText()).isEmpty();
        assertThat(body.has("delete_after_expire")).as("it requires an expiry; the server resets it").isFalse();
        assertThat(plan.changes()).anyMatch(c -> c.contains("\"delete after expiry\" goes back to the gateway's default"));
    }

    @Test
    void editedPerModelBudgetsAreSentAsTheFullSetWithIds() {
        VirtualKey s = server();
        ProviderConfig pc = s.providerConfigs().get(0);
        ModelBudget mb = pc.modelBudgets().get(0);
        ModelBudget raised = new ModelBudget(mb.modelName(), List.of(mb.budgets().get(0).withMaxLimit(80.0)),
                mb.rateLimit());
        VirtualKey edited = s.withProviderConfigs(List.of(pc.withModelBudgets(List.of(raised))));
        SavePlan plan = UpdateBuilder.planUpdate(edited, s, Dialect.V2);
        JsonNode mbs = onlyBody(plan).path("provider_configs").get(0).path("model_budgets");
        assertJson(mbs, "[{'model_name':'gpt-4o','budgets':[{'id':'b-m1','max_limit':80,'reset_duration':'1M'}],"
                + "'rate_limit':{'token_max_limit':null,'token_reset_duration':null,'request_max_limit':100,"
                + "'request_reset_duration':'1m'}}]");
        assertThat(plan.changes()).anyMatch(c -> c.contains("changes the per-model budgets of gpt-4o"));
    }

    @Test
    void twoConfigsForOneProviderAreRefusedOnV2() {
        VirtualKey s = server();
        VirtualKey edited = s.withProviderConfigs(List.of(s.providerConfigs().get(0), ProviderConfig.newConfig("openai")));
        SavePlan plan = UpdateBuilder.planUpdate(edited, s, Dialect.V2);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).anyMatch(r -> r.contains("Two provider configs name openai"));
    }

    @Test
    void anAccessProfileManagedKeySendsOnlyNameAndDescription() {
        VirtualKey s = managed();
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(s.withDescription("new text"), s, Dialect.V2));
        assertJson(body, "{'name':'finance-bots','description':'new text'}");
    }

    @Test
    void anAccessProfileManagedKeyRefusesEveryOtherEdit() {
        VirtualKey s = managed();
        SavePlan plan = UpdateBuilder.planUpdate(s.withBudgets(List.of()), s, Dialect.V2);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).anyMatch(r -> r.contains("managed by an access profile"));
    }

    private static VirtualKey managed() {
        ObjectNode json = (ObjectNode) TestJson.tree("vk-v2.json");
        ((ObjectNode) json.get("virtual_key")).put("is_access_profile_managed", true);
        return VirtualKeyJson.readOne(json, Dialect.V2);
    }

    @Test
    void changedV2FlagsAreSentAndUnchangedOnesAreNot() {
        VirtualKey s = server();
        V2Fields v = new V2Fields(true, "bu-emea", "EMEA Sales", null, false, List.of(), java.util.Map.of(),
                s.v2().virtualMcpIds(), null, false, null, null);
        SavePlan plan = UpdateBuilder.planUpdate(s.withV2(v), s, Dialect.V2);
        JsonNode body = onlyBody(plan);
        assertThat(body.path("allow_all_providers").asBoolean()).isTrue();
        assertThat(body.path("delete_after_expire").isNull()).as("null = inherit").isTrue();
        assertThat(body.path("expires_at").asText()).as("stated with delete_after_expire").startsWith("2027-03-31");
        assertThat(body.path("disable_content_logging").asBoolean(true)).isFalse();
        assertThat(body.path("agent_grants")).isEmpty();
        assertThat(body.path("metadata").isObject() && body.path("metadata").isEmpty()).isTrue();
        assertThat(plan.changes()).anyMatch(c -> c.contains("allows every provider configured on the gateway"))
                .anyMatch(c -> c.contains("revokes agents ledger-agent")).anyMatch(c -> c.contains("clears the key's metadata"));
    }

    @Test
    void anUnchangedKeyIsNoChange() {
        VirtualKey s = server();
        assertThat(UpdateBuilder.planUpdate(s, s, Dialect.V2).isEmpty()).isTrue();
    }

    @Test
    void aKeyAllowingAllProvidersIsNotCreatedAsAllowingNone() {
        VirtualKey k = VirtualKey.newKey("all").withV2(V2Fields.NONE.withAllowAllProviders(true));
        SavePlan plan = UpdateBuilder.planCreate(k, Dialect.V2);
        assertThat(onlyBody(plan).path("allow_all_providers").asBoolean()).isTrue();
        assertThat(plan.changes()).noneMatch(c -> c.contains("allows no provider"))
                .anyMatch(c -> c.contains("allows every provider"));
    }

    @Test
    void aWriteResponseKeepsTheGetOnlyFieldsOfTheRead() {
        VirtualKey read = server();
        ObjectNode json = (ObjectNode) TestJson.tree("vk-v2.json");
        ObjectNode vk = (ObjectNode) json.get("virtual_key");
        vk.remove(List.of("business_unit", "assigned_user"));
        VirtualKey written = VirtualKeyJson.read(vk, Dialect.V2).keepGetOnlyFrom(read);
        assertThat(written.v2().virtualMcpIds()).containsExactly(3L, 7L);
        assertThat(written.v2().businessUnitName()).isEqualTo("EMEA Sales");
    }
}
