package bifrostdesk.budgets;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Durations;
import bifrostdesk.virtualkey.model.RateLimit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * Reset and pace arithmetic for budgets and rate limits, following Bifrost's rules (REFERENCE §3.1;
 * {@code GetCalendarPeriodStart} in framework/configstore/tables/utils.go and the governance store's reset check):
 * <ul>
 *   <li><b>Not aligned</b> (or a sub-day duration): a window lasts exactly the parsed duration ({@code M} = 30 days,
 *   {@code Y} = 365 days, fractions allowed) from {@code last_reset}; the window is over when
 *   {@code now - last_reset >= duration}. Bifrost resets lazily, so when several windows have passed unseen the
 *   next reset is {@code last_reset} advanced by whole durations past {@code now}.</li>
 *   <li><b>Calendar aligned</b> with a {@code d}/{@code w}/{@code M}/{@code Y} unit: the window is the current UTC
 *   calendar period (midnight, Monday 00:00, the 1st, Jan 1); the next reset is the next such boundary. A
 *   {@code Q} (v2) snaps to fiscal quarters starting in the budget's {@code quarter_start_month} and every third
 *   month after it (unset = January; REFERENCE-v2.md §11.5.1); not aligned, a quarter is a rolling 90 days. Bifrost's
 *   {@code GetCalendarPeriodStart} looks at the unit only, so the number is not used ({@code 3M} aligned resets
 *   on every 1st, like {@code 1M}).</li>
 *   <li>A window that is over counts as reset: its usage is zero (the server flushes resets every 10 s).</li>
 *   <li>Fractions and projections use the <b>effective</b> limit of a budget (base plus a live override,
 *   REFERENCE-v2.md §11.5.6), so an overridden budget within its effective limit is under 100 %.</li>
 * </ul>
 * No JavaFX here.
 */
public final class BudgetMath {
    private BudgetMath() {
    }

    /** Pace of a counter in its current window. */
    public record Projection(double usage, double limit, double ratePerHour, double projectedAtReset,
                             Optional<Instant> exhaustedAt, String sentence) {
        /** Projected usage at the reset as a fraction of the limit. */
        public double projectedFraction() {
            return limit <= 0 ? 0 : projectedAtReset / limit;
        }
    }

    public static boolean isAlignable(String duration) {
        if (duration == null || duration.isEmpty()) {
            return false;
        }
        char c = duration.charAt(duration.length() - 1);
        return c == 'd' || c == 'w' || c == 'M' || c == 'Q' || c == 'Y';
    }

    /** The month (1–12) fiscal quarters start in; January for {@code null}, 0 or out of range. */
    private static int quarterMonth(Integer m) {
        return m == null || m < 1 || m > 12 ? 1 : m;
    }

    /** Start of the UTC calendar period containing {@code t} for the duration's unit; {@code t} for sub-day ones. */
    public static Instant calendarPeriodStart(String duration, Instant t) {
        return calendarPeriodStart(duration, t, null);
    }

