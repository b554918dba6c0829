package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.sandbox.Http.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotation with the cooldown (REFERENCE-v2 §11.10) and the v2 list parameters and lookups (§11.11.1). */
class V2RotationAndListTest extends V2TestBase {

    @Override
    SandboxOptions options() {
        return SandboxOptions.defaults().withRotationCooldown(Duration.ofHours(1));
    }

    @Test
    void rotationWithCooldownKeepsTheOldValueForAWhile() {
        Instant before = Instant.now().minusSeconds(1);
        Resp r = http.post(VKS + "/" + id("checkout-service") + "/rotate", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("message").asText()).isEqualTo("Virtual key rotated successfully");
        Instant rotated = Instant.parse(r.vk().get("rotated_at").asText());
        Instant until = Instant.parse(r.vk().get("previous_value_expires_at").asText());
        assertThat(rotated).isAfter(before);
        assertThat(Duration.between(rotated, until)).isEqualTo(Duration.ofHours(1));
        // a plain PUT never touches the rotation fields
        assertThat(put("checkout-service", "{'description':'x'}").vk().get("rotated_at").asText())
                .isEqualTo(r.vk().get("rotated_at").asText());
    }

    @Test
    void withoutCooldownThePreviousValueStopsAtOnce() {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults())) {
            Http h = new Http(s.baseUrl());
            Resp r = h.post(VKS + "/" + s.vkIdByName(SeedDataV2.ROTATING_WEBHOOK) + "/rotate", null);
            assertThat(r.vk().has("previous_value_expires_at")).isFalse();
            assertThat(r.vk().has("rotated_at")).isTrue();
        }
        assertThatThrownBy(() -> SandboxOptions.defaults().withRotationCooldown(Duration.ofDays(31)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bulkRotate() {
        Resp r = http.post(VKS + "/rotate", Http.j("{'ids':['" + id("checkout-service") + "','nope']}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("virtual_keys")).hasSize(1);
        assertThat(r.json().get("errors").get("nope").asText()).isEqualTo("Virtual key not found");
        assertThat(http.post(VKS + "/rotate", Http.j("{'ids':[]}")).message())
                .isEqualTo("At least one virtual key ID is required");
        assertThat(http.post(VKS + "/rotate", Http.j("{'ids':['']}")).message())
                .isEqualTo("Virtual key ID cannot be empty");
        Resp none = http.post(VKS + "/rotate", Http.j("{'ids':['nope']}"));
        assertThat(none.status()).isEqualTo(500);
        assertThat(none.message()).isEqualTo("Failed to rotate virtual keys");
    }

    private List<String> names(String query) {
        List<String> out = new ArrayList<>();
        http.get(VKS + query).json().get("virtual_keys").forEach(v -> out.add(v.get("name").asText()));
        return out;
    }

    @Test
    void listFilters() {
        assertThat(names("?business_unit_id=" + SeedDataV2.BU_FINANCE)).containsExactly(
                SeedDataV2.FINANCE_REPORTING);
        assertThat(names("?exclude_access_profile_managed_virtual=true&limit=100"))
                .doesNotContain(SeedDataV2.SALES_ASSISTANT).hasSize(8 + SeedDataV2.KEY_COUNT - 1);
        assertThat(names("?search=globex")).containsExactly("support-bot"); // customer name (v2.2.1)
        assertThat(names("?search=cc-4410")).containsExactly(SeedDataV2.OPS_AUTOMATION); // metadata value
        assertThat(names("?metadata_owner=ops&metadata_cost_center=cc-4410")).containsExactly(
                SeedDataV2.OPS_AUTOMATION);
        assertThat(names("?metadata_owner=ops&metadata_cost_center=other")).isEmpty();
        Resp bad = http.get(VKS + "?metadata_a%20b=x");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("invalid metadata key");
    }

    @Test
    void businessUnitLookup() {
        JsonNode list = http.get("/api/governance/business-units").json();
        assertThat(list.get("business_units").findValuesAsText("name")).containsExactly("Finance", "Retail Banking");
        assertThat(list.get("business_units").get(0).get("virtual_key_count").asInt()).isEqualTo(1);
        assertThat(http.get("/api/governance/business-units/" + SeedDataV2.BU_RETAIL).json().get("business_unit")
                .get("name").asText()).isEqualTo("Retail Banking");
        assertThat(http.get("/api/governance/business-units/nope").status()).isEqualTo(404);
    }
}
