package bifrostdesk.budgets;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.CancelToken;
import bifrostdesk.virtualkey.api.OwnedBudget;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The budget review: every budget and rate limit on the server as {@link BudgetRow}s, filters, refresh (now and
 * every N minutes, driven by the view's timeline), and for the selected row the blockers of its key and the key's
 * per-provider breakdown. Loading pages through all keys off the FX thread and can be cancelled; a failed load keeps
 * the last rows and says how old they are. Exports the rows shown as CSV and a chart as PNG, asking where through
 * the {@link DialogService} and writing in the {@link TaskRunner}. Spend over time, projections at the observed pace
 * and the watch live in {@code budgets.history} and follow this view-model's selection and loads.
 * <p>
 * Over 400 lines, earned by one job: the Budgets tab state — loading, filtering, sorting, selection and export.
 */
public final class BudgetsViewModel {
    /** Keys in the top-consumers chart. */
    public static final int TOP = 10;

    static final DialogService.FileType CSV = new DialogService.FileType("CSV", "*.csv");
    static final DialogService.FileType PNG = new DialogService.FileType("PNG image", "*.png");

    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final BiConsumer<String, String> openInEditor;
    private Clock clock = Clock.systemUTC();

    private final ObservableList<BudgetRow> rows = FXCollections.observableArrayList();
    private final FilteredList<BudgetRow> filtered = new FilteredList<>(rows);
    private final SortedList<BudgetRow> sorted = new SortedList<>(filtered, BudgetAggregation.CLOSEST_TO_EXHAUSTION);
    private final ObservableList<BudgetRow> topConsumers = FXCollections.observableArrayList();
    private final ObservableList<Lookups.Team> teams = FXCollections.observableArrayList();
    private final ObservableList<Lookups.Customer> customers = FXCollections.observableArrayList();
    private final ObservableList<String> providers = FXCollections.observableArrayList();

    private final BooleanProperty nearLimitOnly = new SimpleBooleanProperty(this, "nearLimitOnly");
    private final BooleanProperty exhaustedOnly = new SimpleBooleanProperty(this, "exhaustedOnly");
    private final BooleanProperty inactiveOnly = new SimpleBooleanProperty(this, "inactiveOnly");
    private final ObjectProperty<Lookups.Team> team = new SimpleObjectProperty<>(this, "team");
    private final ObjectProperty<Lookups.Customer> customer = new SimpleObjectProperty<>(this, "customer");
    private final StringProperty provider = new SimpleStringProperty(this, "provider");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final IntegerProperty refreshMinutes = new SimpleIntegerProperty(this, "refreshMinutes", 0);

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not loaded yet");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Instant> lastLoadedAt = new ReadOnlyObjectWrapper<>(this, "lastLoadedAt");
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper(this, "age", "Never loaded");

    private final ObjectProperty<BudgetRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Blockers.Blocker> blockers = FXCollections.observableArrayList();
    private final ObservableList<BudgetRow> selectedKeyBudgets = FXCollections.observableArrayList();

    private Map<String, VirtualKey> keysById = Map.of();
    private Map<String, List<BudgetRow>> rowsByKey = Map.of();
    private Map<String, List<BudgetRow>> rowsByTeam = Map.of();
    private Map<String, List<BudgetRow>> rowsByCustomer = Map.of();
    private Map<String, String> teamCustomer = Map.of();
    private CancelToken token;
    private TaskRunner.Handle handle;

    public BudgetsViewModel(BifrostClient client, TaskRunner runner, DialogService dialogs,
                            BiConsumer<String, String> openInEditor) {
        this.client = Objects.requireNonNull(client);
        this.runner = Objects.requireNonNull(runner);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.openInEditor = openInEditor == null ? (a, b) -> { } : openInEditor;
        filtered.predicateProperty().bind(Bindings.createObjectBinding(this::currentFilter, nearLimitOnly,
                exhaustedOnly, inactiveOnly, team, customer, provider, search));
        selected.addListener((o, a, b) -> updateSelection());
    }

    /** For tests: the clock "now" comes from. */
    public void setClock(Clock c) {
        clock = Objects.requireNonNull(c);
    }

    public RowFilter currentFilter() {
        return new RowFilter(nearLimitOnly.get(), exhaustedOnly.get(), inactiveOnly.get(),
                team.get() == null ? null : team.get().id(), customer.get() == null ? null : customer.get().id(),
                provider.get(), search.get());
    }

    /** Shows every row again: no search, no check box ticked, any team, customer and provider. */
    public void clearFilters() {
        search.set("");
        nearLimitOnly.set(false);
        exhaustedOnly.set(false);
        inactiveOnly.set(false);
        team.set(null);
        customer.set(null);
        provider.set(null);
    }

    // ---- loading -------------------------------------------------------------------------------------------

    /** What one load brings back; built off the FX thread. */
    record Loaded(List<BudgetRow> rows, List<BudgetRow> top, List<VirtualKey> keys, List<Lookups.Team> teams,
                  List<Lookups.Customer> customers, List<String> providers, Instant at) {
    }

    /** Loads everything again. Ignored while a load runs. */
    public void refresh() {
        if (loading.get()) {
            return;
        }
        CancelToken t = new CancelToken();
        token = t;
        loading.set(true);
        progress.set(-1);
        status.set("Loading virtual keys…");
        BifrostClient c = client.using(t);
        handle = runner.run("Load budgets", p -> load(c, t, p), this::progressed, this::loaded, this::failed);
    }

    private void progressed(TaskRunner.Update u) {
        if (loading.get()) {
            progress.set(u.fraction());
            if (u.message() != null) {
                status.set(u.message());
            }
        }
    }

    private Loaded load(BifrostClient c, CancelToken t, TaskRunner.Progress p) throws Exception {
        List<VirtualKey> keys = c.listAllVirtualKeys(VkQuery.firstPage(), new ProgressListener() {
            @Override
            public void progress(int done, int total) {
                p.update(done, total, "Loaded " + done + " of " + total + " keys");
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled() || t.isCancelled();
            }
        });
        p.update(-1, 1, "Loading teams, customers and their budgets…");
        List<Lookups.Team> ts = c.teams();
        List<Lookups.Customer> cs = c.customers();
        List<OwnedBudget> owned = new ArrayList<>();
        for (OwnedBudget b : c.budgets()) {
            if (b.virtualKeyId() == null && b.providerConfigId() == null
                    && (b.teamId() != null || b.customerId() != null)) {
                owned.add(b);
            }
        }
        Instant now = clock.instant();
        List<BudgetRow> built = BudgetAggregation.rows(keys, ts, cs, owned, now);
        TreeSet<String> provs = new TreeSet<>();
        keys.forEach(k -> k.providerConfigs().forEach(pc -> provs.add(pc.provider())));
        return new Loaded(built, BudgetAggregation.topConsumers(built, TOP), keys, ts, cs, List.copyOf(provs), now);
    }

    private void loaded(Loaded l) {
        loading.set(false);
        progress.set(0);
        error.set(null);
        Map<String, VirtualKey> byId = new HashMap<>();
        l.keys().forEach(k -> byId.put(k.id(), k));
        Map<String, List<BudgetRow>> byKey = new HashMap<>();
        Map<String, List<BudgetRow>> byTeam = new HashMap<>();
        Map<String, List<BudgetRow>> byCustomer = new HashMap<>();
        for (BudgetRow r : l.rows()) {
            switch (r.kind().scope()) {
                case CUSTOMER -> byCustomer.computeIfAbsent(r.customerId(), k -> new ArrayList<>()).add(r);
                case TEAM -> byTeam.computeIfAbsent(r.teamId(), k -> new ArrayList<>()).add(r);
                default -> byKey.computeIfAbsent(r.vkId(), k -> new ArrayList<>()).add(r);
            }
        }
        keysById = byId;
        rowsByKey = byKey;
        rowsByTeam = byTeam;
        rowsByCustomer = byCustomer;
        Map<String, String> tc = new HashMap<>();
        l.teams().forEach(t -> {
            if (t.customerId() != null) {
                tc.put(t.id(), t.customerId());
            }
        });
        teamCustomer = tc;
        // Keep the filter choices that still exist (matched by id), so a refresh does not clear them.
        Lookups.Team oldTeam = team.get();
        Lookups.Customer oldCustomer = customer.get();
        String oldProvider = provider.get();
        String selectedKey = selected.get() == null ? null : selected.get().vkId();
        String selectedPath = selected.get() == null ? null : selected.get().nodePath();
        String selectedChain = selected.get() == null ? null : selected.get().ownerChain();
        teams.setAll(l.teams());
        customers.setAll(l.customers());
        providers.setAll(l.providers());
        team.set(oldTeam == null ? null : l.teams().stream().filter(t -> t.id().equals(oldTeam.id())).findFirst()
                .orElse(null));
        customer.set(oldCustomer == null ? null : l.customers().stream()
                .filter(c -> c.id().equals(oldCustomer.id())).findFirst().orElse(null));
        provider.set(oldProvider != null && l.providers().contains(oldProvider) ? oldProvider : null);
        boolean first = lastLoadedAt.get() == null;
        rows.setAll(l.rows());
        topConsumers.setAll(l.top());
        status.set(l.rows().size() + " limits on " + l.keys().size() + " keys");
        BudgetRow reselect = null;
        if (selectedChain != null) {
            for (BudgetRow r : l.rows()) {
                if (Objects.equals(r.vkId(), selectedKey) && Objects.equals(r.nodePath(), selectedPath)
                        && r.ownerChain().equals(selectedChain)) {
                    reselect = r;
                    break;
                }
            }
        }
        if (reselect == null && first && !sorted.isEmpty()) {
            // the first load selects the limit closest to exhaustion, so the charts show something at once
            reselect = sorted.get(0);
        }
        selected.set(reselect);
        updateSelection();
        // last: listeners of a new load (history, snapshots, the watch) see the rows and the selection settled
        lastLoadedAt.set(l.at());
        updateAge();
    }

    private void failed(Throwable e) {
        loading.set(false);
        progress.set(0);
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean cancelled = token != null && token.isCancelled();
        error.set(cancelled ? null : msg);
        status.set(cancelled ? "Load cancelled" : "Could not load: " + msg);
        updateAge();
    }

    /** Stops the load in flight; the rows already shown stay. */
    public void cancel() {
        if (token != null) {
            token.cancel();
        }
        if (handle != null) {
            handle.cancel();
        }
        if (loading.get()) {
            loading.set(false);
            progress.set(0);
            status.set("Load cancelled");
        }
    }

    /** Recomputes the age text ("Loaded 3 min ago", with "offline" after a failed load). */
    public void updateAge() {
        age.set(ageText(lastLoadedAt.get(), clock.instant(), error.get() != null));
    }

    static String ageText(Instant loadedAt, Instant now, boolean offline) {
        if (loadedAt == null) {
            return offline ? "Offline, nothing loaded" : "Never loaded";
        }
        Duration d = Duration.between(loadedAt, now);
        String ago = d.getSeconds() < 60 ? "just now" : BudgetMath.human(d) + " ago";
        return (offline ? "Offline: showing data loaded " : "Loaded ") + ago;
    }

    // ---- selection -----------------------------------------------------------------------------------------

    private void updateSelection() {
        BudgetRow r = selected.get();
        if (r == null) {
            blockers.clear();
            selectedKeyBudgets.clear();
            return;
        }
        VirtualKey vk = r.vkId() == null ? null : keysById.get(r.vkId());
        if (vk == null) {
            blockers.setAll(new Blockers.Blocker(Blockers.Level.OK,
                    "This is a " + r.kind().label().toLowerCase() + "; select a key's row to see what blocks it.",
                    ""));
            List<BudgetRow> own = r.kind().scope() == BudgetKind.Scope.TEAM
                    ? rowsByTeam.getOrDefault(r.teamId(), List.of())
                    : rowsByCustomer.getOrDefault(r.customerId(), List.of());
            selectedKeyBudgets.setAll(own);
            return;
        }
        selectedKeyBudgets.setAll(rowsByKey.getOrDefault(vk.id(), List.of()).stream()
                .filter(x -> x.kind().isBudget()).toList());
        blockers.setAll(blockersFor(vk.id()));
    }

    /**
     * What blocks the key with this id, worst first, from the last load: its own rows plus its team's and
     * customer's budgets. Empty for an unknown key.
     */
    public List<Blockers.Blocker> blockersFor(String vkId) {
        VirtualKey vk = vkId == null ? null : keysById.get(vkId);
        if (vk == null) {
            return List.of();
        }
        List<BudgetRow> chain = new ArrayList<>(rowsByKey.getOrDefault(vk.id(), List.of()));
        String teamId = vk.teamId();
        String customerId = vk.customerId();
        if (teamId != null) {
            chain.addAll(rowsByTeam.getOrDefault(teamId, List.of()));
            if (customerId == null) {
                customerId = teamCustomer.get(teamId);
            }
        }
        if (customerId != null) {
            chain.addAll(rowsByCustomer.getOrDefault(customerId, List.of()));
        }
        return Blockers.of(vk, chain, clock.instant());
    }

    /** Opens the row's limit in the key editor; team and customer rows have no key and do nothing. */
    public void open(BudgetRow r) {
        if (r != null && r.vkId() != null) {
            openInEditor.accept(r.vkId(), r.nodePath());
        }
    }

    /** Opens a node of a key in the editor (a blocker's path). */
    public void openAt(String vkId, String nodePath) {
        if (vkId != null) {
            openInEditor.accept(vkId, nodePath == null ? "" : nodePath);
        }
    }

    /** The key with this id from the last load, or {@code null}. */
    public VirtualKey key(String id) {
        return keysById.get(id);
    }

    public List<BudgetRow> visibleRows() {
        return Collections.unmodifiableList(new ArrayList<>(sorted));
    }

    // ---- export --------------------------------------------------------------------------------------------

    /** Asks where, then writes the rows shown (filtered and sorted as on screen) as CSV in the runner. */
    public void exportCsv() {
        dialogs.askSaveFile("Export budgets as CSV", "budgets.csv", CSV).ifPresent(file -> {
            List<BudgetRow> shown = visibleRows();
            runner.run("Export budgets as CSV", p -> {
                CsvExport.write(shown, file);
                return file;
            }, f -> { }, e -> exportFailed(file, e));
        });
    }

    /**
     * Asks where, then writes the chart shown as PNG: {@code snapshot} reads the chart's pixels (the view calls
     * it on the FX thread, where a snapshot must be taken); encoding and writing run in the runner.
     */
    public void exportChartPng(Supplier<PngExport.Pixels> snapshot) {
        dialogs.askSaveFile("Export chart as PNG", "budget-chart.png", PNG).ifPresent(file -> {
            PngExport.Pixels pixels = snapshot.get();
            runner.run("Export chart as PNG", p -> {
                PngExport.write(pixels, file);
                return file;
            }, f -> { }, e -> exportFailed(file, e));
        });
    }

    private void exportFailed(Path file, Throwable e) {
        dialogs.showError("Export failed", "Could not write " + file + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public ObservableList<BudgetRow> rows() {
        return rows;
    }

    public FilteredList<BudgetRow> filteredRows() {
        return filtered;
    }

    /** Filtered rows, sorted closest to exhaustion first; the view binds its comparator to the table's. */
    public SortedList<BudgetRow> sortedRows() {
        return sorted;
    }

    public ObservableList<BudgetRow> topConsumers() {
        return topConsumers;
    }

    public ObservableList<Lookups.Team> teams() {
        return teams;
    }

    public ObservableList<Lookups.Customer> customers() {
        return customers;
    }

    public ObservableList<String> providers() {
        return providers;
    }

    public BooleanProperty nearLimitOnlyProperty() {
        return nearLimitOnly;
    }

    public BooleanProperty exhaustedOnlyProperty() {
        return exhaustedOnly;
    }

    public BooleanProperty inactiveOnlyProperty() {
        return inactiveOnly;
    }

    public ObjectProperty<Lookups.Team> teamProperty() {
        return team;
    }

    public ObjectProperty<Lookups.Customer> customerProperty() {
        return customer;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Minutes between automatic refreshes; 0 = off. The view runs the timer. */
    public IntegerProperty refreshMinutesProperty() {
        return refreshMinutes;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last load's error, {@code null} after a good load. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastLoadedAtProperty() {
        return lastLoadedAt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    public ObjectProperty<BudgetRow> selectedProperty() {
        return selected;
    }

    public ObservableList<Blockers.Blocker> blockers() {
        return blockers;
    }

    /** The selected key's budgets (own and per provider config), for the breakdown chart. */
    public ObservableList<BudgetRow> selectedKeyBudgets() {
        return selectedKeyBudgets;
    }
}
