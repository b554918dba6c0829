package bifrostdesk.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in the window, as the status line and the activity panel show it: when, what kind, how
 * serious, a short sentence that fits the status bar, and the full text (empty when the sentence says it all).
 * Both texts have been through the log's redaction before they get here ({@link ActivityLog}).
 *
 * @param summary a short sentence, whole words only (the status line)
 * @param details the full text, or empty (tooltip, panel, "copy details")
 */
public record Activity(Instant time, Kind kind, Level level, String summary, String details) {

    /** What the event is about; the status line uses it to clear problems that a later event solved. */
    public enum Kind {
        /** The first connect of the window. */
        CONNECTED,
        /** The server stopped answering. */
        OFFLINE,
        /** Online again after being offline. */
        RECONNECTED,
        /** Signing in, or a sign-in or setup token is needed. */
        SIGN_IN,
        /** A key was saved to the server. */
        SAVED,
        /** A sync of queued drafts ran, or a draft of it was sent. */
        SYNC,
        /** What the editor says about the open key (checking, plan, a refused save). */
        EDITOR,
        /** A short notice (copied, exported). */
        NOTICE,
        /** Something failed. */
        ERROR
    }

    /** How serious; the status line shows it as an icon. */
    public enum Level { PROGRESS, INFO, SUCCESS, WARNING, ERROR }

    public Activity {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        summary = summary == null ? "" : summary;
        details = details == null ? "" : details;
    }

    /** The whole text: the details when there are any, else the summary. */
    public String fullText() {
        return details.isEmpty() ? summary : details;
    }

    /** A problem that a later event can solve (offline, a refused save, a failed step). */
    public boolean isProblem() {
        return level == Level.WARNING || level == Level.ERROR;
    }
}
