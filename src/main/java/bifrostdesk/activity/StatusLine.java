package bifrostdesk.activity;

import java.util.ArrayList;
import java.util.List;

/**
 * What the status line says: always the latest event, so it never goes stale, plus the problems no later event has
 * solved yet. A problem is solved by a later success of its own kind, and going offline or needing a sign-in by
 * being connected again; a save or a sync that succeeds solves what the editor had reported (a refused save, a
 * save queued while offline). Pure; the view-model feeds it on the FX thread.
 */
public final class StatusLine {
    private Activity current;
    private final List<Activity> open = new ArrayList<>();

    /** Takes a new event: it becomes the line, and clears the problems it solves. Returns the line. */
    public Activity apply(Activity a) {
        open.removeIf(p -> solves(a, p));
        if (a.isProblem()) {
            open.add(a);
        }
        current = a;
        return a;
    }

    /** The event the line shows, or null before the first. */
    public Activity current() {
        return current;
    }

    /** The problems not solved yet, oldest first. */
    public List<Activity> openProblems() {
        return List.copyOf(open);
    }

    /** Whether {@code later} solves {@code problem}. */
    static boolean solves(Activity later, Activity problem) {
        if (later.isProblem() || later.level() == Activity.Level.PROGRESS) {
            return false;
        }
        return switch (later.kind()) {
            case CONNECTED, RECONNECTED -> problem.kind() == Activity.Kind.OFFLINE
                    || problem.kind() == Activity.Kind.SIGN_IN || problem.kind() == Activity.Kind.CONNECTED
                    || problem.kind() == Activity.Kind.RECONNECTED;
            case SAVED, SYNC -> later.level() == Activity.Level.SUCCESS && (problem.kind() == Activity.Kind.EDITOR
                    || problem.kind() == Activity.Kind.SAVED || problem.kind() == Activity.Kind.SYNC);
            default -> later.level() == Activity.Level.SUCCESS && problem.kind() == later.kind();
        };
    }
}
