package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code PUT|DELETE …/virtual-keys/{vk}/budgets/{budget}/override} (REFERENCE-v2 §11.5.6). */
class V2OverrideTest extends V2TestBase {
    private static final String DAY = SeedData.stableId("budget:checkout-service:1d");

    private String path(String vkName, String budgetId) {
        return VKS + "/" + id(vkName) + "/budgets/" + budgetId + "/override";
    }

    private Resp override(String body) {
        return http.put(path("checkout-service", DAY), Http.j(body));
    }

    @Test
    void cyclesOverrideRaisesTheEffectiveLimit() {
        Resp r = override("{'amount':100,'mode':'cycles','cycles':2}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode b = r.json().get("budget");
        assertThat(b.get("id").asText()).isEqualTo(DAY);
        assertThat(b.get("max_limit").asDouble()).isEqualTo(50);
        assertThat(b.get("override_amount").asDouble()).isEqualTo(100);
        assertThat(b.get("override_mode").asText()).isEqualTo("cycles");
        assertThat(b.get("override_cycles_remaining").asInt()).isEqualTo(2);
        assertThat(b.get("override_cycles_total").asInt()).isEqualTo(2);
        assertThat(b.get("override_anchor_reset").asText()).isEqualTo(b.get("last_reset").asText());
        assertThat(r.json().get("effective_max_limit").asDouble()).isEqualTo(150);
        assertThat(budget(get("checkout-service"), "1d").get("override_amount").asDouble()).isEqualTo(100);
    }

    @Test
    void foreverReplacesAndDeleteRemoves() {
        override("{'amount':100,'mode':'cycles','cycles':2}");
        Resp r = override("{'amount':5,'mode':'forever'}");
        assertThat(r.json().get("budget").has("override_cycles_remaining")).isFalse();
        assertThat(r.json().get("effective_max_limit").asDouble()).isEqualTo(55);
        Resp d = http.delete(path("checkout-service", DAY));
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.json().get("budget").has("override_mode")).isFalse();
        assertThat(d.json().get("effective_max_limit").asDouble()).isEqualTo(50);
        assertThat(budget(get("checkout-service"), "1d").has("override_amount")).isFalse();
        assertThat(override("{'amount':0,'mode':''}").status()).isEqualTo(200); // clears too
    }

    @Test
    void validationTable() {
        String[][] cases = {
            {"{'amount':0,'mode':'cycles','cycles':2}", "budget override_amount must be > 0 for cycles mode"},
            {"{'amount':5,'mode':'cycles'}", "budget override_cycles_remaining must be > 0 for cycles mode"},
            {"{'amount':-1,'mode':'forever'}", "budget override_amount must be > 0 for forever mode"},
            {"{'amount':5,'mode':'forever','cycles':1}", "budget override_cycles_remaining must be 0 for forever mode"},
            {"{'amount':5}", "budget override fields require override_mode"},
            {"{'amount':5,'mode':'weekly'}", "invalid budget override_mode: weekly"},
            {"{'amount':'lots','mode':'forever'}", "invalid request body"},
        };
        for (String[] c : cases) {
            Resp r = override(c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.message()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(http.put(path("checkout-service", DAY), "{nope").message()).isEqualTo("invalid request body");
        assertThat(budget(get("checkout-service"), "1d").has("override_mode")).isFalse();
    }

    @Test
    void notFound() {
        Resp noKey = http.put(VKS + "/nope/budgets/" + DAY + "/override", Http.j("{'amount':1,'mode':'forever'}"));
        assertThat(noKey.status()).isEqualTo(404);
        assertThat(noKey.message()).isEqualTo("virtual key or budget not found");
        Resp other = http.put(path("support-bot", DAY), Http.j("{'amount':1,'mode':'forever'}"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.message()).isEqualTo("budget not found");
        // the access profile's budget shows on the key's GET, but it is not the key's
        String profile = get(SeedDataV2.SALES_ASSISTANT).get("budgets").get(0).get("id").asText();
        assertThat(http.put(path(SeedDataV2.SALES_ASSISTANT, profile), Http.j("{'amount':1,'mode':'forever'}"))
                .status()).isEqualTo(404);
    }

    @Test
    void providerAndPerModelBudgetsTakeOverridesToo() {
        JsonNode openai = pc(get(SeedDataV2.CHAT_ASSISTANT), "openai");
        String pcBudget = openai.get("budgets").get(0).get("id").asText();
        String modelBudget = openai.get("model_budgets").get(0).get("budgets").get(0).get("id").asText();
        Resp p = http.put(path(SeedDataV2.CHAT_ASSISTANT, pcBudget), Http.j("{'amount':1,'mode':'forever'}"));
        assertThat(p.json().get("budget").get("provider_config_id").asLong()).isEqualTo(openai.get("id").asLong());
        Resp m = http.put(path(SeedDataV2.CHAT_ASSISTANT, modelBudget), Http.j("{'amount':60,'mode':'forever'}"));
        assertThat(m.json().get("effective_max_limit").asDouble()).isEqualTo(360);
    }

    @Test
    void aBudgetPutKeepsTheOverrideAndDroppingTheBudgetDropsIt() {
        override("{'amount':100,'mode':'cycles','cycles':2}");
        Resp r = put("checkout-service", "{'budgets':[{'id':'" + DAY + "','max_limit':60,'reset_duration':'1d'},"
                + "{'max_limit':1000,'reset_duration':'1M'}]}");
        assertThat(budget(r.vk(), "1d").get("override_amount").asDouble()).isEqualTo(100);
        put("checkout-service", "{'budgets':[{'max_limit':1000,'reset_duration':'1M'}]}");
        assertThat(override("{'amount':1,'mode':'forever'}").status()).isEqualTo(404);
    }

    @Test
    void seededOverrideKeepsUsageUnderTheEffectiveLimit() {
        JsonNode b = budget(get(SeedDataV2.LAUNCH_CAMPAIGN), "1M");
        double effective = b.get("max_limit").asDouble() + b.get("override_amount").asDouble();
        assertThat(b.get("current_usage").asDouble()).isGreaterThan(b.get("max_limit").asDouble())
                .isLessThan(effective);
    }
}
