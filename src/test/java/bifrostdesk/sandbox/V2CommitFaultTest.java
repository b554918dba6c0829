package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The "saved but" 500s (REFERENCE-v2 §11.12): each one answers 500 and the change is nonetheless stored. */
class V2CommitFaultTest extends V2TestBase {

    @Test
    void reloadFailureCommittedTheUpdate() {
        server.failNextAfterCommit(CommitFault.RELOAD);
        Resp bad = put("checkout-service", "{'budgets':[{'max_limit':-1,'reset_duration':'1d'}]}");
        assertThat(bad.status()).isEqualTo(400); // nothing committed: the fault stays armed
        Resp r = put("checkout-service", "{'description':'saved anyway'}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("Virtual key updated in database but failed to reload in-memory state");
        assertThat(get("checkout-service").get("description").asText()).isEqualTo("saved anyway");
        assertThat(put("checkout-service", "{'description':'again'}").status()).isEqualTo(200);
    }

    @Test
    void usageResetFailureCommittedTheRestButNotTheReset() {
        String day = SeedData.stableId("budget:checkout-service:1d");
        server.failNextAfterCommit(CommitFault.USAGE_RESET);
        assertThat(put("checkout-service", "{'description':'no reset asked'}").status()).isEqualTo(200);
        Resp r = put("checkout-service", "{'reset_budget_usage':true,'budgets':[{'id':'" + day
                + "','max_limit':75,'reset_duration':'1d'}]}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("Virtual key updated but budget usage reset did not take effect");
        JsonNode b = budget(get("checkout-service"), "1d");
        assertThat(b.get("max_limit").asDouble()).isEqualTo(75);
        assertThat(b.get("current_usage").asDouble()).isEqualTo(42);
    }

    @Test
    void calendarFailureCommittedTheFlagButNotTheAdoption() {
        String before = budget(get("support-bot"), "1w").get("last_reset").asText();
        server.failNextAfterCommit(CommitFault.CALENDAR);
        Resp r = put("support-bot", "{'calendar_aligned':true}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("Virtual key updated but calendar alignment did not take effect");
        JsonNode vk = get("support-bot");
        assertThat(vk.get("calendar_aligned").asBoolean()).isTrue();
        assertThat(budget(vk, "1w").get("last_reset").asText()).isEqualTo(before);
    }

    @Test
    void rotateReloadFailureStoredTheNewValue() {
        String before = get("checkout-service").get("value").asText();
        server.failNextAfterCommit(CommitFault.ROTATE_RELOAD);
        Resp r = http.post(VKS + "/" + id("checkout-service") + "/rotate", null);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("Failed to rotate virtual key: virtual key rotated in database but failed"
                + " to reload in-memory state");
        assertThat(get("checkout-service").get("value").asText()).isNotEqualTo(before).startsWith("sk-bf-");
    }

    @Test
    void overrideReloadFailureStoredTheOverride() {
        String day = SeedData.stableId("budget:checkout-service:1d");
        server.failNextAfterCommit(CommitFault.OVERRIDE_RELOAD);
        Resp r = http.put(VKS + "/" + id("checkout-service") + "/budgets/" + day + "/override",
                Http.j("{'amount':10,'mode':'forever'}"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("budget override saved but virtual key reload failed");
        assertThat(budget(get("checkout-service"), "1d").get("override_mode").asText()).isEqualTo("forever");
    }
}
