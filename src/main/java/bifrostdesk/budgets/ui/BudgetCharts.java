package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.BudgetMath;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.budgets.PngExport;
import bifrostdesk.common.ui.Styles;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The three charts, one per tab: keys closest to exhaustion, the selected key's budgets by provider config, and the
 * selected limit's usage in its window with the projection to the reset. The view-model gives domain rows and
 * projections; turning them into chart series is this view's job.
 */
final class BudgetCharts extends TabPane {
    private static final int MAX_BREAKDOWN = 30;

    private final BudgetsViewModel vm;
    private final BarChart<String, Number> topChart;
    private final BarChart<String, Number> breakdownChart;
    private final LineChart<Number, Number> projectionChart;
    private final Label projectionCaption = new Label();

    BudgetCharts(BudgetsViewModel vm) {
        this.vm = vm;
        setId("chartTabs");
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
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
        projectionChart.getStyleClass().add(Styles.PROJECTION_CHART);
        projectionChart.setTitle("Usage in the current window");
        projectionChart.setAccessibleText("Line chart: usage of the selected limit in the current window, "
                + "with a dashed projection to the next reset");
        projectionCaption.setId("projectionCaption");
        projectionCaption.getStyleClass().add(Styles.PROJECTION_CAPTION);
        projectionCaption.setWrapText(true);

        VBox projectionBox = new VBox(projectionChart, projectionCaption);
        VBox.setVgrow(projectionChart, Priority.ALWAYS);
        Tab top = new Tab("Top consumers", topChart);
        top.setId("topConsumersTab");
        Tab breakdown = new Tab("Key by provider", breakdownChart);
        breakdown.setId("breakdownTab");
        Tab proj = new Tab("Usage and projection", projectionBox);
        proj.setId("projectionTab");
        getTabs().addAll(top, breakdown, proj);

        vm.topConsumers().addListener((ListChangeListener<BudgetRow>) c -> fillTop());
        vm.selectedKeyBudgets().addListener((ListChangeListener<BudgetRow>) c -> fillBreakdown());
        vm.projectionProperty().addListener((o, a, b) -> fillProjection());
        vm.selectedProperty().addListener((o, a, b) -> fillProjection());
        fillTop();
        fillBreakdown();
        fillProjection();
    }

    /** The pixels of the chart tab shown. A snapshot: FX thread only. */
    PngExport.Pixels shownPixels() {
        Node shown = getSelectionModel().getSelectedItem().getContent();
        WritableImage img = shown.snapshot(new SnapshotParameters(), null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new PngExport.Pixels(w, h, argb);
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
                + BudgetTable.TIME.format(r.nextReset()) + ".");
        projectionCaption.setAccessibleText(projectionCaption.getText());
    }

    /** Hours from {@code from} to {@code to}, to a tenth. */
    private static double hours(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0;
    }
}
