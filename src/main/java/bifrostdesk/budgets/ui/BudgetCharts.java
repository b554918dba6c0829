package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.budgets.PngExport;
import bifrostdesk.budgets.history.ChartCsv;
import bifrostdesk.budgets.history.Range;
import bifrostdesk.budgets.history.SpendViewModel;
import bifrostdesk.budgets.history.TopSpenders;
import bifrostdesk.common.ui.Styles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The charts, one per tab, under one period picker, the gateway's logs status in words and a hover read-out: the
 * selected limit's spend over time ({@link SpendOverTime}), spend by team / customer / provider
 * ({@link SpendByOwner}), the keys that spent most (the gateway's rankings), the limits closest to exhaustion, and
 * the selected key's budgets by provider config. The bar charts run sideways so long key names read across and the
 * bars keep their height at any window size. The view-models give domain data; making chart series is this view's.
 */
final class BudgetCharts extends VBox {
    private static final int MAX_BREAKDOWN = 12;
    private static final int NAME_CHARS = 28;

    private final BudgetsViewModel vm;
    private final SpendViewModel spend;
    private final TabPane tabs = new TabPane();
    private final Label readout = new Label();
    private final BarChart<Number, String> exhaustion = sideways("exhaustionChart", "% of limit used");
    private final BarChart<Number, String> breakdown = sideways("breakdownChart", "USD");
    private final BarChart<Number, String> top = sideways("topConsumersChart", "spent (USD)");
    private final Label topNote = new Label();
    private final SpendOverTime overTime;

    BudgetCharts(BudgetsViewModel vm, SpendViewModel spend) {
        this.vm = vm;
        this.spend = spend;
        getStyleClass().add(Styles.PANEL);
        tabs.setId("chartTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        readout.setId("chartReadout");
        readout.getStyleClass().add(Styles.CHART_READOUT);
        readout.setAccessibleText("The value under the mouse");
        overTime = new SpendOverTime(spend, readout);
        topNote.setId("topNote");
        topNote.getStyleClass().add(Styles.MUTED);
        topNote.setWrapText(true);
        VBox topBox = new VBox(top, topNote);
        VBox.setVgrow(top, Priority.ALWAYS);
        exhaustion.setTitle(null);
        exhaustion.setLegendVisible(false);
        top.setLegendVisible(false);

        tabs.getTabs().addAll(tab("spendTab", "Spend over time", overTime),
                tab("byOwnerTab", "By team, customer, provider", new SpendByOwner(spend, readout)),
                tab("topConsumersTab", "Top consumers", topBox),
                tab("exhaustionTab", "Closest to exhaustion", exhaustion),
                tab("breakdownTab", "Key by provider", breakdown));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header(), tabs);

        vm.topConsumers().addListener((ListChangeListener<BudgetRow>) c -> fillExhaustion());
        vm.selectedKeyBudgets().addListener((ListChangeListener<BudgetRow>) c -> fillBreakdown());
        spend.topProperty().addListener((o, a, b) -> fillTop(b));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> readout.setText(""));
        fillExhaustion();
        fillBreakdown();
        fillTop(spend.topProperty().get());
    }

    private HBox header() {
        ComboBox<Range> period = new ComboBox<>(FXCollections.observableArrayList(Range.values()));
        period.setId("periodPicker");
        period.setAccessibleText("Period of the charts");
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Range r) {
                return r == null ? "" : r.label();
            }

            @Override
            public Range fromString(String s) {
                return null;
            }
        });
        period.valueProperty().bindBidirectional(spend.rangeProperty());
        Label logs = new Label();
        logs.setId("logsNote");
        logs.getStyleClass().add(Styles.LOGS_NOTE);
        logs.setWrapText(true);
        logs.textProperty().bind(spend.logsNoteProperty());
        logs.accessibleTextProperty().bind(spend.logsNoteProperty());
        spend.logsAvailableProperty().addListener((o, a, b) -> {
            logs.getStyleClass().remove(Styles.BUDGETS_OFFLINE);
            if (!b) {
                logs.getStyleClass().add(Styles.BUDGETS_OFFLINE);
            }
        });
        HBox.setHgrow(logs, Priority.ALWAYS);
        readout.setMinWidth(USE_PREF_SIZE);
        HBox row = new HBox(8, period, logs, readout);
        row.getStyleClass().add(Styles.TOOLBAR_ROW);
        return row;
    }

    private static Tab tab(String id, String text, Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    /** Which chart is shown, for the CSV export. */
    ChartCsv.Chart shownChart() {
        return switch (tabs.getSelectionModel().getSelectedItem().getId()) {
            case "byOwnerTab" -> ChartCsv.Chart.BY_DIMENSION;
            case "topConsumersTab" -> ChartCsv.Chart.TOP;
            case "exhaustionTab" -> ChartCsv.Chart.EXHAUSTION;
            case "breakdownTab" -> ChartCsv.Chart.BREAKDOWN;
            default -> ChartCsv.Chart.SPEND;
        };
    }

    /** The pixels of the chart tab shown. A snapshot: FX thread only. */
    PngExport.Pixels shownPixels() {
        Node shown = tabs.getSelectionModel().getSelectedItem().getContent();
        // the laid-out area only: drawn marks (a limit line's stroke) may reach a pixel or two beyond it
        SnapshotParameters area = new SnapshotParameters();
        var b = shown.getLayoutBounds();
        area.setViewport(new javafx.geometry.Rectangle2D(b.getMinX(), b.getMinY(), Math.ceil(b.getWidth()),
                Math.ceil(b.getHeight())));
        WritableImage img = shown.snapshot(area, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new PngExport.Pixels(w, h, argb);
    }

    /** A bar chart lying on its side: names down the left, values across. */
    private static BarChart<Number, String> sideways(String id, String valueLabel) {
        NumberAxis x = new NumberAxis();
        x.setLabel(valueLabel);
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> c = new BarChart<>(x, y);
        c.setId(id);
        c.setAnimated(false);
        c.setCategoryGap(6);
        c.getStyleClass().add(Styles.HORIZONTAL_BARS);
        c.setAccessibleText("Bar chart: " + valueLabel + " by name");
        return c;
    }

    /** Short, unique names: the first on top, so the list is added bottom-up. */
    private static List<String> names(List<String> full) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String n : full) {
            String s = n == null ? "" : n.length() > NAME_CHARS ? n.substring(0, NAME_CHARS - 1) + "…" : n;
            String u = s;
            for (int i = 2; !seen.add(u); i++) {
                u = s + " (" + i + ")";
            }
            out.add(u);
        }
        return out;
    }

    private void fill(BarChart<Number, String> chart, List<XYChart.Series<Number, String>> series,
                      List<String> categories, List<String> words) {
        List<String> bottomUp = new ArrayList<>(categories);
        java.util.Collections.reverse(bottomUp);
        ((CategoryAxis) chart.getYAxis()).setCategories(FXCollections.observableArrayList(bottomUp));
        chart.getData().setAll(series);
        int i = 0;
        for (XYChart.Series<Number, String> s : chart.getData()) {
            for (XYChart.Data<Number, String> d : s.getData()) {
                String w = words.get(i++ % words.size());
                String text = chart.getData().size() > 1 ? s.getName() + " · " + w : w;
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(text));
                    d.getNode().setOnMouseEntered(e -> readout.setText(text));
                }
            }
        }
    }

    private void fillExhaustion() {
        List<BudgetRow> rows = vm.topConsumers();
        List<String> cats = names(rows.stream().map(r -> r.vkName() != null ? r.vkName() : r.ownerLabel()).toList());
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        s.setName("% of limit used (worst limit of the key)");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BudgetRow r = rows.get(i);
            s.getData().add(new XYChart.Data<>(Math.round(r.fraction() * 1000) / 10.0, cats.get(i)));
            words.add(r.ownerChain() + ": " + r.format(r.usage()) + " of " + r.limitText() + " ("
                    + Math.round(r.fraction() * 100) + " %)");
        }
        fill(exhaustion, List.of(s), cats, words.isEmpty() ? List.of("") : words);
    }

    private void fillBreakdown() {
        List<BudgetRow> rows = vm.selectedKeyBudgets().stream()
                .sorted(Comparator.comparingDouble(BudgetRow::fraction).reversed()).limit(MAX_BREAKDOWN).toList();
        List<String> cats = names(rows.stream().map(BudgetRow::breakdownLabel).toList());
        XYChart.Series<Number, String> used = new XYChart.Series<>();
        used.setName("Used");
        XYChart.Series<Number, String> limit = new XYChart.Series<>();
        limit.setName("Limit");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BudgetRow r = rows.get(i);
            used.getData().add(new XYChart.Data<>(r.usage(), cats.get(i)));
            limit.getData().add(new XYChart.Data<>(r.limit(), cats.get(i)));
            words.add(r.breakdownLabel() + ": " + r.format(r.usage()) + " of " + r.limitText());
        }
        BudgetRow sel = vm.selectedProperty().get();
        int total = vm.selectedKeyBudgets().size();
        breakdown.setTitle(sel == null ? "Select a row to see its key's budgets by provider config"
                : sel.ownerLabel() + ": budgets by provider config"
                + (total > rows.size() ? " (" + rows.size() + " fullest of " + total + ")" : ""));
        fill(breakdown, List.of(used, limit), cats, words.isEmpty() ? List.of("") : words);
    }

    private void fillTop(TopSpenders t) {
        List<TopSpenders.Entry> entries = t == null ? List.of() : t.entries();
        List<String> cats = names(entries.stream().map(TopSpenders.Entry::name).toList());
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        s.setName("Spent in the period");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TopSpenders.Entry e = entries.get(i);
            s.getData().add(new XYChart.Data<>(e.cost(), cats.get(i)));
            words.add(e.name() + ": " + BudgetKind.VK_BUDGET.format(e.cost()) + " spent"
                    + (Double.isNaN(e.trendPercent()) ? "" : String.format(Locale.ROOT,
                    " (%+.0f %% against the period before)", e.trendPercent())));
        }
        fill(top, List.of(s), cats, words.isEmpty() ? List.of("") : words);
        topNote.setText(t == null ? "" : (entries.isEmpty() ? "No spend recorded in this period. " : "")
                + t.note());
        topNote.setAccessibleText(topNote.getText());
    }

    TabPane tabs() {
        return tabs;
    }
}
