package bifrostdesk.integration;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.api.UpdateBuilder.SaveOptions;
import bifrostdesk.virtualkey.model.VirtualKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * REFERENCE §5: no ETag, last writer wins; {@code updated_at} is the only advisory token. Because every PUT the
 * builder sends carries the full state, saving a stale copy would silently undo the other writer's change — so
 * the plan is refused unless the user chooses to overwrite.
 */
class ConcurrentChangeTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aSaveOverSomeoneElsesChangeIsRefusedUnlessOverwriteIsChosen(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey mine = h.read("support-bot");
            VirtualKey theirs = h.read("support-bot");
            h.save(theirs.withActive(false)); // the other admin saves first

            VirtualKey myEdit = mine.withDescription("mine");
            VirtualKey server = h.read("support-bot");
            SavePlan refused = UpdateBuilder.planUpdate(myEdit, server, dialect);
            assertThat(refused.requests()).isEmpty();
            assertThat(refused.refusals()).isNotEmpty();
            assertThat(h.read("support-bot").active()).isFalse();

            // overwriting is explicit, and then the stale copy wins entirely (their deactivation is undone)
            h.execute(h.plan(myEdit, server, SaveOptions.defaults().withOverwriteConcurrentChanges(true)));
            VirtualKey after = h.read("support-bot");
            assertThat(after.description()).isEqualTo("mine");
            assertThat(after.active()).isTrue();
        }
    }
}
