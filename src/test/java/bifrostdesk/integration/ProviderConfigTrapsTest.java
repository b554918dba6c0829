package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.array;
import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static bifrostdesk.integration.TrapHarness.keyIdsOf;
import static bifrostdesk.integration.TrapHarness.pcById;
import static bifrostdesk.integration.TrapHarness.pcByProvider;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.OwnedBudget;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Provider-config traps of the VK PUT (REFERENCE §2.6.1, §2.6.2): every field of a listed config is overwritten
 * (omitted key_ids / allowed_models = none), and every config not listed is deleted with its budgets.
 * Seed VK "checkout-service": openai (explicit key openai-prod, models gpt-4o + gpt-4o-mini, a 1M budget and a
 * rate limit) and anthropic (all keys, all models); team Platform.
 */
class ProviderConfigTrapsTest {
    private static final String VK = "checkout-service";
    private static final String OPENAI_BUDGET = SeedData.stableId("budget:checkout-service:openai:1M");

    private static ProviderConfig pc(VirtualKey vk, String provider) {
        return vk.providerConfigs().stream().filter(p -> p.provider().equals(provider)).findFirst().orElseThrow();
    }

    private static VirtualKey replacePc(VirtualKey vk, ProviderConfig changed) {
        return vk.withProviderConfigs(vk.providerConfigs().stream()
                .map(p -> p.id().equals(changed.id()) ? changed : p).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"V1_5", "LATER"})
    void providerConfigSentWithoutKeyIdsLosesItsKeysButTheBuilderKeepsThem(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(VK);
            ProviderConfig openai = pc(vk, "openai");
            ProviderConfig anthropic = pc(vk, "anthropic");
            ObjectNode before = h.stored(VK);
            assertThat(keyIdsOf(pcByProvider(before, "openai"))).containsExactly(SeedData.keyId("openai-prod"));
            assertThat(pcByProvider(before, "anthropic").path("allow_all_keys").asBoolean()).isTrue();

            // Builder: an unrelated edit (weight) must resend key_ids explicitly, ["*"] for allow-all (#7347).
            VirtualKey edited = replacePc(vk, openai.withWeight(0.8));
            SavePlan plan = h.plan(edited, vk);
            JsonNode body = plan.requests().get(plan.requests().size() - 1).body();
            assertThat(pcById(body, openai.id()).get("key_ids")).isEqualTo(array(SeedData.keyId("openai-prod")));
            assertThat(pcById(body, anthropic.id()).get("key_ids")).isEqualTo(array("*"));
            h.execute(plan);
            assertOnlyChanged(before, h.stored(VK), e -> pcById(e, openai.id()).put("weight", 0.8));
            assertThat(h.read(VK)).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);

