package bifrostdesk.virtualkey.list;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.common.ui.UsageBar;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel.BudgetFilter;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel.StatusFilter;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The left-hand list of keys with search, filters and sort; binds to {@link VirtualKeyListViewModel}. */
public final class VirtualKeyListView extends VBox {

    /** What the list's context menu does; the main window implements it. */
    public interface Actions {
        void open(VirtualKey vk);

        void setActive(VirtualKey vk, boolean active);

        void delete(VirtualKey vk);

        void copyValue(VirtualKey vk);

        void rotate(VirtualKey vk);

        /** Saves the listed keys as CSV (asks where). */
        void exportCsv(List<VirtualKey> keys);
    }

    private final ListView<VirtualKey> list = new ListView<>();

    public VirtualKeyListView(VirtualKeyListViewModel vm, Supplier<Lookups.Snapshot> lookups, Actions actions) {
        super(6);
        setId("keyListPane");
        TextField search = new TextField();
        search.setId("keySearch");
        search.setPromptText("Search keys by name");
        search.setAccessibleText("Search keys by name");
        search.textProperty().bindBidirectional(vm.searchProperty());
        // search as you type, but only once the user pauses: each query is a server round trip
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        pause.setOnFinished(e -> vm.reload());
        search.textProperty().addListener((o, a, b) -> pause.playFromStart());

        ComboBox<StatusFilter> status = combo("statusFilter", "Filter by status", StatusFilter.values(),
                s -> switch (s) {
                    case ALL -> "Any status";
                    case ACTIVE -> "Active";
                    case INACTIVE -> "Inactive";
                });
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<BudgetFilter> budget = combo("budgetFilter", "Filter by budget state", BudgetFilter.values(),
                b -> switch (b) {
                    case ALL -> "Any budget";
                    case NEAR_LIMIT -> "≥ 80 % used";
                    case EXHAUSTED -> "Exhausted";
                });
        budget.valueProperty().bindBidirectional(vm.budgetProperty());

        ComboBox<String> owner = new ComboBox<>();
        owner.setId("ownerFilter");
        owner.setAccessibleText("Filter by team or customer");
        owner.setPromptText("Any team or customer");
        owner.setMaxWidth(Double.MAX_VALUE);
        owner.setOnShowing(e -> {
            var items = new java.util.ArrayList<String>();
            items.add("Any team or customer");
            lookups.get().teams().forEach(t -> items.add("Team · " + t.name()));
            lookups.get().customers().forEach(c -> items.add("Customer · " + c.name()));
            owner.getItems().setAll(items);
        });
        owner.valueProperty().addListener((o, a, b) -> {
            vm.teamIdProperty().set(null);
            vm.customerIdProperty().set(null);
            if (b != null && b.startsWith("Team · ")) {
                lookups.get().teams().stream().filter(t -> b.equals("Team · " + t.name())).findFirst()
                        .ifPresent(t -> vm.teamIdProperty().set(t.id()));
            } else if (b != null && b.startsWith("Customer · ")) {
                lookups.get().customers().stream().filter(c -> b.equals("Customer · " + c.name())).findFirst()
                        .ifPresent(c -> vm.customerIdProperty().set(c.id()));
            }
            vm.reload();
        });

        ComboBox<VkQuery.SortBy> sort = combo("sortBy", "Sort keys by", VkQuery.SortBy.values(), s -> switch (s) {
            case NAME -> "Sort by name";
            case BUDGET_SPENT -> "Sort by budget spent";
            case CREATED_AT -> "Sort by created";
            case STATUS -> "Sort by status";
        });
        sort.valueProperty().bindBidirectional(vm.sortByProperty());
        ToggleButton desc = new ToggleButton("↓");
        desc.setId("sortDescending");
        desc.setAccessibleText("Sort descending");
        desc.selectedProperty().addListener((o, a, b) -> {
            vm.orderProperty().set(b ? VkQuery.Order.DESC : VkQuery.Order.ASC);
            vm.reload();
        });
        status.setOnAction(e -> vm.reload());
        budget.setOnAction(e -> vm.reload());
        sort.setOnAction(e -> vm.reload());

        list.setId("keyList");
        // several keys for a bulk change: Ctrl/Shift-click and Ctrl+A (the ListView's own keys)
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        list.setAccessibleText("Virtual keys");
        list.setItems(vm.items());
        list.setCellFactory(l -> new KeyCell(actions));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                actions.open(b);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        // page in more keys when the user scrolls near the end, so 10,000 keys never load at once
        list.skinProperty().addListener((o, a, b) -> list.lookupAll(".scroll-bar").forEach(n -> {
            if (n instanceof ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                sb.valueProperty().addListener((x, y, v) -> {
                    if (v.doubleValue() > sb.getMax() * 0.9) {
                        vm.loadMore();
                    }
                });
            }
        }));
        Label count = new Label();
        count.setId("keyCount");
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(vm.messageProperty());

        javafx.scene.control.Button export = new javafx.scene.control.Button("CSV", Icons.of("mdoal-get_app"));
        export.setId("exportKeysCsv");
        export.setAccessibleText("Export the listed keys as CSV (without key values)");
        export.setTooltip(new javafx.scene.control.Tooltip("Export the listed keys as CSV (without key values)"));
        export.setOnAction(e -> actions.exportCsv(List.copyOf(vm.items())));
        count.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(count, Priority.ALWAYS);
        HBox footer = new HBox(6, count, export);
        footer.setAlignment(Pos.CENTER_LEFT);
        HBox filters = new HBox(6, status, budget);
        HBox sorting = new HBox(6, sort, desc);
        HBox.setHgrow(sort, Priority.ALWAYS);
        getChildren().addAll(search, filters, owner, sorting, list, footer);
        setMinWidth(260);
        setPrefWidth(320);
    }

