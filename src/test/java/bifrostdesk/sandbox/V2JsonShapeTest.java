package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2 VK JSON (REFERENCE-v2 §11.11): what GET and the list show, and what write responses leave out. */
class V2JsonShapeTest extends V2TestBase {

    @Test
    void versionAndDefaultDialect() {
        assertThat(server.dialect()).isEqualTo(Dialect.V2);
        assertThat(http.get("/api/version").json().asText()).isEqualTo("v2.2.6");
    }

    @Test
    void getOneWrapsVirtualMcpIdsExceptFromMemory() {
        JsonNode body = getBody(SeedDataV2.DOCS_AGENT);
        assertThat(body.get("virtual_mcp_ids").toString()).isEqualTo("[1,2]");
        assertThat(getBody("checkout-service").get("virtual_mcp_ids")).isEmpty();
        JsonNode mem = http.get(VKS + "/" + id(SeedDataV2.DOCS_AGENT) + "?from_memory=true").json();
        assertThat(mem.has("virtual_mcp_ids")).isFalse();
        assertThat(mem.get("virtual_key").get("name").asText()).isEqualTo(SeedDataV2.DOCS_AGENT);
    }

    @Test
    void alwaysPresentFieldsAndReadOnlyOnes() {
        JsonNode vk = get("checkout-service");
        assertThat(vk.get("allow_all_providers").asBoolean()).isFalse();
        assertThat(vk.get("calendar_aligned").isBoolean()).isTrue();
        assertThat(vk.get("agent_grants").isNull()).isTrue(); // no omitempty: null here
        assertThat(vk.has("assigned_user")).isTrue();
        assertThat(vk.get("assigned_user").isNull()).isTrue();
        for (String absent : List.of("business_unit_id", "business_unit", "delete_after_expire",
                "disable_content_logging", "metadata", "previous_value_expires_at", "rotated_at",
                "is_access_profile_managed")) {
            assertThat(vk.has(absent)).as(absent).isFalse();
        }
        // the per-budget calendar_aligned is a deprecated input, normally absent on v2
        assertThat(vk.get("budgets").get(0).has("calendar_aligned")).isFalse();
    }

