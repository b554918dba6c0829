package bifrostdesk.budgets.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * Spend per bucket stacked by team, customer or provider over a time axis (a stacked area: thirty daily buckets
 * stay legible where thirty bar labels would not), with horizontal lines for what the shown teams' or customers'
 * budgets allow per bucket at an even pace, each labelled at its right end.
 */
final class StackedSpendChart extends StackedAreaChart<Number, Number> {
    static final String LIMIT_LINE = "limit-line";
    private final List<Line> lines = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    StackedSpendChart() {
        super(TimeChart.timeAxis(), new NumberAxis());
        setId("stackedChart");
        setAnimated(false);
        setCreateSymbols(true);
        getYAxis().setPrefWidth(64);
        getYAxis().setMinWidth(64);
    }

    @Override
    public NumberAxis getYAxis() {
        return (NumberAxis) super.getYAxis();
    }

    @Override
    public NumberAxis getXAxis() {
        return (NumberAxis) super.getXAxis();
    }

    /** Lines at these values with these labels (the caller sets the value axis to show the highest). */
    void setLimits(List<Double> at, List<String> text) {
        getPlotChildren().removeAll(lines);
        getPlotChildren().removeAll(labels);
        lines.clear();
        labels.clear();
        values.clear();
        for (int i = 0; i < at.size(); i++) {
            Line l = new Line();
            l.getStyleClass().add(LIMIT_LINE);
            l.setManaged(false);
            Label t = new Label(text.get(i));
            t.getStyleClass().add(LIMIT_LINE + "-label");
            t.setManaged(false);
            lines.add(l);
            labels.add(t);
            values.add(at.get(i));
        }
        getPlotChildren().addAll(lines);
        getPlotChildren().addAll(labels);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = getYAxis();
        double right = getXAxis().getDisplayPosition(getXAxis().getUpperBound());
        for (int i = 0; i < lines.size(); i++) {
            double at = y.getDisplayPosition(values.get(i));
            Line l = lines.get(i);
            l.setStartX(0);
            l.setEndX(right);
            l.setStartY(at);
            l.setEndY(at);
            Label t = labels.get(i);
            double w = Math.min(t.prefWidth(-1), right);
            t.resize(w, t.prefHeight(-1));
            t.relocate(Math.max(0, right - w - 4), at - t.prefHeight(-1));
        }
    }
}
