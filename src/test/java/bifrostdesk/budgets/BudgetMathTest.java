package bifrostdesk.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.RateLimit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reset and pace maths against Bifrost's rules (REFERENCE §3.1, GetCalendarPeriodStart, the reset check). */
class BudgetMathTest {

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static Budget budget(String duration, double usage, double max, String lastReset) {
        return new Budget("b", max, duration, usage, lastReset == null ? null : t(lastReset), false);
    }

    // ---- not aligned: last_reset + duration, lazily advanced by whole durations -----------------------------

    @Test
    void rollingDayResetsOneDayAfterLastReset() {
        Budget b = budget("1d", 1, 10, "2024-03-10T08:00:00Z");
        assertThat(BudgetMath.nextReset(b, false, t("2024-03-10T20:00:00Z"))).isEqualTo(t("2024-03-11T08:00:00Z"));
    }

    @Test
    void lastResetLongAgoAdvancesByWholeDurationsAndCountsAsReset() {
        Budget b = budget("1d", 9, 10, "2024-01-01T08:00:00Z");
        Instant now = t("2024-03-10T20:00:00Z");
        assertThat(BudgetMath.nextReset(b, false, now)).isEqualTo(t("2024-03-11T08:00:00Z"));
        assertThat(BudgetMath.windowStart("1d", b.lastReset(), false, now)).isEqualTo(t("2024-03-10T08:00:00Z"));
        assertThat(BudgetMath.windowExpired(b, false, now)).isTrue();
        assertThat(BudgetMath.effectiveUsage(b, false, now)).isZero();
    }

    @Test
    void exactlyOneDurationLaterTheWindowIsOver() {
        Budget b = budget("1d", 5, 10, "2024-03-10T08:00:00Z");
        Instant now = t("2024-03-11T08:00:00Z");
        assertThat(BudgetMath.windowExpired(b, false, now)).isTrue();
        assertThat(BudgetMath.nextReset(b, false, now)).isEqualTo(t("2024-03-12T08:00:00Z"));
        assertThat(BudgetMath.windowExpired(b, false, now.minusSeconds(1))).isFalse();
    }

    @Test
    void rollingMonthIsThirtyDaysAcrossALeapFebruary() {
        Budget b = budget("1M", 0, 10, "2024-01-31T00:00:00Z");
        assertThat(BudgetMath.nextReset(b, false, t("2024-02-15T00:00:00Z"))).isEqualTo(t("2024-03-01T00:00:00Z"));
        Budget c = budget("1M", 0, 10, "2023-01-31T00:00:00Z");
        assertThat(BudgetMath.nextReset(c, false, t("2023-02-15T00:00:00Z"))).isEqualTo(t("2023-03-02T00:00:00Z"));
    }

    @Test
    void rollingYearIs365DaysSoALeapYearEndsADayEarly() {
        Budget b = budget("1Y", 0, 10, "2024-01-01T00:00:00Z");
        assertThat(BudgetMath.nextReset(b, false, t("2024-06-01T00:00:00Z"))).isEqualTo(t("2024-12-31T00:00:00Z"));
    }

    @Test
    void rollingWeekIsSevenDaysFromLastResetNotMonday() {
        Budget b = budget("1w", 0, 10, "2024-03-06T15:00:00Z"); // a Wednesday
        assertThat(BudgetMath.nextReset(b, false, t("2024-03-08T00:00:00Z"))).isEqualTo(t("2024-03-13T15:00:00Z"));
    }

    @Test
    void fractionalDaysParse() {
        Budget b = budget("1.5d", 0, 10, "2024-03-10T00:00:00Z");
        assertThat(BudgetMath.nextReset(b, false, t("2024-03-11T06:00:00Z"))).isEqualTo(t("2024-03-11T12:00:00Z"));
        assertThat(BudgetMath.nextReset(b, false, t("2024-03-11T13:00:00Z"))).isEqualTo(t("2024-03-13T00:00:00Z"));
    }

    @Test
    void subDayDurationsAreNotAlignedEvenWhenTheOwnerIs() {
        Budget b = budget("1h", 0, 10, "2024-03-10T10:15:00Z");
        Instant now = t("2024-03-10T10:50:00Z");
        assertThat(BudgetMath.nextReset(b, true, now)).isEqualTo(t("2024-03-10T11:15:00Z"));
        assertThat(BudgetMath.nextReset("30m", t("2024-03-10T10:15:00Z"), true, now))
                .isEqualTo(t("2024-03-10T11:15:00Z"));
        assertThat(BudgetMath.windowExpired("30m", t("2024-03-10T10:15:00Z"), true, now)).isTrue();
    }

