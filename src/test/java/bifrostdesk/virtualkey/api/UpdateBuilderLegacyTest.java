package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import static bifrostdesk.virtualkey.api.UpdateBuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** v1.4 translations (REFERENCE §10): singular budget, allowed_keys, empty = all, weight required. */
class UpdateBuilderLegacyTest {

    /** A copy a v1.4 server could hold: every config has a weight. */
    static VirtualKey legacyServer() {
        return replacePc(server(), anthropic().withWeight(1.0));
    }

    static void assertRefused(SavePlan plan, String fragment) {
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).anyMatch(r -> r.contains(fragment));
    }

    @Test
    void renameTranslatesEveryAllowListAndUsesSingularBudgets() {
        SavePlan plan = UpdateBuilder.planUpdate(legacyServer().withName("beta"), legacyServer(), Dialect.LEGACY);
        assertJson(onlyBody(plan), """
                {'name':'beta','description':'d','is_active':true,'team_id':'team-1',
                 'provider_configs':[
                   {'id':12,'provider':'openai','weight':0.7,'allowed_models':['gpt-4','gpt-3.5-turbo'],
                    'allowed_keys':[],'budget':{'max_limit':50.0,'reset_duration':'1d'}},
                   {'id':13,'provider':'anthropic','weight':1.0,'allowed_models':[],'allowed_keys':['k-1','k-2'],
                    'rate_limit':{'token_max_limit':5000,'token_reset_duration':'1h',
                                  'request_max_limit':null,'request_reset_duration':null}}],
                 'mcp_configs':[{'id':7,'mcp_client_name':'github','tools_to_execute':['a','b']},
                                {'id':8,'mcp_client_name':'filesystem','tools_to_execute':[]}],
                 'budget':{'max_limit':100.0,'reset_duration':'1d'},
                 'rate_limit':{'token_max_limit':1000,'token_reset_duration':'1h',
                               'request_max_limit':100,'request_reset_duration':'1m'}}
                """);
    }

    @Test
    void removingTheBudgetSendsEmptyObject() {
        SavePlan plan = UpdateBuilder.planUpdate(legacyServer().withBudgets(List.of()), legacyServer(), Dialect.LEGACY);
        JsonNode budget = onlyBody(plan).get("budget");
        assertThat(budget.isObject()).isTrue();
        assertThat(budget).isEmpty();
        assertThat(onlyBody(plan).has("budgets")).isFalse();
        assertThat(plan.changes()).containsExactly("removes budget 1d of the key ($41.20 used)");
    }

    @Test
    void addingABudgetToAConfigWithoutOneCreatesIt() {
        ProviderConfig a = anthropic().withWeight(1.0).withBudgets(List.of(Budget.newBudget(20.0, "1w")));
        SavePlan plan = UpdateBuilder.planUpdate(replacePc(legacyServer(), a), legacyServer(), Dialect.LEGACY);
        assertJson(onlyBody(plan).get("provider_configs").get(1).get("budget"), "{'max_limit':20.0,'reset_duration':'1w'}");
        assertThat(plan.changes()).containsExactly("adds budget 1w of $20.00 to anthropic (id 13)");
    }

    @Test
    void twoBudgetsOnOneOwnerAreRefused() {
        VirtualKey edited = legacyServer().withBudgets(List.of(budget("b-vk-1d", 100.0, "1d", 0), Budget.newBudget(5.0, "1w")));
        assertRefused(UpdateBuilder.planUpdate(edited, legacyServer(), Dialect.LEGACY),
                "this server allows one budget per key/provider config");
    }

    @Test
    void noModelsCannotBeExpressed() {
        VirtualKey edited = replacePc(legacyServer(), openai().withAllowedModels(List.of()));
        assertRefused(UpdateBuilder.planUpdate(edited, legacyServer(), Dialect.LEGACY), "allows no models");
    }

    @Test
    void noKeysCannotBeExpressed() {
        VirtualKey edited = replacePc(legacyServer(), openai().withKeys(false, List.of()));
        assertRefused(UpdateBuilder.planUpdate(edited, legacyServer(), Dialect.LEGACY), "allows no keys");
    }

    @Test
    void noToolsCannotBeExpressed() {
        VirtualKey edited = legacyServer().withMcpConfigs(List.of(new McpConfig(7L, "github", List.of())));
        assertRefused(UpdateBuilder.planUpdate(edited, legacyServer(), Dialect.LEGACY), "allows no tools");
    }

    @Test
    void zeroProviderConfigsWouldMeanAllProviders() {
        VirtualKey edited = legacyServer().withProviderConfigs(List.of());
        assertRefused(UpdateBuilder.planUpdate(edited, legacyServer(), Dialect.LEGACY), "every provider");
    }

    @Test
    void zeroProviderConfigsOnBothSidesIsLeftUnchanged() {
        VirtualKey s = legacyServer().withProviderConfigs(List.of());
        SavePlan plan = UpdateBuilder.planUpdate(s.withName("beta"), s, Dialect.LEGACY);
        assertThat(onlyBody(plan).has("provider_configs")).isFalse();
    }

    @Test
    void nullWeightIsRefusedNotGuessed() {
        VirtualKey edited = replacePc(legacyServer(), openai().withWeight(null));
        assertRefused(UpdateBuilder.planUpdate(edited, legacyServer(), Dialect.LEGACY), "needs a weight");
        VirtualKey added = legacyServer().withProviderConfigs(List.of(openai(), anthropic().withWeight(1.0),
                ProviderConfig.newConfig("groq")));
        assertRefused(UpdateBuilder.planUpdate(added, legacyServer(), Dialect.LEGACY), "groq (new) has no weight");
    }

    @Test
    void explicitKeysAreSentAsAllowedKeys() {
        SavePlan plan = UpdateBuilder.planUpdate(legacyServer().withName("z"), legacyServer(), Dialect.LEGACY);
        JsonNode pc = onlyBody(plan).get("provider_configs").get(1);
        assertJson(pc.get("allowed_keys"), "['k-1','k-2']");
        assertThat(pc.has("key_ids")).isFalse();
    }

    @Test
    void clearingASubLimitNeedsTwoRequests() {
        VirtualKey edited = legacyServer().withRateLimit(rl("rl-1", 1000L, "1h", null, null));
        SavePlan plan = UpdateBuilder.planUpdate(edited, legacyServer(), Dialect.LEGACY);
        assertThat(plan.requests()).hasSize(2);
        assertThat(plan.requests().get(0).body().get("rate_limit")).isEmpty();
        assertThat(plan.requests().get(1).body().get("rate_limit").get("token_max_limit").asLong()).isEqualTo(1000);
    }

    @Test
    void detachOmitsBothOwnerFields() {
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(legacyServer().withOwner(null, null), legacyServer(), Dialect.LEGACY));
        assertThat(body.has("team_id")).isFalse();
        assertThat(body.has("customer_id")).isFalse();
    }

    @Test
    void createTranslatesToo() {
        VirtualKey vk = VirtualKey.newKey("n").withProviderConfigs(List.of(ProviderConfig.newConfig("openai").withWeight(1.0)))
                .withBudgets(List.of(Budget.newBudget(10.0, "1M")));
        SavePlan plan = UpdateBuilder.planCreate(vk, Dialect.LEGACY);
        assertJson(onlyBody(plan), """
                {'name':'n','description':'','is_active':true,
                 'provider_configs':[{'provider':'openai','weight':1.0,'allowed_models':[],'allowed_keys':[]}],
                 'mcp_configs':[],'budget':{'max_limit':10.0,'reset_duration':'1M'}}""");
    }
}