    @Test
    void writeResponsesLackGetOnlyFields() {
        Resp r = put(SeedDataV2.FINANCE_REPORTING, "{'description':'x'}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode w = r.vk();
        assertThat(w.has("assigned_user")).isFalse();
        assertThat(w.has("business_unit")).isFalse();
        assertThat(w.has("is_access_profile_managed")).isFalse();
        assertThat(r.json().has("virtual_mcp_ids")).isFalse();
        assertThat(w.get("business_unit_id").asText()).isEqualTo(SeedDataV2.BU_FINANCE); // the FK stays
        JsonNode g = get(SeedDataV2.FINANCE_REPORTING);
        assertThat(g.get("business_unit").get("name").asText()).isEqualTo("Finance");
        assertThat(g.get("assigned_user").isNull()).isTrue();

        Resp ap = put(SeedDataV2.SALES_ASSISTANT, "{'description':'y'}");
        assertThat(ap.vk().has("is_access_profile_managed")).isFalse();
        assertThat(get(SeedDataV2.SALES_ASSISTANT).get("is_access_profile_managed").asBoolean()).isTrue();

        Resp created = http.post(VKS, Http.j("{'name':'brand-new'}"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.vk().has("assigned_user")).isFalse();
        assertThat(created.vk().get("allow_all_providers").asBoolean()).isFalse();
        assertThat(created.vk().get("agent_grants").isNull()).isTrue();

        Resp rotated = http.post(VKS + "/" + id("checkout-service") + "/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.vk().has("assigned_user")).isFalse();
    }

    @Test
    void listShowsReadShapeWithoutVirtualMcpIds() {
        JsonNode list = http.get(VKS).json();
        assertThat(list.get("count").asInt()).isEqualTo(8 + SeedDataV2.KEY_COUNT);
        assertThat(list.has("virtual_mcp_ids")).isFalse();
        for (JsonNode v : list.get("virtual_keys")) {
            assertThat(v.has("assigned_user")).isTrue();
            assertThat(v.has("allow_all_providers")).isTrue();
            assertThat(v.has("agent_grants")).isTrue();
        }
    }

    @Test
    void budgetsCarryResetConfigAndOverride() {
        JsonNode q = budget(get(SeedDataV2.QUARTERLY_PLANNING), "1Q");
        assertThat(q.get("reset_config").get("quarter_start_month").asInt()).isEqualTo(4);
        assertThat(q.has("override_mode")).isFalse();
        JsonNode o = budget(get(SeedDataV2.LAUNCH_CAMPAIGN), "1M");
        assertThat(o.get("max_limit").asDouble()).isEqualTo(100); // base limit
        assertThat(o.get("current_usage").asDouble()).isEqualTo(130);
        assertThat(o.get("override_amount").asDouble()).isEqualTo(50);
        assertThat(o.get("override_mode").asText()).isEqualTo("cycles");
        assertThat(o.get("override_cycles_remaining").asInt()).isEqualTo(2);
        assertThat(o.get("override_cycles_total").asInt()).isEqualTo(2);
        assertThat(o.get("override_anchor_reset").asText()).isEqualTo(o.get("last_reset").asText());
        assertThat(o.has("reset_config")).isFalse();
        assertThat(get(SeedDataV2.LAUNCH_CAMPAIGN).has("effective_max_limit")).isFalse();
    }

    @Test
    void modelBudgetsSortedAndOmittedWhenNone() {
        JsonNode openai = pc(get(SeedDataV2.CHAT_ASSISTANT), "openai");
        JsonNode mb = openai.get("model_budgets");
        List<String> names = new ArrayList<>();
        mb.forEach(m -> names.add(m.get("model_name").asText()));
        assertThat(names).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(mb.get(0).get("budgets").get(0).get("current_usage").asDouble()).isEqualTo(240);
        assertThat(mb.get(0).get("budgets").get(0).has("model_config_id")).isTrue();
        assertThat(mb.get(0).get("rate_limit").get("request_max_limit").asLong()).isEqualTo(60);
        assertThat(mb.get(1).has("rate_limit")).isFalse();
        assertThat(pc(get("checkout-service"), "openai").has("model_budgets")).isFalse();
        assertThat(openai.has("key_ids")).isFalse();
        List<String> owners = http.get("/api/governance/budgets").json().get("budgets").findValuesAsText(
                "model_config_id");
        assertThat(owners).hasSize(2);
    }

    @Test
    void accessProfileKeyReadsShowTheProfilesLimits() {
        JsonNode vk = get(SeedDataV2.SALES_ASSISTANT);
        assertThat(vk.get("is_access_profile_managed").asBoolean()).isTrue();
        assertThat(vk.get("budgets").get(0).get("id").asText())
                .isEqualTo(SeedData.stableId("budget:access-profile:sales:1M"));
        assertThat(vk.get("rate_limit").get("request_max_limit").asLong()).isEqualTo(120);
        assertThat(server.vkBudgetIds(id(SeedDataV2.SALES_ASSISTANT))).isEmpty(); // the key owns none
    }

    @Test
    void seededV2Fields() {
        assertThat(get(SeedDataV2.PARTNER_GATEWAY).get("allow_all_providers").asBoolean()).isTrue();
        assertThat(get(SeedDataV2.PARTNER_GATEWAY).get("provider_configs")).isEmpty();
        JsonNode ops = get(SeedDataV2.OPS_AUTOMATION);
        assertThat(ops.get("metadata").get("cost_center").asText()).isEqualTo("cc-4410");
        assertThat(ops.get("agent_grants").findValuesAsText("agent_name")).containsExactly("deploy-bot",
                "incident-triage");
        assertThat(ops.get("agent_grants").get(0).get("virtual_key_id").asText()).isEqualTo(ops.get("id").asText());
        JsonNode trial = get(SeedDataV2.CONTRACTOR_TRIAL);
        assertThat(trial.get("delete_after_expire").asBoolean()).isTrue();
        assertThat(trial.get("expires_at").asText()).isNotEmpty();
        assertThat(get(SeedDataV2.PRIVATE_NOTES).get("disable_content_logging").asBoolean()).isTrue();
        JsonNode hook = get(SeedDataV2.ROTATING_WEBHOOK);
        assertThat(java.time.Instant.parse(hook.get("previous_value_expires_at").asText()))
                .isAfter(java.time.Instant.now());
        assertThat(hook.get("rotated_at").asText()).isNotEmpty();
        assertThat(java.time.Instant.parse(get(SeedDataV2.EXPIRED_PILOT).get("expires_at").asText()))
                .isBefore(java.time.Instant.now());
    }

    @Test
    void olderDialectsGetNoV2Data() {
        for (Dialect d : List.of(Dialect.LATER, Dialect.V1_5, Dialect.LEGACY)) {
            try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withDialect(d))) {
                Http h = new Http(s.baseUrl());
                JsonNode list = h.get(VKS).json();
                assertThat(list.get("count").asInt()).as(d.name()).isEqualTo(8);
                String all = list.toString();
                for (String field : List.of("allow_all_providers", "agent_grants", "assigned_user", "model_budgets",
                        "business_unit", "reset_config", "override_", "metadata", "rotated_at")) {
                    assertThat(all).as(d + " " + field).doesNotContain("\"" + field);
                }
                JsonNode one = h.get(VKS + "/" + s.vkIdByName("checkout-service")).json();
                assertThat(one.has("virtual_mcp_ids")).isFalse();
                assertThat(h.get("/api/mcp/virtual-mcps").status()).isEqualTo(404);
                assertThat(h.get("/api/governance/business-units").status()).isEqualTo(404);
            }
        }
    }
}
