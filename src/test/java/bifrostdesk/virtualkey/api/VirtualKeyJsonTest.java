package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualKeyJsonTest {

    private static VirtualKey current() {
        return VirtualKeyJson.read(TestJson.tree("vk-current.json").get("virtual_key"), Dialect.LATER);
    }

    private static VirtualKey legacy() {
        return VirtualKeyJson.read(TestJson.tree("vk-legacy.json").get("virtual_key"), Dialect.LEGACY);
    }

    @Test
    void currentKeyTopLevelFields() {
        VirtualKey vk = current();
        assertThat(vk.id()).isEqualTo("3f1c0d8e-1111-4a2b-9c3d-000000000001");
        assertThat(vk.name()).isEqualTo("marketing-team-vk");
        assertThat(vk.description()).isEqualTo("Marketing campaigns");
        assertThat(vk.value()).isEqualTo("sk-bf-5e0b6a4e-secret-value");
        assertThat(vk.active()).isTrue();
        assertThat(vk.teamId()).isEqualTo("team-42");
        assertThat(vk.customerId()).isNull();
        assertThat(vk.calendarAligned()).isTrue();
        assertThat(vk.isConfigManaged()).isFalse();
        assertThat(vk.createdAt()).isEqualTo(Instant.parse("2026-05-20T10:15:30Z"));
        assertThat(vk.updatedAt()).isEqualTo(Instant.parse("2026-05-21T06:00:00.123456Z"));
        assertThat(vk.expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void currentKeyBudgetsAndRateLimits() {
        VirtualKey vk = current();
        assertThat(vk.budgets()).containsExactly(
                new Budget("budget_vk_123", 1000.0, "1M", 0.0, Instant.parse("2024-01-01T00:00:00Z"), true),
                new Budget("budget_vk_124", 50.0, "1d", 49.5, null, false));
        assertThat(vk.rateLimit()).isNull();

        ProviderConfig openai = vk.providerConfigs().get(0);
        assertThat(openai.budgets()).extracting(Budget::id, Budget::currentUsage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("budget_789", 12.5));
        RateLimit rl = openai.rateLimit();
        assertThat(rl.id()).isEqualTo("rate_limit_456");
        assertThat(rl.tokenMaxLimit()).isEqualTo(1_000_000L);
        assertThat(rl.tokenCurrentUsage()).isEqualTo(250);
        assertThat(rl.requestMaxLimit()).isEqualTo(1000L);
        assertThat(rl.requestResetDuration()).isEqualTo("1h");

        RateLimit requestsOnly = vk.providerConfigs().get(1).rateLimit();
        assertThat(requestsOnly.tokenMaxLimit()).isNull();
        assertThat(requestsOnly.tokenResetDuration()).isNull();
        assertThat(requestsOnly.tokenLastReset()).as("Go zero time means unset").isNull();
        assertThat(requestsOnly.requestMaxLimit()).isEqualTo(10L);
    }

    @Test
    void currentProviderConfigsKeepCurrentMeaning() {
        List<ProviderConfig> pcs = current().providerConfigs();
        assertThat(pcs).hasSize(2);
        ProviderConfig openai = pcs.get(0);
        assertThat(openai.id()).isEqualTo(1L);
        assertThat(openai.weight()).isEqualTo(0.7);
        assertThat(openai.allowedModels()).containsExactly("gpt-4", "gpt-3.5-turbo");
        assertThat(openai.allowAllKeys()).isTrue();
        assertThat(openai.keys()).isEmpty();

        ProviderConfig anthropic = pcs.get(1);
        assertThat(anthropic.weight()).as("null weight = not load balanced").isNull();
        assertThat(anthropic.allowedModels()).as("[] = no models on current servers").isEmpty();
        assertThat(anthropic.allowAllKeys()).isFalse();
        assertThat(anthropic.keys()).containsExactly(new KeyRef("9b2e6c1a-key-uuid-1", "anthropic-prod"),
                new KeyRef("9b2e6c1a-key-uuid-2", "anthropic-dev"));
        assertThat(anthropic.keyIds()).containsExactly("9b2e6c1a-key-uuid-1", "9b2e6c1a-key-uuid-2");
    }

    @Test
    void currentMcpConfigsKeepOnlyClientName() {
        List<McpConfig> mcp = current().mcpConfigs();
        assertThat(mcp).containsExactly(new McpConfig(5L, "filesystem", List.of()),
                new McpConfig(6L, "search", List.of("*")));
    }

    @Test
    void noMcpSecretReachesTheModel() {
        String everything = current().toString();
        assertThat(everything).doesNotContain("mcp-conn-secret", "mcp-header-secret", "connection_string");
    }

    @Test
    void legacyTranslatesEmptyListsToAll() {
        VirtualKey vk = legacy();
        ProviderConfig openai = vk.providerConfigs().get(0);
        assertThat(openai.allowedModels()).containsExactly("*");
        assertThat(openai.allowAllKeys()).as("no keys meant all keys").isTrue();
        ProviderConfig azure = vk.providerConfigs().get(1);
        assertThat(azure.allowedModels()).containsExactly("gpt-4o");
        assertThat(azure.allowAllKeys()).isFalse();
        assertThat(azure.keys()).containsExactly(new KeyRef("azure-key-uuid", "azure-east"));
        assertThat(vk.mcpConfigs()).containsExactly(new McpConfig(21L, "filesystem", List.of("*")),
                new McpConfig(22L, "search", List.of("web_search")));
    }

    @Test
    void legacySingularBudgetBecomesOneElementList() {
        VirtualKey vk = legacy();
        assertThat(vk.budgets()).containsExactly(
                new Budget("b-1", 123.0, "1w", 23.5, Instant.parse("2023-11-07T05:31:56Z"), false));
        assertThat(vk.providerConfigs().get(0).budgets()).extracting(Budget::id).containsExactly("b-2");
        assertThat(vk.providerConfigs().get(1).budgets()).isEmpty();
        assertThat(vk.providerConfigs().get(0).rateLimit().tokenMaxLimit()).isEqualTo(5000L);
    }

    @Test
    void legacyTopLevelFields() {
        VirtualKey vk = legacy();
        assertThat(vk.active()).isFalse();
        assertThat(vk.customerId()).as("from customer.id").isEqualTo("cust-9");
        assertThat(vk.teamId()).isNull();
        assertThat(vk.providerConfigs().get(0).weight()).isEqualTo(1.0);
    }

    @Test
    void theSameEmptyListsMeanNoneOnCurrentServers() {
        VirtualKey vk = VirtualKeyJson.read(TestJson.tree("vk-legacy.json").get("virtual_key"), Dialect.V1_5);
        assertThat(vk.providerConfigs().get(0).allowedModels()).isEmpty();
        assertThat(vk.providerConfigs().get(0).allowAllKeys()).isFalse();
        assertThat(vk.mcpConfigs().get(0).toolsToExecute()).isEmpty();
    }

    @Test
    void minimalObjectGetsDefaults() throws Exception {
        JsonNode json = Json.mapper().readTree("{\"id\":\"x\",\"name\":\"n\",\"unknown\":[{}]}");
        VirtualKey vk = VirtualKeyJson.read(json, Dialect.LATER);
        assertThat(vk.active()).as("is_active defaults to true").isTrue();
        assertThat(vk.budgets()).isEmpty();
        assertThat(vk.providerConfigs()).isEmpty();
        assertThat(vk.mcpConfigs()).isEmpty();
        assertThat(vk.rateLimit()).isNull();
        assertThat(vk.description()).isEmpty();
        assertThat(vk.createdAt()).isNull();
    }

    @Test
    void looksLegacyDetectsSingularBudgetShape() {
        assertThat(VirtualKeyJson.looksLegacy(TestJson.tree("vk-legacy.json").get("virtual_key"))).isTrue();
        assertThat(VirtualKeyJson.looksLegacy(TestJson.tree("vk-current.json").get("virtual_key"))).isFalse();
    }

    @Test
    void mapperIgnoresUnknownProperties() throws Exception {
        record Small(String name) {
        }
        assertThat(Json.mapper().readValue("{\"name\":\"a\",\"extra\":1}", Small.class).name()).isEqualTo("a");
        assertThat(Json.mapper().writeValueAsString(Instant.parse("2024-01-01T00:00:00Z")))
                .isEqualTo("\"2024-01-01T00:00:00Z\"");
    }
}
