package bifrostdesk.spend;

import bifrostdesk.budgets.BudgetRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Watches successive refreshes of the budget review and says when a limit <b>crosses</b> a threshold (80 % and
 * 100 % by default) or starts to be projected to run out before its reset within the horizon. Pure and
 * single-threaded: feed it {@link #observe} after each refresh and show what it returns (the UI raises the
 * notifications and counts them).
 * <p>
 * One alert per crossing, never repeated: a threshold fires when the used fraction goes from below to at or above
 * it, and not again while it stays there. It re-arms when the window resets (usage went down, or the next reset
 * moved) or when the fraction falls {@value #REARM_MARGIN_PERCENT} points below it (the limit was raised). When
 * several thresholds are crossed at once only the highest is reported. A limit seen for the first time is a
 * baseline, not a crossing: {@link #prime} with the last stored snapshot so crossings while the app was closed are
 * still caught.
 */
public final class BudgetWatch {
    static final int REARM_MARGIN_PERCENT = 5;
    private static final String RUNS_OUT = "runs-out";

    /**
     * @param thresholds used fractions that alert (0.8 = 80 %)
     * @param horizon    a projection that runs out before its reset no later than this from now alerts
     */
    public record Settings(List<Double> thresholds, Duration horizon) {
        public Settings {
            thresholds = List.copyOf(new TreeSet<>(thresholds));
        }

        public static Settings defaults() {
            return new Settings(List.of(0.8, 1.0), Duration.ofDays(3));
        }
    }

    /** One limit at one refresh; build it with {@link #of}. {@code projection} may be null (none computed). */
    public record Observation(String key, String vkId, String nodePath, String label, double usage, double limit,
                              Instant nextReset, Projection projection, String usedText) {

        public static Observation of(BudgetRow r, Projection p) {
            String label = r.ownerChain() + " · " + r.kind().label().toLowerCase(Locale.ROOT)
                    + (r.resetDuration() == null ? "" : " " + r.resetDuration());
            return new Observation(SeriesKey.of(r), r.vkId(), r.nodePath(), label, r.usage(), r.limit(),
                    r.nextReset(), p, r.format(r.usage()) + " of " + r.format(r.limit()));
        }

        double fraction() {
            return limit <= 0 ? 0 : usage / limit;
        }
    }

    public enum Type { THRESHOLD, RUNS_OUT }

    /**
     * What to tell the user; {@code vkId} and {@code nodePath} open the limit in the editor (null/"" for team and
     * customer limits).
     *
     * @param threshold the fraction crossed (THRESHOLD), or NaN
     */
    public record Alert(Type type, String key, String vkId, String nodePath, String label, double threshold,
                        Instant at, String message) {
    }

    private record State(double usage, double fraction, Instant nextReset, Set<String> fired) {
    }

    private final Settings settings;
    private final Map<String, State> states = new HashMap<>();

    public BudgetWatch(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Baseline from a stored snapshot: what is already over a threshold there does not alert again. */
    public void prime(SnapshotStore.Snapshot last) {
        if (last == null) {
            return;
        }
        last.values().forEach((key, s) -> states.put(key, new State(s.usage(), s.fraction(), null,
                firedFor(s.fraction(), false))));
    }

    /** Baseline from observations (no alerts). */
    public void prime(Collection<Observation> observations) {
        for (Observation o : observations) {
            states.put(o.key(), new State(o.usage(), o.fraction(), o.nextReset(), firedFor(o.fraction(),
                    runsOut(o))));
        }
    }

    private Set<String> firedFor(double fraction, boolean runsOut) {
        Set<String> fired = new HashSet<>();
        for (double th : settings.thresholds()) {
            if (fraction >= th) {
                fired.add(name(th));
            }
        }
        if (runsOut) {
            fired.add(RUNS_OUT);
        }
        return fired;
    }

    /** The alerts this refresh raises, at most one per limit and kind. */
    public List<Alert> observe(Instant at, Collection<Observation> observations) {
        List<Alert> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Observation o : observations) {
            seen.add(o.key());
            State prev = states.get(o.key());
            double f = o.fraction();
            if (prev == null) {
                states.put(o.key(), new State(o.usage(), f, o.nextReset(), firedFor(f, runsOut(o))));
                continue;
            }
            Set<String> fired = new HashSet<>(prev.fired());
            boolean newWindow = o.usage() < prev.usage() - 1e-9 || (o.nextReset() != null && prev.nextReset() != null
                    && !o.nextReset().equals(prev.nextReset()));
            if (newWindow) {
                fired.clear();
            }
            for (double th : settings.thresholds()) {
                if (f < th - REARM_MARGIN_PERCENT / 100.0) {
                    fired.remove(name(th));
                }
            }
            Double crossed = null;
            for (double th : settings.thresholds()) {
                if (f >= th && fired.add(name(th))) {
                    crossed = th;
                }
            }
            if (crossed != null && o.limit() > 0) {
                out.add(new Alert(Type.THRESHOLD, o.key(), o.vkId(), o.nodePath(), o.label(), crossed, at,
                        o.label() + (crossed >= 1 ? " is exhausted: " : " crossed " + Math.round(crossed * 100)
                                + " %: ") + o.usedText() + " used."));
            }
            if (runsOut(o) && fired.add(RUNS_OUT)) {
                out.add(new Alert(Type.RUNS_OUT, o.key(), o.vkId(), o.nodePath(), o.label(), Double.NaN, at,
                        o.label() + ": " + o.projection().sentence()));
            }
            states.put(o.key(), new State(o.usage(), f, o.nextReset(), fired));
        }
        states.keySet().retainAll(seen);
        return out;
    }

    private boolean runsOut(Observation o) {
        return o.projection() != null && o.fraction() < 1 && o.projection().runsOutWithin(settings.horizon());
    }

    private static String name(double th) {
        return "t" + th;
    }
}
