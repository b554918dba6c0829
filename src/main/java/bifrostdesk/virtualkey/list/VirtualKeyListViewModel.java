package bifrostdesk.virtualkey.list;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.CancelToken;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkPage;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.UsageLevel;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The list of virtual keys: server-side search, team/customer filter and sort, paged 100 at a time as the user
 * scrolls; status and budget-state filters, which the server cannot do, page through everything in the
 * background with progress and cancel. Exports the listed keys as CSV.
 */
public final class VirtualKeyListViewModel {
    public enum StatusFilter { ALL, ACTIVE, INACTIVE }

    public enum BudgetFilter { ALL, NEAR_LIMIT, EXHAUSTED }

    private static final DialogService.FileType CSV = new DialogService.FileType("CSV", "*.csv");

    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ObservableList<VirtualKey> items = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final ObjectProperty<BudgetFilter> budget = new SimpleObjectProperty<>(BudgetFilter.ALL);
    private final StringProperty teamId = new SimpleStringProperty();
    private final StringProperty customerId = new SimpleStringProperty();
    private final ObjectProperty<VkQuery.SortBy> sortBy = new SimpleObjectProperty<>(VkQuery.SortBy.NAME);
    private final ObjectProperty<VkQuery.Order> order = new SimpleObjectProperty<>(VkQuery.Order.ASC);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private CancelToken token = new CancelToken();
    private TaskRunner.Handle running;
    private int nextOffset;
    private java.util.function.Consumer<List<VirtualKey>> onLoaded = l -> { };

    public VirtualKeyListViewModel(BifrostClient client, TaskRunner runner, DialogService dialogs) {
        this.client = client;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    private VkQuery query() {
        String s = search.get() == null || search.get().isBlank() ? null : search.get().trim();
        return new VkQuery(BifrostClient.PAGE_SIZE, 0, s, teamId.get(), customerId.get(), sortBy.get(), order.get());
    }

    private boolean needsEverything() {
        return status.get() != StatusFilter.ALL || budget.get() != BudgetFilter.ALL;
    }

    private Predicate<VirtualKey> localFilter() {
        return vk -> switch (status.get()) {
            case ACTIVE -> vk.active();
            case INACTIVE -> !vk.active();
            default -> true;
        } && switch (budget.get()) {
            case NEAR_LIMIT -> UsageLevel.of(vk.maxBudgetFraction()).atLeast(UsageLevel.NEAR);
            case EXHAUSTED -> UsageLevel.of(vk.maxBudgetFraction()).atLeast(UsageLevel.OVER);
            default -> true;
        };
    }

    /** Reloads from the first page with the current search, filters and sort; cancels a load in progress. */
    public void reload() {
        cancel();
        token = new CancelToken();
        BifrostClient c = client.using(token);
        items.clear();
        nextOffset = 0;
        loading.set(true);
        VkQuery q = query();
        if (needsEverything()) {
            message.set("Reading every key to filter…");
            Predicate<VirtualKey> keep = localFilter();
            running = runner.run("Loading virtual keys", p -> c.listAllVirtualKeys(q, new ProgressListener() {
                @Override
                public void progress(int done, int all) {
                    p.update(done, all, "Read " + done + " of " + all + " keys");
                }

                @Override
                public boolean isCancelled() {
                    return p.isCancelled();
                }
            }).stream().filter(keep).toList(), list -> {
                items.setAll(list);
                total.set(list.size());
                hasMore.set(false);
                loaded();
            }, this::failed);
        } else {
            running = runner.run("Loading virtual keys", p -> c.listVirtualKeys(q), this::pageArrived, this::failed);
        }
    }

    /**
     * Every key matching the current search and filters, across every page (what "select all matching" means),
     * read in the runner; {@code then} gets them on the FX thread.
     */
    public void allMatching(java.util.function.Consumer<List<VirtualKey>> then) {
        VkQuery q = query();
        Predicate<VirtualKey> keep = localFilter();
        runner.run("Reading every matching key", p -> client.listAllVirtualKeys(q, new ProgressListener() {
            @Override
            public void progress(int done, int all) {
                p.update(done, all, "Read " + done + " of " + all + " keys");
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        }).stream().filter(keep).toList(), then, this::failed);
    }

    /** Loads the next page (the view calls this when the user scrolls near the end). */
    public void loadMore() {
        if (loading.get() || !hasMore.get()) {
            return;
        }
        loading.set(true);
        BifrostClient c = client.using(token);
        VkQuery q = query().withPage(BifrostClient.PAGE_SIZE, nextOffset);
        running = runner.run("Loading more keys", p -> c.listVirtualKeys(q), this::pageArrived, this::failed);
    }

    private void pageArrived(VkPage page) {
        items.addAll(page.items());
        nextOffset = page.offset() + page.items().size();
        total.set(page.totalCount());
        hasMore.set(nextOffset < page.totalCount() && !page.items().isEmpty());
        loaded();
    }

    private void loaded() {
        onLoaded.accept(List.copyOf(items));
        loading.set(false);
        message.set(items.size() + " of " + total.get() + " keys");
    }

    private void failed(Throwable t) {
        loading.set(false);
        message.set("Could not load keys: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
    }

    public void cancel() {
        token.cancel();
        if (running != null) {
            running.cancel();
        }
        loading.set(false);
    }

    /**
     * Asks where, then writes {@code keys} as CSV (never with key values) in the runner, with team and customer
     * names from {@code ownerNames}; the outcome is a notice.
     */
    public void exportCsv(List<VirtualKey> keys, Map<String, String> ownerNames) {
        List<VirtualKey> rows = List.copyOf(keys);
        Map<String, String> names = new HashMap<>(ownerNames);
        dialogs.askSaveFile("Export keys as CSV", "virtual-keys.csv", CSV).ifPresent(file ->
                runner.run("Exporting keys", p -> {
                    Files.writeString(file, KeyListCsv.toCsv(rows, names));
                    return rows.size();
                }, n -> dialogs.notify("Exported " + n + " keys to " + file), e -> dialogs.notify("Could not export the "
                        + "keys: " + (e.getMessage() == null ? e.toString() : e.getMessage()))));
    }

    /** Offline: shows the last pulled copy of the keys, filtered locally. */
    public void showCached(List<VirtualKey> keys, String age) {
        cancel();
        String s = search.get() == null ? "" : search.get().trim().toLowerCase(java.util.Locale.ROOT);
        Predicate<VirtualKey> keep = localFilter().and(vk -> s.isEmpty()
                || vk.name().toLowerCase(java.util.Locale.ROOT).contains(s));
        items.setAll(keys.stream().filter(keep).toList());
        total.set(items.size());
        hasMore.set(false);
        message.set(items.size() + " keys · " + age);
    }

    /** Called with the keys on screen after each load, so the app can keep them for offline use. */
    public void setOnLoaded(java.util.function.Consumer<List<VirtualKey>> value) {
        onLoaded = value;
    }

    /** Replaces one key in the list after it was saved elsewhere (editor, activate/deactivate). */
    public void replace(VirtualKey vk) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(vk.id())) {
                items.set(i, vk);
                return;
            }
        }
        items.add(0, vk);
        total.set(total.get() + 1);
    }

