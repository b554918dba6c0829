package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.history.HistoryChart;
import bifrostdesk.budgets.history.SpendViewModel;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.spend.SpendSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected limit's spend over time: spend per bucket (bars) above its usage in each window against the limit
 * (line), with reset boundaries dashed and the projection at the observed pace to the next reset; the projection's
 * sentence (with its basis) and where the numbers come from underneath. Hovering a bar reads out its time and value.
 */
final class SpendOverTime extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final TimeChart bars = new TimeChart("spendBarsChart", "spent");
    private final TimeChart usage = new TimeChart("usageChart", "used");
    private final Label caption = new Label();
    private final Label readout;
    private final Label message = new Label();

    SpendOverTime(SpendViewModel vm, Label readout) {
        this.readout = readout;
        bars.setLegendVisible(false);
        bars.setAccessibleText("Bar chart: the selected limit's spend per bucket");
        bars.getStyleClass().add(Styles.SPEND_BARS_CHART);
        usage.setAccessibleText("Line chart: the selected limit's usage in each window against its limit, with the "
                + "projection at the observed pace dashed and resets marked");
        usage.getStyleClass().add(Styles.PROJECTION_CHART);
        usage.setCreateSymbols(true);
        // the caption says what each line is: the legend's row is worth more as chart height at 1280×800
        usage.setLegendVisible(false);
        caption.setId("projectionCaption");
        caption.getStyleClass().add(Styles.PROJECTION_CAPTION);
        caption.setWrapText(true);
        caption.setMinHeight(USE_PREF_SIZE);
        message.setId("spendMessage");
        message.getStyleClass().add(Styles.MUTED);
        message.setWrapText(true);
        message.textProperty().bind(vm.selectedMessageProperty());
        message.visibleProperty().bind(vm.selectedMessageProperty().isNotEmpty());

        VBox charts = new VBox(bars, usage);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox.setVgrow(usage, Priority.ALWAYS);
        bars.setPrefHeight(100);
        usage.setPrefHeight(150);
        // both may shrink so the caption under them keeps its lines at 1280×800
        bars.setMinHeight(60);
        usage.setMinHeight(90);
        // the time axis below says when; the bars' own would repeat it
        bars.getXAxis().setTickLabelsVisible(false);
        bars.getXAxis().setTickMarkVisible(false);
        charts.visibleProperty().bind(vm.selectedProperty().isNotNull());
        StackPane stack = new StackPane(charts, message);
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().addAll(stack, caption);
        vm.selectedProperty().addListener((o, a, b) -> fill(b));
        fill(vm.selectedProperty().get());
    }

    private void fill(HistoryChart c) {
        if (c == null) {
            bars.setBars(List.of(), s -> { }, s -> "");
            bars.getData().clear();
            usage.getData().clear();
            usage.setMarks(List.of());
            usage.setLimit(Double.NaN);
            caption.setText("");
            caption.setAccessibleText("");
            return;
        }
        BudgetRow row = c.row();
        ZoneId zone = ZoneId.systemDefault();
        bars.showRange(c.from(), c.end(), c.topBucket(), zone);
        bars.setBars(c.buckets(), s -> readout.setText(s == null ? "" : words(row, s)), s -> words(row, s));
        bars.getYAxis().setLabel("spent (" + unit(row) + ")");

        usage.showRange(c.from(), c.end(), c.top(), zone);
        usage.getYAxis().setLabel("used (" + unit(row) + ")");
        XYChart.Series<Number, Number> used = series("Used in the window", c.usage());
        XYChart.Series<Number, Number> projected = series("Projected at the observed pace", c.projected());
        usage.getData().setAll(List.of(used, projected));
        usage.setMarks(c.resets());
        usage.setLimit(row.limit());
        usage.setTitle(null);
        for (XYChart.Series<Number, Number> s : usage.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() != null) {
                    d.getNode().setOnMouseEntered(e -> readout.setText(s.getName() + ": " + row.format(
                            d.getYValue().doubleValue()) + " at " + WHEN.format(Instant.ofEpochSecond(
                            d.getXValue().longValue()))));
                }
            }
        }
        String text = row.ownerLabel() + " · " + row.kind().label().toLowerCase(Locale.ROOT)
                + (row.resetDuration() == null ? "" : " per " + row.resetDuration()) + ", limit " + row.limitText()
                + " (red line); usage solid, projection dotted, resets dashed. " + c.projection().sentence() + " "
                + c.note();
        caption.setText(text);
        caption.setAccessibleText(text);
    }

    private static XYChart.Series<Number, Number> series(String name, List<HistoryChart.Point> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (HistoryChart.Point p : points) {
            s.getData().add(new XYChart.Data<>(p.at().getEpochSecond(), p.value()));
        }
        return s;
    }

    private static String unit(BudgetRow row) {
        return switch (row.kind().unit()) {
            case USD -> "USD";
            case TOKENS -> "tokens";
            case REQUESTS -> "requests";
        };
    }

    /** "Dec 3, 14:00 – Dec 3, 15:00: $12.40 spent". */
    static String words(BudgetRow row, SpendSeries.Span s) {
        return WHEN.format(s.start()) + " – " + WHEN.format(s.end()) + ": " + row.format(s.amount()) + " spent";
    }

    TimeChart barsChart() {
        return bars;
    }

    TimeChart usageChart() {
        return usage;
    }
}
