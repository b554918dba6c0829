package bifrostdesk.sandbox;

import static bifrostdesk.sandbox.Http.j;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v1.4.x shape and meaning (REFERENCE §10, the legacy PUT doc page). */
class LegacyDialectTest {
    SandboxServer server;
    Http http;
    String checkout;

    @BeforeEach
    void start() {
        server = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.LEGACY));
        http = new Http(server.baseUrl());
        checkout = server.vkIdByName("checkout-service");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shapeHasSingularBudgetAndEmptyMeansAll() {
        assertThat(http.get("/api/version").json().asText()).isEqualTo("v1.4.23");
        JsonNode vk = http.getVk(checkout);
        assertThat(vk.has("budgets")).isFalse();
        assertThat(vk.get("budget_id").asText()).isEqualTo(vk.get("budget").get("id").asText());
        assertThat(vk.has("calendar_aligned")).isFalse();
        JsonNode anthropic = vk.get("provider_configs").get(1);
        assertThat(anthropic.has("allow_all_keys")).isFalse();
        assertThat(anthropic.get("keys")).isEmpty();
        assertThat(anthropic.get("allowed_models")).isEmpty(); // seeded "*" reads as [] here
        JsonNode openai = vk.get("provider_configs").get(0);
        assertThat(openai.get("budget").get("reset_duration").asText()).isEqualTo("1M");
        assertThat(openai.has("budgets")).isFalse();
    }

    @Test
    void budgetUpdateObject() {
        Resp upd = http.putVk(checkout, j("{'team_id':'" + SeedData.TEAM_PLATFORM + "','budget':{'max_limit':99}}"));
        assertThat(upd.status()).isEqualTo(200);
        assertThat(upd.vk().get("budget").get("max_limit").asDouble()).isEqualTo(99);
        assertThat(upd.vk().get("budget").get("reset_duration").asText()).isEqualTo("1d");
        assertThat(upd.vk().get("budget").get("current_usage").asDouble()).isEqualTo(42);
        Resp removed = http.putVk(checkout, j("{'budget':{}}"));
        assertThat(removed.vk().has("budget")).isFalse();
        assertThat(removed.vk().has("budget_id")).isFalse();
        Resp partial = http.putVk(checkout, j("{'budget':{'max_limit':10}}"));
        assertThat(partial.status()).isEqualTo(400);
        Resp created = http.putVk(checkout, j("{'budget':{'max_limit':10,'reset_duration':'1w'}}"));
        assertThat(created.vk().get("budget").get("current_usage").asDouble()).isZero();
    }

    @Test
    void budgetsArrayIsIgnored() {
        Resp r = http.putVk(checkout, j("{'budgets':[{'max_limit':1,'reset_duration':'1h'}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("budget").get("reset_duration").asText()).isEqualTo("1d");
        assertThat(r.vk().has("budgets")).isFalse();
    }

    @Test
    void allowedKeysEmptyMeansAllAndKeyIdsAreIgnored() {
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','weight':1,"
                + "'key_ids':['" + SeedData.keyId("openai-prod") + "']},{'provider':'anthropic','weight':1,"
                + "'allowed_keys':['" + SeedData.keyId("anthropic-dev") + "'],'allowed_models':['claude-3-5-haiku']}]}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode o = r.vk().get("provider_configs").get(0);
        assertThat(o.get("keys")).isEmpty();
        assertThat(o.get("allowed_models")).isEmpty();
        JsonNode a = r.vk().get("provider_configs").get(1);
        assertThat(a.get("keys")).hasSize(1);
        assertThat(a.get("keys").get(0).get("name").asText()).isEqualTo("anthropic-dev");
    }

    @Test
    void weightIsRequired() {
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai'}]}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("weight is required");
    }

    @Test
    void emptyProviderConfigsAndToolsAreAccepted() {
        Resp r = http.putVk(checkout, j("{'provider_configs':[],'mcp_configs':[{'mcp_client_name':'filesystem',"
                + "'tools_to_execute':[]}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("provider_configs")).isEmpty();
        assertThat(r.vk().get("mcp_configs")).hasSize(1);
        assertThat(r.vk().get("mcp_configs").get(0).get("tools_to_execute")).isEmpty();
    }

    @Test
    void rateLimitMerges() {
        Resp r = http.putVk(checkout, j("{'rate_limit':{'request_max_limit':7}}"));
        assertThat(r.vk().get("rate_limit").get("request_max_limit").asLong()).isEqualTo(7);
        assertThat(r.vk().get("rate_limit").get("token_max_limit").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void omittingBothOwnersDetaches() {
        assertThat(http.putVk(checkout, j("{'description':'z'}")).vk().has("team_id")).isFalse();
    }

    @Test
    void providerKeysOnlyInsideProviderDetail() {
        assertThat(http.get("/api/providers/openai/keys").status()).isEqualTo(404);
        assertThat(http.get("/api/keys").status()).isEqualTo(404);
        JsonNode p = http.get("/api/providers/openai").json();
        assertThat(p.get("keys")).hasSize(3);
        assertThat(p.get("keys").get(0).get("id").asText()).isEqualTo(SeedData.keyId("openai-prod"));
    }

    @Test
    void createWithSingularBudget() {
        Resp r = http.post("/api/governance/virtual-keys", j("{'name':'legacy-new','budget':{'max_limit':5,"
                + "'reset_duration':'1d'},'provider_configs':[{'provider':'azure','weight':1}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("budget").get("max_limit").asDouble()).isEqualTo(5);
        assertThat(r.vk().get("provider_configs").get(0).get("keys")).isEmpty();
    }
}
