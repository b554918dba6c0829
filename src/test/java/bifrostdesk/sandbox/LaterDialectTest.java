package bifrostdesk.sandbox;

import static bifrostdesk.sandbox.Http.j;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Later (v1.5.2+ / v2.x) behaviour (REFERENCE baselines B and C). */
class LaterDialectTest {
    SandboxServer server;
    Http http;
    String checkout;

    @BeforeEach
    void start() {
        server = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.LATER));
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
        assertThat(http.get("/api/version").json().asText()).isEqualTo("v1.6.10");
    }

    @Test
    void budgetMatchedByIdMayChangeDurationKeepingUsage() {
        JsonNode day = budget(http.getVk(checkout), "1d");
        JsonNode month = budget(http.getVk(checkout), "1M");
        Resp r = http.putVk(checkout, j("{'budgets':[{'id':'" + day.get("id").asText()
                + "','max_limit':80,'reset_duration':'2d'},{'max_limit':1000,'reset_duration':'1M'}]}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode two = budget(r.vk(), "2d");
        assertThat(two.get("id").asText()).isEqualTo(day.get("id").asText());
        assertThat(two.get("current_usage").asDouble()).isEqualTo(42);
        assertThat(two.get("max_limit").asDouble()).isEqualTo(80);
        assertThat(budget(r.vk(), "1M").get("id").asText()).isEqualTo(month.get("id").asText());
    }

    @Test
    void unknownBudgetIdIs400() {
        Resp r = http.putVk(checkout, j("{'budgets':[{'id':'b-x','max_limit':8,'reset_duration':'1d'}]}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("budget b-x does not belong to this entity");
    }

    @Test
    void newBudgetInheritsUsageFromClosestShorter() {
        Resp r = http.putVk(checkout, j("{'budgets':[{'max_limit':50,'reset_duration':'1d'},"
                + "{'max_limit':1000,'reset_duration':'1M'},{'max_limit':300,'reset_duration':'1w'},"
                + "{'max_limit':5,'reset_duration':'1h'}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(budget(r.vk(), "1w").get("current_usage").asDouble()).isEqualTo(42); // from 1d
        assertThat(budget(r.vk(), "1h").get("current_usage").asDouble()).isZero(); // nothing shorter
        assertThat(budget(r.vk(), "1M").get("current_usage").asDouble()).isEqualTo(640);
    }

    @Test
    void resetBudgetUsageZeroesAllBudgetsKeepingLastReset() {
        JsonNode before = http.getVk(checkout);
        String lastReset = budget(before, "1d").get("last_reset").asText();
        Resp r = http.putVk(checkout, j("{'reset_budget_usage':true,'budgets':[{'max_limit':50,'reset_duration':'1d'},"
                + "{'max_limit':1000,'reset_duration':'1M'},{'max_limit':300,'reset_duration':'1w'}]}"));
        assertThat(r.status()).isEqualTo(200);
        r.vk().get("budgets").forEach(b -> assertThat(b.get("current_usage").asDouble()).isZero());
        assertThat(budget(r.vk(), "1d").get("last_reset").asText()).isEqualTo(lastReset);
        assertThat(r.vk().get("provider_configs").get(0).get("budgets").get(0).get("current_usage").asDouble()).isZero();
    }

    @Test
    void ownershipIsPresenceAware() {
        Resp absent = http.putVk(checkout, j("{'description':'x'}"));
        assertThat(absent.vk().get("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
        Resp cleared = http.putVk(checkout, j("{'team_id':null}"));
        assertThat(cleared.vk().has("team_id")).isFalse();
        String support = server.vkIdByName("support-bot");
        Resp empty = http.putVk(support, j("{'customer_id':''}"));
        assertThat(empty.vk().has("customer_id")).isFalse();
        Resp set = http.putVk(support, j("{'team_id':'" + SeedData.TEAM_SUPPORT + "'}"));
        assertThat(set.vk().get("team").get("name").asText()).isEqualTo("Support");
    }

    @Test
    void rateLimitIsReplacedWhole() {
        Resp r = http.putVk(checkout, j("{'rate_limit':{'token_max_limit':5,'token_reset_duration':'1h'}}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode rl = r.vk().get("rate_limit");
        assertThat(rl.get("token_max_limit").asLong()).isEqualTo(5);
        assertThat(rl.has("request_max_limit")).isFalse();
        assertThat(rl.has("request_reset_duration")).isFalse();
        assertThat(http.putVk(checkout, j("{'rate_limit':{}}")).vk().has("rate_limit")).isFalse();
    }

    @Test
    void expiresAt() {
        Resp past = http.putVk(checkout, j("{'expires_at':'2001-01-01T00:00:00Z'}"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.message()).isEqualTo("expires_at must be a future timestamp");
        String future = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Resp ok = http.putVk(checkout, j("{'expires_at':'" + future + "'}"));
        assertThat(ok.vk().get("expires_at").asText()).isEqualTo(future);
        assertThat(http.putVk(checkout, j("{'description':'y'}")).vk().get("expires_at").asText()).isEqualTo(future);
        assertThat(http.putVk(checkout, j("{'expires_at':''}")).vk().has("expires_at")).isFalse();
    }

    @Test
    void zeroDurationIs400() {
        Resp r = http.putVk(checkout, j("{'budgets':[{'max_limit':5,'reset_duration':'0d'}]}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Invalid reset duration (must be a positive duration)");
    }

    @Test
    void duplicateNameIs409() {
        Resp c = http.post("/api/governance/virtual-keys", j("{'name':'support-bot'}"));
        assertThat(c.status()).isEqualTo(409);
        assertThat(c.message()).isEqualTo("A virtual key with this name already exists");
        assertThat(http.putVk(checkout, j("{'name':'support-bot'}")).status()).isEqualTo(409);
        assertThat(http.putVk(checkout, j("{'name':'checkout-service'}")).status()).isEqualTo(200);
    }

    @Test
    void blacklistedModelsAreOverwrittenAndValidated() {
        Resp r = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','allowed_models':['*'],"
                + "'key_ids':['*'],'blacklisted_models':['o3-mini']}]}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("provider_configs").get(0).get("blacklisted_models").get(0).asText()).isEqualTo("o3-mini");
        long id = r.vk().get("provider_configs").get(0).get("id").asLong();
        Resp cleared = http.putVk(checkout, j("{'provider_configs':[{'id':" + id + ",'provider':'openai'}]}"));
        assertThat(cleared.vk().get("provider_configs").get(0).get("blacklisted_models")).isEmpty();
        Resp bad = http.putVk(checkout, j("{'provider_configs':[{'provider':'openai','blacklisted_models':['*','x']}]}"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void concurrentPutsAreSerialised() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                fs.add(pool.submit(() -> http.putVk(checkout, j("{'budgets':[{'max_limit':" + (n + 1)
                        + ",'reset_duration':'1d'}]}")).status()));
            }
            for (java.util.concurrent.Future<Integer> f : fs) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode vk = http.getVk(checkout);
        assertThat(vk.get("budgets")).hasSize(1);
        assertThat(vk.get("budgets").get(0).get("current_usage").asDouble()).isEqualTo(42);
    }

    @Test
    void calendarAlignedPersists() {
        assertThat(http.putVk(checkout, j("{'calendar_aligned':true}")).vk().get("calendar_aligned").asBoolean())
                .isTrue();
    }

    @Test
    void configHashIsExposed() {
        assertThat(server.vkJson(server.vkIdByName("config-managed-gateway")).get("config_hash").asText())
                .isNotEmpty();
        assertThat(server.vkJson(checkout).has("config_hash")).isFalse();
    }
}
