package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static bifrostdesk.integration.TrapHarness.pcById;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * REFERENCE §10: a v1.4 server reads an empty allow-list as "all", has one singular {@code budget} per owner
 * (an update object) and {@code allowed_keys} instead of {@code key_ids}. The model keeps current meaning
 * ({@code ["*"]} = all), so the builder must translate — and refuse what v1.4 cannot express.
 */
class LegacyDialectTrapsTest {
    private static final String VK = "checkout-service";

    @Test
    void allModelsAndAllKeysAreSentAsEmptyListsAndStoredAsAll() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LEGACY)) {
            VirtualKey vk = h.read(VK);
            ProviderConfig openai = vk.providerConfigs().get(0);
            assertThat(openai.allowAllKeys()).isFalse();
            assertThat(openai.allowsAllModels()).isFalse();
            ObjectNode before = h.stored(VK);

            ProviderConfig widened = openai.withAllowedModels(List.of("*")).withKeys(true, List.of());
            VirtualKey edited = vk.withProviderConfigs(List.of(widened, vk.providerConfigs().get(1)));
            SavePlan plan = h.plan(edited, vk);
            JsonNode item = pcById(plan.requests().get(0).body(), openai.id());
            assertThat(item.get("allowed_models")).isEmpty();
            assertThat(item.get("allowed_keys")).isEmpty();
            assertThat(item.has("key_ids")).isFalse();
            h.execute(plan);

            assertOnlyChanged(before, h.stored(VK), e -> {
                ObjectNode pc = pcById(e, openai.id());
                pc.putArray("allowed_models");
                pc.putArray("keys");
            });
            VirtualKey after = h.read(VK);
            assertThat(after.providerConfigs().get(0).allowsAllModels()).isTrue();
            assertThat(after.providerConfigs().get(0).allowAllKeys()).isTrue();
            assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);
        }
    }

    @Test
    void aKeyWithOneBudgetEditsItsSingularBudgetAndKeepsItsUsage() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LEGACY)) {
            VirtualKey vk = h.read(VK);
            Budget day = vk.budgets().get(0);
            assertThat(vk.budgets()).hasSize(1);
            assertThat(day.id()).isEqualTo(SeedData.stableId("budget:checkout-service:1d"));
            ObjectNode before = h.stored(VK);

            VirtualKey edited = vk.withBudgets(List.of(day.withMaxLimit(60.0)));
            SavePlan plan = h.plan(edited, vk);
            JsonNode body = plan.requests().get(0).body();
            assertThat(body.has("budgets")).isFalse();
            assertThat(body.get("budget").get("max_limit").asDouble()).isEqualTo(60.0);
            assertThat(body.get("budget").get("reset_duration").asText()).isEqualTo("1d");
            h.execute(plan);

            assertOnlyChanged(before, h.stored(VK), e -> ((ObjectNode) e.get("budget")).put("max_limit", 60.0));
            VirtualKey after = h.read(VK);
            assertThat(after.budgets()).singleElement().satisfies(b -> {
                assertThat(b.id()).isEqualTo(day.id());
                assertThat(b.maxLimit()).isEqualTo(60.0);
                assertThat(b.currentUsage()).isEqualTo(42.0);
            });
        }
    }

    @Test
    void editsV14CannotExpressAreRefusedWithoutRequests() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LEGACY)) {
            VirtualKey vk = h.read(VK);
            ObjectNode before = h.stored(VK);

            SavePlan twoBudgets = UpdateBuilder.planUpdate(vk.withBudgets(List.of(vk.budgets().get(0),
                    Budget.newBudget(500.0, "1M"))), vk, Dialect.LEGACY);
            assertThat(twoBudgets.requests()).isEmpty();
            assertThat(twoBudgets.refusals()).anySatisfy(r -> assertThat(r).contains("one budget"));

            ProviderConfig openai = vk.providerConfigs().get(0);
            SavePlan noModels = UpdateBuilder.planUpdate(vk.withProviderConfigs(List.of(
                    openai.withAllowedModels(List.of()), vk.providerConfigs().get(1))), vk, Dialect.LEGACY);
            assertThat(noModels.requests()).isEmpty();
            assertThat(noModels.refusals()).anySatisfy(r -> assertThat(r).contains("allows no models"));

            SavePlan noKeys = UpdateBuilder.planUpdate(vk.withProviderConfigs(List.of(
                    openai.withKeys(false, List.of()), vk.providerConfigs().get(1))), vk, Dialect.LEGACY);
            assertThat(noKeys.requests()).isEmpty();
            assertThat(noKeys.refusals()).anySatisfy(r -> assertThat(r).contains("allows no keys"));

            assertThat(h.stored(VK)).isEqualTo(before);
        }
    }
}