    /** As {@link #calendarPeriodStart(String, Instant)}; quarters start in {@code quarterStartMonth}. */
    public static Instant calendarPeriodStart(String duration, Instant t, Integer quarterStartMonth) {
        if (!isAlignable(duration)) {
            return t;
        }
        LocalDate day = t.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (duration.charAt(duration.length() - 1)) {
            case 'd' -> day;
            case 'w' -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case 'M' -> day.withDayOfMonth(1);
            case 'Q' -> day.withDayOfMonth(1).minusMonths(
                    Math.floorMod(day.getMonthValue() - quarterMonth(quarterStartMonth), 3));
            default -> day.withDayOfYear(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first calendar period boundary strictly after {@code t}. */
    public static Instant nextCalendarBoundary(String duration, Instant t) {
        return nextCalendarBoundary(duration, t, null);
    }

    /** As {@link #nextCalendarBoundary(String, Instant)}; quarters start in {@code quarterStartMonth}. */
    public static Instant nextCalendarBoundary(String duration, Instant t, Integer quarterStartMonth) {
        LocalDate start = calendarPeriodStart(duration, t, quarterStartMonth).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (duration.charAt(duration.length() - 1)) {
            case 'd' -> start.plusDays(1);
            case 'w' -> start.plusWeeks(1);
            case 'M' -> start.plusMonths(1);
            case 'Q' -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean aligned(String duration, boolean calendarAligned) {
        return calendarAligned && isAlignable(duration);
    }

    private static Optional<Duration> positive(String duration) {
        return Durations.parse(duration).filter(d -> !d.isNegative() && !d.isZero());
    }

    /**
     * When the budget's window next resets, or {@code null} when its duration is not a valid positive one.
     * {@code calendarAligned} is the owner's flag (a budget's own flag also counts).
     */
    public static Instant nextReset(Budget b, boolean calendarAligned, Instant now) {
        return nextReset(b.resetDuration(), b.lastReset(), calendarAligned || b.calendarAligned(), now,
                b.quarterStartMonth());
    }

    /** {@link #nextReset(Budget, boolean, Instant)} for any counter. {@code lastReset == null} counts as now. */
    public static Instant nextReset(String duration, Instant lastReset, boolean calendarAligned, Instant now) {
        return nextReset(duration, lastReset, calendarAligned, now, null);
    }

    /** As {@link #nextReset(String, Instant, boolean, Instant)}; aligned quarters start in {@code quarterStartMonth}. */
    public static Instant nextReset(String duration, Instant lastReset, boolean calendarAligned, Instant now,
                                    Integer quarterStartMonth) {
        Optional<Duration> d = positive(duration);
        if (d.isEmpty()) {
            return null;
        }
        if (aligned(duration, calendarAligned)) {
            return nextCalendarBoundary(duration, now, quarterStartMonth);
        }
        Instant last = lastReset == null ? now : lastReset;
        Instant next = last.plus(d.get());
        if (!next.isAfter(now)) {
            // Whole durations elapsed since last_reset, plus one: the first boundary after now.
            long len = d.get().toNanos();
            long elapsed = Duration.between(last, now).toNanos();
            long periods = elapsed / len + 1;
            next = last.plus(Duration.ofNanos(len).multipliedBy(periods));
        }
        return next;
    }

    /** Start of the window that is current at {@code now}; {@code null} for an invalid duration. */
    public static Instant windowStart(String duration, Instant lastReset, boolean calendarAligned, Instant now) {
        return windowStart(duration, lastReset, calendarAligned, now, null);
    }

    /** As {@link #windowStart(String, Instant, boolean, Instant)}; aligned quarters start in {@code quarterStartMonth}. */
    public static Instant windowStart(String duration, Instant lastReset, boolean calendarAligned, Instant now,
                                      Integer quarterStartMonth) {
        Optional<Duration> d = positive(duration);
        if (d.isEmpty()) {
            return null;
        }
        if (aligned(duration, calendarAligned)) {
            return calendarPeriodStart(duration, now, quarterStartMonth);
        }
        Instant next = nextReset(duration, lastReset, false, now);
        return next.minus(d.get());
    }

    /** Whether the window that started at {@code lastReset} is over at {@code now} (so its usage counts as 0). */
    public static boolean windowExpired(String duration, Instant lastReset, boolean calendarAligned, Instant now) {
        return windowExpired(duration, lastReset, calendarAligned, now, null);
    }

    /** As {@link #windowExpired(String, Instant, boolean, Instant)}; aligned quarters start in {@code quarterStartMonth}. */
    public static boolean windowExpired(String duration, Instant lastReset, boolean calendarAligned, Instant now,
                                        Integer quarterStartMonth) {
        Optional<Duration> d = positive(duration);
        if (d.isEmpty() || lastReset == null) {
            return false;
        }
        if (aligned(duration, calendarAligned)) {
            return lastReset.isBefore(calendarPeriodStart(duration, now, quarterStartMonth));
        }
        return Duration.between(lastReset, now).compareTo(d.get()) >= 0;
    }

    public static boolean windowExpired(Budget b, boolean calendarAligned, Instant now) {
        return windowExpired(b.resetDuration(), b.lastReset(), calendarAligned || b.calendarAligned(), now,
                b.quarterStartMonth());
    }

    /** Usage that counts now: the reported usage, or 0 when its window is over. */
    public static double effectiveUsage(Budget b, boolean calendarAligned, Instant now) {
        return windowExpired(b, calendarAligned, now) ? 0 : b.currentUsage();
    }

    public static Instant tokenNextReset(RateLimit r, boolean calendarAligned, Instant now) {
        return nextReset(r.tokenResetDuration(), r.tokenLastReset(), calendarAligned, now);
    }

    public static Instant requestNextReset(RateLimit r, boolean calendarAligned, Instant now) {
        return nextReset(r.requestResetDuration(), r.requestLastReset(), calendarAligned, now);
    }

    public static long effectiveTokens(RateLimit r, boolean calendarAligned, Instant now) {
        return windowExpired(r.tokenResetDuration(), r.tokenLastReset(), calendarAligned, now) ? 0
                : r.tokenCurrentUsage();
    }

    public static long effectiveRequests(RateLimit r, boolean calendarAligned, Instant now) {
        return windowExpired(r.requestResetDuration(), r.requestLastReset(), calendarAligned, now) ? 0
                : r.requestCurrentUsage();
    }

    /** Time until {@code nextReset}, never negative; {@code null} when there is no reset. */
    public static Duration timeLeft(Instant nextReset, Instant now) {
        if (nextReset == null) {
            return null;
        }
        Duration d = Duration.between(now, nextReset);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Usage over limit (1.0 = exhausted); 0 without a positive limit. */
    public static double fraction(double usage, Double limit) {
        return limit == null || limit <= 0 ? 0 : usage / limit;
    }

    /** Usage over the effective limit (base plus a live override). */
    public static double fraction(Budget b) {
        return fraction(b.currentUsage(), b.effectiveLimit());
    }

    /** Pace of a budget (USD) against its effective limit. */
    public static Projection project(Budget b, Instant windowStart, Instant now, Instant nextReset) {
        return project(b.currentUsage(), b.effectiveLimit() == null ? 0 : b.effectiveLimit(), windowStart, now,
                nextReset);
    }

    /**
     * Linear pace since {@code windowStart}: usage per hour so far, extrapolated to {@code nextReset}, and when
     * the limit is reached at that pace (already {@code now} when usage is at or over the limit; empty when it
     * would not be reached before the reset or there is no usage).
     */
    public static Projection project(double usage, double limit, Instant windowStart, Instant now,
                                     Instant nextReset) {
        if (limit <= 0) {
            return new Projection(usage, limit, 0, usage, Optional.empty(), "No usable limit.");
        }
        if (usage >= limit) {
            double pct = usage / limit * 100;
            return new Projection(usage, limit, 0, usage, Optional.of(now), String.format(Locale.ROOT,
                    "Exhausted: %.0f %% used%s.", pct,
                    nextReset == null ? "" : ", resets in " + human(Duration.between(now, nextReset))));
        }
        long elapsedMs = windowStart == null ? 0 : Duration.between(windowStart, now).toMillis();
        if (elapsedMs <= 0 || usage <= 0 || nextReset == null) {
            return new Projection(usage, limit, 0, usage, Optional.empty(), String.format(Locale.ROOT,
                    "%s so far in this window.", usage <= 0 ? "Nothing used" : "Too early to tell the pace; "
                            + Math.round(usage / limit * 100) + " % used"));
        }
        double perMs = usage / elapsedMs;
        long remainingMs = Math.max(0, Duration.between(now, nextReset).toMillis());
        double projected = usage + perMs * remainingMs;
        double msToExhaust = (limit - usage) / perMs;
        Optional<Instant> exhausted = msToExhaust <= remainingMs
                ? Optional.of(now.plusMillis((long) Math.ceil(msToExhaust))) : Optional.empty();
        String sentence = exhausted.isPresent()
                ? "At this pace exhausted in about " + human(Duration.ofMillis((long) msToExhaust))
                + ", before the reset in " + human(Duration.ofMillis(remainingMs)) + "."
                : String.format(Locale.ROOT, "On pace to use %.0f %% by the reset.", projected / limit * 100);
        return new Projection(usage, limit, perMs * 3_600_000d, projected, exhausted, sentence);
    }

    /** "3 days", "about 5 hours", "12 minutes": one rounded unit, for sentences. */
    public static String human(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.getSeconds());
        if (s >= 2 * 86_400) {
            return Math.round(s / 86_400d) + " days";
        }
        if (s >= 2 * 3600) {
            return Math.round(s / 3600d) + " hours";
        }
        if (s >= 2 * 60) {
            return Math.round(s / 60d) + " minutes";
        }
        return s + (s == 1 ? " second" : " seconds");
    }

    /** Compact time left for a table cell: "3d 4h", "5h 12m", "42m", "30s". */
    public static String compact(Duration d) {
        if (d == null) {
            return "";
        }
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return s + "s";
    }
}
