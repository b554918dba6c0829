package bifrostdesk.spend;

import java.time.Duration;
import java.time.Instant;

/**
 * The observed pace of spend over a recent <i>basis</i> period, weighted toward the present: each span counts with
 * a weight rising linearly from 0.5 at the start of the basis to 1.5 at its end, so a key that speeds up is
 * projected at nearer its current pace than a plain average would, and a steady one at exactly its pace.
 * Spans straddling the basis start count pro rata. A basis longer than the history is cut to the history, and the
 * words say so ("the last 3 h").
 *
 * @param perHour spend per hour; 0 for none; NaN when there is no history in the basis at all
 * @param basis   the period actually used
 * @param trend   the second half of the basis against the first
 */
public record BurnRate(double perHour, Duration basis, Trend trend) {

    public enum Trend {
        /** Second half at least 25 % above the first. */
        ACCELERATING,
        /** Second half at least 20 % below the first. */
        SLOWING,
        STEADY,
        /** Nothing spent in the basis. */
        IDLE,
        /** No history to judge. */
        UNKNOWN
    }

    public boolean known() {
        return !Double.isNaN(perHour);
    }

    /**
     * The weighted pace of {@code series} over the {@code basis} before {@code now} (spans after {@code now} are
     * ignored).
     */
    public static BurnRate observe(SpendSeries series, Instant now, Duration basis) {
        Instant from = now.minus(basis);
        Instant start = series.start();
        if (start == null || !start.isBefore(now)) {
            return new BurnRate(Double.NaN, Duration.ZERO, Trend.UNKNOWN);
        }
        if (start.isAfter(from)) {
            from = start;
        }
        Duration used = Duration.between(from, now);
        double lenMs = used.toMillis();
        double weightedSpend = 0;
        double weightedHours = 0;
        for (SpendSeries.Span s : series.spans()) {
            double share = SpendSeries.overlap(s, from, now);
            if (share <= 0) {
                continue;
            }
            long a = Math.max(s.start().toEpochMilli(), from.toEpochMilli());
            long b = Math.min(s.end().toEpochMilli(), now.toEpochMilli());
            double mid = ((a + b) / 2.0 - from.toEpochMilli()) / lenMs;
            double w = 0.5 + mid;
            weightedSpend += w * s.amount() * share;
            weightedHours += w * (b - a) / 3_600_000.0;
        }
        if (weightedHours <= 0) {
            return new BurnRate(Double.NaN, used, Trend.UNKNOWN);
        }
        Instant half = from.plusMillis((long) (lenMs / 2));
        double first = series.spentBetween(from, half);
        double second = series.spentBetween(half, now);
        Trend trend = first + second <= 0 ? Trend.IDLE
                : second >= first * 1.25 ? Trend.ACCELERATING
                : second <= first * 0.8 ? Trend.SLOWING : Trend.STEADY;
        return new BurnRate(weightedSpend / weightedHours, used, trend);
    }

    /** The default basis for a budget of this reset duration: the last 24 h, or the whole window when shorter. */
    public static Duration defaultBasis(Duration window) {
        Duration day = Duration.ofHours(24);
        return window == null || window.compareTo(day) >= 0 ? day : window;
    }

    /** "the last 24 h", "the last 7 days", "the last 45 min". */
    public String basisText() {
        long minutes = Math.round(basis.toSeconds() / 60.0);
        if (minutes >= 2 * 24 * 60 && minutes % (24 * 60) == 0) {
            return "the last " + minutes / (24 * 60) + " days";
        }
        if (minutes >= 120) {
            return "the last " + Math.round(minutes / 60.0) + " h";
        }
        if (minutes == 60) {
            return "the last hour";
        }
        return "the last " + Math.max(1, minutes) + " min";
    }
}
