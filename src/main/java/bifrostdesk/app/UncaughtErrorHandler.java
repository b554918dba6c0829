package bifrostdesk.app;

import bifrostdesk.common.logging.Redaction;
import bifrostdesk.common.ui.DialogService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line against failing silently: an exception nobody caught, on the FX thread or any other, is logged once
 * (through the app's log, which redacts) and shown as a short error dialog whose details — the stack trace, redacted
 * too — are folded away with a "Copy details" button for a bug report. One dialog at a time: failures while one is
 * open are logged only. Installed by {@link DeskApp} as the default handler.
 */
final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(UncaughtErrorHandler.class.getName());
    static final String TITLE = "Something went wrong";

    private final DialogService dialogs;
    private final Executor fx;
    private final AtomicBoolean showing = new AtomicBoolean();
    private final java.util.function.BiConsumer<String, String> record;

    /** @param fx runs the dialog on the FX thread ({@code Platform::runLater} in the app) */
    UncaughtErrorHandler(DialogService dialogs, Executor fx) {
        this(dialogs, fx, (message, details) -> { });
    }

    /**
     * @param record also gets each failure's message and details (redacted), on the FX thread: the app puts them
     *               into the activity panel, so an error seen once in a dialog can be found and copied later
     */
    UncaughtErrorHandler(DialogService dialogs, Executor fx, java.util.function.BiConsumer<String, String> record) {
        this.dialogs = dialogs;
        this.fx = fx;
        this.record = record;
    }

    /** Makes this the handler of every thread without its own, and of the calling (FX) thread. */
    void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        String where = thread == null ? "?" : thread.getName();
        try {
            LOG.log(Level.SEVERE, "Uncaught in thread " + where, e);
        } catch (RuntimeException logging) {
            System.err.println("Uncaught in thread " + where + ": " + Redaction.redact(String.valueOf(e)));
        }
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        String message = Redaction.redact(summary(e)) + "\n\nYour drafts are kept. If this happens again, copy the "
                + "details into a bug report.";
        String details = Redaction.redact("Thread " + where + "\n" + stackTrace(e));
        try {
            fx.execute(() -> show(message, details));
        } catch (RuntimeException notStarted) {
            // the FX toolkit is gone (exit): the log has it
            showing.set(false);
        }
    }

    private void show(String message, String details) {
        try {
            record.accept(message, details);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "The error could not be recorded in the activity panel", failed);
        }
        try {
            dialogs.showErrorDetails(TITLE, message, details);
        } catch (RuntimeException | Error failed) {
            // the dialog itself failed: never rethrow here, that would come straight back to this handler
            LOG.log(Level.SEVERE, "The error dialog could not be shown", failed);
        } finally {
            showing.set(false);
        }
    }

    /** One line for people: the exception's kind and message, or its cause's when it only wraps one. */
    static String summary(Throwable e) {
        Throwable shown = e;
        while (shown.getCause() != null && (shown.getMessage() == null
                || shown.getMessage().equals(String.valueOf(shown.getCause())))) {
            shown = shown.getCause();
        }
        return shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
