package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import bifrostdesk.common.logging.AppLog;
import bifrostdesk.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the app does with an exception nobody caught: logged redacted, shown once with redacted details. */
class UncaughtErrorHandlerTest {
    private static final String SECRET = "sk-bf-live0123456789abcdef";

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Test
    void anUncaughtFailureIsLoggedAndShownWithItsDetailsButNeverItsSecrets() throws Exception {
        AppLog.install(dir.resolve("logs"));
        UncaughtErrorHandler handler = new UncaughtErrorHandler(dialogs, Runnable::run);
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("the value " + SECRET + " did not parse");
        }, "desk-worker-7");
        worker.setUncaughtExceptionHandler(handler);
        worker.start();
        worker.join();

        assertThat(dialogs.errorDetails).singleElement().satisfies(shown -> {
            assertThat(shown[0]).isEqualTo(UncaughtErrorHandler.TITLE);
            assertThat(shown[1]).startsWith("IllegalStateException: the value sk-bf-*** did not parse")
                    .contains("Your drafts are kept");
            assertThat(shown[2]).contains("Thread desk-worker-7", "IllegalStateException",
                    "UncaughtErrorHandlerTest");
            assertThat(String.join("\n", shown)).doesNotContain(SECRET);
        });
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }
        String log = Files.readString(dir.resolve("logs").resolve("bifrost-desk.0.log"));
        assertThat(log).contains("Uncaught in thread desk-worker-7", "IllegalStateException").doesNotContain(SECRET);
    }

    @Test
    void anUncaughtFailureIsAlsoInTheActivityPanelWithItsDetailsRedacted() {
        bifrostdesk.activity.ui.ActivityViewModel activity = new bifrostdesk.activity.ui.ActivityViewModel();
        UncaughtErrorHandler handler = new UncaughtErrorHandler(dialogs, Runnable::run,
                (message, details) -> activity.error(UncaughtErrorHandler.TITLE, message, details));
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("bad " + SECRET));

        assertThat(activity.entries()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(bifrostdesk.activity.Activity.Kind.ERROR);
            assertThat(a.summary()).isEqualTo(UncaughtErrorHandler.TITLE);
            assertThat(a.fullText()).contains("IllegalStateException: bad sk-bf-***", "UncaughtErrorHandlerTest")
                    .doesNotContain(SECRET);
        });
        assertThat(dialogs.errorDetails).hasSize(1);
    }

    @Test
    void oneDialogAtATimeTheRestIsLogged() {
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        UncaughtErrorHandler handler = new UncaughtErrorHandler(dialogs, fxQueue::add);
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("first"));
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("second, while the first shows"));
        assertThat(fxQueue).hasSize(1);
        fxQueue.poll().run();
        assertThat(dialogs.errorDetails).singleElement().satisfies(s -> assertThat(s[1]).contains("first"));

        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("third, after it closed"));
        fxQueue.poll().run();
        assertThat(dialogs.errorDetails).hasSize(2);
        assertThat(dialogs.errorDetails.get(1)[1]).contains("third");
    }

    @Test
    void aDialogThatFailsItselfDoesNotComeBackToTheHandler() {
        ScriptedDialogs broken = new ScriptedDialogs();
        broken.errorDetailsFail = new IllegalStateException("showAndWait is not allowed during animation or layout "
                + "processing");
        UncaughtErrorHandler handler = new UncaughtErrorHandler(broken, Runnable::run);
        assertThatCode(() -> handler.uncaughtException(Thread.currentThread(), new RuntimeException("boom")))
                .doesNotThrowAnyException();
        // and the next failure is shown again
        broken.errorDetailsFail = null;
        handler.uncaughtException(Thread.currentThread(), new RuntimeException("again"));
        assertThat(broken.errorDetails).singleElement().satisfies(s -> assertThat(s[1]).contains("again"));
    }

    @Test
    void theSummaryNamesTheCauseOfAMereWrapper() {
        RuntimeException wrapped = new RuntimeException(new java.io.IOException("disk full"));
        assertThat(UncaughtErrorHandler.summary(wrapped)).isEqualTo("IOException: disk full");
        assertThat(UncaughtErrorHandler.summary(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(UncaughtErrorHandler.summary(new IllegalStateException("outer", new RuntimeException("inner"))))
                .isEqualTo("IllegalStateException: outer");
    }
}
