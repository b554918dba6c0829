package bifrostdesk.spend;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a budget (or rate limit) is heading at its observed pace ({@link Projector}): exhausted already, running out
 * before its reset (when), or lasting until the reset (how full by then). {@link #sentence()} states the pace's
 * basis in words, e.g. "At the last 24 h's pace this 1M budget ($1,000.00) runs out on Dec 19, 12 days before it
 * resets."
 *
 * @param nextReset        null when the counter never resets
 * @param exhaustsAt       when the limit is reached in the current window at this pace; null when it is not
 *                         (lasts until the reset, idle, no data); {@code now} when already exhausted
 * @param projectedAtReset usage at the reset at this pace; NaN without a reset or a known pace
 */
public record Projection(Outcome outcome, Instant now, double usage, double limit, BurnRate rate, Instant nextReset,
                         Instant exhaustsAt, double projectedAtReset, String sentence) {

    public enum Outcome {
        /** No positive limit: nothing to run out of. */
        NO_LIMIT,
        /** Usage is at or over the limit now. */
        EXHAUSTED,
        /** At this pace the limit is reached before the next reset. */
        RUNS_OUT_BEFORE_RESET,
        /** At this pace the window resets first. */
        LASTS_UNTIL_RESET,
        /** Nothing spent over the basis: it lasts until the reset. */
        IDLE,
        /** No history over the basis to judge a pace from. */
        NO_DATA
    }

    /** Runs out (or is out) before its reset, and no later than {@code horizon} from now: what the watch warns of. */
    public boolean runsOutWithin(Duration horizon) {
        return exhaustsAt != null && outcome == Outcome.RUNS_OUT_BEFORE_RESET
                && !exhaustsAt.isAfter(now.plus(horizon));
    }

    /** The window resets no later than {@code horizon} from now. */
    public boolean resetsWithin(Duration horizon) {
        return nextReset != null && !nextReset.isAfter(now.plus(horizon));
    }

    /** Time from the exhaustion to the reset (how long the budget stays blocked); null when it does not run out. */
    public Duration blockedBeforeReset() {
        return exhaustsAt == null || nextReset == null || outcome != Outcome.RUNS_OUT_BEFORE_RESET ? null
                : Duration.between(exhaustsAt, nextReset);
    }

    /**
     * The projected usage at {@code t} (for the chart's dashed line): from the current usage at the observed pace,
     * capped at the limit, back to zero at the reset and rising again at the same pace. NaN before {@code now}
     * or without a known pace.
     */
    public double projectedUsageAt(Instant t) {
        if (t.isBefore(now) || !rate.known()) {
            return Double.NaN;
        }
        double perMs = rate.perHour() / 3_600_000d;
        if (nextReset == null || t.isBefore(nextReset)) {
            double u = usage + perMs * Duration.between(now, t).toMillis();
            return limit > 0 ? Math.min(Math.max(u, usage), Math.max(limit, usage)) : u;
        }
        double u = perMs * Duration.between(nextReset, t).toMillis();
        return limit > 0 ? Math.min(u, limit) : u;
    }
}
