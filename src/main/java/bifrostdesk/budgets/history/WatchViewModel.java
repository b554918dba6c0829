package bifrostdesk.budgets.history;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.spend.BudgetWatch;
import bifrostdesk.spend.Projector;
import bifrostdesk.spend.SeriesKey;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.spend.SpendSeries;
import bifrostdesk.spend.WatchSettingsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * After every load of the budget review: records a usage snapshot ({@link SnapshotStore#append}), and with
 * auto-refresh on, watches for limits that cross a threshold or are projected to run out before their reset
 * within the horizon ({@link BudgetWatch}: one alert per crossing). New alerts go to {@link #latestProperty()} (the
 * view raises desktop notifications), to {@link #alerts()} and to the unseen count the Budgets tab shows.
 * <p>
 * Thresholds and horizon are settings, kept in {@link WatchSettingsFile} and read and written in the
 * {@link TaskRunner}; the snapshot, the paces and the watch also run there, never on the FX thread.
 */
public final class WatchViewModel {
    /** The thresholds offered, in percent. */
    public static final List<Integer> OFFERED = List.of(50, 80, 90, 100);
    /** The horizons offered. */
    public static final List<Duration> HORIZONS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofDays(14));
    static final int KEEP = 50;

    private final BudgetsViewModel review;
    private final SnapshotStore snapshots;
    private final Path settingsFile;
    private final TaskRunner runner;
    private final Projector projector;

    private final Map<Integer, BooleanProperty> thresholds = new LinkedHashMap<>();
    private final ObjectProperty<Duration> horizon = new SimpleObjectProperty<>(this, "horizon",
            BudgetWatch.Settings.defaults().horizon());
    private final ObservableList<BudgetWatch.Alert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper(this, "unseen");
    private final ReadOnlyObjectWrapper<List<BudgetWatch.Alert>> latest = new ReadOnlyObjectWrapper<>(this, "latest",
            List.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<Instant> recorded = new ReadOnlyObjectWrapper<>(this, "recorded");

    /** The watch and whether it has its baseline; touched only inside the runner's tasks, under its own lock. */
    private Watch watch;
    private boolean applying;

    private static final class Watch {
        final BudgetWatch watch;
        boolean primed;

        Watch(BudgetWatch.Settings s) {
            watch = new BudgetWatch(s);
        }
    }

    /**
     * @param snapshots    where snapshots go, or {@code null} without a workspace
     * @param settingsFile where the settings are kept, or {@code null} to keep them for the session only
     */
    public WatchViewModel(BudgetsViewModel review, SnapshotStore snapshots, Path settingsFile, TaskRunner runner,
                          ZoneId zone) {
        this.review = Objects.requireNonNull(review);
        this.snapshots = snapshots;
        this.settingsFile = settingsFile;
        this.runner = Objects.requireNonNull(runner);
        this.projector = new Projector(zone);
        BudgetWatch.Settings d = BudgetWatch.Settings.defaults();
        for (int pct : OFFERED) {
            BooleanProperty p = new SimpleBooleanProperty(this, "threshold" + pct, d.thresholds().contains(pct / 100.0));
            p.addListener((o, a, b) -> settingsChanged());
            thresholds.put(pct, p);
        }
        horizon.addListener((o, a, b) -> settingsChanged());
        watch = new Watch(d);
        review.lastLoadedAtProperty().addListener((o, a, at) -> {
            if (at != null) {
                reviewLoaded(List.copyOf(review.rows()), at, review.refreshMinutesProperty().get() > 0);
            }
        });
        if (settingsFile != null) {
            runner.run("Read the budget watch settings", p -> WatchSettingsFile.load(settingsFile), this::apply,
                    e -> problem.set("Could not read the watch settings: " + e.getMessage()));
        }
    }

    /** The settings as chosen now. */
    public BudgetWatch.Settings settings() {
        List<Double> on = new ArrayList<>();
        thresholds.forEach((pct, p) -> {
            if (p.get()) {
                on.add(pct / 100.0);
            }
        });
        return new BudgetWatch.Settings(on, horizon.get());
    }

    private void apply(BudgetWatch.Settings s) {
        applying = true;
        try {
            thresholds.forEach((pct, p) -> p.set(s.thresholds().stream().anyMatch(t -> Math.abs(t * 100 - pct) < 0.5)));
            horizon.set(s.horizon());
        } finally {
            applying = false;
        }
        watch = new Watch(settings());
    }

    private void settingsChanged() {
        if (applying) {
            return;
        }
        BudgetWatch.Settings s = settings();
        // a new watch: it primes itself from the last snapshot, so nothing already over a threshold alerts again
        watch = new Watch(s);
        if (settingsFile != null) {
            runner.run("Save the budget watch settings", p -> {
                WatchSettingsFile.save(settingsFile, s);
                return s;
            }, x -> problem.set(null), e -> problem.set("Could not save the watch settings: " + e.getMessage()));
        }
    }

    /**
     * One load of the review: snapshot, and with {@code watching} the alerts. Without it the watch forgets its
     * baseline, so turning auto-refresh on later compares with the last snapshot, not an old one.
     */
    void reviewLoaded(List<BudgetRow> rows, Instant at, boolean watching) {
        Watch w = watch;
        runner.run("Record usage snapshot", p -> {
            synchronized (w) {
                if (watching && !w.primed && snapshots != null) {
                    w.watch.prime(snapshots.latest());
                }
                if (snapshots != null) {
                    snapshots.append(at, rows);
                }
                if (!watching) {
                    w.primed = false;
                    return List.<BudgetWatch.Alert>of();
                }
                List<BudgetWatch.Observation> obs = observations(rows, at);
                if (!w.primed && snapshots == null) {
                    w.watch.prime(obs);
                    w.primed = true;
                    return List.<BudgetWatch.Alert>of();
                }
                w.primed = true;
                return w.watch.observe(at, obs);
            }
        }, fresh -> {
            raised(fresh);
            recorded.set(at);
        }, e -> {
            problem.set("Could not record the usage snapshot: " + e.getMessage());
            recorded.set(at);
        });
    }

    /** Every limit with its projection at the pace its snapshots show over the last day. */
    private List<BudgetWatch.Observation> observations(List<BudgetRow> rows, Instant at) throws Exception {
        Map<String, List<SpendSeries.UsagePoint>> usage = Map.of();
        if (snapshots != null) {
            Set<String> keys = new HashSet<>();
            rows.forEach(r -> keys.add(SeriesKey.of(r)));
            usage = snapshots.usage(keys, at.minus(Duration.ofDays(1)), at);
        }
        List<BudgetWatch.Observation> out = new ArrayList<>(rows.size());
        for (BudgetRow r : rows) {
            SpendSeries pace = SpendSeries.fromUsage(usage.getOrDefault(SeriesKey.of(r), List.of()));
            out.add(BudgetWatch.Observation.of(r, r.limit() > 0 ? projector.project(r, pace, at) : null));
        }
        return out;
    }

    private void raised(List<BudgetWatch.Alert> fresh) {
        problem.set(null);
        if (fresh.isEmpty()) {
            return;
        }
        List<BudgetWatch.Alert> all = new ArrayList<>(fresh);
        all.addAll(alerts);
        alerts.setAll(all.subList(0, Math.min(KEEP, all.size())));
        unseen.set(unseen.get() + fresh.size());
        latest.set(List.copyOf(fresh));
    }

    /** The user looked at the alerts: the tab's count goes back to none. */
    public void markSeen() {
        unseen.set(0);
    }

    /**
     * Opens what an alert is about: a key's limit in the editor at its node; a team's or customer's budget by
     * selecting its row in the review.
     */
    public void open(BudgetWatch.Alert a) {
        if (a.vkId() != null) {
            review.openAt(a.vkId(), a.nodePath());
            return;
        }
        review.rows().stream().filter(r -> SeriesKey.of(r).equals(a.key())).findFirst()
                .ifPresent(r -> review.selectedProperty().set(r));
    }

    // ---- properties ----------------------------------------------------------------------------------------

    /** Whether crossing {@code percent} (one of {@link #OFFERED}) alerts. */
    public BooleanProperty thresholdProperty(int percent) {
        BooleanProperty p = thresholds.get(percent);
        if (p == null) {
            throw new IllegalArgumentException("not an offered threshold: " + percent);
        }
        return p;
    }

    /** How far ahead "runs out before its reset" looks. */
    public ObjectProperty<Duration> horizonProperty() {
        return horizon;
    }

    /** Recent alerts, newest first (at most {@value #KEEP}). */
    public ObservableList<BudgetWatch.Alert> alerts() {
        return alerts;
    }

    /** Alerts since the user last looked: the Budgets tab's count. */
    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** The alerts of the latest refresh that raised any; the view shows each as a desktop notification. */
    public ReadOnlyObjectProperty<List<BudgetWatch.Alert>> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The load time of the review whose snapshot (and watch) is done, failed or not: the history charts follow it. */
    public ReadOnlyObjectProperty<Instant> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** A failed snapshot or settings write, in words; null when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
