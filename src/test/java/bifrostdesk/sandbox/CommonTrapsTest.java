package bifrostdesk.sandbox;

import static bifrostdesk.sandbox.Http.j;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Traps shared by the v1.5 and later dialects (REFERENCE §2.6.1–2.6.3, §3), run on LATER here and on V2 by
 * {@link CommonTrapsV2Test}.
 */
class CommonTrapsTest {
    SandboxServer server;
    Http http;
    String checkout;

    Dialect dialect() {
        return Dialect.LATER;
    }

    @BeforeEach
    void start() {
        server = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect()));
        http = new Http(server.baseUrl());
        checkout = server.vkIdByName("checkout-service");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode pcs() {
        return http.getVk(checkout).get("provider_configs");
    }

    private long pcId(String provider) {
        for (JsonNode p : pcs()) {
            if (p.get("provider").asText().equals(provider)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("no pc " + provider);
    }

    @Test
    void pcWithoutKeyIdsLosesAllKeysAndModels() {
        long anthropic = pcId("anthropic");
        assertThat(server.vkJson(checkout).get("provider_configs").get(1).get("allow_all_keys").asBoolean()).isTrue();
        long openai = pcId("openai");
        Resp r = http.putVk(checkout, j("{'team_id':'" + SeedData.TEAM_PLATFORM + "','provider_configs':["
                + "{'id':" + openai + ",'provider':'openai'},{'id':" + anthropic + ",'provider':'anthropic','weight':0.3,"
                + "'allowed_models':['*'],'key_ids':['*']}]}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode o = r.vk().get("provider_configs").get(0);
        assertThat(o.get("allow_all_keys").asBoolean()).isFalse();
        assertThat(o.get("keys")).isEmpty();
        assertThat(o.get("allowed_models")).isEmpty();
        assertThat(o.get("weight").isNull()).isTrue();
        assertThat(o.has("key_ids")).isFalse();
        JsonNode a = r.vk().get("provider_configs").get(1);
        assertThat(a.get("allow_all_keys").asBoolean()).isTrue();
        // budgets and rate limit of an existing pc are unchanged when omitted
        assertThat(o.get("budgets")).hasSize(1);
        assertThat(o.get("rate_limit").get("token_max_limit").asLong()).isEqualTo(500_000);
    }

    @Test
    void explicitKeysAreListedWithoutSecrets() {
        JsonNode openai = pcs().get(0);
        assertThat(openai.get("keys")).hasSize(1);
        JsonNode k = openai.get("keys").get(0);
        assertThat(k.get("key_id").asText()).isEqualTo(SeedData.keyId("openai-prod"));
        assertThat(k.get("name").asText()).isEqualTo("openai-prod");
        assertThat(k.get("provider").asText()).isEqualTo("openai");
        assertThat(k.get("id").isNumber()).isTrue();
        assertThat(k.get("models")).isNotEmpty();
    }

    @Test
    void unlistedProviderConfigIsDeletedWithItsBudgetsAndRateLimit() {
        long openai = pcId("openai");
        String budgetId = pcs().get(0).get("budgets").get(0).get("id").asText();
        String rlId = pcs().get(0).get("rate_limit").get("id").asText();
        long anthropic = pcId("anthropic");
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'id':" + anthropic
                + ",'provider':'anthropic','allowed_models':['*'],'key_ids':['*']}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("provider_configs")).hasSize(1);
        assertThat(http.get("/api/governance/budgets").json().get("budgets").findValuesAsText("id"))
                .doesNotContain(budgetId);
        assertThat(http.get("/api/governance/rate-limits").json().get("rate_limits").findValuesAsText("id"))
                .doesNotContain(rlId);
        assertThat(openai).isNotEqualTo(anthropic);
    }

    @Test
    void resendingWithoutIdCreatesFreshRowWithZeroUsage() {
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','allowed_models':['*'],"
                + "'key_ids':['*'],'budgets':[{'max_limit':500,'reset_duration':'1M'}]}]}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode pc = r.vk().get("provider_configs").get(0);
        assertThat(pc.get("id").asLong()).isNotIn(1L, 2L);
        assertThat(pc.get("budgets").get(0).get("current_usage").asDouble()).isZero();
    }

    @Test
    void foreignProviderConfigIdIs500() {
        String other = server.vkIdByName("support-bot");
        long foreign = server.vkJson(other).get("provider_configs").get(0).get("id").asLong();
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'id':" + foreign + ",'provider':'anthropic'}]}"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).contains("provider config " + foreign + " does not belong to this virtual key");
        assertThat(r.json().get("is_bifrost_error").asBoolean()).isFalse();
        assertThat(r.json().get("status_code").asInt()).isEqualTo(500);
        assertThat(r.json().has("extra_fields")).isTrue();
    }

    @Test
    void unknownKeyIdsAre500AndNothingChanges() {
        String before = server.vkJson(checkout).toString();
        Resp r = http.putVk(checkout, j("{'description':'changed','provider_configs':[{'provider':'openai',"
                + "'key_ids':['" + SeedData.keyId("openai-prod") + "','nope']}]}"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).contains("some keys not found for provider openai: expected 2, found 1");
        assertThat(server.vkJson(checkout).toString()).isEqualTo(before);
    }

    @Test
    void keysOfAnotherProviderAreAccepted() {
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','allowed_models':['*'],"
                + "'key_ids':['" + SeedData.keyId("azure-eastus") + "']}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("provider_configs").get(0).get("keys").get(0).get("provider").asText()).isEqualTo("azure");
    }

    @Test
    void unknownProviderIs400() {
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'provider':'mistral'}]}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("invalid provider name: mistral");
    }

    @Test
    void whitelistRules() {
        Resp wildcard = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','allowed_models':['*','gpt-4o']}]}"));
        assertThat(wildcard.status()).isEqualTo(400);
        assertThat(wildcard.message()).contains("wildcard '*' cannot be used with other values");
        Resp dup = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','allowed_models':['GPT-4o','gpt-4o']}]}"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.message()).contains("duplicate value 'gpt-4o' in whitelist");
    }

    @Test
    void mcpExistingIdUpdatesOnlyTools() {
        long id = server.vkJson(checkout).get("mcp_configs").get(0).get("id").asLong();
        Resp r = http.putVk(checkout, j("{'mcp_configs':[{'id':" + id
                + ",'mcp_client_name':'filesystem','tools_to_execute':['search_code']}]}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode m = r.vk().get("mcp_configs").get(0);
        assertThat(m.get("mcp_client").get("name").asText()).isEqualTo("github");
        assertThat(m.get("tools_to_execute").get(0).asText()).isEqualTo("search_code");
        assertThat(m.get("mcp_client").get("connection_string").asText()).startsWith("https://");
        assertThat(m.get("mcp_client").get("headers").get("Authorization").asText()).startsWith("Bearer ");
    }

    @Test
    void mcpReAddWithoutIdIs400AlreadyExists() {
        Resp r = http.putVk(checkout, j("{'mcp_configs':[{'mcp_client_name':'github','tools_to_execute':['*']}]}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("already exists");
        assertThat(server.vkJson(checkout).get("mcp_configs").get(0).get("tools_to_execute")).hasSize(2);
    }

    @Test
    void mcpDuplicateAndUnknownNames() {
        Resp dup = http.putVk(checkout, j("{'mcp_configs':[{'mcp_client_name':'filesystem','tools_to_execute':['*']},"
                + "{'mcp_client_name':'filesystem','tools_to_execute':[]}]}"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.message()).contains("duplicate mcp_client_name: filesystem");
        Resp unknown = http.putVk(checkout, j("{'mcp_configs':[{'mcp_client_name':'slack','tools_to_execute':['*']}]}"));
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unknown.message()).contains("failed to get MCP client");
    }

    @Test
    void mcpUnlistedIsDeleted() {
        Resp r = http.putVk(checkout, j("{'mcp_configs':[]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("mcp_configs")).isEmpty();
    }

    @Test
    void budgetLimitValidation() {
        Resp negative = http.putVk(checkout, j("{'budgets':[{'max_limit':-1,'reset_duration':'1d'}]}"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.message()).contains("Budget max_limit cannot be negative");
        Resp zero = http.putVk(checkout, j("{'budgets':[{'max_limit':0,'reset_duration':'1d'}]}"));
        assertThat(zero.status()).isEqualTo(500);
        assertThat(zero.message()).contains("budget max limit cannot be negative or zero: 0.00");
        Resp pcZero = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','budgets':[{'max_limit':0,"
                + "'reset_duration':'1d'}]}]}"));
        assertThat(pcZero.status()).isEqualTo(500);
        assertThat(server.vkJson(checkout).get("budgets")).hasSize(2);
    }

    @Test
    void budgetDurationValidation() {
        for (String bad : List.of("1D", "1y", "1mo", "5", "")) {
            Resp r = http.putVk(checkout, j("{'budgets':[{'max_limit':5,'reset_duration':'" + bad + "'}]}"));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.message()).isEqualTo("Invalid reset duration format: " + bad);
        }
        for (String good : List.of("30s", "5m", "1h", "1h30m", "1.5d", "1w", "1M", "1Y")) {
            Resp r = http.putVk(checkout, j("{'budgets':[{'max_limit':5,'reset_duration':'" + good + "'}]}"));
            assertThat(r.status()).as(good).isEqualTo(200);
        }
        Resp dup = http.putVk(checkout, j("{'budgets':[{'max_limit':5,'reset_duration':'1d'},"
                + "{'max_limit':6,'reset_duration':'1d'}]}"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.message()).isEqualTo("Duplicate reset_duration in budgets: 1d");
    }

    @Test
    void rateLimitValidationIs500() {
        Resp r = http.putVk(checkout, j("{'rate_limit':{'token_max_limit':0,'token_reset_duration':'1h'}}"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).contains("rate limit token max limit cannot be negative or zero");
        Resp noDur = http.putVk(server.vkIdByName("support-bot"), j("{'rate_limit':{'request_max_limit':10}}"));
        assertThat(noDur.status()).isEqualTo(500);
        assertThat(noDur.message()).contains("rate limit request reset duration is required");
        Resp badDur = http.putVk(checkout, j("{'rate_limit':{'request_max_limit':10,'request_reset_duration':'1x'}}"));
        assertThat(badDur.status()).isEqualTo(500);
    }

    @Test
    void teamAndCustomerTogetherIs400() {
        Resp r = http.putVk(checkout, j("{'team_id':'" + SeedData.TEAM_PLATFORM + "','customer_id':'"
                + SeedData.CUSTOMER_ACME + "'}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo(dialect() == Dialect.V2
                ? "VirtualKey cannot be attached to more than one of Team, Customer or Business Unit"
                : "VirtualKey cannot be attached to both Team and Customer");
    }

    @Test
    void missingVkIs404() {
        assertThat(http.putVk("nope", "{}").status()).isEqualTo(404);
        Resp g = http.get("/api/governance/virtual-keys/nope");
        assertThat(g.status()).isEqualTo(404);
        assertThat(g.message()).isEqualTo("Virtual key not found");
        assertThat(http.delete("/api/governance/virtual-keys/nope").status()).isEqualTo(404);
    }

    @Test
    void invalidJsonIs400() {
        Resp r = http.putVk(checkout, "{not json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Invalid JSON");
    }

    @Test
    void createRequiresNameAndAnswers200WithValue() {
        Resp none = http.post("/api/governance/virtual-keys", j("{'description':'x'}"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.message()).isEqualTo("Virtual key name is required");
        Resp ok = http.post("/api/governance/virtual-keys", j("{'name':'new-key','provider_configs':[{'provider':"
                + "'openai','weight':0.7,'allowed_models':['gpt-4o'],'key_ids':['*'],'budgets':[{'max_limit':500,"
                + "'reset_duration':'1M'}],'rate_limit':{'token_max_limit':1000,'token_reset_duration':'1h'}}],"
                + "'budgets':[{'max_limit':1000,'reset_duration':'1M'}]}"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("message").asText()).isEqualTo("Virtual key created successfully");
        JsonNode vk = ok.vk();
        assertThat(vk.get("value").asText()).startsWith("sk-bf-");
        assertThat(vk.get("is_active").asBoolean()).isTrue();
        assertThat(vk.get("provider_configs").get(0).get("allow_all_keys").asBoolean()).isTrue();
        assertThat(vk.get("provider_configs").get(0).get("budgets")).hasSize(1);
        assertThat(server.vkIdByName("new-key")).isEqualTo(vk.get("id").asText());
        assertThat(http.delete("/api/governance/virtual-keys/" + vk.get("id").asText()).json().get("message").asText())
                .isEqualTo("Virtual key deleted successfully");
        assertThat(server.vkIdByName("new-key")).isNull();
    }

    @Test
    void vkWithoutBudgetsOmitsTheField() {
        JsonNode vk = server.vkJson(server.vkIdByName("marketing-assistant"));
        assertThat(vk.has("budgets")).isFalse();
        assertThat(vk.get("provider_configs")).isEmpty();
        assertThat(server.vkJson(checkout).get("team").get("name").asText()).isEqualTo("Platform");
        assertThat(server.vkJson(server.vkIdByName("support-bot")).get("customer").get("name").asText())
                .isEqualTo("Globex");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"V1_5", "LATER", "V2"})
    void singularBudgetIsIgnored(Dialect d) {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withDialect(d))) {
            Http h = new Http(s.baseUrl());
            String id = s.vkIdByName("support-bot");
            Resp r = h.putVk(id, j("{'customer_id':'" + SeedData.CUSTOMER_GLOBEX
                    + "','budget':{'max_limit':9,'reset_duration':'1d'}}"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.vk().get("budgets")).hasSize(1);
            assertThat(r.vk().get("budgets").get(0).get("reset_duration").asText()).isEqualTo("1w");
            assertThat(r.vk().has("budget")).isFalse();
        }
    }

    @Test
    void updatedAtBumpsOnEveryPut() throws InterruptedException {
        String before = server.vkJson(checkout).get("updated_at").asText();
        Resp r = http.putVk(checkout, j("{'team_id':'" + SeedData.TEAM_PLATFORM + "'}"));
        assertThat(r.vk().get("updated_at").asText()).isNotEqualTo(before);
        String mid = r.vk().get("updated_at").asText();
        Resp r2 = http.putVk(checkout, "{}");
        assertThat(r2.vk().get("updated_at").asText()).isNotEqualTo(mid);
    }

    @Test
    void failAfterCommitLeavesChangeStored() {
        server.failNextUpdateAfterCommit();
        Resp r = http.putVk(checkout, j("{'description':'committed anyway'}"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("Virtual key updated in database but failed to reload in-memory state");
        assertThat(http.getVk(checkout).get("description").asText()).isEqualTo("committed anyway");
        assertThat(http.putVk(checkout, j("{'description':'again'}")).status()).isEqualTo(200);
    }

    @Test
    void failNextRequestsChangesNothing() {
        server.failNextRequests(2, 503);
        Resp a = http.putVk(checkout, j("{'description':'nope'}"));
        Resp b = http.get("/api/governance/virtual-keys");
        assertThat(a.status()).isEqualTo(503);
        assertThat(b.status()).isEqualTo(503);
        assertThat(a.json().get("status_code").asInt()).isEqualTo(503);
        assertThat(a.message()).isNotEmpty();
        assertThat(http.getVk(checkout).get("description").asText()).isEqualTo("Payments checkout flow");
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void setUsageIsVisible() {
        String budget = server.vkBudgetIds(checkout).get(0);
        server.setUsage(budget, 77.5);
        List<Double> usage = new ArrayList<>();
        http.getVk(checkout).get("budgets").forEach(b -> usage.add(b.get("current_usage").asDouble()));
        assertThat(usage).contains(77.5);
    }
}
