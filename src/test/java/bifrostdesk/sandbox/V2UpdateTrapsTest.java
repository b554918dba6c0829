package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Each v2 PUT/POST trap (REFERENCE-v2 §11.4–§11.9, §11.12, §11.13): the naive request is sent and the damage (or
 * the error) is shown.
 */
class V2UpdateTrapsTest extends V2TestBase {
    private static final String Q_BUDGET = SeedData.stableId("budget:quarterly-planning:1Q");

    // ---- owners (§11.8) ----

    @Test
    void teamIdNullDetachesABusinessUnitKey() {
        Resp r = put(SeedDataV2.FINANCE_REPORTING, "{'team_id':null}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().has("business_unit_id")).isFalse();
        assertThat(get(SeedDataV2.FINANCE_REPORTING).has("business_unit")).isFalse();
    }

    @Test
    void emptyCustomerIdAlsoClearsEveryOwner() {
        assertThat(put(SeedDataV2.FINANCE_REPORTING, "{'customer_id':''}").vk().has("business_unit_id")).isFalse();
        assertThat(put("checkout-service", "{'business_unit_id':'  '}").vk().has("team_id")).isFalse();
    }

    @Test
    void ownersOmittedAreKeptAndOneNamedClearsTheOthers() {
        assertThat(put(SeedDataV2.FINANCE_REPORTING, "{'description':'d'}").vk().get("business_unit_id").asText())
                .isEqualTo(SeedDataV2.BU_FINANCE);
        Resp toTeam = put(SeedDataV2.FINANCE_REPORTING, "{'team_id':'" + SeedData.TEAM_DATA
                + "','business_unit_id':null}");
        assertThat(toTeam.vk().get("team_id").asText()).isEqualTo(SeedData.TEAM_DATA);
        assertThat(toTeam.vk().has("business_unit_id")).isFalse();
        Resp toUnit = put("checkout-service", "{'business_unit_id':'" + SeedDataV2.BU_RETAIL + "'}");
        assertThat(toUnit.vk().has("team_id")).isFalse();
        assertThat(get("checkout-service").get("business_unit").get("name").asText()).isEqualTo("Retail Banking");
    }

    @Test
    void twoOwnersNamedIs400WithTheV2Message() {
        Resp r = put(SeedDataV2.FINANCE_REPORTING, "{'team_id':'" + SeedData.TEAM_DATA + "','business_unit_id':'"
                + SeedDataV2.BU_FINANCE + "'}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo(
                "VirtualKey cannot be attached to more than one of Team, Customer or Business Unit");
        Resp post = http.post(VKS, Http.j("{'name':'two-owners','customer_id':'" + SeedData.CUSTOMER_ACME
                + "','business_unit_id':'" + SeedDataV2.BU_FINANCE + "'}"));
        assertThat(post.status()).isEqualTo(400);
        Resp blank = http.post(VKS, Http.j("{'name':'bu-key','team_id':'','business_unit_id':'"
                + SeedDataV2.BU_FINANCE + "'}"));
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.vk().get("business_unit_id").asText()).isEqualTo(SeedDataV2.BU_FINANCE);
    }

    // ---- budgets: reset_config, 1Q, ids (§11.4.3, §11.5) ----

