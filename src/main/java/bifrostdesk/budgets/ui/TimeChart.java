package bifrostdesk.budgets.ui;

import bifrostdesk.spend.SpendSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * A line chart over time (x: epoch seconds) that can also draw spend per bucket as bars on the same time scale,
 * vertical marks (reset boundaries) and one horizontal line (the limit). JavaFX's bar chart needs a category axis,
 * which would not line up with a line chart's time axis, so the bars are drawn here as plain rectangles, laid out
 * by the axes like the lines are. The axes' ranges are set by the caller ({@link #showRange}).
 */
final class TimeChart extends LineChart<Number, Number> {
    static final String BAR = "spend-bar";
    static final String RESET_MARK = "reset-mark";
    static final String LIMIT_LINE = "limit-line";
    private static final long HOUR = 3600;
    private static final long[] UNITS = {HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR, 7 * 24 * HOUR,
            14 * 24 * HOUR};

    private final List<Rectangle> bars = new ArrayList<>();
    private final List<SpendSeries.Span> spans = new ArrayList<>();
    private final List<Line> marks = new ArrayList<>();
    private final List<Instant> markAt = new ArrayList<>();
    private final Line limit = new Line();
    private double limitValue = Double.NaN;

    TimeChart(String id, String yLabel) {
        super(timeAxis(), new NumberAxis());
        setId(id);
        setAnimated(false);
        setCreateSymbols(false);
        setAxisSortingPolicy(SortingPolicy.NONE);
        getYAxis().setLabel(yLabel);
        getYAxis().setAutoRanging(false);
        // the same width for every time chart's value axis, so stacked charts' time axes line up
        getYAxis().setPrefWidth(64);
        getYAxis().setMinWidth(64);
        limit.getStyleClass().add(LIMIT_LINE);
        limit.setManaged(false);
    }

    static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setForceZeroInRange(false);
        return x;
    }

    @Override
    public NumberAxis getYAxis() {
        return (NumberAxis) super.getYAxis();
    }

    @Override
    public NumberAxis getXAxis() {
        return (NumberAxis) super.getXAxis();
    }

    /** Sets both ranges: time from {@code from} to {@code to}, values from 0 to a little over {@code top}. */
    void showRange(Instant from, Instant to, double top, ZoneId zone) {
        timeRange(getXAxis(), from, to, zone);
        valueRange(getYAxis(), top);
    }

    /** A time axis (epoch seconds) from {@code from} to {@code to}, about 8 ticks labelled in {@code zone}. */
    static void timeRange(NumberAxis x, Instant from, Instant to, ZoneId zone) {
        long span = Math.max(HOUR, to.getEpochSecond() - from.getEpochSecond());
        long unit = UNITS[UNITS.length - 1];
        for (long u : UNITS) {
            if (span / u <= 8) {
                unit = u;
                break;
            }
        }
        x.setAutoRanging(false);
        x.setLowerBound(from.getEpochSecond());
        x.setUpperBound(to.getEpochSecond());
        x.setTickUnit(unit);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(unit < 24 * HOUR ? "MMM d HH:mm" : "MMM d", Locale.ENGLISH)
                .withZone(zone);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return f.format(Instant.ofEpochSecond(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return null;
            }
        });
    }

    /** A value axis from 0 to a little over {@code top}, in five round steps. */
    static void valueRange(NumberAxis y, double top) {
        double unit = niceUnit((top > 0 ? top * 1.05 : 1) / 4);
        y.setAutoRanging(false);
        y.setLowerBound(0);
        // the top on a tick, so the axis does not end on an odd number such as 195.74
        y.setUpperBound(Math.ceil((top > 0 ? top * 1.05 : 1) / unit) * unit);
        y.setTickUnit(unit);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceUnit(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** Spend per bucket as bars; {@code hover} hears the bucket under the mouse (null when it leaves). */
    void setBars(List<SpendSeries.Span> buckets, Consumer<SpendSeries.Span> hover, java.util.function.Function<
            SpendSeries.Span, String> words) {
        getPlotChildren().removeAll(bars);
        bars.clear();
        spans.clear();
        for (SpendSeries.Span s : buckets) {
            Rectangle r = new Rectangle();
            r.getStyleClass().add(BAR);
            r.setManaged(false);
            r.setOnMouseEntered(e -> hover.accept(s));
            r.setOnMouseExited(e -> hover.accept(null));
            Tooltip.install(r, new Tooltip(words.apply(s)));
            r.setAccessibleText(words.apply(s));
            bars.add(r);
            spans.add(s);
        }
        getPlotChildren().addAll(0, bars);
        requestChartLayout();
    }

    /** Dashed vertical marks at these instants (reset boundaries). */
    void setMarks(List<Instant> at) {
        getPlotChildren().removeAll(marks);
        marks.clear();
        markAt.clear();
        for (Instant t : at) {
            Line l = new Line();
            l.getStyleClass().add(RESET_MARK);
            l.setManaged(false);
            marks.add(l);
            markAt.add(t);
        }
        getPlotChildren().addAll(marks);
        requestChartLayout();
    }

    /** A horizontal line at {@code value} (the limit); NaN for none. */
    void setLimit(double value) {
        limitValue = value;
        getPlotChildren().remove(limit);
        if (!Double.isNaN(value)) {
            getPlotChildren().add(limit);
        }
        requestChartLayout();
    }

    List<Rectangle> bars() {
        return List.copyOf(bars);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = getXAxis();
        NumberAxis y = getYAxis();
        double zero = y.getDisplayPosition(0);
        for (int i = 0; i < bars.size(); i++) {
            SpendSeries.Span s = spans.get(i);
            double x0 = x.getDisplayPosition(s.start().getEpochSecond());
            double x1 = x.getDisplayPosition(s.end().getEpochSecond());
            double top = y.getDisplayPosition(s.amount());
            Rectangle r = bars.get(i);
            r.setX(x0 + 1);
            r.setWidth(Math.max(1, x1 - x0 - 2));
            r.setY(Math.min(top, zero));
            r.setHeight(Math.abs(zero - top));
        }
        double height = y.getDisplayPosition(y.getLowerBound()) - y.getDisplayPosition(y.getUpperBound());
        for (int i = 0; i < marks.size(); i++) {
            double at = x.getDisplayPosition(markAt.get(i).getEpochSecond());
            Line l = marks.get(i);
            l.setStartX(at);
            l.setEndX(at);
            l.setStartY(y.getDisplayPosition(y.getUpperBound()));
            l.setEndY(y.getDisplayPosition(y.getUpperBound()) + height);
        }
        if (!Double.isNaN(limitValue)) {
            double at = y.getDisplayPosition(limitValue);
            limit.setStartX(0);
            limit.setEndX(x.getDisplayPosition(x.getUpperBound()));
            limit.setStartY(at);
            limit.setEndY(at);
        }
    }

    /** Every plotted node, for tests and accessibility checks. */
    List<Node> plotted() {
        return List.copyOf(getPlotChildren());
    }
}
