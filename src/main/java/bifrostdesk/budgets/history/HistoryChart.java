package bifrostdesk.budgets.history;

import bifrostdesk.budgets.BudgetMath;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.spend.Projection;
import bifrostdesk.spend.Projector;
import bifrostdesk.spend.SpendSeries;
import bifrostdesk.virtualkey.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the "Spend over time" chart of one limit shows, built off the FX thread from its spend series: spend per
 * bucket (bars), the usage in each window as it grew (the current window anchored at the gateway's counter, so the
 * line ends where the table says), the limit, the reset boundaries, and the projection at the observed pace from
 * now to the next reset. Pure data: the view draws it, the CSV export writes it.
 *
 * @param from      start of the period shown
 * @param now       when the review's numbers were read
 * @param end       the right edge: the next reset when it is near enough to show, else a little after now
 * @param buckets   spend per bucket, oldest first
 * @param usage     usage in the window at each bucket edge; a reset shows as a drop to 0
 * @param projected the projected usage from now to {@code end}; empty without a known pace
 * @param resets    reset boundaries between {@code from} and {@code end}
 * @param note      where the numbers come from, in words
 */
public record HistoryChart(BudgetRow row, Instant from, Instant now, Instant end, List<SpendSeries.Span> buckets,
                           List<Point> usage, List<Point> projected, List<Instant> resets, Projection projection,
                           SpendSeries.Source source, String note) {

    /** A value at an instant. */
    public record Point(Instant at, double value) {
    }

    /** The largest value any part of the chart reaches (at least the limit), for the vertical scale. */
    public double top() {
        double top = row.limit();
        for (Point p : usage) {
            top = Math.max(top, p.value());
        }
        for (Point p : projected) {
            top = Math.max(top, p.value());
        }
        return top;
    }

    /** The largest bucket, for the bars' scale. */
    public double topBucket() {
        double top = 0;
        for (SpendSeries.Span s : buckets) {
            top = Math.max(top, s.amount());
        }
        return top;
    }

    /**
     * Builds the chart of {@code row} over {@code [from, now]} from {@code series} (logged spend or snapshot spend).
     * Snapshot spend comes between irregular samples and is cut into the buckets the gateway would use.
     */
    public static HistoryChart of(BudgetRow row, SpendSeries series, Instant from, Instant now, Projector projector,
                                  String note) {
        List<SpendSeries.Span> buckets = series.source() == SpendSeries.Source.GATEWAY_LOGS ? series.spans()
                : series.rebucket(from, now, Range.bucketFor(from, now)).stream()
                .filter(s -> s.start().isBefore(now)).toList();
        Projection p = projector.project(row, series, now);
        Duration length = Duration.between(from, now);
        Instant end = row.nextReset() != null && !row.nextReset().isAfter(now.plus(length.multipliedBy(2)))
                ? row.nextReset() : now.plus(length.dividedBy(4));
        List<Instant> resets = resets(row, from, end);
        return new HistoryChart(row, from, now, end, buckets, usage(row, series, buckets, resets, from, now),
                projected(p, now, end), resets, p, series.source(), note);
    }

    /** Reset boundaries in {@code [from, end]}: the current window's start, earlier ones, and the next reset. */
    static List<Instant> resets(BudgetRow row, Instant from, Instant end) {
        List<Instant> out = new ArrayList<>();
        Duration d = Durations.parse(row.resetDuration()).orElse(null);
        Instant start = row.windowStart();
        if (d == null || d.isZero() || d.isNegative() || start == null) {
            return out;
        }
        boolean calendar = row.calendarAligned() && BudgetMath.isAlignable(row.resetDuration());
        Instant b = start;
        // at most a few hundred marks: a 1-minute budget over 30 days would otherwise draw 43,200 lines
        for (int i = 0; i < 400 && b.isAfter(from); i++) {
            out.add(0, b);
            b = calendar ? BudgetMath.calendarPeriodStart(row.resetDuration(), b.minusSeconds(1)) : b.minus(d);
        }
        if (out.size() >= 400) {
            out.clear();
        }
        if (row.nextReset() != null && !row.nextReset().isAfter(end)) {
            out.add(row.nextReset());
        }
        return out;
    }

    private static List<Point> usage(BudgetRow row, SpendSeries series, List<SpendSeries.Span> buckets,
                                     List<Instant> resets, Instant from, Instant now) {
        List<Instant> at = new ArrayList<>();
        at.add(from);
        buckets.forEach(s -> at.add(s.end().isAfter(now) ? now : s.end()));
        resets.stream().filter(r -> r.isAfter(from) && r.isBefore(now)).forEach(at::add);
        at.add(now);
        List<Instant> sorted = at.stream().distinct().sorted().toList();
        List<Point> out = new ArrayList<>();
        Instant windowStart = row.windowStart();
        for (Instant t : sorted) {
            if (windowStart == null || !t.isBefore(windowStart)) {
                // the current window ends at the counter the gateway enforces; logged spend only gives the shape
                double spentSince = series.spentBetween(t, now);
                if (windowStart != null && t.equals(windowStart) && !t.equals(from)) {
                    out.add(new Point(t, spentIn(series, resets, t.minusMillis(1))));
                }
                out.add(new Point(t, Math.max(0, row.usage() - spentSince)));
            } else {
                if (resets.contains(t) && !t.equals(from)) {
                    out.add(new Point(t, spentIn(series, resets, t.minusMillis(1))));
                    out.add(new Point(t, 0));
                    continue;
                }
                out.add(new Point(t, spentIn(series, resets, t)));
            }
        }
        return out;
    }

    /** Spent since the start of the (earlier) window holding {@code t}, or since the history starts. */
    private static double spentIn(SpendSeries series, List<Instant> resets, Instant t) {
        Instant start = null;
        for (Instant r : resets) {
            if (!r.isAfter(t)) {
                start = r;
            }
        }
        Instant first = series.start();
        if (start == null) {
            start = first == null ? t : first;
        }
        return series.spentBetween(start, t);
    }

    private static List<Point> projected(Projection p, Instant now, Instant end) {
        List<Point> out = new ArrayList<>();
        if (p == null || !p.rate().known() || !end.isAfter(now)) {
            return out;
        }
        long step = Math.max(1, Duration.between(now, end).toMillis() / 24);
        for (int i = 0; i <= 24; i++) {
            Instant t = i == 24 ? end : now.plusMillis(step * i);
            if (p.nextReset() != null && t.equals(p.nextReset())) {
                t = t.minusMillis(1); // the value just before the reset, not the 0 after it
            }
            double v = p.projectedUsageAt(t);
            if (!Double.isNaN(v)) {
                out.add(new Point(t, v));
            }
        }
        return out;
    }
}
