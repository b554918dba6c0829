package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Lookups;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The budget review's two toolbar rows: refresh (now, every N minutes, progress and cancel), how old the data is,
 * the row count, the exports and the budget watch's menu; below them search and filters. Every control binds to the
 * view-model; the export buttons call it ({@code exportChart} and {@code exportChartData} act on the chart shown,
 * which only the charts know).
 */
final class BudgetsToolbar extends VBox {

    BudgetsToolbar(BudgetsViewModel vm, Runnable exportChart, Runnable exportChartData, javafx.scene.Node watch) {
        getChildren().addAll(actions(vm, exportChart, exportChartData, watch), filters(vm));
    }

    private static HBox actions(BudgetsViewModel vm, Runnable exportChart, Runnable exportChartData,
                                javafx.scene.Node watch) {
        Button refresh = new Button("Refresh");
        refresh.setId("refreshBudgets");
        refresh.setTooltip(new Tooltip("Load every key's budgets and rate limits again (F5)"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());

        ComboBox<Integer> interval = new ComboBox<>(FXCollections.observableArrayList(0, 1, 5, 15, 30, 60));
        interval.setId("refreshInterval");
        interval.setAccessibleText("Refresh automatically every");
        interval.setConverter(converter(m -> m == null || m == 0 ? "Auto refresh off" : "Every " + m + " min"));
        interval.setValue(vm.refreshMinutesProperty().get());
        interval.valueProperty().addListener((o, a, b) -> vm.refreshMinutesProperty().set(b == null ? 0 : b));
        vm.refreshMinutesProperty().addListener((o, a, b) -> interval.setValue(b.intValue()));

        ProgressBar progress = new ProgressBar();
        progress.setId("budgetsProgress");
        progress.setAccessibleText("Loading progress");
        progress.progressProperty().bind(vm.progressProperty());
        showWhileLoading(vm, progress);

        Button cancel = new Button("Cancel");
        cancel.setId("cancelBudgets");
        cancel.setOnAction(e -> vm.cancel());
        showWhileLoading(vm, cancel);

        Label age = new Label();
        age.setId("budgetsAge");
        age.textProperty().bind(vm.ageProperty());
        age.accessibleTextProperty().bind(vm.ageProperty());
        vm.errorProperty().addListener((o, a, b) -> {
            age.getStyleClass().remove(Styles.BUDGETS_OFFLINE);
            if (b != null) {
                age.getStyleClass().add(Styles.BUDGETS_OFFLINE);
            }
        });

        Label status = new Label();
        status.setId("budgetsStatus");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(vm.statusProperty());
        status.accessibleTextProperty().bind(vm.statusProperty());

        Label count = new Label();
        count.setId("budgetsCount");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> vm.sortedRows().size() + " of " + vm.rows().size() + " limits shown",
                vm.sortedRows(), vm.rows()));
        count.accessibleTextProperty().bind(count.textProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button csv = new Button("Table CSV…");
        csv.setId("exportCsv");
        csv.setTooltip(new Tooltip("Save the rows shown (with the filters) as CSV"));
        csv.setOnAction(e -> vm.exportCsv());
        Button png = new Button("Chart PNG…");
        png.setId("exportPng");
        png.setTooltip(new Tooltip("Save the chart shown as a PNG image"));
        png.setOnAction(e -> exportChart.run());
        Button data = new Button("Chart data CSV…");
        data.setId("exportChartCsv");
        data.setTooltip(new Tooltip("Save the numbers of the chart shown as CSV"));
        data.setOnAction(e -> exportChartData.run());

        HBox row = new HBox(refresh, interval, progress, cancel, age, status, spacer, count, watch, csv, png, data);
        row.getStyleClass().add(Styles.TOOLBAR_ROW);
        return row;
    }

    private static HBox filters(BudgetsViewModel vm) {
        TextField search = new TextField();
        search.setId("budgetSearch");
        search.setPromptText("Search key, team, customer, provider…");
        search.setAccessibleText("Search budgets by owner");
        search.setPrefColumnCount(22);
        search.textProperty().bindBidirectional(vm.searchProperty());

        CheckBox near = check("filterNearLimit", "≥ 80 %", "Only limits at 80 percent or more",
                vm.nearLimitOnlyProperty());
        CheckBox exhausted = check("filterExhausted", "Exhausted", "Only exhausted limits", vm.exhaustedOnlyProperty());
        CheckBox inactive = check("filterInactive", "Inactive keys", "Only limits of inactive keys",
                vm.inactiveOnlyProperty());

        ComboBox<Lookups.Team> teamBox = nullableCombo("teamFilter", "Team filter", vm.teams(), "All teams",
                Lookups.Team::name);
        teamBox.valueProperty().bindBidirectional(vm.teamProperty());
        ComboBox<Lookups.Customer> customerBox = nullableCombo("customerFilter", "Customer filter", vm.customers(),
                "All customers", Lookups.Customer::name);
        customerBox.valueProperty().bindBidirectional(vm.customerProperty());
        ComboBox<String> providerBox = nullableCombo("providerFilter", "Provider filter", vm.providers(),
                "All providers", s -> s);
        providerBox.valueProperty().bindBidirectional(vm.providerProperty());

        Button clear = new Button("Clear filters");
        clear.setId("clearBudgetFilters");
        clear.setOnAction(e -> vm.clearFilters());

        HBox row = new HBox(search, near, exhausted, inactive, teamBox, customerBox, providerBox, clear);
        row.getStyleClass().add(Styles.TOOLBAR_ROW);
        return row;
    }

    private static void showWhileLoading(BudgetsViewModel vm, javafx.scene.Node node) {
        node.visibleProperty().bind(vm.loadingProperty());
        node.managedProperty().bind(vm.loadingProperty());
    }

    private static CheckBox check(String id, String text, String accessible, BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setAccessibleText(accessible);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    /** A combo box with a leading "any" entry ({@code null}) that follows {@code source}. */
    private static <T> ComboBox<T> nullableCombo(String id, String accessible, ObservableList<T> source,
                                                 String anyText, Function<T, String> name) {
        ObservableList<T> items = FXCollections.observableArrayList();
        Runnable sync = () -> {
            items.setAll(source);
            items.add(0, null);
        };
        sync.run();
        source.addListener((ListChangeListener<T>) c -> sync.run());
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setAccessibleText(accessible);
        box.setPromptText(anyText);
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? anyText : name.apply(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.setConverter(converter(t -> t == null ? anyText : name.apply(t)));
        return box;
    }

    /** Shows values as text; the boxes are not editable, so nothing is parsed back. */
    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