    @Test
    void budgetResentWithoutResetConfigLosesIt() {
        Resp r = put(SeedDataV2.QUARTERLY_PLANNING, "{'budgets':[{'id':'" + Q_BUDGET
                + "','max_limit':6000,'reset_duration':'1Q'}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(budget(r.vk(), "1Q").has("reset_config")).isFalse();
        assertThat(budget(get(SeedDataV2.QUARTERLY_PLANNING), "1Q").has("reset_config")).isFalse();
        // month 4 is on the January grid: the window and the usage did not move
        assertThat(budget(r.vk(), "1Q").get("current_usage").asDouble()).isEqualTo(2100);
    }

    @Test
    void budgetResentWithResetConfigKeepsIt() {
        Resp r = put(SeedDataV2.QUARTERLY_PLANNING, "{'budgets':[{'id':'" + Q_BUDGET
                + "','max_limit':7000,'reset_duration':'1Q','reset_config':{'quarter_start_month':4}}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode b = budget(r.vk(), "1Q");
        assertThat(b.get("reset_config").get("quarter_start_month").asInt()).isEqualTo(4);
        assertThat(b.get("max_limit").asDouble()).isEqualTo(7000);
        assertThat(b.get("current_usage").asDouble()).isEqualTo(2100);
    }

    @Test
    void movedQuarterGridOnAnAlignedKeyResetsTheBudget() {
        // from the April grid to February's (2/5/8/11): the boundary moves; when it is past last_reset, usage goes
        Resp r = put(SeedDataV2.QUARTERLY_PLANNING, "{'budgets':[{'id':'" + Q_BUDGET
                + "','max_limit':6000,'reset_duration':'1Q','reset_config':{'quarter_start_month':2}}]}");
        JsonNode b = budget(r.vk(), "1Q");
        Instant lastReset = Instant.parse(b.get("last_reset").asText());
        int month = lastReset.atZone(java.time.ZoneOffset.UTC).getMonthValue();
        assertThat(Math.floorMod(month - 2, 3)).isZero();
        // the Feb grid starts a month after the Jan/Apr one, except in Jan/Apr/Jul/Oct where it started 2 months before
        int now = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getMonthValue();
        assertThat(b.get("current_usage").asDouble()).isEqualTo(now % 3 == 1 ? 2100.0 : 0.0);
    }

    @Test
    void resetConfigMisuseIs500AndRolledBack() {
        Resp monthly = put(SeedDataV2.QUARTERLY_PLANNING, "{'budgets':[{'max_limit':10,'reset_duration':'1M',"
                + "'reset_config':{'quarter_start_month':4}}]}");
        assertThat(monthly.status()).isEqualTo(500);
        assertThat(monthly.message()).isEqualTo("Failed to update virtual key: reset_config is only valid on a"
                + " quarterly reset duration, got: 1M");
        Resp month13 = put(SeedDataV2.QUARTERLY_PLANNING, "{'budgets':[{'id':'" + Q_BUDGET + "','max_limit':10,"
                + "'reset_duration':'1Q','reset_config':{'quarter_start_month':13}}]}");
        assertThat(month13.status()).isEqualTo(500);
        assertThat(month13.message()).contains("quarter_start_month must be between 1 and 12, got: 13");
        assertThat(budget(get(SeedDataV2.QUARTERLY_PLANNING), "1Q").get("max_limit").asDouble()).isEqualTo(6000);
    }

    @Test
    void quarterlyDurationIsAcceptedOnBudgetsOnly() {
        Resp r = put("support-bot", "{'budgets':[{'max_limit':900,'reset_duration':'1Q'}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(budget(r.vk(), "1Q").get("current_usage").asDouble()).isEqualTo(112.5); // inherited from 1w
        Resp rl = put("support-bot", "{'rate_limit':{'request_max_limit':5,'request_reset_duration':'1Q'}}");
        assertThat(rl.status()).isEqualTo(500);
        try (SandboxServer later = SandboxServer.start(SandboxOptions.defaults().withDialect(
                bifrostdesk.virtualkey.model.Dialect.LATER))) {
            Resp old = new Http(later.baseUrl()).putVk(later.vkIdByName("support-bot"),
                    Http.j("{'budgets':[{'max_limit':900,'reset_duration':'1Q'}]}"));
            assertThat(old.status()).isEqualTo(400);
        }
    }

    @Test
    void unknownBudgetIdIs400() {
        Resp r = put("checkout-service", "{'budgets':[{'id':'not-mine','max_limit':8,'reset_duration':'1d'}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Failed to update virtual key: budget not-mine does not belong to this"
                + " entity");
    }

    @Test
    void resetBudgetUsageZeroesOnlyTheBudgetsSentAndMatched() {
        String day = SeedData.stableId("budget:checkout-service:1d");
        Resp r = put("checkout-service", "{'reset_budget_usage':true,'budgets':[{'id':'" + day
                + "','max_limit':50,'reset_duration':'1d'},{'max_limit':300,'reset_duration':'1w'}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(budget(r.vk(), "1d").get("current_usage").asDouble()).isZero();
        assertThat(budget(r.vk(), "1w").get("current_usage").asDouble()).isEqualTo(42); // new: still inherits
        assertThat(budget(pc(r.vk(), "openai"), "1M").get("current_usage").asDouble()).isEqualTo(120); // not sent
    }

    // ---- model_budgets (§11.6) ----

    private String chatOpenaiItem(String modelBudgets) {
        JsonNode p = pc(get(SeedDataV2.CHAT_ASSISTANT), "openai");
        return "{'id':" + p.get("id").asLong() + ",'provider':'openai','weight':1,'allowed_models':['gpt-4o',"
                + "'gpt-4o-mini'],'key_ids':['" + SeedData.keyId("openai-prod") + "']"
                + (modelBudgets == null ? "" : ",'model_budgets':" + modelBudgets) + "}";
    }

    @Test
    void modelBudgetsOmittedAreUntouched() {
        Resp r = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[" + chatOpenaiItem(null) + "]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(pc(r.vk(), "openai").get("model_budgets")).hasSize(2);
    }

    @Test
    void emptyModelBudgetsDeletesEveryTier() {
        Resp r = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[" + chatOpenaiItem("[]") + "]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(pc(r.vk(), "openai").has("model_budgets")).isFalse();
        assertThat(http.get("/api/governance/budgets").json().get("budgets").findValuesAsText("model_config_id"))
                .isEmpty();
    }

    @Test
    void modelBudgetsListIsTheFullSet() {
        String gpt4o = SeedData.stableId("budget:chat-assistant:openai:gpt-4o:1M");
        Resp r = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[" + chatOpenaiItem("[{'model_name':'gpt-4o',"
                + "'budgets':[{'id':'" + gpt4o + "','max_limit':350,'reset_duration':'1M'}],'rate_limit':{}},"
                + "{'model_name':' o3-mini ','budgets':[{'max_limit':5,'reset_duration':'1d'}]}]") + "]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode mb = pc(r.vk(), "openai").get("model_budgets");
        assertThat(mb.findValuesAsText("model_name")).containsExactly("gpt-4o", "o3-mini"); // mini deleted
        JsonNode b = mb.get(0).get("budgets").get(0);
        assertThat(b.get("id").asText()).isEqualTo(gpt4o);
        assertThat(b.get("current_usage").asDouble()).isEqualTo(240);
        assertThat(b.get("max_limit").asDouble()).isEqualTo(350);
        assertThat(mb.get(0).has("rate_limit")).isFalse(); // {} removed it
    }

    @Test
    void modelBudgetsValidation() {
        for (String bad : new String[] {"[{'model_name':''}]", "[{'model_name':'*'}]",
            "[{'model_name':'gpt-4o'},{'model_name':'gpt-4o '}]"}) {
            Resp r = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[" + chatOpenaiItem(bad) + "]}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.message()).as(bad).startsWith("Failed to update virtual key: model_budgets for provider"
                    + " openai: ");
        }
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= 100; i++) {
            many.append(i == 0 ? "" : ",").append("{'model_name':'m").append(i).append("'}");
        }
        Resp tooMany = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[" + chatOpenaiItem(many + "]") + "]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(pc(get(SeedDataV2.CHAT_ASSISTANT), "openai").get("model_budgets")).hasSize(2);
    }

    @Test
    void removingAProviderConfigDeletesItsModelBudgets() {
        Resp r = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[{'provider':'anthropic','allowed_models':['*'],"
                + "'key_ids':['*']}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(http.get("/api/governance/budgets").json().get("budgets").findValuesAsText("model_config_id"))
                .isEmpty();
    }

    @Test
    void changingTheProviderOnAnIdDropsItsGovernance() {
        JsonNode p = pc(get(SeedDataV2.CHAT_ASSISTANT), "openai");
        Resp r = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[{'id':" + p.get("id").asLong()
                + ",'provider':'azure','allowed_models':['*'],'key_ids':['*']}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode az = pc(r.vk(), "azure");
        assertThat(az.has("budgets")).isFalse();
        assertThat(az.has("model_budgets")).isFalse();
    }

    // ---- provider configs: weight, key_ids (§11.4.2) ----

    @Test
    void negativeWeightIs400ZeroIsFine() {
        Resp r = put("support-bot", "{'provider_configs':[{'provider':'anthropic','weight':-1,'allowed_models':['*'],"
                + "'key_ids':['*']}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Failed to update virtual key: invalid weight for provider anthropic: must be"
                + " a finite number greater than or equal to 0, got -1");
        Resp half = put("support-bot", "{'provider_configs':[{'provider':'anthropic','weight':-0.5}]}");
        assertThat(half.message()).endsWith("got -0.5");
        Resp zero = put("support-bot", "{'provider_configs':[{'provider':'anthropic','weight':0,"
                + "'allowed_models':['*'],'key_ids':['*']}]}");
        assertThat(zero.status()).isEqualTo(200);
        assertThat(zero.vk().get("provider_configs").get(0).get("weight").asDouble()).isZero();
    }

    @Test
    void omittedKeyIdsOnAnExistingConfigDeniesEveryKey() {
        JsonNode p = pc(get(SeedDataV2.CHAT_ASSISTANT), "openai");
        Resp r = put(SeedDataV2.CHAT_ASSISTANT, "{'provider_configs':[{'id':" + p.get("id").asLong()
                + ",'provider':'openai','weight':1,'allowed_models':['gpt-4o']}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(pc(r.vk(), "openai").get("keys")).isEmpty();
        assertThat(pc(r.vk(), "openai").get("allow_all_keys").asBoolean()).isFalse();
    }

    @Test
    void keyIdsFixOptionKeepsTheKeys() {
        try (SandboxServer fixed = SandboxServer.start(SandboxOptions.defaults().withKeyIdsOmittedKeepsKeys(true))) {
            Http h = new Http(fixed.baseUrl());
            String id = fixed.vkIdByName(SeedDataV2.CHAT_ASSISTANT);
            long pcId = fixed.vkJson(id).get("provider_configs").get(0).get("id").asLong();
            Resp r = h.putVk(id, Http.j("{'provider_configs':[{'id':" + pcId + ",'provider':'openai',"
                    + "'allowed_models':['gpt-4o']}]}"));
            assertThat(r.vk().get("provider_configs").get(0).get("keys").findValuesAsText("key_id"))
                    .containsExactly(SeedData.keyId("openai-prod"));
            Resp fresh = h.putVk(id, Http.j("{'provider_configs':[{'provider':'openai','allowed_models':['*']}]}"));
            assertThat(fresh.vk().get("provider_configs").get(0).get("keys")).isEmpty(); // new config: no keys
        }
    }

    // ---- expiry (§11.4.1) ----

    @Test
    void echoingAnExpiredKeysExpiresAtIs400() {
        String stored = get(SeedDataV2.EXPIRED_PILOT).get("expires_at").asText();
        Resp r = put(SeedDataV2.EXPIRED_PILOT, "{'description':'renamed','expires_at':'" + stored + "'}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("expires_at must be a future timestamp");
        assertThat(get(SeedDataV2.EXPIRED_PILOT).get("description").asText()).isNotEqualTo("renamed");
        assertThat(put(SeedDataV2.EXPIRED_PILOT, "{'expires_at':'next tuesday'}").message())
                .isEqualTo("expires_at must be an RFC3339 timestamp");
    }

    @Test
    void deleteAfterExpireNeedsAnExpiry() {
        Resp r = put("checkout-service", "{'delete_after_expire':true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Failed to update virtual key: delete_after_expire requires expires_at");
        assertThat(put("checkout-service", "{'delete_after_expire':false}").status()).isEqualTo(400);
        assertThat(put("checkout-service", "{'delete_after_expire':null}").status()).isEqualTo(200);
        Resp post = http.post(VKS, Http.j("{'name':'no-expiry','delete_after_expire':true}"));
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.message()).isEqualTo("Failed to create virtual key: delete_after_expire requires expires_at");
        String future = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Resp ok = put("checkout-service", "{'expires_at':'" + future + "','delete_after_expire':true}");
        assertThat(ok.vk().get("delete_after_expire").asBoolean()).isTrue();
    }

    @Test
    void clearingTheExpirySendsDeleteAfterExpireBackToInherit() {
        Resp r = put(SeedDataV2.CONTRACTOR_TRIAL, "{'expires_at':''}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().has("expires_at")).isFalse();
        assertThat(r.vk().has("delete_after_expire")).isFalse();
        assertThat(put(SeedDataV2.PRIVATE_NOTES, "{'description':'kept'}").vk().get("disable_content_logging")
                .asBoolean()).isTrue();
    }

    @Test
    void deleteAfterExpireAndContentLoggingAreTriState() {
        Resp keep = put(SeedDataV2.CONTRACTOR_TRIAL, "{'description':'x'}");
        assertThat(keep.vk().get("delete_after_expire").asBoolean()).isTrue();
        Resp off = put(SeedDataV2.CONTRACTOR_TRIAL, "{'delete_after_expire':false}");
        assertThat(off.vk().get("delete_after_expire").asBoolean()).isFalse();
        assertThat(put(SeedDataV2.CONTRACTOR_TRIAL, "{'delete_after_expire':null}").vk().has("delete_after_expire"))
                .isFalse();
        assertThat(put(SeedDataV2.PRIVATE_NOTES, "{'disable_content_logging':false}").vk()
                .get("disable_content_logging").asBoolean()).isFalse();
        assertThat(put(SeedDataV2.PRIVATE_NOTES, "{'disable_content_logging':null}").vk()
                .has("disable_content_logging")).isFalse();
        assertThat(put(SeedDataV2.PRIVATE_NOTES, "{'disable_content_logging':'yes'}").status()).isEqualTo(400);
    }

    // ---- grants, metadata, allow-all (§11.4.1, §11.9) ----

    @Test
    void agentGrantsAreTheFullSet() {
        Resp r = put(SeedDataV2.OPS_AUTOMATION, "{'agent_grants':[{'agent_name':'deploy-bot'},{'agent_name':'qa'}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.vk().get("agent_grants").findValuesAsText("agent_name")).containsExactly("deploy-bot", "qa");
        assertThat(put(SeedDataV2.OPS_AUTOMATION, "{'description':'d'}").vk().get("agent_grants")).hasSize(2);
        Resp dup = put(SeedDataV2.OPS_AUTOMATION, "{'agent_grants':[{'agent_name':'qa'},{'agent_name':'qa'}]}");
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.message()).isEqualTo("duplicate agent_name: qa");
        assertThat(put(SeedDataV2.OPS_AUTOMATION, "{'agent_grants':[{'agent_name':''}]}").status()).isEqualTo(400);
        Resp none = put(SeedDataV2.OPS_AUTOMATION, "{'agent_grants':[]}");
        assertThat(none.vk().get("agent_grants").isArray()).isTrue();
        assertThat(none.vk().get("agent_grants")).isEmpty();
    }

    @Test
    void metadataObjectReplacesTheMap() {
        Resp r = put(SeedDataV2.OPS_AUTOMATION, "{'metadata':{'owner':'sre'}}");
        assertThat(r.vk().get("metadata").toString()).isEqualTo("{\"owner\":\"sre\"}");
        Resp bad = put(SeedDataV2.OPS_AUTOMATION, "{'metadata':{'bifrost_internal':'x'}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).contains("invalid metadata key");
        assertThat(put(SeedDataV2.OPS_AUTOMATION, "{'metadata':{'a b':'x'}}").message())
                .contains("invalid metadata key");
        assertThat(put(SeedDataV2.OPS_AUTOMATION, "{'metadata':{}}").vk().has("metadata")).isFalse();
    }

    @Test
    void allowAllProvidersIsAPointerBool() {
        assertThat(put(SeedDataV2.PARTNER_GATEWAY, "{'description':'x'}").vk().get("allow_all_providers")
                .asBoolean()).isTrue();
        assertThat(put(SeedDataV2.PARTNER_GATEWAY, "{'allow_all_providers':false}").vk().get("allow_all_providers")
                .asBoolean()).isFalse();
        Resp post = http.post(VKS, Http.j("{'name':'everything','allow_all_providers':true}"));
        assertThat(post.vk().get("allow_all_providers").asBoolean()).isTrue();
    }

    // ---- access-profile-managed keys (§11.13) ----

    @Test
    void echoingTheProfilesBudgetIs400() {
        JsonNode b = get(SeedDataV2.SALES_ASSISTANT).get("budgets").get(0);
        Resp r = put(SeedDataV2.SALES_ASSISTANT, "{'budgets':[{'id':'" + b.get("id").asText() + "','max_limit':"
                + b.get("max_limit").asDouble() + ",'reset_duration':'1M'}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).endsWith("budget " + b.get("id").asText() + " does not belong to this entity");
    }

    @Test
    void echoingTheProfilesBudgetWithoutIdCreatesAKeyOwnedCopy() {
        Resp r = put(SeedDataV2.SALES_ASSISTANT, "{'budgets':[{'max_limit':300,'reset_duration':'1M'}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(server.vkBudgetIds(id(SeedDataV2.SALES_ASSISTANT))).hasSize(1);
        assertThat(put(SeedDataV2.SALES_ASSISTANT, "{'name':'sales-assistant-2','description':'ok'}").status())
                .isEqualTo(200);
    }

    // ---- calendar alignment (§11.5.4) ----

    @Test
    void switchingCalendarAlignmentOnAdoptsTheGridAndKeepsUsage() {
        Resp r = put("support-bot", "{'calendar_aligned':true}");
        JsonNode week = budget(r.vk(), "1w");
        Instant lastReset = Instant.parse(week.get("last_reset").asText());
        assertThat(lastReset.atZone(java.time.ZoneOffset.UTC).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(week.get("current_usage").asDouble()).isEqualTo(112.5);
    }
}