    public ListView<VirtualKey> listView() {
        return list;
    }

    private static <T> ComboBox<T> combo(String id, String text, T[] values, java.util.function.Function<T, String> f) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setId(id);
        c.setAccessibleText(text);
        c.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(c, Priority.ALWAYS);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return c;
    }

    private static final class KeyCell extends ListCell<VirtualKey> {
        private final Label name = new Label();
        private final Label sub = new Label();
        private final UsageBar usage = new UsageBar(60);
        private final HBox box;
        private final Actions actions;

        KeyCell(Actions actions) {
            this.actions = actions;
            sub.getStyleClass().add(Styles.MUTED);
            usage.setCompactPercent(true);
            usage.setBarMinWidth(USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            VBox text = new VBox(1, name, sub);
            text.setMinWidth(0);
            name.setMinWidth(0);
            sub.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(6, text, spacer, usage);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(VirtualKey vk, boolean empty) {
            super.updateItem(vk, empty);
            if (empty || vk == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            // fit the row to the list so the usage figure is never cut off
            box.setPrefWidth(getListView().getWidth() - 24);
            box.setMaxWidth(getListView().getWidth() - 24);
            name.setText(vk.name());
            sub.setText(VirtualKeyListViewModel.subtitle(vk));
            double f = vk.maxBudgetFraction();
            boolean hasBudget = !vk.budgets().isEmpty() || vk.providerConfigs().stream()
                    .anyMatch(p -> !p.budgets().isEmpty() || !p.modelBudgets().isEmpty());
            usage.setVisible(hasBudget);
            usage.setFraction(f);
            pseudoClassStateChanged(Styles.INACTIVE, !vk.active());
            setGraphic(box);
            setAccessibleText(vk.name() + (vk.active() ? "" : ", inactive"));
            // a narrow list cuts the subtitle with an ellipsis at a word; the tooltip has the whole line
            sub.setTextOverrun(javafx.scene.control.OverrunStyle.WORD_ELLIPSIS);
            setTooltip(new javafx.scene.control.Tooltip(vk.name() + "\n" + sub.getText()));
            MenuItem toggle = new MenuItem(vk.active() ? "Deactivate" : "Activate", Icons.of(Icons.POWER));
            toggle.setId("menuToggleActive");
            toggle.setOnAction(e -> actions.setActive(vk, !vk.active()));
            MenuItem copy = new MenuItem("Copy key value", Icons.of(Icons.COPY));
            copy.setId("menuCopyValue");
            copy.setOnAction(e -> actions.copyValue(vk));
            MenuItem rotate = new MenuItem("Rotate value…", Icons.of(Icons.SYNC));
            rotate.setId("menuRotateKey");
            rotate.setOnAction(e -> actions.rotate(vk));
            MenuItem delete = new MenuItem("Delete…", Icons.of(Icons.DELETE));
            delete.setId("menuDeleteKey");
            delete.setOnAction(e -> actions.delete(vk));
            setContextMenu(new ContextMenu(toggle, copy, rotate, delete));
        }
    }
}
