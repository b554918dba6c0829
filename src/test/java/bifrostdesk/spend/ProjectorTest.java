package bifrostdesk.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.virtualkey.api.CostHistogram;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Projections from an observed pace on known series: steady, accelerating, idle, exhausted, reset inside the horizon. */
class ProjectorTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant JAN_1 = Instant.parse("2027-01-01T00:00:00Z");
    private final Projector projector = new Projector(ZoneOffset.UTC);

    /** {@code hours} hourly buckets ending at NOW; bucket i (0 = oldest) spends {@code f(i)}. */
    static SpendSeries hourly(int hours, IntToDoubleFunction f) {
        List<CostHistogram.Bucket> b = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            b.add(new CostHistogram.Bucket(NOW.minusSeconds(3600L * (hours - i)), f.applyAsDouble(i), Map.of()));
        }
        return SpendSeries.fromHistogram(new CostHistogram(b, 3600, List.of()), NOW.minusSeconds(3600L * hours), NOW);
    }

    private Projection project(double usage, double limit, Instant reset, SpendSeries s) {
        return projector.project(usage, limit, "1M", reset, BudgetKind.VK_BUDGET, s, NOW, Duration.ofHours(24));
    }

    @Test
    void steadyPaceRunsOutBeforeTheResetAndSaysWhenInWords() {
        // 900 left at 900 / (18 days) per hour: out on Dec 19, 13 days before Jan 1
        double perHour = 900.0 / (18 * 24);
        Projection p = project(100, 1000, JAN_1, hourly(72, i -> perHour));
        assertThat(p.outcome()).isEqualTo(Projection.Outcome.RUNS_OUT_BEFORE_RESET);
        assertThat(p.rate().perHour()).isCloseTo(perHour, within(1e-9));
        assertThat(p.rate().trend()).isEqualTo(BurnRate.Trend.STEADY);
        assertThat(p.exhaustsAt()).isEqualTo(Instant.parse("2026-12-19T00:00:00Z"));
        assertThat(p.sentence()).isEqualTo("At the last 24 h's pace this 1M budget ($1,000.00) runs out on Dec 19,"
                + " 13 days before it resets.");
        assertThat(p.blockedBeforeReset()).isEqualTo(Duration.ofDays(13));
        assertThat(p.runsOutWithin(Duration.ofDays(30))).isTrue();
        assertThat(p.runsOutWithin(Duration.ofDays(7))).isFalse();
        assertThat(p.projectedUsageAt(NOW.plus(Duration.ofDays(9)))).isCloseTo(550, within(1e-6));
        assertThat(p.projectedUsageAt(NOW.plus(Duration.ofDays(25)))).as("capped at the limit").isEqualTo(1000);
    }

    @Test
    void acceleratingSpendIsProjectedNearerItsCurrentPace() {
        // spend rising by 1 per hour: the plain 24 h average is 12.5, the latest hour 24
        SpendSeries ramp = hourly(48, i -> i < 24 ? 0.5 : i - 23);
        Projection p = project(100, 1000, JAN_1, ramp);
        assertThat(p.rate().trend()).isEqualTo(BurnRate.Trend.ACCELERATING);
        assertThat(p.rate().perHour()).as("weighted: above the plain average, below the latest hour")
                .isCloseTo(14.4965, within(1e-3)).isLessThan(24);
        assertThat(p.outcome()).isEqualTo(Projection.Outcome.RUNS_OUT_BEFORE_RESET);
        assertThat(p.sentence()).contains("runs out on Dec 3").endsWith("Spend is speeding up.");
    }

    @Test
    void idleSpendLastsUntilTheReset() {
        Projection p = project(640, 1000, JAN_1, hourly(48, i -> i < 10 ? 5 : 0));
        assertThat(p.outcome()).isEqualTo(Projection.Outcome.IDLE);
        assertThat(p.rate().perHour()).isZero();
        assertThat(p.rate().trend()).isEqualTo(BurnRate.Trend.IDLE);
        assertThat(p.exhaustsAt()).isNull();
        assertThat(p.runsOutWithin(Duration.ofDays(365))).isFalse();
        assertThat(p.sentence()).isEqualTo("Nothing spent in the last 24 h: at that pace this 1M budget ($1,000.00)"
                + " stays at 64 % until it resets on Jan 1.");
    }

    @Test
    void alreadyExhaustedSaysSoWithTheReset() {
        Projection p = project(1250, 1000, JAN_1, hourly(24, i -> 10));
        assertThat(p.outcome()).isEqualTo(Projection.Outcome.EXHAUSTED);
        assertThat(p.exhaustsAt()).isEqualTo(NOW);
        assertThat(p.sentence()).isEqualTo("Exhausted: $1,250.00 of $1,000.00 used; it resets on Jan 1 (in 31 days).");
        assertThat(p.runsOutWithin(Duration.ofDays(7))).as("already out: the 100 % alert covers it").isFalse();
    }

    @Test
    void aResetInsideTheHorizonComesBeforeTheExhaustion() {
        // 10/h with 500 left would run out in 50 h, but the window resets in 20 h
        Instant reset = NOW.plus(Duration.ofHours(20));
        Projection p = project(500, 1000, reset, hourly(48, i -> 10));
        assertThat(p.outcome()).isEqualTo(Projection.Outcome.LASTS_UNTIL_RESET);
        assertThat(p.exhaustsAt()).isNull();
        assertThat(p.projectedAtReset()).isCloseTo(700, within(1e-9));
        assertThat(p.resetsWithin(Duration.ofDays(7))).isTrue();
        assertThat(p.runsOutWithin(Duration.ofDays(7))).isFalse();
        assertThat(p.sentence()).isEqualTo("At the last 24 h's pace this 1M budget ($1,000.00) reaches 70 % by its"
                + " reset on Dec 1, 20:00.");
        assertThat(p.projectedUsageAt(reset.plus(Duration.ofHours(5)))).as("from zero after the reset")
                .isCloseTo(50, within(1e-6));
    }

    @Test
    void withoutHistoryThereIsNoPaceAndAShortHistoryIsNamed() {
        Projection none = project(100, 1000, JAN_1, SpendSeries.empty(SpendSeries.Source.SNAPSHOTS));
        assertThat(none.outcome()).isEqualTo(Projection.Outcome.NO_DATA);
        assertThat(none.sentence()).startsWith("No spend history yet");

        Projection shortOne = project(100, 1000, JAN_1, hourly(3, i -> 1));
        assertThat(shortOne.rate().basisText()).isEqualTo("the last 3 h");
        assertThat(shortOne.sentence()).startsWith("At the last 3 h's pace");
    }

    @Test
    void noLimitAndRateLimitsAreWordedForTheirUnit() {
        assertThat(project(5, 0, JAN_1, hourly(24, i -> 1)).outcome()).isEqualTo(Projection.Outcome.NO_LIMIT);
        Projection tokens = projector.project(1000, 100_000, "1h", NOW.plus(Duration.ofMinutes(30)),
                BudgetKind.VK_TOKEN_LIMIT, hourly(2, i -> 3000), NOW, Duration.ofHours(1));
        assertThat(tokens.sentence()).contains("this 1h token limit (100,000 tokens)");
        assertThat(tokens.rate().basisText()).isEqualTo("the last hour");
    }

    @Test
    void snapshotsBecomeSpendIncludingAcrossAReset() {
        SpendSeries s = SpendSeries.fromUsage(List.of(new SpendSeries.UsagePoint(NOW.minusSeconds(7200), 10),
                new SpendSeries.UsagePoint(NOW.minusSeconds(3600), 40), new SpendSeries.UsagePoint(NOW, 5)));
        assertThat(s.source()).isEqualTo(SpendSeries.Source.SNAPSHOTS);
        assertThat(s.spans()).extracting(SpendSeries.Span::amount).containsExactly(30.0, 5.0);
        assertThat(s.total()).isEqualTo(35);
        assertThat(s.spentBetween(NOW.minusSeconds(5400), NOW)).isCloseTo(20, within(1e-9));
    }

    @Test
    void histogramEdgeBucketsAreCutToTheRangeAsked() {
        Instant from = NOW.minusSeconds(5400);
        SpendSeries s = SpendSeries.fromHistogram(new CostHistogram(List.of(
                new CostHistogram.Bucket(NOW.minusSeconds(7200), 3, Map.of()),
                new CostHistogram.Bucket(NOW.minusSeconds(3600), 6, Map.of())), 3600, List.of()), from, NOW);
        assertThat(s.spans().get(0).start()).isEqualTo(from);
        assertThat(s.spans().get(0).length()).isEqualTo(Duration.ofMinutes(30));
        assertThat(BurnRate.observe(s, NOW, Duration.ofHours(24)).basis()).isEqualTo(Duration.ofMinutes(90));
    }
}
