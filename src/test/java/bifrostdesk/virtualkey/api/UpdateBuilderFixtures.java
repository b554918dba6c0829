package bifrostdesk.virtualkey.api;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;

/** A realistic server copy and JSON helpers shared by the UpdateBuilder tests. */
final class UpdateBuilderFixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant UPDATED = Instant.parse("2026-05-01T10:00:00Z");

    private UpdateBuilderFixtures() {
    }

    static Budget budget(String id, double max, String duration, double used) {
        return new Budget(id, max, duration, used, null, false);
    }

    static RateLimit rl(String id, Long tokens, String tokenDuration, Long requests, String requestDuration) {
        return new RateLimit(id, tokens, tokenDuration, 0, null, requests, requestDuration, 0, null);
    }

    static ProviderConfig openai() {
        return new ProviderConfig(12L, "openai", 0.7, List.of("gpt-4", "gpt-3.5-turbo"), true, List.of(),
                List.of(budget("b-12-1d", 50.0, "1d", 41.20)), null);
    }

    static ProviderConfig anthropic() {
        return new ProviderConfig(13L, "anthropic", null, List.of("*"), false,
                List.of(new KeyRef("k-1", "prod"), new KeyRef("k-2", "dev")), List.of(),
                rl("rl-13", 5000L, "1h", null, null));
    }

    /** The server copy: team-owned, one key budget, a full rate limit, two provider configs, two MCP clients. */
    static VirtualKey server() {
        return new VirtualKey("vk-1", "alpha", "d", "sk-bf-secret", true, "team-1", null,
                List.of(budget("b-vk-1d", 100.0, "1d", 41.20)), rl("rl-1", 1000L, "1h", 100L, "1m"),
                List.of(openai(), anthropic()),
                List.of(new McpConfig(7L, "github", List.of("a", "b")), new McpConfig(8L, "filesystem", List.of("*"))),
                false, null, Instant.parse("2026-01-01T00:00:00Z"), UPDATED, null);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Tree equality with numbers compared by value (12 == 12L == 12.0). */
    static void assertJson(JsonNode actual, String expected) {
        JsonNode exp = json(expected);
        boolean same = exp.equals((a, b) -> {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue());
            }
            return a.equals(b) ? 0 : 1;
        }, actual);
        assertThat(same).as("expected%n%s%nbut was%n%s", exp.toPrettyString(), actual.toPrettyString()).isTrue();
    }

    static JsonNode onlyBody(SavePlan plan) {
        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.requests()).hasSize(1);
        return plan.requests().get(0).body();
    }

    static ProviderConfig pc(VirtualKey vk, long id) {
        return vk.providerConfigs().stream().filter(p -> p.id() != null && p.id() == id).findFirst().orElseThrow();
    }

    static VirtualKey replacePc(VirtualKey vk, ProviderConfig updated) {
        return vk.withProviderConfigs(vk.providerConfigs().stream()
                .map(p -> p.id() != null && p.id().equals(updated.id()) ? updated : p).toList());
    }
}
