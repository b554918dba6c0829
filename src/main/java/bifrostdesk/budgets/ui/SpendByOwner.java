package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.history.Dimension;
import bifrostdesk.budgets.history.SpendViewModel;
import bifrostdesk.budgets.history.StackedSpend;
import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.common.ui.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Spend over time stacked by team, customer or provider (a picker chooses), with the teams' and customers' budgets
 * drawn as what they allow per bucket at an even pace, and where the numbers come from underneath.
 */
final class SpendByOwner extends VBox {
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter HOURLY = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH)
            .withZone(ZONE);
    private static final DateTimeFormatter DAILY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZONE);

    private final StackedSpendChart chart;
    private final Label note = new Label();
    private final Label readout;
    private boolean hourly;

    SpendByOwner(SpendViewModel vm, Label readout) {
        this.readout = readout;
        chart = new StackedSpendChart();
        chart.getStyleClass().add(Styles.STACKED_CHART);
        chart.setAccessibleText("Stacked bar chart: spend per bucket by team, customer or provider");
        chart.getYAxis().setLabel("spent (USD)");
        VBox.setVgrow(chart, Priority.ALWAYS);

        ComboBox<Dimension> picker = new ComboBox<>(FXCollections.observableArrayList(Dimension.values()));
        picker.setId("dimensionPicker");
        picker.setAccessibleText("Stack the spend by");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dimension d) {
                return d == null ? "" : "By " + d.label().toLowerCase(Locale.ROOT);
            }

            @Override
            public Dimension fromString(String s) {
                return null;
            }
        });
        picker.valueProperty().bindBidirectional(vm.dimensionProperty());
        note.setId("stackedNote");
        note.getStyleClass().add(Styles.MUTED);
        note.setWrapText(true);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox top = new HBox(8, picker, note);
        top.getStyleClass().add(Styles.TOOLBAR_ROW);
        getChildren().addAll(top, chart);
        vm.stackedProperty().addListener((o, a, b) -> fill(b));
        fill(vm.stackedProperty().get());
    }

    private void fill(StackedSpend s) {
        if (s == null) {
            chart.getData().clear();
            chart.setLimits(List.of(), List.of());
            note.setText("");
            return;
        }
        hourly = s.bucket().toHours() < 24;
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        double[] totals = new double[s.starts().size()];
        for (StackedSpend.Layer l : s.layers()) {
            XYChart.Series<Number, Number> x = new XYChart.Series<>();
            x.setName(l.name());
            for (int i = 0; i < s.starts().size(); i++) {
                double v = l.amounts().get(i);
                totals[i] += v;
                // each bucket's spend drawn at its middle
                x.getData().add(new XYChart.Data<>(s.starts().get(i).plus(s.bucket().dividedBy(2)).getEpochSecond(),
                        v));
            }
            series.add(x);
        }
        double top = 0;
        for (double t : totals) {
            top = Math.max(top, t);
        }
        List<Double> at = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (StackedSpend.LimitLine l : s.limits()) {
            at.add(l.perBucket());
            text.add(l.label());
            top = Math.max(top, l.perBucket());
        }
        Instant from = s.starts().isEmpty() ? Instant.now().minus(s.bucket()) : s.starts().get(0);
        Instant to = s.starts().isEmpty() ? Instant.now() : s.starts().get(s.starts().size() - 1).plus(s.bucket());
        TimeChart.timeRange(chart.getXAxis(), from, to, ZONE);
        TimeChart.valueRange(chart.getYAxis(), top);
        chart.getData().setAll(series);
        chart.setLimits(at, text);
        for (XYChart.Series<Number, Number> x : chart.getData()) {
            for (XYChart.Data<Number, Number> d : x.getData()) {
                if (d.getNode() != null) {
                    Instant start = Instant.ofEpochSecond(d.getXValue().longValue()).minus(s.bucket().dividedBy(2));
                    String words = x.getName() + ", " + (hourly ? HOURLY : DAILY).format(start) + ": "
                            + BudgetKind.VK_BUDGET.format(d.getYValue().doubleValue()) + " spent";
                    Tooltip.install(d.getNode(), new Tooltip(words));
                    d.getNode().setOnMouseEntered(e -> readout.setText(words));
                }
            }
        }
        String empty = s.layers().isEmpty() ? "No spend by " + s.dimension().label().toLowerCase(Locale.ROOT)
                + " in this period. " : "";
        String limits = s.limits().isEmpty() ? "" : " Lines: " + String.join("; ", text) + ".";
        note.setText(empty + s.note() + limits);
        note.setAccessibleText(note.getText());
    }

    StackedSpendChart chart() {
        return chart;
    }
}
