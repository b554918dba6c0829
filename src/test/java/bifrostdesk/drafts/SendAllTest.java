package bifrostdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one loop that sends a plan's requests (the editor's save, the sync and activate use it). */
class SendAllTest {
    private static final PlannedRequest PUT = new PlannedRequest("PUT", "/api/governance/virtual-keys/vk-1", null,
            "the key");
    private static final PlannedRequest STEP = new PlannedRequest("PUT", "/api/governance/budgets/b-1/override", null,
            "an override");
    private static final SavePlan PLAN = new SavePlan(List.of(PUT, STEP), List.of("two changes"), List.of());
    private static final ApiException COMMITTED = new ApiException(ApiException.Kind.HTTP, 500,
            "Virtual key updated in database but failed to reload in-memory state", "PUT", PUT.path(), null);

    private final List<PlannedRequest> sent = new ArrayList<>();

    @Test
    void everyRequestIsSentInOrderAndTheLastKeyAnAnswerCarriedIsKept() throws Exception {
        VirtualKey answer = VirtualKey.newKey("k");
        SyncService.Sent s = SyncService.sendAll(PLAN, r -> {
            sent.add(r);
            return r == PUT ? answer : null;
        }, () -> false, true);
        assertThat(sent).containsExactly(PUT, STEP);
        assertThat(s.requests()).containsExactly(PUT, STEP);
        assertThat(s.last()).isSameAs(answer);
        assertThat(s.outcome()).isEqualTo("saved");
    }

    @Test
    void aFailureStopsTheLoopAndSaysWhatWasSent() {
        ApiException refused = new ApiException(ApiException.Kind.HTTP, 400, "bad budget", "PUT", PUT.path(), null);
        assertThatThrownBy(() -> SyncService.sendAll(PLAN, r -> {
            sent.add(r);
            throw refused;
        }, () -> false, true)).isInstanceOfSatisfying(SyncService.Stopped.class, stopped -> {
            assertThat(stopped.sent()).containsExactly(PUT);
            assertThat(stopped.failure()).isSameAs(refused);
        });
        assertThat(sent).containsExactly(PUT);
    }

    @Test
    void aCommittedFiveHundredCountsAsSentOnlyWhenTheCallerSaysSo() throws Exception {
        SyncService.Sent s = SyncService.sendAll(PLAN, r -> {
            sent.add(r);
            if (r == PUT) {
                throw COMMITTED;
            }
            return null;
        }, () -> false, true);
        assertThat(sent).as("the loop goes on: nothing is resent").containsExactly(PUT, STEP);
        assertThat(s.last()).as("re-read by the caller").isNull();
        assertThat(s.outcome()).startsWith("saved (the server answered \"Virtual key updated in database");

        sent.clear();
        assertThatThrownBy(() -> SyncService.sendAll(PLAN, r -> {
            sent.add(r);
            throw COMMITTED;
        }, () -> false, false)).isInstanceOfSatisfying(SyncService.Stopped.class,
                stopped -> assertThat(stopped.failure()).isSameAs(COMMITTED));
        assertThat(sent).as("the editor's save stops and re-reads").containsExactly(PUT);
    }

    @Test
    void aCancelledSaveSendsNothingMore() {
        boolean[] cancel = {false};
        assertThatThrownBy(() -> SyncService.sendAll(PLAN, r -> {
            sent.add(r);
            cancel[0] = true;
            return null;
        }, () -> cancel[0], false)).isInstanceOfSatisfying(SyncService.Stopped.class, stopped -> {
            assertThat(stopped.sent()).containsExactly(PUT);
            assertThat(stopped.failure()).isInstanceOf(InterruptedException.class).hasMessage("cancelled");
        });
        assertThat(sent).containsExactly(PUT);
    }
}
