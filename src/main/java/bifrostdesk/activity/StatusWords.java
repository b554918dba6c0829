package bifrostdesk.activity;

import java.util.Locale;

/**
 * How serious a message of the editor or a notice is, from its words. The editor and the sync report in sentences
 * (their wording is tested where they are made); this reads the few ways those sentences start, so the status line
 * can show an icon without every caller passing a level. Pure.
 */
public final class StatusWords {
    private StatusWords() {
    }

    /** The level of an editor message ("Saved x.", "Saving…", "Not saved: …", "Offline: the save is queued …"). */
    public static Activity.Level levelOf(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("…") || t.endsWith("...")) {
            return t.startsWith("the save failed") || t.startsWith("partly saved") ? Activity.Level.ERROR
                    : Activity.Level.PROGRESS;
        }
        if (t.startsWith("saved ") || t.startsWith("signed in") || t.startsWith("nothing to save")
                || t.startsWith("reconnected") || t.startsWith("connected")) {
            return Activity.Level.SUCCESS;
        }
        if (t.startsWith("offline") || t.startsWith("still offline") || t.contains("cancelled")
                || t.startsWith("not reset") || t.contains("still queued")
                && !t.contains(" 0 still queued")) {
            return Activity.Level.WARNING;
        }
        if (t.startsWith("not ") || t.startsWith("the server refused") || t.startsWith("could not")
                || t.startsWith("cannot") || t.startsWith("the save failed") || t.startsWith("partly saved")
                || t.contains(" block the save") || t.contains(" blocks the save") || t.contains("failed")) {
            return Activity.Level.ERROR;
        }
        if (t.startsWith("sync finished")) {
            return Activity.Level.SUCCESS;
        }
        return Activity.Level.INFO;
    }

    /** The kind of an editor message: a finished save is {@code SAVED}, the rest is the editor's. */
    public static Activity.Kind editorKindOf(String text) {
        return text.strip().toLowerCase(Locale.ROOT).startsWith("saved ") ? Activity.Kind.SAVED : Activity.Kind.EDITOR;
    }

    /** The kind of a notice: sync results and "back online" belong to the sync, the rest are notices. */
    public static Activity.Kind noticeKindOf(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("sync") || t.startsWith("back online") || t.startsWith("nothing to sync")
                || t.startsWith("still offline") ? Activity.Kind.SYNC : Activity.Kind.NOTICE;
    }
}
