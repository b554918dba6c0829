package bifrostdesk.budgets.history;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.spend.Projector;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.spend.SpendHistory;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.CancelToken;
import bifrostdesk.virtualkey.api.CostQuery;
import bifrostdesk.virtualkey.api.DimensionHistogram;
import bifrostdesk.virtualkey.api.LogsStatus;
import bifrostdesk.virtualkey.api.SpendClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The Budgets tab's history charts: the selected limit's spend over time with its projection, spend stacked by
 * team, customer or provider, and the keys that spent most, each for the chosen {@link Range}. Follows the review
 * ({@link BudgetsViewModel}): a new selection loads that limit's history, a new load of the review refreshes all.
 * <p>
 * Fetches only what is on screen (the selected limit, the top {@value #TOP} keys, one dimension), each in the
 * {@link TaskRunner} with its own {@link CancelToken}: a newer request cancels the one before. Answers are cached
 * per period until the review loads again. Says plainly when the gateway keeps no request logs
 * ({@link #logsNoteProperty()}) and then draws from this app's own snapshots.
 */
public final class SpendViewModel {
    /** Keys in the top-consumers chart. */
    public static final int TOP = 10;
    static final DialogService.FileType CSV = new DialogService.FileType("CSV", "*.csv");

    private final BudgetsViewModel review;
    private final SpendClient spend;
    private final SpendHistory history;
    private final SnapshotStore snapshots;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Projector projector;

    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range", Range.LAST_7D);
    private final ObjectProperty<Dimension> dimension = new SimpleObjectProperty<>(this, "dimension", Dimension.TEAM);
    private final ReadOnlyStringWrapper logsNote = new ReadOnlyStringWrapper(this, "logsNote", "");
    private final ReadOnlyBooleanWrapper logsAvailable = new ReadOnlyBooleanWrapper(this, "logsAvailable", true);
    private final ReadOnlyObjectWrapper<HistoryChart> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper selectedMessage = new ReadOnlyStringWrapper(this, "selectedMessage",
            "Select a row to see its spend over time.");
    private final ReadOnlyObjectWrapper<StackedSpend> stacked = new ReadOnlyObjectWrapper<>(this, "stacked");
    private final ReadOnlyObjectWrapper<TopSpenders> top = new ReadOnlyObjectWrapper<>(this, "top");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    private final Loader selectedLoader = new Loader();
    private final Loader stackedLoader = new Loader();
    private final Loader topLoader = new Loader();
    /** Stacked and top answers per period and dimension, until the review loads again; written by workers. */
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    /**
     * @param loads     when a load of the review is ready for its history: {@link WatchViewModel#recordedProperty()}
     *                  (after its snapshot is on disk, so the charts include it), or the review's
     *                  {@code lastLoadedAtProperty()} when nothing records snapshots
     * @param snapshots this profile's snapshots, or {@code null} without a workspace
     * @param zone      the user's zone, for the projection's dates
     */
    public SpendViewModel(BudgetsViewModel review, ObservableValue<Instant> loads, SpendClient spend,
                          SnapshotStore snapshots, TaskRunner runner, DialogService dialogs, Clock clock,
                          ZoneId zone) {
        this.review = Objects.requireNonNull(review);
        this.spend = Objects.requireNonNull(spend);
        this.snapshots = snapshots;
        this.runner = Objects.requireNonNull(runner);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.history = new SpendHistory(spend, snapshots, clock, SpendHistory.DEFAULT_TTL);
        this.projector = new Projector(zone);
        review.selectedProperty().addListener((o, a, b) -> loadSelected());
        loads.addListener((o, a, b) -> {
            // a new review: new usage, maybe a gateway that turned its logs on or off
            history.forget();
            cache.clear();
            reload();
        });
        range.addListener((o, a, b) -> reload());
        dimension.addListener((o, a, b) -> loadStacked());
    }

    /** Loads every chart for the current period (the review calls it after each load; the view on first show). */
    public void reload() {
        loadSelected();
        loadStacked();
        loadTop();
    }

    /** The review's "now": its numbers are as of its load, so history ends there too (and takes in its snapshot). */
    private Instant now() {
        Instant at = review.lastLoadedAtProperty().get();
        return at == null ? Instant.now() : at;
    }

    private void loadSelected() {
        BudgetRow row = review.selectedProperty().get();
        selectedLoader.cancel();
        if (row == null) {
            selected.set(null);
            selectedMessage.set("Select a row to see its spend over time.");
            updateLoading();
            return;
        }
        Instant now = now();
        Instant from = range.get().from(row, now);
        selectedMessage.set("Loading the spend of " + row.ownerLabel() + "…");
        selectedLoader.start("Load spend history", t -> {
            LogsStatus s = history.status(t);
            SpendHistory.Result r = history.forRow(row, from, now, t);
            return new Fetched<>(s, HistoryChart.of(row, r.series(), from, now, projector, r.note()));
        }, (Fetched<HistoryChart> f) -> {
            selected.set(f.value());
            selectedMessage.set(f.value().buckets().isEmpty() ? "No spend recorded for " + row.ownerLabel()
                    + " in this period." : "");
        }, e -> {
            selected.set(null);
            selectedMessage.set("Could not load the spend history: " + message(e));
        });
    }

    private void loadStacked() {
        Dimension d = dimension.get();
        Instant now = now();
        Instant from = range.get().from(review.selectedProperty().get(), now);
        List<BudgetRow> rows = new ArrayList<>(review.rows());
        Map<String, String> names = names(d);
        String cacheKey = "stacked|" + d + '|' + from + '|' + now;
        stackedLoader.cancel();
        stackedLoader.start("Load spend by " + d.label().toLowerCase(), t -> {
            LogsStatus s = history.status(t);
            StackedSpend cached = (StackedSpend) cache.get(cacheKey);
            if (cached != null) {
                return new Fetched<>(s, cached);
            }
            StackedSpend out = null;
            if (s.available()) {
                try {
                    DimensionHistogram h = spend.using(t).costByDimension(d.query(), CostQuery.between(from, now));
                    out = StackedSpend.of(d, h, names, rows, "Logged spend from the gateway.");
                } catch (ApiException e) {
                    if (!SpendClient.meansNoLogs(e)) {
                        throw e;
                    }
                }
            }
            if (out == null) {
                out = snapshots == null ? StackedSpend.empty(d, s.sentence()) : StackedSpend.of(d,
                        SnapshotSpend.byDimension(snapshots, d, rows, from, now), from, now, Range.bucketFor(from,
                                now), names, rows, s.sentence());
            }
            cache.put(cacheKey, out);
            return new Fetched<>(s, out);
        }, (Fetched<StackedSpend> f) -> stacked.set(f.value()), e -> stacked.set(StackedSpend.empty(d,
                "Could not load the spend by " + d.label().toLowerCase() + ": " + message(e))));
    }

    private void loadTop() {
        Instant now = now();
        Range r = range.get();
        Instant from = r.from(review.selectedProperty().get(), now);
        List<BudgetRow> rows = new ArrayList<>(review.rows());
        String cacheKey = "top|" + from + '|' + now;
        topLoader.cancel();
        topLoader.start("Load top consumers", t -> {
            LogsStatus s = history.status(t);
            TopSpenders cached = (TopSpenders) cache.get(cacheKey);
            if (cached != null) {
                return new Fetched<>(s, cached);
            }
            TopSpenders out = null;
            if (s.available()) {
                try {
                    out = TopSpenders.of(spend.using(t).rankings("virtual_key", CostQuery.between(from, now), TOP + 2),
                            TOP, "Logged spend from the gateway.");
                } catch (ApiException e) {
                    // rankings by key came with about v1.5.16 (LOGS.md §2): an older build answers 400 or 404
                    if (!SpendClient.meansNoLogs(e) && e.status() != 400) {
                        throw e;
                    }
                }
            }
            if (out == null) {
                out = snapshots == null ? new TopSpenders(List.of(), s.sentence())
                        : SnapshotSpend.topKeys(snapshots, rows, from, now, TOP, s.available()
                        ? "This gateway cannot rank keys by spend: this comes from this app's own snapshots."
                        : s.sentence());
            }
            cache.put(cacheKey, out);
            return new Fetched<>(s, out);
        }, (Fetched<TopSpenders> f) -> top.set(f.value()),
                e -> top.set(new TopSpenders(List.of(), "Could not load the top consumers: " + message(e))));
    }

    private Map<String, String> names(Dimension d) {
        Map<String, String> out = new HashMap<>();
        if (d == Dimension.TEAM) {
            review.teams().forEach(t -> out.put(t.id(), t.name()));
        } else if (d == Dimension.CUSTOMER) {
            review.customers().forEach(c -> out.put(c.id(), c.name()));
        }
        return out;
    }

    /** Stops every history load in flight. */
    public void cancel() {
        selectedLoader.cancel();
        stackedLoader.cancel();
        topLoader.cancel();
        updateLoading();
    }

    // ---- export --------------------------------------------------------------------------------------------

    /** Asks where, then writes the data of {@code chart} as CSV in the runner. */
    public void exportCsv(ChartCsv.Chart chart) {
        ChartCsv.Table table = ChartCsv.table(chart, review, this);
        if (table == null) {
            dialogs.notify("This chart has no data to export yet.");
            return;
        }
        dialogs.askSaveFile("Export chart data as CSV", table.fileName(), CSV).ifPresent(file -> runner.run(
                "Export chart data as CSV", p -> {
                    table.write(file);
                    return file;
                }, (Path f) -> dialogs.notify("Saved " + f.getFileName()), e -> dialogs.showError("Export failed",
                        "Could not write " + file + ": " + message(e))));
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /** A chart's data and the logs status it was fetched under. */
    private record Fetched<T>(LogsStatus status, T value) {
    }

    @FunctionalInterface
    private interface Fetch<T> {
        T call(CancelToken token) throws Exception;
    }

    /** One chart's load in flight: a newer one cancels it, and a cancelled one's answer is dropped. */
    private final class Loader {
        private CancelToken token;
        private TaskRunner.Handle handle;

        <T> void start(String title, Fetch<Fetched<T>> work, java.util.function.Consumer<Fetched<T>> done,
                       java.util.function.Consumer<Throwable> failed) {
            CancelToken t = new CancelToken();
            token = t;
            loading.set(true);
            handle = null;
            TaskRunner.Handle h = runner.run(title, p -> work.call(t), (Fetched<T> f) -> {
                if (token != t) {
                    return;
                }
                token = null;
                logsNote.set(f.status().sentence());
                logsAvailable.set(f.status().available());
                done.accept(f);
                updateLoading();
            }, e -> {
                if (token != t) {
                    return;
                }
                token = null;
                if (!t.isCancelled()) {
                    failed.accept(e);
                }
                updateLoading();
            });
            if (token == t) {
                handle = h;
            }
        }

        void cancel() {
            if (token != null) {
                token.cancel();
                token = null;
            }
            if (handle != null) {
                handle.cancel();
                handle = null;
            }
        }

        boolean busy() {
            return token != null;
        }
    }

    private void updateLoading() {
        loading.set(selectedLoader.busy() || stackedLoader.busy() || topLoader.busy());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---- properties ----------------------------------------------------------------------------------------

    /** The period every history chart shows. */
    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** What the stacked chart splits by. */
    public ObjectProperty<Dimension> dimensionProperty() {
        return dimension;
    }

    /** Whether the gateway keeps request logs, in words ("This gateway keeps no request logs … snapshots."). */
    public ReadOnlyStringProperty logsNoteProperty() {
        return logsNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty logsAvailableProperty() {
        return logsAvailable.getReadOnlyProperty();
    }

    /** The selected limit's chart; null without a selection or while it loads. */
    public ReadOnlyObjectProperty<HistoryChart> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Why there is no chart of the selected limit ("Select a row…", "Loading…", an error); empty with one. */
    public ReadOnlyStringProperty selectedMessageProperty() {
        return selectedMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StackedSpend> stackedProperty() {
        return stacked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TopSpenders> topProperty() {
        return top.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
