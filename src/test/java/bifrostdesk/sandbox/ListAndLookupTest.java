package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListAndLookupTest {
    static SandboxServer server;
    static Http http;
    static final String LIST = "/api/governance/virtual-keys";

    @BeforeAll
    static void start() {
        // the eight classic keys; V2 adds its own (V2SeedTest)
        server = SandboxServer.start(SandboxOptions.defaults().withDialect(bifrostdesk.virtualkey.model.Dialect.LATER));
        http = new Http(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> names(Resp r) {
        List<String> out = new ArrayList<>();
        r.json().get("virtual_keys").forEach(v -> out.add(v.get("name").asText()));
        return out;
    }

    @Test
    void unpaginatedReturnsAllByCreation() {
        Resp r = http.get(LIST);
        assertThat(r.json().get("count").asInt()).isEqualTo(8);
        assertThat(r.json().get("limit").asInt()).isEqualTo(8);
        assertThat(r.json().get("offset").asInt()).isZero();
        assertThat(names(r).get(0)).isEqualTo("checkout-service");
    }

    @Test
    void paginationAndClamping() {
        Resp r = http.get(LIST + "?limit=3&offset=2");
        assertThat(r.json().get("count").asInt()).isEqualTo(3);
        assertThat(r.json().get("total_count").asInt()).isEqualTo(8);
        assertThat(names(r).get(0)).isEqualTo("analytics-batch");
        assertThat(http.get(LIST + "?limit=0").json().get("limit").asInt()).isEqualTo(25);
        assertThat(http.get(LIST + "?limit=500").json().get("limit").asInt()).isEqualTo(100);
        assertThat(http.get(LIST + "?limit=500&export=true").json().get("limit").asInt()).isEqualTo(500);
        Resp bad = http.get(LIST + "?limit=abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).isEqualTo("Invalid limit parameter: must be a number");
        Resp neg = http.get(LIST + "?offset=-1");
        assertThat(neg.status()).isEqualTo(400);
        assertThat(neg.message()).isEqualTo("Invalid offset parameter: must be non-negative");
    }

    @Test
    void searchAndOwnerFiltersOr() {
        assertThat(names(http.get(LIST + "?search=BOT"))).containsExactly("support-bot");
        assertThat(names(http.get(LIST + "?team_id=" + SeedData.TEAM_PLATFORM)))
                .containsExactly("checkout-service", "mobile-app");
        assertThat(names(http.get(LIST + "?team_id=" + SeedData.TEAM_PLATFORM + "&customer_id="
                + SeedData.CUSTOMER_GLOBEX))).containsExactly("checkout-service", "support-bot", "mobile-app");
    }

    @Test
    void sorting() {
        List<String> byName = names(http.get(LIST + "?sort_by=name&order=asc"));
        assertThat(byName).isSorted();
        assertThat(names(http.get(LIST + "?sort_by=name&order=desc")).get(0)).isEqualTo("support-bot");
        assertThat(names(http.get(LIST + "?sort_by=budget_spent&order=desc")).get(0)).isEqualTo("checkout-service");
        assertThat(names(http.get(LIST + "?sort_by=status")).get(0)).isEqualTo("legacy-integration");
    }

    @Test
    void lookups() {
        JsonNode providers = http.get("/api/providers").json();
        assertThat(providers.get("total").asInt()).isEqualTo(3);
        assertThat(providers.get("providers").findValuesAsText("name")).containsExactly("anthropic", "azure", "openai");
        assertThat(providers.get("providers").get(0).get("provider_status").asText()).isEqualTo("active");
        assertThat(http.get("/api/providers/nope").status()).isEqualTo(404);
        JsonNode keys = http.get("/api/keys").json();
        assertThat(keys).hasSize(7);
        assertThat(keys.get(0).get("key_id").asText()).hasSize(36);
        assertThat(keys.get(0).get("value").get("value").asText()).hasSize(32).contains("*".repeat(24));
        JsonNode clients = http.get("/api/mcp/clients").json();
        assertThat(clients.get("clients")).hasSize(2);
        JsonNode gh = clients.get("clients").get(0);
        assertThat(gh.get("config").get("name").asText()).isEqualTo("github");
        assertThat(gh.get("config").get("connection_string").get("value").asText()).contains("****");
        assertThat(gh.get("tools").size()).isBetween(4, 6);
        JsonNode teams = http.get("/api/governance/teams").json();
        assertThat(teams.get("teams")).hasSize(3);
        assertThat(http.get("/api/governance/teams?customer_id=" + SeedData.CUSTOMER_ACME).json().get("teams"))
                .hasSize(1);
        assertThat(http.get("/api/governance/teams/" + SeedData.TEAM_PLATFORM).json().get("team").get("customer")
                .get("name").asText()).isEqualTo("Acme Corp");
        assertThat(http.get("/api/governance/customers").json().get("customers")).hasSize(2);
        assertThat(http.get("/api/governance/customers/" + SeedData.CUSTOMER_ACME).json().get("customer").get("name")
                .asText()).isEqualTo("Acme Corp");
        JsonNode budgets = http.get("/api/governance/budgets").json();
        assertThat(budgets.get("count").asInt()).isEqualTo(budgets.get("budgets").size()).isGreaterThan(5);
        assertThat(budgets.get("budgets").findValues("provider_config_id")).isNotEmpty();
        assertThat(budgets.get("budgets").findValues("team_id")).isNotEmpty();
        assertThat(http.get("/api/governance/rate-limits").json().get("rate_limits").size()).isGreaterThan(3);
    }

    @Test
    void seedCoversEditorCases() {
        List<Double> shares = new ArrayList<>();
        http.get("/api/governance/budgets").json().get("budgets")
                .forEach(b -> shares.add(b.get("current_usage").asDouble() / b.get("max_limit").asDouble()));
        assertThat(shares).anyMatch(s -> s >= 0.8 && s <= 1.0).anyMatch(s -> s > 1.0);
        JsonNode legacy = server.vkJson(server.vkIdByName("legacy-integration"));
        assertThat(legacy.get("is_active").asBoolean()).isFalse();
        assertThat(server.vkJson(server.vkIdByName("checkout-service")).get("budgets")).hasSize(2);
        assertThat(server.vkIdByName("checkout-service")).isEqualTo(SeedData.stableId("vk:checkout-service"));
    }
}
