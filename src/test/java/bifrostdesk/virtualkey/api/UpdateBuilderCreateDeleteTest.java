package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import static bifrostdesk.virtualkey.api.UpdateBuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateBuilderCreateDeleteTest {

    static VirtualKey newKey() {
        ProviderConfig openai = new ProviderConfig(null, "openai", 0.7, List.of("gpt-4", "gpt-3.5-turbo"), true,
                List.of(), List.of(new Budget(null, 500.0, "1M", 0, null, true)),
                RateLimit.of(1_000_000L, "1h", 1000L, "1h"));
        ProviderConfig anthropic = new ProviderConfig(null, "anthropic", 0.3, List.of("claude-3-opus"), false,
                List.of(new KeyRef("k-9", "main")), List.of(Budget.newBudget(200.0, "1M")), null);
        return VirtualKey.newKey("marketing-team-vk").withDescription("Marketing").withTeam("t-1")
                .withProviderConfigs(List.of(openai, anthropic))
                .withMcpConfigs(List.of(new McpConfig(null, "github", List.of("*"))))
                .withBudgets(List.of(Budget.newBudget(1000.0, "1M")));
    }

    @Test
    void createBodyLikeTheOfficialExample() {
        SavePlan plan = UpdateBuilder.planCreate(newKey(), Dialect.V1_5, Map.of("t-1", "Marketing"));
        assertThat(plan.requests().get(0).method()).isEqualTo("POST");
        assertThat(plan.requests().get(0).path()).isEqualTo("/api/governance/virtual-keys");
        assertJson(onlyBody(plan), """
                {'name':'marketing-team-vk','description':'Marketing','is_active':true,'team_id':'t-1',
                 'provider_configs':[
                   {'provider':'openai','weight':0.7,'allowed_models':['gpt-4','gpt-3.5-turbo'],'key_ids':['*'],
                    'budgets':[{'max_limit':500.0,'reset_duration':'1M','calendar_aligned':true}],
                    'rate_limit':{'token_max_limit':1000000,'token_reset_duration':'1h',
                                  'request_max_limit':1000,'request_reset_duration':'1h'}},
                   {'provider':'anthropic','weight':0.3,'allowed_models':['claude-3-opus'],'key_ids':['k-9'],
                    'budgets':[{'max_limit':200.0,'reset_duration':'1M'}]}],
                 'mcp_configs':[{'mcp_client_name':'github','tools_to_execute':['*']}],
                 'budgets':[{'max_limit':1000.0,'reset_duration':'1M'}]}""");
        assertThat(plan.changes()).containsExactly(
                "creates the key marketing-team-vk",
                "sets the description to \"Marketing\"",
                "attaches the key to team Marketing",
                "adds budget 1M of $1,000.00 to the key",
                "adds provider config openai (models gpt-4, gpt-3.5-turbo, all keys, weight 0.7, budget 1M of $500.00, "
                        + "rate limit 1,000,000 tokens per 1h, 1,000 requests per 1h)",
                "adds provider config anthropic (models claude-3-opus, keys main, weight 0.3, budget 1M of $200.00)",
                "attaches MCP client github with all tools");
    }

    @Test
    void createWithExpiryOnlyOnLater() {
        VirtualKey vk = newKey().withExpiresAt(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(onlyBody(UpdateBuilder.planCreate(vk, Dialect.LATER)).get("expires_at").asText())
                .isEqualTo("2027-01-01T00:00:00Z");
        SavePlan v15 = UpdateBuilder.planCreate(vk, Dialect.V1_5);
        assertThat(v15.requests()).isEmpty();
        assertThat(v15.refusals()).isNotEmpty();
    }

    @Test
    void createNeverSendsIdsEvenWhenTheModelHasThem() {
        VirtualKey vk = newKey().withMcpConfigs(List.of(new McpConfig(3L, "github", List.of("*"))))
                .withBudgets(List.of(budget("b1", 10, "1d", 0)));
        var body = onlyBody(UpdateBuilder.planCreate(vk, Dialect.LATER));
        assertThat(body.get("mcp_configs").get(0).has("id")).isFalse();
        assertThat(body.get("budgets").get(0).has("id")).isFalse();
    }

    @Test
    void createWithoutProvidersSaysItAllowsNone() {
        SavePlan plan = UpdateBuilder.planCreate(VirtualKey.newKey("bare"), Dialect.LATER);
        assertJson(onlyBody(plan), "{'name':'bare','description':'','is_active':true,'provider_configs':[],'mcp_configs':[],'budgets':[]}");
        assertThat(plan.changes()).contains("allows no provider (add a provider config to let the key call models)");
    }

    @Test
    void deletePlan() {
        SavePlan plan = UpdateBuilder.planDelete(server());
        assertThat(plan.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("DELETE");
            assertThat(r.path()).isEqualTo("/api/governance/virtual-keys/vk-1");
            assertThat(r.body()).isNull();
        });
        assertThat(plan.changes()).contains("deletes the key alpha for good (there is no undo)",
                "also deletes its 2 provider config(s), 2 budget(s) ($82.40 used) and 2 MCP attachment(s)",
                "also deletes its rate limit");
    }

    @Test
    void deleteOfAnUnsavedKeyIsRefused() {
        SavePlan plan = UpdateBuilder.planDelete(VirtualKey.newKey("x"));
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.isRefused()).isTrue();
    }

    @Test
    void assertJsonCanFail() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertJson(json("{'a':1}"), "{'a':2}"))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertJson(json("{'a':1,'b':null}"), "{'a':1}"))
                .isInstanceOf(AssertionError.class);
    }
}
