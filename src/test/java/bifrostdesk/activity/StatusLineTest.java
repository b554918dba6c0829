package bifrostdesk.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The status line is always the latest event, and a later event clears the problems it solves. */
class StatusLineTest {
    private final ActivityLog log = new ActivityLog(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    private final StatusLine line = new StatusLine();

    private Activity add(Activity.Kind kind, Activity.Level level, String text) {
        return line.apply(log.add(kind, level, text));
    }

    @Test
    void everyEventReplacesTheLine() {
        add(Activity.Kind.CONNECTED, Activity.Level.SUCCESS, "Connected: Bifrost v1.3.0");
        add(Activity.Kind.EDITOR, Activity.Level.PROGRESS, "Saving…");
        assertThat(line.current().summary()).isEqualTo("Saving…");
        add(Activity.Kind.SAVED, Activity.Level.SUCCESS, "Saved mobile-app.");
        assertThat(line.current().summary()).isEqualTo("Saved mobile-app");
        assertThat(line.current().level()).isEqualTo(Activity.Level.SUCCESS);
    }

    @Test
    void reconnectingAndASyncClearTheOfflineWarningAndTheQueuedSave() {
        add(Activity.Kind.OFFLINE, Activity.Level.WARNING, "Offline: the server does not answer");
        add(Activity.Kind.EDITOR, Activity.Level.WARNING, "Offline: the save is queued as a draft and will be sent "
                + "when you sync (connection refused).");
        assertThat(line.openProblems()).hasSize(2);

        add(Activity.Kind.RECONNECTED, Activity.Level.SUCCESS, "Reconnected: Bifrost v1.3.0");
        assertThat(line.current().summary()).isEqualTo("Reconnected: Bifrost v1.3.0");
        assertThat(line.openProblems()).extracting(Activity::kind).containsExactly(Activity.Kind.EDITOR);

        add(Activity.Kind.SYNC, Activity.Level.SUCCESS, "Synced mobile-app");
        assertThat(line.openProblems()).isEmpty();
        assertThat(line.current().summary()).doesNotContain("Offline");
    }

    @Test
    void aProgressOrAnotherProblemSolvesNothing() {
        add(Activity.Kind.EDITOR, Activity.Level.ERROR, "The server refused the save: budget too low");
        add(Activity.Kind.EDITOR, Activity.Level.PROGRESS, "Checking the server's copy…");
        add(Activity.Kind.OFFLINE, Activity.Level.WARNING, "Offline");
        assertThat(line.openProblems()).hasSize(2);
        add(Activity.Kind.SAVED, Activity.Level.SUCCESS, "Saved x.");
        assertThat(line.openProblems()).extracting(Activity::kind).containsExactly(Activity.Kind.OFFLINE);
    }

    @Test
    void aSignInNeededIsSolvedByConnecting() {
        add(Activity.Kind.SIGN_IN, Activity.Level.WARNING, "Sign-in needed");
        add(Activity.Kind.CONNECTED, Activity.Level.SUCCESS, "Connected: Bifrost v2.3.0");
        assertThat(line.openProblems()).isEmpty();
    }
}
