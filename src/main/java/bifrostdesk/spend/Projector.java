package bifrostdesk.spend;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetMath;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.virtualkey.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Projects a budget from its <b>observed</b> pace (a weighted recent {@link BurnRate}, LOGS.md §6 "re-building the
 * budget curve") instead of the straight line from the window's start: pure, no I/O. The current usage is the
 * governance counter (what the gateway enforces); the history only gives the pace.
 */
public final class Projector {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    /** Dates in sentences are written in {@code zone} (the user's; UTC in tests and the command line). */
    public Projector(ZoneId zone) {
        this.zone = zone;
    }

    /** A review row with the default basis for its window ({@link BurnRate#defaultBasis}). */
    public Projection project(BudgetRow row, SpendSeries history, Instant now) {
        Duration window = Durations.parse(row.resetDuration()).orElse(null);
        return project(row, history, now, BurnRate.defaultBasis(window));
    }

    public Projection project(BudgetRow row, SpendSeries history, Instant now, Duration basis) {
        return project(row.usage(), row.limit(), row.resetDuration(), row.nextReset(), row.kind(), history, now,
                basis);
    }

    /**
     * @param duration  the reset duration as Bifrost writes it ({@code 1M}); only for the words
     * @param nextReset null when it never resets
     */
    public Projection project(double usage, double limit, String duration, Instant nextReset, BudgetKind kind,
                              SpendSeries history, Instant now, Duration basis) {
        BurnRate rate = BurnRate.observe(history, now, basis);
        String what = "this " + (duration == null || duration.isBlank() ? "" : duration + " ") + noun(kind)
                + (limit > 0 ? " (" + kind.format(limit) + ")" : "");
        if (limit <= 0) {
            return new Projection(Projection.Outcome.NO_LIMIT, now, usage, limit, rate, nextReset, null, Double.NaN,
                    "No usable limit, so nothing runs out.");
        }
        String reset = nextReset == null ? "it never resets" : "it resets " + when(nextReset, now) + " (in "
                + BudgetMath.human(Duration.between(now, nextReset)) + ")";
        if (usage >= limit) {
            return new Projection(Projection.Outcome.EXHAUSTED, now, usage, limit, rate, nextReset, now, Double.NaN,
                    "Exhausted: " + kind.format(usage) + " of " + kind.format(limit) + " used; " + reset + ".");
        }
        double atReset = Double.NaN;
        if (!rate.known()) {
            return new Projection(Projection.Outcome.NO_DATA, now, usage, limit, rate, nextReset, null, atReset,
                    "No spend history yet to tell the pace of " + what + "; " + percent(usage, limit) + " used.");
        }
        String pace = "At " + rate.basisText() + "'s pace";
        double hoursToReset = nextReset == null ? Double.NaN : Duration.between(now, nextReset).toMillis() / 3_600_000d;
        if (nextReset != null) {
            atReset = usage + rate.perHour() * Math.max(0, hoursToReset);
        }
        if (rate.perHour() <= 0) {
            return new Projection(Projection.Outcome.IDLE, now, usage, limit, rate, nextReset, null, atReset,
                    "Nothing spent in " + rate.basisText() + ": at that pace " + what + " stays at "
                            + percent(usage, limit) + (nextReset == null ? "." : " until it resets "
                            + when(nextReset, now) + "."));
        }
        double hoursLeft = (limit - usage) / rate.perHour();
        Instant out = now.plusMillis((long) Math.ceil(hoursLeft * 3_600_000d));
        String trend = switch (rate.trend()) {
            case ACCELERATING -> " Spend is speeding up.";
            case SLOWING -> " Spend is slowing down.";
            default -> "";
        };
        if (nextReset == null || out.isBefore(nextReset)) {
            String before = nextReset == null ? "; it never resets"
                    : ", " + BudgetMath.human(Duration.between(out, nextReset)) + " before it resets";
            return new Projection(Projection.Outcome.RUNS_OUT_BEFORE_RESET, now, usage, limit, rate, nextReset, out,
                    atReset, pace + " " + what + " runs out " + when(out, now) + before + "." + trend);
        }
        return new Projection(Projection.Outcome.LASTS_UNTIL_RESET, now, usage, limit, rate, nextReset, null, atReset,
                pace + " " + what + " reaches " + percent(atReset, limit) + " by its reset " + when(nextReset, now)
                        + "." + trend);
    }

    private static String noun(BudgetKind kind) {
        return switch (kind.unit()) {
            case USD -> "budget";
            case TOKENS -> "token limit";
            case REQUESTS -> "request limit";
        };
    }

    private static String percent(double usage, double limit) {
        return Math.round(usage / limit * 100) + " %";
    }

    /** "on Dec 19", or with the time when it is within two days: "on Dec 3, 14:20". */
    private String when(Instant t, Instant now) {
        boolean soon = Duration.between(now, t).compareTo(Duration.ofDays(2)) < 0;
        return "on " + (soon ? DAY_TIME : DAY).format(t.atZone(zone));
    }
}
