package bifrostdesk.activity;

import bifrostdesk.common.logging.Redaction;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The window's recent events, newest last, at most {@link #KEPT}. Every text passes through the log's
 * {@link Redaction} on the way in, so the panel, the tooltip, "copy details" and the diagnostics can never show a
 * key value or a password the log would have hidden. Listeners hear each event as it is added. Safe to call from
 * any thread (an uncaught failure may report from a worker); listeners run on the caller's thread.
 */
public final class ActivityLog {
    public static final int KEPT = 200;

    private final Clock clock;
    private final Deque<Activity> entries = new ArrayDeque<>();
    private final List<Consumer<Activity>> listeners = new CopyOnWriteArrayList<>();

    public ActivityLog(Clock clock) {
        this.clock = clock;
    }

    public ActivityLog() {
        this(Clock.systemUTC());
    }

    /** Adds an event whose short sentence is made from {@code text} ({@link Summaries#shorten}). */
    public Activity add(Activity.Kind kind, Activity.Level level, String text) {
        String full = Redaction.redact(text == null ? "" : text.strip());
        String summary = Summaries.shorten(full);
        return add(kind, level, summary, summary.equals(full) || (summary + ".").equals(full) ? "" : full);
    }

    /** Adds an event with its own short sentence and details. */
    public Activity add(Activity.Kind kind, Activity.Level level, String summary, String details) {
        Activity a = new Activity(clock.instant(), kind, level, Summaries.shorten(Redaction.redact(summary)),
                Redaction.redact(details));
        synchronized (entries) {
            entries.addLast(a);
            while (entries.size() > KEPT) {
                entries.removeFirst();
            }
        }
        listeners.forEach(l -> l.accept(a));
        return a;
    }

    public void addListener(Consumer<Activity> listener) {
        listeners.add(listener);
    }

    /** A copy of the events, oldest first. */
    public List<Activity> entries() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    /** The last {@code n} errors and warnings, oldest first (for the diagnostics). */
    public List<Activity> lastProblems(int n) {
        List<Activity> out = new ArrayList<>();
        for (Activity a : entries()) {
            if (a.isProblem()) {
                out.add(a);
            }
        }
        return out.subList(Math.max(0, out.size() - n), out.size());
    }
}
