package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import static bifrostdesk.virtualkey.api.UpdateBuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.virtualkey.api.UpdateBuilder.SaveOptions;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PUT bodies on the current dialects (V1_5 = REFERENCE "A", LATER = "B/C"). */
class UpdateBuilderUpdateTest {

    @Test
    void renameOnV15ResendsTheWholeStateWithoutBudgetIds() {
        SavePlan plan = UpdateBuilder.planUpdate(server().withName("beta"), server(), Dialect.V1_5);
        assertThat(plan.requests().get(0).method()).isEqualTo("PUT");
        assertThat(plan.requests().get(0).path()).isEqualTo("/api/governance/virtual-keys/vk-1");
        assertJson(onlyBody(plan), """
                {'name':'beta','description':'d','is_active':true,'team_id':'team-1',
                 'provider_configs':[
                   {'id':12,'provider':'openai','weight':0.7,'allowed_models':['gpt-4','gpt-3.5-turbo'],
                    'key_ids':['*'],'budgets':[{'max_limit':50.0,'reset_duration':'1d'}]},
                   {'id':13,'provider':'anthropic','weight':null,'allowed_models':['*'],'key_ids':['k-1','k-2'],
                    'budgets':[],'rate_limit':{'token_max_limit':5000,'token_reset_duration':'1h',
                                               'request_max_limit':null,'request_reset_duration':null}}],
                 'mcp_configs':[{'id':7,'mcp_client_name':'github','tools_to_execute':['a','b']},
                                {'id':8,'mcp_client_name':'filesystem','tools_to_execute':['*']}],
                 'budgets':[{'max_limit':100.0,'reset_duration':'1d'}],
                 'rate_limit':{'token_max_limit':1000,'token_reset_duration':'1h',
                               'request_max_limit':100,'request_reset_duration':'1m'}}
                """);
        assertThat(plan.changes()).containsExactly("renames the key from alpha to beta");
    }

    @Test
    void renameOnLaterSendsBudgetIds() {
        SavePlan plan = UpdateBuilder.planUpdate(server().withName("beta"), server(), Dialect.LATER);
        assertJson(onlyBody(plan), """
                {'name':'beta','description':'d','is_active':true,'team_id':'team-1',
                 'provider_configs':[
                   {'id':12,'provider':'openai','weight':0.7,'allowed_models':['gpt-4','gpt-3.5-turbo'],
                    'blacklisted_models':[],
                    'key_ids':['*'],'budgets':[{'id':'b-12-1d','max_limit':50.0,'reset_duration':'1d'}]},
                   {'id':13,'provider':'anthropic','weight':null,'allowed_models':['*'],'blacklisted_models':[],'key_ids':['k-1','k-2'],
                    'budgets':[],'rate_limit':{'token_max_limit':5000,'token_reset_duration':'1h',
                                               'request_max_limit':null,'request_reset_duration':null}}],
                 'mcp_configs':[{'id':7,'mcp_client_name':'github','tools_to_execute':['a','b']},
                                {'id':8,'mcp_client_name':'filesystem','tools_to_execute':['*']}],
                 'budgets':[{'id':'b-vk-1d','max_limit':100.0,'reset_duration':'1d'}],
                 'rate_limit':{'token_max_limit':1000,'token_reset_duration':'1h',
                               'request_max_limit':100,'request_reset_duration':'1m'}}
                """);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void noChangeMeansNoRequest(Dialect dialect) {
        SavePlan plan = UpdateBuilder.planUpdate(server(), server(), dialect);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.changes()).containsExactly("No changes");
    }