    @Test
    void invalidOrNonPositiveDurationsHaveNoReset() {
        assertThat(BudgetMath.nextReset(budget("1D", 0, 10, "2024-03-10T10:15:00Z"), false, Instant.EPOCH)).isNull();
        assertThat(BudgetMath.nextReset(budget("0d", 0, 10, "2024-03-10T10:15:00Z"), false, Instant.EPOCH)).isNull();
        assertThat(BudgetMath.timeLeft(null, Instant.EPOCH)).isNull();
    }

    // ---- calendar aligned (UTC) --------------------------------------------------------------------------

    @Test
    void alignedDayResetsAtNextMidnightUtc() {
        Budget b = budget("1d", 0, 10, "2024-03-10T00:00:00Z");
        assertThat(BudgetMath.nextReset(b, true, t("2024-03-10T20:00:00Z"))).isEqualTo(t("2024-03-11T00:00:00Z"));
        assertThat(BudgetMath.nextReset(b, true, t("2024-03-10T00:00:00Z"))).isEqualTo(t("2024-03-11T00:00:00Z"));
    }

    @Test
    void alignedWeekResetsOnMonday() {
        Budget b = budget("1w", 0, 10, "2024-03-04T00:00:00Z");
        // Sunday 10 March 2024 → Monday 11 March
        assertThat(BudgetMath.nextReset(b, true, t("2024-03-10T20:00:00Z"))).isEqualTo(t("2024-03-11T00:00:00Z"));
        assertThat(BudgetMath.calendarPeriodStart("1w", t("2024-03-10T20:00:00Z"))).isEqualTo(t("2024-03-04T00:00:00Z"));
        // On Monday midnight itself the period has just started: the next one is a week later.
        assertThat(BudgetMath.nextReset(b, true, t("2024-03-11T00:00:00Z"))).isEqualTo(t("2024-03-18T00:00:00Z"));
        // Across a year end: Tuesday 31 Dec 2024 → Monday 6 Jan 2025, period started Monday 30 Dec.
        assertThat(BudgetMath.nextReset(b, true, t("2024-12-31T12:00:00Z"))).isEqualTo(t("2025-01-06T00:00:00Z"));
        assertThat(BudgetMath.calendarPeriodStart("1w", t("2024-12-31T12:00:00Z"))).isEqualTo(t("2024-12-30T00:00:00Z"));
    }

    @Test
    void alignedMonthIsTheCalendarMonthIncludingFebruaryAndLeapYears() {
        Budget b = budget("1M", 0, 10, null);
        assertThat(BudgetMath.nextReset(b, true, t("2024-01-31T23:59:59Z"))).isEqualTo(t("2024-02-01T00:00:00Z"));
        assertThat(BudgetMath.nextReset(b, true, t("2024-02-29T23:00:00Z"))).isEqualTo(t("2024-03-01T00:00:00Z"));
        assertThat(BudgetMath.nextReset(b, true, t("2023-02-28T23:00:00Z"))).isEqualTo(t("2023-03-01T00:00:00Z"));
        assertThat(BudgetMath.nextReset(b, true, t("2024-12-31T12:00:00Z"))).isEqualTo(t("2025-01-01T00:00:00Z"));
        assertThat(BudgetMath.windowStart("1M", null, true, t("2024-02-29T23:00:00Z")))
                .isEqualTo(t("2024-02-01T00:00:00Z"));
    }

    @Test
    void alignedYearResetsOnJanuaryFirst() {
        Budget b = budget("1Y", 0, 10, "2024-01-01T00:00:00Z");
        assertThat(BudgetMath.nextReset(b, true, t("2024-07-01T00:00:00Z"))).isEqualTo(t("2025-01-01T00:00:00Z"));
    }

    @Test
    void alignedUsesTheUnitOnlyAsBifrostsPeriodStartDoes() {
        // GetCalendarPeriodStart looks at the last character only: 3M aligned snaps to the 1st of each month.
        assertThat(BudgetMath.nextReset("3M", t("2024-03-01T00:00:00Z"), true, t("2024-03-15T00:00:00Z")))
                .isEqualTo(t("2024-04-01T00:00:00Z"));
    }

