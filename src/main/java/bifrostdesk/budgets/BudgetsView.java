package bifrostdesk.budgets;

import bifrostdesk.common.ui.Accessibility;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.common.ui.UsageBar;
import bifrostdesk.virtualkey.model.Lookups;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Budget review tab: every budget and rate limit at a glance (virtualised table with usage bars), filters,
 * "What blocks this key?" for the selected row's key, and three charts (top consumers, the selected key by
 * provider config, usage against time with the projection to the reset). Exports the visible rows to CSV and
 * the chart shown to PNG.
 */
public final class BudgetsView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int MAX_BREAKDOWN = 30;

    private final BudgetsViewModel vm;
    private final TableView<BudgetRow> table = new TableView<>();
    private final TabPane chartTabs = new TabPane();
    private final BarChart<String, Number> topChart;
    private final BarChart<String, Number> breakdownChart;
    private final LineChart<Number, Number> projectionChart;
    private final Label projectionCaption = new Label();
    private Timeline refreshTimer;
    private final Timeline ageTimer;

    public BudgetsView(BudgetsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("budgets-view");
        setId("budgetsView");
        var css = BudgetsView.class.getResource("/bifrostdesk/budgets/budgets.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }

        topChart = barChart("topConsumersChart", "Keys closest to exhaustion (% of limit used)", "% used");
        breakdownChart = barChart("breakdownChart", "Selected key: budgets by provider config", "USD");
        NumberAxis px = new NumberAxis();
        px.setLabel("hours since the window started");
        NumberAxis py = new NumberAxis();
        py.setLabel("usage");
        projectionChart = new LineChart<>(px, py);
        projectionChart.setId("projectionChart");
        projectionChart.setAnimated(false);
        projectionChart.setCreateSymbols(true);
        projectionChart.getStyleClass().add("projection-chart");
        projectionChart.setTitle("Usage in the current window");
        projectionChart.setAccessibleText("Line chart: usage of the selected limit in the current window, "
                + "with a dashed projection to the next reset");
        projectionCaption.setId("projectionCaption");
        projectionCaption.getStyleClass().add("projection-caption");
        projectionCaption.setWrapText(true);

        setTop(toolbar());
        setCenter(body());
        buildTable();
        bindCharts();

        ageTimer = new Timeline(new KeyFrame(javafx.util.Duration.seconds(15), e -> vm.updateAge()));
        ageTimer.setCycleCount(Animation.INDEFINITE);
        vm.refreshMinutesProperty().addListener((o, a, b) -> scheduleRefresh());
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                ageTimer.stop();
                if (refreshTimer != null) {
                    refreshTimer.stop();
                }
            } else {
                ageTimer.play();
                scheduleRefresh();
                if (vm.lastLoadedAtProperty().get() == null && !vm.loadingProperty().get()) {
                    vm.refresh();
                }
            }
        });
        Accessibility.fill(this);
    }

    public BudgetsViewModel viewModel() {
        return vm;
    }

    private void scheduleRefresh() {
        if (refreshTimer != null) {
            refreshTimer.stop();
            refreshTimer = null;
        }
        int minutes = vm.refreshMinutesProperty().get();
        if (minutes > 0 && getScene() != null) {
            refreshTimer = new Timeline(new KeyFrame(javafx.util.Duration.minutes(minutes), e -> vm.refresh()));
            refreshTimer.setCycleCount(Animation.INDEFINITE);
            refreshTimer.play();
        }
    }

    // ---- toolbar -------------------------------------------------------------------------------------------

    private Node toolbar() {
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
        clear.setOnAction(e -> {
            vm.searchProperty().set("");
            vm.nearLimitOnlyProperty().set(false);
            vm.exhaustedOnlyProperty().set(false);
            vm.inactiveOnlyProperty().set(false);
            vm.teamProperty().set(null);
            vm.customerProperty().set(null);
            vm.providerProperty().set(null);
        });

        HBox filters = new HBox(search, near, exhausted, inactive, teamBox, customerBox, providerBox, clear);
        filters.getStyleClass().add("toolbar-row");

        Button refresh = new Button("Refresh");
        refresh.setId("refreshBudgets");
        refresh.setTooltip(new Tooltip("Load every key's budgets and rate limits again (F5)"));
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.loadingProperty());

        ComboBox<Integer> interval = new ComboBox<>(FXCollections.observableArrayList(0, 1, 5, 15, 30, 60));
        interval.setId("refreshInterval");
        interval.setAccessibleText("Refresh automatically every");
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null || m == 0 ? "Auto refresh off" : "Every " + m + " min";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        interval.setValue(vm.refreshMinutesProperty().get());
        interval.valueProperty().addListener((o, a, b) -> vm.refreshMinutesProperty().set(b == null ? 0 : b));
        vm.refreshMinutesProperty().addListener((o, a, b) -> interval.setValue(b.intValue()));

        ProgressBar progress = new ProgressBar();
        progress.setId("budgetsProgress");
        progress.setAccessibleText("Loading progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.loadingProperty());
        progress.managedProperty().bind(vm.loadingProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("cancelBudgets");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.loadingProperty());
        cancel.managedProperty().bind(vm.loadingProperty());

        Label age = new Label();
        age.setId("budgetsAge");
        age.textProperty().bind(vm.ageProperty());
        age.accessibleTextProperty().bind(vm.ageProperty());
        vm.errorProperty().addListener((o, a, b) -> {
            age.getStyleClass().remove("budgets-offline");
            if (b != null) {
                age.getStyleClass().add("budgets-offline");
            }
        });

        Label status = new Label();
        status.setId("budgetsStatus");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(vm.statusProperty());
        status.accessibleTextProperty().bind(vm.statusProperty());

        Label count = new Label();
        count.setId("budgetsCount");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.sortedRows().size() + " of " + vm.rows().size() + " limits shown",
                vm.sortedRows(), vm.rows()));
        count.accessibleTextProperty().bind(count.textProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button csv = new Button("Export CSV…");
        csv.setId("exportCsv");
        csv.setTooltip(new Tooltip("Save the rows shown (with the filters) as CSV"));
        csv.setOnAction(e -> exportCsv());
        Button png = new Button("Export chart PNG…");
        png.setId("exportPng");
        png.setTooltip(new Tooltip("Save the chart shown as a PNG image"));
        png.setOnAction(e -> exportPng());

        HBox actions = new HBox(refresh, interval, progress, cancel, age, status, spacer, count, csv, png);
        actions.getStyleClass().add("toolbar-row");
        return new VBox(actions, filters);
    }

    private static CheckBox check(String id, String text, String accessible,
                                  javafx.beans.property.BooleanProperty p) {
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
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? anyText : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }

    // ---- body ----------------------------------------------------------------------------------------------

    private Node body() {
        table.setId("budgetTable");
        table.setAccessibleText("Budgets and rate limits, closest to exhaustion first");
        table.setPlaceholder(new Label("No limits match the filters"));

        Label blockersTitle = new Label("What blocks this key?");
        blockersTitle.getStyleClass().add("panel-title");
        ListView<Blockers.Blocker> blockers = new ListView<>(vm.blockers());
        blockers.setId("blockersList");
        blockers.getStyleClass().add("blockers-list");
        blockers.setAccessibleText("What blocks the selected key, worst first");
        blockers.setPlaceholder(new Label("Select a row to see what blocks its key"));
        blockers.setCellFactory(lv -> new BudgetsViewBlockerCell());
        blockers.setOnMouseClicked(e -> {
            Blockers.Blocker b = blockers.getSelectionModel().getSelectedItem();
            BudgetRow r = vm.selectedProperty().get();
            if (e.getClickCount() == 2 && b != null && r != null && r.vkId() != null) {
                vm.openAt(r.vkId(), b.nodePath());
            }
        });
        VBox blockersPane = new VBox(blockersTitle, blockers);
        blockersPane.setStyle("-fx-padding: 4px 8px;");
        VBox.setVgrow(blockers, Priority.ALWAYS);

        chartTabs.setId("chartTabs");
        chartTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox projectionBox = new VBox(projectionChart, projectionCaption);
        VBox.setVgrow(projectionChart, Priority.ALWAYS);
        Tab top = new Tab("Top consumers", topChart);
        top.setId("topConsumersTab");
        Tab breakdown = new Tab("Key by provider", breakdownChart);
        breakdown.setId("breakdownTab");
        Tab proj = new Tab("Usage and projection", projectionBox);
        proj.setId("projectionTab");
        chartTabs.getTabs().addAll(top, breakdown, proj);

        SplitPane bottom = new SplitPane(blockersPane, chartTabs);
        bottom.setDividerPositions(0.35);
        SplitPane main = new SplitPane(table, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.55);
        return main;
    }

    private static BarChart<String, Number> barChart(String id, String title, String yLabel) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        BarChart<String, Number> c = new BarChart<>(x, y);
        c.setId(id);
        c.setTitle(title);
        c.setAnimated(false);
        c.setAccessibleText("Bar chart: " + title);
        return c;
    }

    // ---- table ---------------------------------------------------------------------------------------------

    private void buildTable() {
        TableColumn<BudgetRow, String> owner = col("colOwner", "Owner", 300, BudgetRow::ownerChain,
                Comparator.<String>naturalOrder());
        TableColumn<BudgetRow, BudgetKind> kind = col("colKind", "Kind", 170, BudgetRow::kind,
                Comparator.comparing(BudgetKind::label));
        TableColumn<BudgetRow, BudgetRow> limit = amountCol("colLimit", "Limit", BudgetRow::limit);
        TableColumn<BudgetRow, BudgetRow> used = amountCol("colUsed", "Used", BudgetRow::usage);
        TableColumn<BudgetRow, BudgetRow> remaining = amountCol("colRemaining", "Remaining", BudgetRow::remaining);

        TableColumn<BudgetRow, Double> percent = col("colPercent", "Used %", 150, BudgetRow::fraction,
                Comparator.<Double>naturalOrder());
        percent.setCellFactory(c -> new UsageCell());
        percent.setSortType(TableColumn.SortType.DESCENDING);

        TableColumn<BudgetRow, String> reset = BudgetsView.<String>col("colResetDuration", "Resets every", 110,
                r -> r.resetDuration() + (r.calendarAligned() && BudgetMath.isAlignable(r.resetDuration())
                        ? " (calendar)" : ""), Comparator.<String>naturalOrder());
        TableColumn<BudgetRow, Instant> last = instantCol("colLastReset", "Last reset", BudgetRow::lastReset);
        TableColumn<BudgetRow, Instant> next = instantCol("colNextReset", "Next reset", BudgetRow::nextReset);
        TableColumn<BudgetRow, Duration> left = col("colTimeLeft", "Time left", 90, BudgetRow::timeLeft,
                Comparator.nullsLast(Comparator.<Duration>naturalOrder()));
        left.setCellFactory(c -> textCell(BudgetMath::compact));

        table.getColumns().setAll(List.of(owner, kind, limit, used, remaining, percent, reset, last, next, left));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setItems(vm.sortedRows());
        // Unsorted table = the view-model's default order (closest to exhaustion first).
        vm.sortedRows().comparatorProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> table.getComparator() == null ? BudgetAggregation.CLOSEST_TO_EXHAUSTION : table.getComparator(),
                table.comparatorProperty()));

        table.setRowFactory(tv -> {
            TableRow<BudgetRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.F5) {
                vm.refresh();
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                if (b == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(b);
                }
            }
        });
    }

    private static <T> TableColumn<BudgetRow, T> col(String id, String title, double width,
                                                     Function<BudgetRow, T> value, Comparator<T> order) {
        TableColumn<BudgetRow, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setComparator(order);
        return c;
    }

    /** An amount in the row's unit (USD, tokens, requests), sorted by the number. */
    private static TableColumn<BudgetRow, BudgetRow> amountCol(String id, String title,
                                                               java.util.function.ToDoubleFunction<BudgetRow> v) {
        TableColumn<BudgetRow, BudgetRow> c = col(id, title, 120, r -> r, Comparator.comparingDouble(v));
        c.setCellFactory(x -> textCell(r -> r.format(v.applyAsDouble(r))));
        c.setStyle("-fx-alignment: center-right;");
        return c;
    }

    private static TableColumn<BudgetRow, Instant> instantCol(String id, String title,
                                                              Function<BudgetRow, Instant> v) {
        TableColumn<BudgetRow, Instant> c = col(id, title, 130, v,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
        c.setCellFactory(x -> textCell(TIME::format));
        return c;
    }

    private static <T> TableCell<BudgetRow, T> textCell(Function<T, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** The row's {@link UsageBar}; the cell's accessible text says the level in words. */
    private static final class UsageCell extends TableCell<BudgetRow, Double> {
        private final UsageBar usage = new UsageBar(80);

        @Override
        protected void updateItem(Double f, boolean empty) {
            super.updateItem(f, empty);
            setText(null);
            if (empty || f == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            usage.setFraction(f);
            setGraphic(usage);
            setAccessibleText(UsageBar.describe(f));
        }
    }

    // ---- charts --------------------------------------------------------------------------------------------

    private void bindCharts() {
        vm.topConsumers().addListener((ListChangeListener<BudgetRow>) c -> fillTop());
        vm.selectedKeyBudgets().addListener((ListChangeListener<BudgetRow>) c -> fillBreakdown());
        vm.projectionProperty().addListener((o, a, b) -> fillProjection());
        vm.selectedProperty().addListener((o, a, b) -> fillProjection());
        fillTop();
        fillBreakdown();
        fillProjection();
    }

    private void fillTop() {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName("% of limit used (worst limit of the key)");
        for (BudgetRow r : vm.topConsumers()) {
            s.getData().add(new XYChart.Data<>(r.vkName(), Math.round(r.fraction() * 1000) / 10.0));
        }
        topChart.getData().setAll(List.of(s));
    }

    private void fillBreakdown() {
        List<BudgetRow> rows = vm.selectedKeyBudgets().stream()
                .sorted(Comparator.comparingDouble(BudgetRow::fraction).reversed()).limit(MAX_BREAKDOWN).toList();
        XYChart.Series<String, Number> usedS = new XYChart.Series<>();
        usedS.setName("Used (USD)");
        XYChart.Series<String, Number> limitS = new XYChart.Series<>();
        limitS.setName("Limit (USD)");
        for (BudgetRow r : rows) {
            String cat = r.breakdownLabel();
            usedS.getData().add(new XYChart.Data<>(cat, r.usage()));
            limitS.getData().add(new XYChart.Data<>(cat, r.limit()));
        }
        BudgetRow sel = vm.selectedProperty().get();
        int total = vm.selectedKeyBudgets().size();
        breakdownChart.setTitle(sel == null ? "Select a row to see its key's budgets by provider config"
                : sel.ownerLabel() + ": budgets by provider config"
                + (total > rows.size() ? " (" + rows.size() + " fullest of " + total + ")" : ""));
        breakdownChart.getData().setAll(List.of(usedS, limitS));
    }

    private void fillProjection() {
        BudgetRow r = vm.selectedProperty().get();
        BudgetMath.Projection p = vm.projectionProperty().get();
        XYChart.Series<Number, Number> actual = new XYChart.Series<>();
        actual.setName("Actual");
        XYChart.Series<Number, Number> projected = new XYChart.Series<>();
        projected.setName("Projected to the reset");
        if (r == null || p == null || r.windowStart() == null || r.nextReset() == null) {
            projectionChart.setTitle("Usage in the current window");
            projectionCaption.setText(r == null ? "Select a row to see its pace." : p == null ? "" : p.sentence());
            projectionChart.getData().setAll(List.of(actual, projected));
            projectionCaption.setAccessibleText(projectionCaption.getText());
            return;
        }
        Instant now = vm.lastLoadedAtProperty().get() == null ? Instant.now() : vm.lastLoadedAtProperty().get();
        double nowH = hours(r.windowStart(), now);
        double resetH = hours(r.windowStart(), r.nextReset());
        actual.getData().add(new XYChart.Data<>(0, 0));
        actual.getData().add(new XYChart.Data<>(nowH, r.usage()));
        projected.getData().add(new XYChart.Data<>(nowH, r.usage()));
        projected.getData().add(new XYChart.Data<>(resetH, p.projectedAtReset()));
        projectionChart.setTitle(r.ownerLabel() + " · " + r.kind().label() + " per " + r.resetDuration()
                + " · limit " + r.format(r.limit()));
        ((NumberAxis) projectionChart.getYAxis()).setLabel(r.kind().unit().name().toLowerCase(Locale.ROOT));
        projectionChart.getData().setAll(List.of(actual, projected));
        projectionCaption.setText(p.sentence() + " Limit " + r.limitText() + "; next reset "
                + TIME.format(r.nextReset()) + ".");
        projectionCaption.setAccessibleText(projectionCaption.getText());
    }

    private static double hours(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0;
    }

    // ---- export --------------------------------------------------------------------------------------------

    private void exportCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export budgets as CSV");
        fc.setInitialFileName("budgets.csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            try {
                CsvExport.write(vm.visibleRows(), f.toPath());
            } catch (IOException e) {
                showError("Could not write " + f + ": " + e.getMessage());
            }
        }
    }

    private void exportPng() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export chart as PNG");
        fc.setInitialFileName("budget-chart.png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            try {
                writeShownChart(f.toPath());
            } catch (IOException e) {
                showError("Could not write " + f + ": " + e.getMessage());
            }
        }
    }

    /** Snapshots the chart tab shown and writes it as PNG (FX thread). */
    public void writeShownChart(java.nio.file.Path file) throws IOException {
        Node shown = chartTabs.getSelectionModel().getSelectedItem().getContent();
        WritableImage img = shown.snapshot(new SnapshotParameters(), null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        PngExport.write(w, h, argb, file);
    }

    private void showError(String message) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                message);
        a.initOwner(getScene() == null ? null : getScene().getWindow());
        a.show();
    }
}
