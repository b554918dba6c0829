package bifrostdesk.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log keeps the recent events with short sentences that end on a whole word, redacted like the log file. */
class ActivityLogTest {

    @Test
    void longMessagesGetAShortSentenceAndKeepTheWholeTextAsDetails() {
        ActivityLog log = new ActivityLog();
        String text = "Offline: the save is queued as a draft and will be sent when you sync (Failed to connect to "
                + "localhost/127.0.0.1:18300).";
        Activity a = log.add(Activity.Kind.EDITOR, Activity.Level.WARNING, text);
        assertThat(a.summary()).startsWith("Offline: the save is queued as a draft").endsWith("…")
                .hasSizeLessThanOrEqualTo(Summaries.MAX);
        assertThat(a.details()).isEqualTo(text);
        assertThat(a.fullText()).isEqualTo(text);
    }

    @Test
    void aShortMessageIsItsOwnSummaryWithoutDetails() {
        Activity a = new ActivityLog().add(Activity.Kind.SAVED, Activity.Level.SUCCESS, "Saved mobile-app.");
        assertThat(a.summary()).isEqualTo("Saved mobile-app");
        assertThat(a.details()).isEmpty();
    }

    @Test
    void summariesNeverCutAWord() {
        String text = "Could not read the server's copy because the gateway answered with something unexpected "
                + "and the connection dropped";
        String s = Summaries.shorten(text);
        assertThat(s).endsWith("…").hasSizeLessThanOrEqualTo(Summaries.MAX);
        String words = s.substring(0, s.length() - 1);
        assertThat(text).startsWith(words);
        assertThat(text.charAt(words.length())).isEqualTo(' ');
    }

    @Test
    void secretsAreRedactedInSummaryAndDetails() {
        ActivityLog log = new ActivityLog();
        Activity a = log.add(Activity.Kind.ERROR, Activity.Level.ERROR, "Copy failed for sk-bf-abcdef123456",
                "Authorization: Bearer abcdefghijklmnop; value sk-bf-zzzzzzzz9999");
        assertThat(a.summary()).doesNotContain("abcdef123456").contains("sk-bf-***");
        assertThat(a.details()).doesNotContain("abcdefghijklmnop").doesNotContain("zzzzzzzz9999");
    }

    @Test
    void keepsTheRecentEventsAndTellsListeners() {
        ActivityLog log = new ActivityLog();
        List<Activity> heard = new ArrayList<>();
        log.addListener(heard::add);
        for (int i = 0; i < ActivityLog.KEPT + 5; i++) {
            log.add(Activity.Kind.NOTICE, i % 2 == 0 ? Activity.Level.INFO : Activity.Level.ERROR, "event " + i);
        }
        assertThat(log.entries()).hasSize(ActivityLog.KEPT);
        assertThat(log.entries().get(0).summary()).isEqualTo("event 5");
        assertThat(heard).hasSize(ActivityLog.KEPT + 5);
        assertThat(log.lastProblems(2)).extracting(Activity::summary).containsExactly("event 201", "event 203");
    }
}
