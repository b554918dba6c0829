package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.api.UpdateBuilder.SaveOptions;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * REFERENCE §2.6.6 / §9 step 4: the update is committed before the in-memory reload; if that fails the server
 * answers 500 "updated in database but failed to reload" although the change is stored. A 500 is therefore not
 * "nothing happened": the client must surface it and re-read.
 */
class FailureAfterCommitTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a500AfterACommittedWriteIsRaisedAndAReReadShowsTheChange(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read("mobile-app");
            ObjectNode before = h.stored("mobile-app");
            VirtualKey edited = vk.withDescription("committed despite the 500");
            SavePlan plan = h.plan(edited, vk);
            h.sandbox.failNextUpdateAfterCommit();
            assertThatThrownBy(() -> h.execute(plan)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.serverMessage()).contains("updated in database but failed to reload");
            });
            VirtualKey reread = h.read("mobile-app");
            assertThat(reread.description()).isEqualTo("committed despite the 500");
            assertThat(reread).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);
            assertOnlyChanged(before, h.stored("mobile-app"),
                    e -> e.put("description", "committed despite the 500"));
            // the edit is already on the server: planned against the re-read copy, nothing is left to send
            SaveOptions overwrite = SaveOptions.defaults().withOverwriteConcurrentChanges(true);
            assertThat(UpdateBuilder.planUpdate(edited, reread, dialect, overwrite).requests()).isEmpty();
        }
    }
}