    @Test
    void alignedWindowIsOverWhenLastResetIsBeforeThePeriodStart() {
        Instant now = t("2024-03-05T10:00:00Z");
        assertThat(BudgetMath.windowExpired("1M", t("2024-02-01T00:00:00Z"), true, now)).isTrue();
        assertThat(BudgetMath.windowExpired("1M", t("2024-03-01T00:00:00Z"), true, now)).isFalse();
        // Not aligned, a 1M window from 10 Feb runs 30 days, to 11 March.
        assertThat(BudgetMath.windowExpired("1M", t("2024-02-10T00:00:00Z"), false, now)).isFalse();
    }

    @Test
    void theBudgetsOwnAlignmentFlagCounts() {
        Budget b = new Budget("b", 10.0, "1d", 0, t("2024-03-10T08:00:00Z"), true);
        assertThat(BudgetMath.nextReset(b, false, t("2024-03-10T20:00:00Z"))).isEqualTo(t("2024-03-11T00:00:00Z"));
    }

    @Test
    void timeLeftAndFraction() {
        assertThat(BudgetMath.timeLeft(t("2024-03-11T00:00:00Z"), t("2024-03-10T20:00:00Z")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(BudgetMath.fraction(80, 100.0)).isEqualTo(0.8);
        assertThat(BudgetMath.fraction(80, null)).isZero();
        assertThat(BudgetMath.fraction(80, 0.0)).isZero();
    }

    // ---- rate limits ---------------------------------------------------------------------------------------

    @Test
    void rateLimitsUseTheirOwnLastResets() {
        RateLimit r = new RateLimit("r", 1000L, "1h", 900, t("2024-03-10T10:00:00Z"),
                60L, "1m", 60, t("2024-03-10T10:29:30Z"));
        Instant now = t("2024-03-10T10:30:00Z");
        assertThat(BudgetMath.tokenNextReset(r, false, now)).isEqualTo(t("2024-03-10T11:00:00Z"));
        assertThat(BudgetMath.requestNextReset(r, false, now)).isEqualTo(t("2024-03-10T10:30:30Z"));
        assertThat(BudgetMath.effectiveTokens(r, false, now)).isEqualTo(900);
        assertThat(BudgetMath.effectiveRequests(r, false, now)).isEqualTo(60);
        assertThat(BudgetMath.effectiveRequests(r, false, t("2024-03-10T10:31:00Z"))).isZero();
    }

    // ---- projection ----------------------------------------------------------------------------------------

    @Test
    void projectionFindsWhenTheLimitIsReachedAtThisPace() {
        Instant now = t("2024-03-04T00:00:00Z");
        BudgetMath.Projection p = BudgetMath.project(30, 100, now.minus(Duration.ofDays(3)), now,
                now.plus(Duration.ofDays(27)));
        assertThat(p.ratePerHour()).isCloseTo(10.0 / 24, within(1e-9));
        assertThat(p.projectedAtReset()).isCloseTo(300, within(1e-6));
        assertThat(p.exhaustedAt()).contains(now.plus(Duration.ofDays(7)));
        assertThat(p.sentence()).startsWith("At this pace exhausted in about 7 days");
    }

    @Test
    void projectionBelowTheLimitSaysTheShareByTheReset() {
        Instant now = t("2024-03-06T00:00:00Z");
        BudgetMath.Projection p = BudgetMath.project(budget("10d", 31, 100, "2024-03-01T00:00:00Z"),
                t("2024-03-01T00:00:00Z"), now, t("2024-03-11T00:00:00Z"));
        assertThat(p.projectedAtReset()).isCloseTo(62, within(1e-6));
        assertThat(p.projectedFraction()).isCloseTo(0.62, within(1e-9));
        assertThat(p.exhaustedAt()).isEmpty();
        assertThat(p.sentence()).isEqualTo("On pace to use 62 % by the reset.");
    }

    @Test
    void projectionOfAnExhaustedOrUnusedBudget() {
        Instant now = t("2024-03-06T00:00:00Z");
        BudgetMath.Projection over = BudgetMath.project(112.5, 100, t("2024-03-04T00:00:00Z"), now,
                t("2024-03-11T00:00:00Z"));
        assertThat(over.exhaustedAt()).contains(now);
        assertThat(over.sentence()).startsWith("Exhausted: 113 % used, resets in 5 days");
        BudgetMath.Projection idle = BudgetMath.project(0, 100, t("2024-03-04T00:00:00Z"), now,
                t("2024-03-11T00:00:00Z"));
        assertThat(idle.exhaustedAt()).isEmpty();
        assertThat(idle.projectedAtReset()).isZero();
    }
}