    /** Replaces a listed key only with a newer server revision of it ({@code updatedAt} later). */
    public void replaceIfNewer(VirtualKey vk) {
        for (int i = 0; i < items.size(); i++) {
            VirtualKey old = items.get(i);
            if (old.id().equals(vk.id())) {
                boolean newer = vk.updatedAt() != null
                        && (old.updatedAt() == null || vk.updatedAt().isAfter(old.updatedAt()));
                if (newer) {
                    items.set(i, vk);
                }
                return;
            }
        }
    }

    public void removeById(String id) {
        if (items.removeIf(v -> v.id().equals(id))) {
            total.set(Math.max(0, total.get() - 1));
            message.set(items.size() + " of " + total.get() + " keys");
        }
    }

    public List<String> loadedNames() {
        return items.stream().map(VirtualKey::name).toList();
    }

    public ObservableList<VirtualKey> items() {
        return items;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StatusFilter> statusProperty() {
        return status;
    }

    public ObjectProperty<BudgetFilter> budgetProperty() {
        return budget;
    }

    public StringProperty teamIdProperty() {
        return teamId;
    }

    public StringProperty customerIdProperty() {
        return customerId;
    }

    public ObjectProperty<VkQuery.SortBy> sortByProperty() {
        return sortBy;
    }

    public ObjectProperty<VkQuery.Order> orderProperty() {
        return order;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * The line under a key's name: status, provider access and markers. A key with {@code allow_all_providers}
     * reaches every provider however few configs it has (REFERENCE-v2.md §11.9), so it never reads "0 providers".
     */
    public static String subtitle(VirtualKey vk) {
        int n = vk.providerConfigs().size();
        String access = vk.v2().allowsAllProviders()
                ? "all providers" + (n == 0 ? "" : " (" + n + " configured)")
                : n + (n == 1 ? " provider" : " providers");
        return (vk.active() ? "active" : "inactive") + " · " + access
                + (vk.isAccessProfileManaged() ? " · access profile" : "")
                + (vk.isConfigManaged() ? " · config.json" : "");
    }
}
