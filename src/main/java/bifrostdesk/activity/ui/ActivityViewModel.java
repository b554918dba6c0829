package bifrostdesk.activity.ui;

import bifrostdesk.activity.Activity;
import bifrostdesk.activity.ActivityLog;
import bifrostdesk.activity.StatusLine;
import bifrostdesk.activity.StatusWords;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status line and the activity panel's state. It listens to what already reports the window's state (the
 * connection's status, the editor's message, the notices and errors of the dialog service, the sync) and turns each
 * change into an {@link Activity}: the line shows the latest, the panel lists them newest first, and the finish of a
 * long operation (a save, a sync, a reconnect) is offered as a brief notification. Call on the FX thread.
 */
public final class ActivityViewModel {
    /** Events that end something the user waited for: the window shows them briefly as a notification. */
    private static final List<Activity.Kind> FINISHES = List.of(Activity.Kind.SAVED, Activity.Kind.SYNC,
            Activity.Kind.RECONNECTED);

    private final ActivityLog log;
    private final StatusLine line = new StatusLine();
    private final ObservableList<Activity> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Activity> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Activity> finished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper openProblems = new ReadOnlyIntegerWrapper();
    /** The plan the user confirmed last, to say what a save changed; cleared once used. */
    private List<String> lastPlan = List.of();

    public ActivityViewModel(ActivityLog log) {
        this.log = log;
        log.addListener(this::show);
    }

    public ActivityViewModel() {
        this(new ActivityLog());
    }

    private void show(Activity a) {
        entries.add(0, a);
        if (entries.size() > ActivityLog.KEPT) {
            entries.remove(ActivityLog.KEPT, entries.size());
        }
        status.set(line.apply(a));
        openProblems.set(line.openProblems().size());
        if (FINISHES.contains(a.kind()) && (a.level() == Activity.Level.SUCCESS || a.level() == Activity.Level.WARNING)) {
            finished.set(a);
        }
    }

    // ---- feeds ---------------------------------------------------------------------------------------------

    /**
     * Follows the connection: its status text ("Connecting to …", "Online", "Offline since …", "Sign-in needed"),
     * whether it is online, and why it is offline. {@code describe} says what the server is once connected.
     */
    public void watchConnection(ObservableStringValue connection, ObservableBooleanValue online,
                                ObservableStringValue offlineReason, Supplier<String> describe) {
        boolean[] wasOffline = {false};
        connection.addListener((o, before, now) -> {
            if (now == null || now.isEmpty()) {
                return;
            }
            if (online.get() && now.equals("Online")) {
                boolean back = wasOffline[0];
                wasOffline[0] = false;
                log.add(back ? Activity.Kind.RECONNECTED : Activity.Kind.CONNECTED, Activity.Level.SUCCESS,
                        (back ? "Reconnected: " : "Connected: ") + describe.get(), "");
            } else if (now.startsWith("Connecting")) {
                log.add(Activity.Kind.CONNECTED, Activity.Level.PROGRESS, now);
            } else if (!now.startsWith("Offline")) {
                // sign-in needed, not signed in, setup token needed, the gateway is locked
                log.add(Activity.Kind.SIGN_IN, Activity.Level.WARNING, now);
            }
        });
        offlineReason.addListener((o, before, reason) -> {
            if (reason != null && !reason.isEmpty() && !online.get() && connection.get().startsWith("Offline")) {
                wasOffline[0] = true;
                log.add(Activity.Kind.OFFLINE, Activity.Level.WARNING, "Offline: the server does not answer",
                        connection.get() + ". " + reason + "\nEdits are kept as drafts; the app looks for the "
                                + "server every 10 seconds and reconnects by itself.");
            }
        });
    }

    /** Follows the editor's message (checking, plan, saving, saved, refused…). */
    public void watchEditor(ObservableStringValue editorStatus) {
        editorStatus.addListener((o, before, now) -> {
            if (now == null || now.isBlank()) {
                return;
            }
            Activity.Kind kind = StatusWords.editorKindOf(now);
            if (kind == Activity.Kind.SAVED) {
                saved(now, Activity.Kind.SAVED);
            } else {
                log.add(kind, StatusWords.levelOf(now), now);
            }
        });
    }

    /** The sync sent a queued draft of {@code keyName}. */
    public void synced(String keyName) {
        saved("Synced " + keyName, Activity.Kind.SYNC);
    }

    private void saved(String sentence, Activity.Kind kind) {
        String plan = lastPlan.isEmpty() ? "" : sentence.strip() + "\n" + "Plan:\n• " + String.join("\n• ", lastPlan);
        lastPlan = List.of();
        log.add(kind, Activity.Level.SUCCESS, sentence, plan);
    }

    /** A notice of the dialog service ("Copied", "Sync finished: 1 saved, 0 still queued."). */
    public void notice(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        log.add(StatusWords.noticeKindOf(text), StatusWords.levelOf(text), text);
    }

    /** An error the user was shown. */
    public void error(String title, String message, String details) {
        String full = title + ": " + message + (details == null || details.isBlank() ? "" : "\n\n" + details);
        log.add(Activity.Kind.ERROR, Activity.Level.ERROR, title, full);
    }

    /** The user confirmed a plan: the next save or sync event says what it changed. */
    void planConfirmed(List<String> changes) {
        lastPlan = List.copyOf(changes);
    }

    /** An event from elsewhere (the app's start-up notes, the keychain's warning). */
    public void record(Activity.Kind kind, Activity.Level level, String text) {
        log.add(kind, level, text);
    }

    // ---- what the window shows ------------------------------------------------------------------------------

    /** The event the status line shows; null before the first. */
    public ReadOnlyObjectProperty<Activity> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The latest finish of a long operation, for a brief notification. */
    public ReadOnlyObjectProperty<Activity> finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** How many problems no later event has solved. */
    public ReadOnlyIntegerProperty openProblemsProperty() {
        return openProblems.getReadOnlyProperty();
    }

    /** The events, newest first. */
    public ObservableList<Activity> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ActivityLog log() {
        return log;
    }
}
