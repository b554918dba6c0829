package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.array;
import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static bifrostdesk.integration.TrapHarness.pcById;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder.SaveOptions;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Fields only later servers have (REFERENCE §2.6.1 B/C): {@code blacklisted_models} (overwritten like
 * allowed_models, so a save that omits it clears it), {@code reset_budget_usage}, {@code expires_at}.
 */
class LaterDialectTrapsTest {
    private static final String VK = "checkout-service";

    @Test
    void blacklistedModelsSurviveASaveOfAnUnrelatedField() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LATER)) {
            VirtualKey seed = h.read(VK);
            long openai = seed.providerConfigs().get(0).id();
            long anthropic = seed.providerConfigs().get(1).id();
            // put blocked models on both configs with a complete direct PUT (the seed has none)
            String configs = """
                    [{"id": %d, "provider": "openai", "weight": 0.7, "allowed_models": ["gpt-4o", "gpt-4o-mini"],
                      "key_ids": ["%s"], "blacklisted_models": ["gpt-4o-mini"]},
                     {"id": %d, "provider": "anthropic", "weight": 0.3, "allowed_models": ["*"], "key_ids": ["*"]%s}]
                    """;
            h.naivePut(VK, "{\"team_id\": \"" + SeedData.TEAM_PLATFORM + "\", \"provider_configs\": "
                    + configs.formatted(openai, SeedData.keyId("openai-prod"), anthropic,
                    ", \"blacklisted_models\": [\"claude-3-5-haiku\"]") + "}");
            VirtualKey vk = h.read(VK);
            assertThat(vk.providerConfigs()).extracting(ProviderConfig::blacklistedModels)
                    .containsExactly(java.util.List.of("gpt-4o-mini"), java.util.List.of("claude-3-5-haiku"));
            ObjectNode before = h.stored(VK);

            VirtualKey edited = vk.withDescription("blocked models kept");
            SavePlan plan = h.plan(edited, vk);
            assertThat(pcById(plan.requests().get(0).body(), openai).get("blacklisted_models"))
                    .isEqualTo(array("gpt-4o-mini"));
            h.execute(plan);
            assertOnlyChanged(before, h.stored(VK), e -> e.put("description", "blocked models kept"));
            assertThat(h.read(VK)).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);

            // naive: the same configs resent without blacklisted_models → the blocks are gone
            h.naivePut(VK, "{\"team_id\": \"" + SeedData.TEAM_PLATFORM + "\", \"provider_configs\": "
                    + configs.replace(", \"blacklisted_models\": [\"gpt-4o-mini\"]", "")
                    .formatted(openai, SeedData.keyId("openai-prod"), anthropic, "") + "}");
            for (JsonNode pc : h.stored(VK).path("provider_configs")) {
                assertThat(pc.path("blacklisted_models")).as(pc.path("provider").asText()).isEmpty();
            }
        }
    }

    @Test
    void resetBudgetUsageZeroesEveryBudgetAndKeepsTheRest() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LATER)) {
            VirtualKey vk = h.read(VK);
            ObjectNode before = h.stored(VK);
            SavePlan plan = h.plan(vk, vk, new SaveOptions(true));
            assertThat(plan.requests()).hasSize(1);
            assertThat(plan.requests().get(0).body().get("reset_budget_usage").asBoolean()).isTrue();
            h.execute(plan);

            assertOnlyChanged(before, h.stored(VK), e -> {
                e.path("budgets").forEach(b -> ((ObjectNode) b).put("current_usage", 0.0));
                e.path("provider_configs").forEach(pc ->
                        pc.path("budgets").forEach(b -> ((ObjectNode) b).put("current_usage", 0.0)));
            });
            VirtualKey after = h.read(VK);
            assertThat(after.budgets()).extracting(Budget::currentUsage).containsOnly(0.0);
            assertThat(after.budgets()).extracting(Budget::id)
                    .containsExactlyElementsOf(vk.budgets().stream().map(Budget::id).toList());
            assertThat(after.providerConfigs().get(0).budgets()).extracting(Budget::currentUsage).containsOnly(0.0);
        }
    }

    @Test
    void expiryIsSetAndCleared() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LATER)) {
            VirtualKey vk = h.read(VK);
            assertThat(vk.expiresAt()).isNull();
            ObjectNode before = h.stored(VK);
            Instant expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

            VirtualKey expiring = h.save(vk.withExpiresAt(expiry));
            assertThat(expiring.expiresAt()).isEqualTo(expiry);
            ObjectNode withExpiry = h.stored(VK);
            assertOnlyChanged(before, withExpiry, e -> e.set("expires_at", withExpiry.get("expires_at")));
            assertThat(Instant.parse(withExpiry.get("expires_at").asText())).isEqualTo(expiry);

            SavePlan clear = h.plan(expiring.withExpiresAt(null), expiring);
            assertThat(clear.requests().get(0).body().get("expires_at").asText()).isEmpty();
            h.execute(clear);
            assertThat(h.read(VK).expiresAt()).isNull();
            assertOnlyChanged(before, h.stored(VK), e -> { });
        }
    }
}