            // Naive: the same configs resent with ids, models and weight but no key_ids → every key denied.
            h.naivePut(VK, """
                    {"team_id": "%s", "provider_configs": [
                      {"id": %d, "provider": "openai", "weight": 0.8, "allowed_models": ["gpt-4o", "gpt-4o-mini"]},
                      {"id": %d, "provider": "anthropic", "weight": 0.3, "allowed_models": ["*"]}]}
                    """.formatted(SeedData.TEAM_PLATFORM, openai.id(), anthropic.id()));
            ObjectNode damaged = h.stored(VK);
            for (JsonNode p : damaged.path("provider_configs")) {
                assertThat(p.path("allow_all_keys").asBoolean()).as(p.path("provider").asText()).isFalse();
                assertThat(p.path("keys")).as(p.path("provider").asText()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void unlistedProviderConfigsAreDeletedWithTheirBudgetsButTheBuilderKeepsThemWithIdsAndUsage(Dialect dialect)
            throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            h.sandbox.setUsage(OPENAI_BUDGET, 123.45);
            VirtualKey vk = h.read(VK);
            ProviderConfig openai = pc(vk, "openai");
            ProviderConfig anthropic = pc(vk, "anthropic");
            ObjectNode before = h.stored(VK);

            // Builder: editing only anthropic still lists openai with its id (§2.6.2 step 3 deletes the rest).
            VirtualKey edited = replacePc(vk, anthropic.withWeight(0.4));
            VirtualKey after = h.save(edited);
            assertOnlyChanged(before, h.stored(VK), e -> pcById(e, anthropic.id()).put("weight", 0.4));
            ProviderConfig keptOpenai = pc(after, "openai");
            assertThat(keptOpenai.id()).isEqualTo(openai.id());
            assertThat(keptOpenai.budgets()).singleElement().satisfies(b -> {
                assertThat(b.id()).isEqualTo(OPENAI_BUDGET);
                assertThat(b.currentUsage()).isEqualTo(123.45);
            });
            assertThat(keptOpenai.rateLimit()).isEqualTo(openai.rateLimit());
            assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);

            // Naive: PUT only the config that was edited → openai is deleted together with its budget.
            String anthropicJson = dialect == Dialect.LEGACY
                    ? "{\"id\": %d, \"provider\": \"anthropic\", \"weight\": 0.5, \"allowed_models\": [], \"allowed_keys\": []}"
                    : "{\"id\": %d, \"provider\": \"anthropic\", \"weight\": 0.5, \"allowed_models\": [\"*\"], \"key_ids\": [\"*\"]}";
            h.naivePut(VK, "{\"team_id\": \"" + SeedData.TEAM_PLATFORM + "\", \"provider_configs\": ["
                    + anthropicJson.formatted(anthropic.id()) + "]}");
            ObjectNode damaged = h.stored(VK);
            assertThat(damaged.path("provider_configs")).hasSize(1);
            assertThat(damaged.path("provider_configs").get(0).path("provider").asText()).isEqualTo("anthropic");
            assertThat(h.client.budgets()).extracting(OwnedBudget::budget).extracting(b -> b.id())
                    .doesNotContain(OPENAI_BUDGET);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"V1_5", "LATER"})
    void omittedAllowedModelsDenyEveryModelButTheBuilderResendsThemAndStarStaysAll(Dialect dialect)
            throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(VK);
            ProviderConfig openai = pc(vk, "openai");
            ProviderConfig anthropic = pc(vk, "anthropic");
            ObjectNode before = h.stored(VK);

            // Builder: an edit of anthropic's weight resends openai's explicit list and anthropic's ["*"].
            VirtualKey edited = replacePc(vk, anthropic.withWeight(0.35));
            SavePlan plan = h.plan(edited, vk);
            JsonNode body = plan.requests().get(0).body();
            assertThat(pcById(body, openai.id()).get("allowed_models")).isEqualTo(array("gpt-4o", "gpt-4o-mini"));
            assertThat(pcById(body, anthropic.id()).get("allowed_models")).isEqualTo(array("*"));
            h.execute(plan);
            assertOnlyChanged(before, h.stored(VK), e -> pcById(e, anthropic.id()).put("weight", 0.35));

            // Builder: widening openai to all models stores ["*"], which reads back as "all".
            ObjectNode mid = h.stored(VK);
            VirtualKey widened = replacePc(h.read(VK), openai.withAllowedModels(List.of("*")));
            VirtualKey after = h.save(widened);
            assertOnlyChanged(mid, h.stored(VK), e -> pcById(e, openai.id()).set("allowed_models", array("*")));
            assertThat(pc(after, "openai").allowsAllModels()).isTrue();
            assertThat(pc(after, "anthropic").allowsAllModels()).isTrue();

            // Naive: configs resent with keys but without allowed_models → [] = every model denied.
            h.naivePut(VK, """
                    {"team_id": "%s", "provider_configs": [
                      {"id": %d, "provider": "openai", "weight": 0.7, "key_ids": ["%s"]},
                      {"id": %d, "provider": "anthropic", "weight": 0.35, "key_ids": ["*"]}]}
                    """.formatted(SeedData.TEAM_PLATFORM, openai.id(), SeedData.keyId("openai-prod"),
                    anthropic.id()));
            for (JsonNode p : h.stored(VK).path("provider_configs")) {
                assertThat(p.path("allowed_models")).as(p.path("provider").asText()).isEmpty();
            }
            assertThat(h.read(VK).providerConfigs()).allSatisfy(p -> assertThat(p.allowedModels()).isEmpty());
        }
    }
}
