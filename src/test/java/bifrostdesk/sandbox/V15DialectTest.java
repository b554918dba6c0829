package bifrostdesk.sandbox;

import static bifrostdesk.sandbox.Http.j;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v1.5.0-prerelease7 behaviour (REFERENCE baseline A). */
class V15DialectTest {
    SandboxServer server;
    Http http;
    String checkout;

    @BeforeEach
    void start() {
        server = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V1_5));
        http = new Http(server.baseUrl());
        checkout = server.vkIdByName("checkout-service");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode budget(JsonNode vk, String dur) {
        for (JsonNode b : vk.get("budgets")) {
            if (b.get("reset_duration").asText().equals(dur)) {
                return b;
            }
        }
        return null;
    }

    @Test
    void versionString() {
        assertThat(http.get("/api/version").json().asText()).isEqualTo("v1.5.0-prerelease7");
        assertThat(server.dialect()).isEqualTo(Dialect.V1_5);
    }

    @Test
    void budgetsReconciledByDuration() {
        JsonNode before = http.getVk(checkout);
        JsonNode day = budget(before, "1d");
        Resp r = http.putVk(checkout, j("{'team_id':'" + SeedData.TEAM_PLATFORM + "','budgets':["
                + "{'max_limit':75,'reset_duration':'1d'},{'max_limit':10,'reset_duration':'1h'}]}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode after = r.vk();
        JsonNode day2 = budget(after, "1d");
        assertThat(day2.get("id").asText()).isEqualTo(day.get("id").asText());
        assertThat(day2.get("max_limit").asDouble()).isEqualTo(75);
        assertThat(day2.get("current_usage").asDouble()).isEqualTo(42);
        assertThat(day2.get("last_reset").asText()).isEqualTo(day.get("last_reset").asText());
        assertThat(budget(after, "1h").get("current_usage").asDouble()).isZero();
        assertThat(budget(after, "1M")).isNull(); // unlisted → deleted
        assertThat(http.put("/api/governance/virtual-keys/" + checkout, j("{'budgets':[]}")).vk().has("budgets"))
                .isFalse();
    }

    @Test
    void budgetIdIsIgnoredAndDurationChangeLosesUsage() {
        JsonNode day = budget(http.getVk(checkout), "1d");
        Resp r = http.putVk(checkout, j("{'budgets':[{'id':'" + day.get("id").asText()
                + "','max_limit':50,'reset_duration':'2d'}]}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode b = r.vk().get("budgets").get(0);
        assertThat(b.get("id").asText()).isNotEqualTo(day.get("id").asText());
        assertThat(b.get("current_usage").asDouble()).isZero();
    }

    @Test
    void omittingBothOwnersDetaches() {
        Resp r = http.putVk(checkout, j("{'description':'only this'}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().has("team_id")).isFalse();
        assertThat(r.vk().has("team")).isFalse();
        Resp n = http.putVk(server.vkIdByName("support-bot"), j("{'team_id':null}"));
        assertThat(n.vk().has("customer_id")).isFalse();
    }

    @Test
    void emptyTeamIdIsStoredDangling() {
        Resp r = http.putVk(checkout, j("{'team_id':''}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("team_id").asText()).isEmpty();
        assertThat(r.vk().has("team")).isFalse();
    }

    @Test
    void settingCustomerClearsTeam() {
        Resp r = http.putVk(checkout, j("{'customer_id':'" + SeedData.CUSTOMER_ACME + "'}"));
        assertThat(r.vk().get("customer_id").asText()).isEqualTo(SeedData.CUSTOMER_ACME);
        assertThat(r.vk().has("team_id")).isFalse();
    }

    @Test
    void rateLimitMergesAndNullKeeps() {
        Resp r = http.putVk(checkout, j("{'team_id':'" + SeedData.TEAM_PLATFORM + "','rate_limit':{"
                + "'token_max_limit':5,'token_reset_duration':null,'request_max_limit':null,'request_reset_duration':null}}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode rl = r.vk().get("rate_limit");
        assertThat(rl.get("token_max_limit").asLong()).isEqualTo(5);
        assertThat(rl.get("token_reset_duration").asText()).isEqualTo("1h");
        assertThat(rl.get("request_max_limit").asLong()).isEqualTo(1000);
        assertThat(rl.get("token_current_usage").asLong()).isEqualTo(333_333);
    }

    @Test
    void emptyRateLimitRemoves() {
        Resp r = http.putVk(checkout, j("{'rate_limit':{}}"));
        assertThat(r.vk().has("rate_limit")).isFalse();
        assertThat(r.vk().has("rate_limit_id")).isFalse();
        Resp r2 = http.putVk(server.vkIdByName("mobile-app"), j("{'rate_limit':{'token_max_limit':null,"
                + "'token_reset_duration':null,'request_max_limit':null,'request_reset_duration':null}}"));
        assertThat(r2.vk().has("rate_limit")).isFalse();
    }

    @Test
    void calendarAlignedIsNotPersistedOnPut() {
        Resp r = http.putVk(checkout, j("{'calendar_aligned':true,'budgets':[{'max_limit':5,'reset_duration':'1w'}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("calendar_aligned").asBoolean()).isFalse();
        assertThat(r.vk().get("budgets").get(0).get("calendar_aligned").asBoolean()).isTrue();
    }

    @Test
    void duplicateNameCreate500Update400() {
        Resp c = http.post("/api/governance/virtual-keys", j("{'name':'support-bot'}"));
        assertThat(c.status()).isEqualTo(500);
        assertThat(c.message()).contains("a record with this name already exists. Please use a different value");
        Resp u = http.putVk(checkout, j("{'name':'support-bot'}"));
        assertThat(u.status()).isEqualTo(400);
        assertThat(u.message()).contains("a record with this name already exists");
    }

    @Test
    void zeroDurationPassesHandlerButFailsSave() {
        Resp r = http.putVk(checkout, j("{'budgets':[{'max_limit':5,'reset_duration':'0d'}]}"));
        assertThat(r.status()).isEqualTo(500);
    }

    @Test
    void resetBudgetUsageAndExpiresAtAreUnknownFields() {
        Resp r = http.putVk(checkout, j("{'team_id':'" + SeedData.TEAM_PLATFORM
                + "','reset_budget_usage':true,'expires_at':'2000-01-01T00:00:00Z'}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(budget(r.vk(), "1d").get("current_usage").asDouble()).isEqualTo(42);
        assertThat(r.vk().has("expires_at")).isFalse();
    }

    @Test
    void noBlacklistedModelsInThisVersion() {
        assertThat(http.getVk(checkout).get("provider_configs").get(0).has("blacklisted_models")).isFalse();
    }

    @Test
    void keyEndpointsExist() {
        JsonNode keys = http.get("/api/providers/openai/keys").json();
        assertThat(keys.get("total").asInt()).isEqualTo(3);
        assertThat(keys.get("keys").get(0).get("value").get("value").asText()).contains("****");
        assertThat(http.get("/api/keys").json().isArray()).isTrue();
    }
}