    @Test
    void deactivatingOnlyStillResendsTeamAndEveryConfigWithKeys() {
        // the proliferate-ai trap (§2.6.5): {"is_active": false} alone detaches on A and, with provider configs
        // omitted, is fine, but a client that sends configs without key_ids loses keys (#7347)
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(server().withActive(false), server(), Dialect.V1_5));
        assertThat(body.get("is_active").asBoolean()).isFalse();
        assertThat(body.get("team_id").asText()).isEqualTo("team-1");
        assertThat(body.get("provider_configs")).hasSize(2);
        for (JsonNode pc : body.get("provider_configs")) {
            assertThat(pc.has("id")).isTrue();
            assertThat(pc.has("key_ids")).isTrue();
            assertThat(pc.has("allowed_models")).isTrue();
            assertThat(pc.has("weight")).isTrue();
        }
    }

    @Test
    void customerOwnerIsResent() {
        VirtualKey s = server().withOwner(null, "cust-9");
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(s.withName("x"), s, Dialect.V1_5));
        assertThat(body.get("customer_id").asText()).isEqualTo("cust-9");
        assertThat(body.has("team_id")).isFalse();
    }

    @Test
    void detachOnV15OmitsBothOwnerFields() {
        SavePlan plan = UpdateBuilder.planUpdate(server().withOwner(null, null), server(), Dialect.V1_5,
                SaveOptions.defaults().withOwnerNames(Map.of("team-1", "Platform")));
        JsonNode body = onlyBody(plan);
        assertThat(body.has("team_id")).isFalse();
        assertThat(body.has("customer_id")).isFalse();
        assertThat(plan.changes()).containsExactly(
                "detaches the key from team Platform (team Platform's budgets and limits no longer apply to it)");
    }

    @Test
    void detachOnLaterSendsExplicitNullTeam() {
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(server().withOwner(null, null), server(), Dialect.LATER));
        assertThat(body.has("team_id")).isTrue();
        assertThat(body.get("team_id").isNull()).isTrue();
        assertThat(body.has("customer_id")).isFalse();
    }

    @Test
    void movingToACustomerSendsOnlyTheCustomer() {
        SavePlan plan = UpdateBuilder.planUpdate(server().withCustomer("c-2"), server(), Dialect.LATER);
        JsonNode body = onlyBody(plan);
        assertThat(body.get("customer_id").asText()).isEqualTo("c-2");
        assertThat(body.has("team_id")).isFalse();
        assertThat(plan.changes()).containsExactly("moves the key from team team-1 to customer c-2 (team team-1's "
                + "budgets and limits no longer apply to it)");
    }

    @Test
    void teamAndCustomerTogetherIsRefused() {
        SavePlan plan = UpdateBuilder.planUpdate(server().withOwner("team-1", "c-1"), server(), Dialect.LATER);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).anyMatch(r -> r.contains("team and a customer"));
    }

    @Test
    void deletingAProviderConfigOmitsItAndSaysWhatIsLost() {
        VirtualKey edited = server().withProviderConfigs(List.of(anthropic()));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        JsonNode pcs = onlyBody(plan).get("provider_configs");
        assertThat(pcs).hasSize(1);
        assertThat(pcs.get(0).get("id").asLong()).isEqualTo(13);
        assertThat(plan.changes()).containsExactly("deletes provider config 12 (openai) and its 1d budget with $41.20 used");
    }

    @Test
    void deletingAllProviderConfigsSendsEmptyList() {
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(server().withProviderConfigs(List.of()), server(), Dialect.V1_5));
        assertThat(body.get("provider_configs").isArray()).isTrue();
        assertThat(body.get("provider_configs")).isEmpty();
    }

    @Test
    void addedProviderConfigHasNoIdAndExplicitLists() {
        VirtualKey edited = server().withProviderConfigs(List.of(openai(), anthropic(), ProviderConfig.newConfig("bedrock")));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.V1_5);
        JsonNode added = onlyBody(plan).get("provider_configs").get(2);
        assertJson(added, "{'provider':'bedrock','weight':null,'allowed_models':['*'],'key_ids':['*'],'budgets':[]}");
        assertThat(plan.changes()).containsExactly("adds provider config bedrock (all models, all keys)");
    }

    @Test
    void allowAllKeysIsSentAsStar() {
        ProviderConfig a = anthropic().withKeys(true, List.of());
        SavePlan plan = UpdateBuilder.planUpdate(replacePc(server(), a), server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("provider_configs").get(1).get("key_ids"), "['*']");
        assertThat(plan.changes()).containsExactly("allows all keys of anthropic (id 13)");
    }

    @Test
    void explicitNoKeysIsSentAsEmptyListOnCurrentDialects() {
        ProviderConfig a = anthropic().withKeys(false, List.of());
        SavePlan plan = UpdateBuilder.planUpdate(replacePc(server(), a), server(), Dialect.V1_5);
        assertJson(onlyBody(plan).get("provider_configs").get(1).get("key_ids"), "[]");
        assertThat(plan.changes()).containsExactly("denies every key of anthropic (id 13)");
    }

    @Test
    void changedKeysAreNamed() {
        ProviderConfig a = anthropic().withKeys(false, List.of(new KeyRef("k-1", "prod"), new KeyRef("k-3", "ci")));
        SavePlan plan = UpdateBuilder.planUpdate(replacePc(server(), a), server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("provider_configs").get(1).get("key_ids"), "['k-1','k-3']");
        assertThat(plan.changes()).containsExactly("changes keys of anthropic (id 13): adds ci, removes dev");
    }

    @Test
    void changedModelsAreListed() {
        ProviderConfig o = openai().withAllowedModels(List.of("gpt-3.5-turbo", "gpt-4o"));
        SavePlan plan = UpdateBuilder.planUpdate(replacePc(server(), o), server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("provider_configs").get(0).get("allowed_models"), "['gpt-3.5-turbo','gpt-4o']");
        assertThat(plan.changes()).containsExactly("changes allowed models of openai (id 12): adds gpt-4o, removes gpt-4");
    }

    @Test
    void nullWeightIsSentAsNull() {
        SavePlan plan = UpdateBuilder.planUpdate(replacePc(server(), openai().withWeight(null)), server(), Dialect.V1_5);
        JsonNode pc = onlyBody(plan).get("provider_configs").get(0);
        assertThat(pc.has("weight")).isTrue();
        assertThat(pc.get("weight").isNull()).isTrue();
        assertThat(plan.changes()).containsExactly("takes openai (id 12) out of weighted routing (weight was 0.7)");
    }

    @Test
    void staleProviderConfigIdIsRefused() {
        ProviderConfig ghost = new ProviderConfig(99L, "groq", 1.0, List.of("*"), true, List.of(), List.of(), null);
        SavePlan plan = UpdateBuilder.planUpdate(server().withProviderConfigs(List.of(openai(), anthropic(), ghost)),
                server(), Dialect.LATER);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).anyMatch(r -> r.contains("Provider config 99 (groq) no longer exists"));
    }

    // ---- budgets -----------------------------------------------------------------------------------------

    @Test
    void changingAKeyBudgetLimitKeepsUsage() {
        VirtualKey edited = server().withBudgets(List.of(budget("b-vk-1d", 50.0, "1d", 41.20)));
        for (Dialect d : List.of(Dialect.V1_5, Dialect.LATER)) {
            SavePlan plan = UpdateBuilder.planUpdate(edited, server(), d);
            assertThat(onlyBody(plan).get("budgets").get(0).get("max_limit").asDouble()).isEqualTo(50.0);
            assertThat(plan.changes()).containsExactly("changes budget 1d of the key from $100.00 to $50.00 (usage $41.20 kept)");
        }
    }

    @Test
    void durationChangeOnV15RestartsTheBudgetAndSaysSo() {
        VirtualKey edited = server().withBudgets(List.of(budget("b-vk-1d", 100.0, "1w", 41.20)));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.V1_5);
        assertJson(onlyBody(plan).get("budgets"), "[{'max_limit':100.0,'reset_duration':'1w'}]");
        assertThat(plan.changes()).containsExactly(
                "restarts budget 1w of the key at $0 usage (reset duration changed from 1d; $41.20 used is dropped)");
    }

    @Test
    void durationChangeOnLaterKeepsTheIdAndUsage() {
        VirtualKey edited = server().withBudgets(List.of(budget("b-vk-1d", 100.0, "1w", 41.20)));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("budgets"), "[{'id':'b-vk-1d','max_limit':100.0,'reset_duration':'1w'}]");
        assertThat(plan.changes()).containsExactly("changes budget 1d of the key to reset every 1w (usage $41.20 kept)");
    }

    @Test
    void addingABudgetSendsTheCompleteSet() {
        VirtualKey edited = server().withBudgets(List.of(budget("b-vk-1d", 100.0, "1d", 41.20),
                Budget.newBudget(500.0, "1M")));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("budgets"), """
                [{'id':'b-vk-1d','max_limit':100.0,'reset_duration':'1d'},{'max_limit':500.0,'reset_duration':'1M'}]""");
        assertThat(plan.changes()).containsExactly(
                "adds budget 1M of $500.00 to the key (the server may start it with the $41.20 used of the 1d budget)");
    }

    @Test
    void removingAllBudgetsSendsEmptyList() {
        SavePlan plan = UpdateBuilder.planUpdate(server().withBudgets(List.of()), server(), Dialect.V1_5);
        assertJson(onlyBody(plan).get("budgets"), "[]");
        assertThat(plan.changes()).containsExactly("removes budget 1d of the key ($41.20 used)");
    }

    @Test
    void providerConfigBudgetIdsOnLater() {
        ProviderConfig o = openai().withBudgets(List.of(budget("b-12-1d", 80.0, "1d", 41.20)));
        SavePlan plan = UpdateBuilder.planUpdate(replacePc(server(), o), server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("provider_configs").get(0).get("budgets"),
                "[{'id':'b-12-1d','max_limit':80.0,'reset_duration':'1d'}]");
        assertThat(plan.changes()).containsExactly(
                "changes budget 1d of openai (id 12) from $50.00 to $80.00 (usage $41.20 kept)");
    }

    @Test
    void staleBudgetIdOnLaterIsRefused() {
        VirtualKey edited = server().withBudgets(List.of(budget("gone", 100.0, "1d", 0)));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).anyMatch(r -> r.contains("no longer exists"));
    }

    @Test
    void resetBudgetUsageOnLater() {
        SavePlan plan = UpdateBuilder.planUpdate(server(), server(), Dialect.LATER, new SaveOptions(true));
        JsonNode body = onlyBody(plan);
        assertThat(body.get("reset_budget_usage").asBoolean()).isTrue();
        assertThat(plan.changes()).containsExactly(
                "resets budget usage to $0 for every budget of the key and its provider configs");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"LEGACY", "V1_5"})
    void resetBudgetUsageIsRefusedOnOlderServers(Dialect d) {
        SavePlan plan = UpdateBuilder.planUpdate(server(), server(), d, new SaveOptions(true));
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).anyMatch(r -> r.contains("Resetting budget usage"));
    }

    // ---- rate limits ---------------------------------------------------------------------------------------

    @Test
    void clearingOneSubLimitOnV15NeedsTwoRequests() {
        VirtualKey edited = server().withRateLimit(rl("rl-1", null, null, 100L, "1m"));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.V1_5);
        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.requests()).hasSize(2);
        assertJson(plan.requests().get(0).body(), """
                {'name':'alpha','description':'d','is_active':true,'team_id':'team-1','rate_limit':{}}""");
        JsonNode second = plan.requests().get(1).body();
        assertJson(second.get("rate_limit"), """
                {'token_max_limit':null,'token_reset_duration':null,'request_max_limit':100,'request_reset_duration':'1m'}""");
        assertThat(second.get("provider_configs")).hasSize(2);
        assertThat(plan.changes()).anyMatch(c -> c.startsWith("needs two requests") && c.contains("the key's rate limit"));
        assertThat(plan.changes()).contains("changes the key's rate limit to 100 requests per 1m "
                + "(was 1,000 tokens per 1h, 100 requests per 1m)");
    }

    @Test
    void clearingOneSubLimitOnLaterIsOneRequest() {
        VirtualKey edited = server().withRateLimit(rl("rl-1", null, null, 100L, "1m"));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("rate_limit"), """
                {'token_max_limit':null,'token_reset_duration':null,'request_max_limit':100,'request_reset_duration':'1m'}""");
    }

    @Test
    void clearingAProviderConfigSubLimitOnV15TouchesOnlyThatRateLimitFirst() {
        // the anthropic config gains a request limit and loses its token limit; a new config is added too
        ProviderConfig a = anthropic().withRateLimit(rl("rl-13", null, null, 10L, "1m"));
        VirtualKey edited = replacePc(server(), a);
        edited = edited.withProviderConfigs(List.of(edited.providerConfigs().get(0), a, ProviderConfig.newConfig("groq")));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.V1_5);
        assertThat(plan.requests()).hasSize(2);
        JsonNode first = plan.requests().get(0).body();
        assertThat(first.has("rate_limit")).isFalse();
        assertThat(first.has("budgets")).isFalse();
        assertThat(first.has("mcp_configs")).isFalse();
        assertJson(first.get("provider_configs"), """
                [{'id':12,'provider':'openai','weight':0.7,'allowed_models':['gpt-4','gpt-3.5-turbo'],'key_ids':['*']},
                 {'id':13,'provider':'anthropic','weight':null,'allowed_models':['*'],'key_ids':['k-1','k-2'],'rate_limit':{}}]""");
        JsonNode second = plan.requests().get(1).body();
        assertThat(second.get("provider_configs")).hasSize(3);
        assertJson(second.get("provider_configs").get(1).get("rate_limit"), """
                {'token_max_limit':null,'token_reset_duration':null,'request_max_limit':10,'request_reset_duration':'1m'}""");
        assertThat(plan.changes()).anyMatch(c -> c.contains("the rate limit of anthropic (id 13) is removed first"));
    }

    @Test
    void removingTheRateLimitSendsEmptyObject() {
        SavePlan plan = UpdateBuilder.planUpdate(server().withRateLimit(null), server(), Dialect.V1_5);
        JsonNode rl = onlyBody(plan).get("rate_limit");
        assertThat(rl.isObject()).isTrue();
        assertThat(rl).isEmpty();
        assertThat(plan.changes()).containsExactly("removes the key's rate limit");
    }

    @Test
    void noRateLimitOnEitherSideOmitsTheField() {
        VirtualKey s = server().withRateLimit(null);
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(s.withName("z"), s, Dialect.V1_5));
        assertThat(body.has("rate_limit")).isFalse();
        assertThat(body.get("provider_configs").get(0).has("rate_limit")).isFalse();
    }

    @Test
    void addingARateLimitSendsAllFourFields() {
        VirtualKey s = server().withRateLimit(null);
        SavePlan plan = UpdateBuilder.planUpdate(s.withRateLimit(RateLimit.of(null, null, 60L, "1m")), s, Dialect.V1_5);
        assertJson(onlyBody(plan).get("rate_limit"), """
                {'token_max_limit':null,'token_reset_duration':null,'request_max_limit':60,'request_reset_duration':'1m'}""");
        assertThat(plan.changes()).containsExactly("adds a rate limit to the key: 60 requests per 1m");
    }

    // ---- MCP, calendar, expiry, concurrency ---------------------------------------------------------------

    @Test
    void mcpChangesAreDescribedAndIdsKept() {
        VirtualKey edited = server().withMcpConfigs(List.of(new McpConfig(7L, "github", List.of("a", "c")),
                new McpConfig(null, "slack", List.of("post"))));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        assertJson(onlyBody(plan).get("mcp_configs"), """
                [{'id':7,'mcp_client_name':'github','tools_to_execute':['a','c']},
                 {'mcp_client_name':'slack','tools_to_execute':['post']}]""");
        assertThat(plan.changes()).containsExactly("changes tools of MCP client github: adds c, removes b",
                "attaches MCP client slack with tools post", "removes MCP client filesystem");
    }

    @Test
    void reAddedMcpClientReusesTheServerIdToAvoidTheUniqueIndex() {
        VirtualKey edited = server().withMcpConfigs(List.of(new McpConfig(7L, "github", List.of("a", "b")),
                new McpConfig(null, "filesystem", List.of("read"))));
        SavePlan plan = UpdateBuilder.planUpdate(edited, server(), Dialect.V1_5);
        assertThat(onlyBody(plan).get("mcp_configs").get(1).get("id").asLong()).isEqualTo(8);
        assertThat(plan.changes()).containsExactly("restricts tools of MCP client filesystem to read");
    }

    @Test
    void calendarAlignmentChangeIsRefusedOnV15AndSentOnLater() {
        VirtualKey edited = server().withCalendarAligned(true);
        SavePlan v15 = UpdateBuilder.planUpdate(edited, server(), Dialect.V1_5);
        assertThat(v15.requests()).isEmpty();
        assertThat(v15.refusals()).singleElement().asString().contains("calendar alignment");
        SavePlan later = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        assertThat(onlyBody(later).get("calendar_aligned").asBoolean()).isTrue();
    }

    @Test
    void expiryIsLaterOnly() {
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        VirtualKey edited = server().withExpiresAt(at);
        assertThat(onlyBody(UpdateBuilder.planUpdate(edited, server(), Dialect.LATER)).get("expires_at").asText())
                .isEqualTo("2027-01-01T00:00:00Z");
        SavePlan v15 = UpdateBuilder.planUpdate(edited, server(), Dialect.V1_5);
        assertThat(v15.requests()).isEmpty();
        assertThat(v15.refusals()).anyMatch(r -> r.contains("expiry"));
        // clearing an expiry on LATER sends ""
        SavePlan clear = UpdateBuilder.planUpdate(server(), edited, Dialect.LATER);
        assertThat(onlyBody(clear).get("expires_at").asText()).isEmpty();
        assertThat(clear.changes()).containsExactly("removes the key's expiry");
    }

    @Test
    void concurrentServerChangeIsRefusedUnlessOverwriting() {
        VirtualKey newer = new VirtualKey("vk-1", "alpha", "d", "sk", true, "team-1", null, server().budgets(),
                server().rateLimit(), server().providerConfigs(), server().mcpConfigs(), false, null, null,
                UPDATED.plusSeconds(5), null);
        VirtualKey edited = server().withName("beta");
        SavePlan plan = UpdateBuilder.planUpdate(edited, newer, Dialect.LATER);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.refusals()).singleElement().asString().contains("changed on the server");
        SavePlan forced = UpdateBuilder.planUpdate(edited, newer, Dialect.LATER,
                SaveOptions.defaults().withOverwriteConcurrentChanges(true));
        assertThat(forced.requests()).hasSize(1);
    }

    @Test
    void differentKeysAreRejected() {
        VirtualKey other = VirtualKey.newKey("x");
        assertThatThrownBy(() -> UpdateBuilder.planUpdate(other, server(), Dialect.LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void planIsDeterministic() {
        VirtualKey edited = server().withName("b").withProviderConfigs(List.of(anthropic(), ProviderConfig.newConfig("x")));
        SavePlan a = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        SavePlan b = UpdateBuilder.planUpdate(edited, server(), Dialect.LATER);
        assertThat(a.json()).isEqualTo(b.json());
        assertThat(a.changes()).isEqualTo(b.changes());
    }

    @Test
    void blockedModelsAreAlwaysResentOnLaterAndRefusedBefore() {
        ProviderConfig blocked = openai().withBlacklistedModels(List.of("gpt-4-32k"));
        VirtualKey s = replacePc(server(), blocked);
        // a rename must not clear the list (LATER overwrites blacklisted_models on every PUT)
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(s.withName("z"), s, Dialect.LATER));
        assertJson(body.get("provider_configs").get(0).get("blacklisted_models"), "['gpt-4-32k']");
        assertJson(body.get("provider_configs").get(1).get("blacklisted_models"), "[]");
        SavePlan change = UpdateBuilder.planUpdate(replacePc(s, blocked.withBlacklistedModels(List.of("o1"))), s, Dialect.LATER);
        assertThat(change.changes()).containsExactly("changes blocked models of openai (id 12): adds o1, removes gpt-4-32k");
        // older servers have no such field
        JsonNode v15 = onlyBody(UpdateBuilder.planUpdate(server().withName("z"), server(), Dialect.V1_5));
        assertThat(v15.get("provider_configs").get(0).has("blacklisted_models")).isFalse();
        SavePlan refused = UpdateBuilder.planUpdate(s, server(), Dialect.V1_5);
        assertThat(refused.requests()).isEmpty();
        assertThat(refused.refusals()).anyMatch(r -> r.contains("blocks models"));
    }

    @Test
    void duplicateIdsAreRefused() {
        SavePlan pcs = UpdateBuilder.planUpdate(server().withProviderConfigs(List.of(openai(), anthropic(), openai())),
                server(), Dialect.LATER);
        assertThat(pcs.requests()).isEmpty();
        assertThat(pcs.refusals()).anyMatch(r -> r.contains("appears twice"));
        SavePlan mcps = UpdateBuilder.planUpdate(server().withMcpConfigs(List.of(new McpConfig(7L, "github", List.of("*")),
                new McpConfig(7L, "github", List.of("a")))), server(), Dialect.V1_5);
        assertThat(mcps.requests()).isEmpty();
        assertThat(mcps.refusals()).anyMatch(r -> r.contains("appears twice"));
    }

    @Test
    void durationsAreSentTrimmed() {
        VirtualKey edited = server().withBudgets(List.of(budget("b-vk-1d", 100.0, " 1w ", 0)))
                .withRateLimit(rl("rl-1", 1000L, "1h ", 100L, " 1m"));
        JsonNode body = onlyBody(UpdateBuilder.planUpdate(edited, server(), Dialect.LATER));
        assertThat(body.get("budgets").get(0).get("reset_duration").asText()).isEqualTo("1w");
        assertThat(body.get("rate_limit").get("token_reset_duration").asText()).isEqualTo("1h");
        assertThat(body.get("rate_limit").get("request_reset_duration").asText()).isEqualTo("1m");
    }

    @Test
    void pathIsPercentEncoded() {
        assertThat(UpdateBuilder.path("a b/c")).isEqualTo("/api/governance/virtual-keys/a%20b%2Fc");
    }
}
