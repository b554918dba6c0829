package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * REFERENCE §2.6.5: on v1.5 (A) {@code team_id}/{@code customer_id} are {@code *string}, and when both are nil the
 * handler clears both — a PUT that just toggles {@code is_active} detaches the key. Later servers are
 * presence-aware and detach only on {@code "team_id": null}. The sandbox's LEGACY follows A.
 */
class OwnershipTrapTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void omittingBothOwnerFieldsDetachesOnV15ButTheBuilderKeepsTeamAndCustomer(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            // team-owned key: deactivate it
            VirtualKey checkout = h.read("checkout-service");
            ObjectNode before = h.stored("checkout-service");
            SavePlan plan = h.plan(checkout.withActive(false), checkout);
            assertThat(plan.requests().get(0).body().get("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
            h.execute(plan);
            assertOnlyChanged(before, h.stored("checkout-service"), e -> e.put("is_active", false));
            assertThat(h.read("checkout-service").teamId()).isEqualTo(SeedData.TEAM_PLATFORM);

            // customer-owned key: edit the description
            VirtualKey support = h.read("support-bot");
            ObjectNode supportBefore = h.stored("support-bot");
            VirtualKey after = h.save(support.withDescription("Support, edited"));
            assertOnlyChanged(supportBefore, h.stored("support-bot"), e -> e.put("description", "Support, edited"));
            assertThat(after.customerId()).isEqualTo(SeedData.CUSTOMER_GLOBEX);
            assertThat(after.teamId()).isNull();

            // naive: {"is_active": false} alone — detaches on V1_5 and LEGACY, harmless on LATER
            ObjectNode mobileBefore = h.stored("mobile-app");
            h.naivePut("mobile-app", "{\"is_active\": false}");
            ObjectNode mobileAfter = h.stored("mobile-app");
            if (dialect.atLeast(Dialect.LATER)) {
                assertOnlyChanged(mobileBefore, mobileAfter, e -> e.put("is_active", false));
            } else {
                assertThat(mobileAfter.has("team_id")).isFalse();
                assertThat(mobileAfter.has("team")).isFalse();
                assertThat(mobileAfter.has("customer_id")).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anExplicitDetachIsSentInTheDialectsOwnWay(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read("legacy-integration");
            assertThat(vk.teamId()).isEqualTo(SeedData.TEAM_SUPPORT);
            ObjectNode before = h.stored("legacy-integration");
            VirtualKey edited = vk.withTeam(null);
            SavePlan plan = h.plan(edited, vk);
            JsonNode body = plan.requests().get(0).body();
            assertThat(body.has("customer_id")).isFalse();
            if (dialect.atLeast(Dialect.LATER)) {
                // presence-aware: only an explicit null clears (omitted would mean unchanged)
                assertThat(body.has("team_id")).isTrue();
                assertThat(body.get("team_id").isNull()).isTrue();
            } else {
                // *string: JSON null and absent are the same; omitting both is the only way to detach
                assertThat(body.has("team_id")).isFalse();
            }
            VirtualKey after = h.save(edited);
            assertOnlyChanged(before, h.stored("legacy-integration"), e -> {
                e.remove("team_id");
                e.remove("team");
            });
            assertThat(after.teamId()).isNull();
            assertThat(after.customerId()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void changingTheTeamToACustomerStoresOnlyTheCustomer(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read("research-sandbox");
            assertThat(vk.teamId()).isEqualTo(SeedData.TEAM_DATA);
            ObjectNode before = h.stored("research-sandbox");
            VirtualKey edited = vk.withCustomer(SeedData.CUSTOMER_GLOBEX);
            SavePlan plan = h.plan(edited, vk);
            JsonNode body = plan.requests().get(0).body();
            assertThat(body.get("customer_id").asText()).isEqualTo(SeedData.CUSTOMER_GLOBEX);
            assertThat(body.has("team_id")).isFalse();
            VirtualKey after = h.save(edited);
            ObjectNode stored = h.stored("research-sandbox");
            assertThat(stored.path("customer_id").asText()).isEqualTo(SeedData.CUSTOMER_GLOBEX);
            assertThat(stored.path("customer").path("name").asText()).isEqualTo("Globex");
            assertOnlyChanged(before, stored, e -> {
                e.remove("team_id");
                e.remove("team");
                e.put("customer_id", SeedData.CUSTOMER_GLOBEX);
                e.set("customer", stored.get("customer"));
            });
            assertThat(after.teamId()).isNull();
            assertThat(after.customerId()).isEqualTo(SeedData.CUSTOMER_GLOBEX);
        }
    }
}
