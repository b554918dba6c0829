package bifrostdesk.spend;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watch fires once per crossing: never again while above, again after a reset or a raised limit. */
class BudgetWatchTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant RESET = Instant.parse("2027-01-01T00:00:00Z");

    private final BudgetWatch watch = new BudgetWatch(BudgetWatch.Settings.defaults());

    private static BudgetWatch.Observation obs(double usage, double limit, Instant reset) {
        return obs(usage, limit, reset, null);
    }

    private static BudgetWatch.Observation obs(double usage, double limit, Instant reset, Projection p) {
        return new BudgetWatch.Observation("k:vk1|-|-|VK_BUDGET|1M", "vk1", "budgets/0",
                "Acme › checkout-service · key budget 1M", usage, limit, reset, p,
                BudgetKind.VK_BUDGET.format(usage) + " of " + BudgetKind.VK_BUDGET.format(limit));
    }

    private List<BudgetWatch.Alert> at(int minute, BudgetWatch.Observation o) {
        return watch.observe(T0.plus(Duration.ofMinutes(minute)), List.of(o));
    }

    @Test
    void eachThresholdFiresOncePerCrossing() {
        assertThat(at(0, obs(500, 1000, RESET))).as("first sight is a baseline").isEmpty();
        assertThat(at(5, obs(790, 1000, RESET))).isEmpty();
        List<BudgetWatch.Alert> eighty = at(10, obs(810, 1000, RESET));
        assertThat(eighty).hasSize(1);
        assertThat(eighty.get(0).type()).isEqualTo(BudgetWatch.Type.THRESHOLD);
        assertThat(eighty.get(0).threshold()).isEqualTo(0.8);
        assertThat(eighty.get(0).vkId()).isEqualTo("vk1");
        assertThat(eighty.get(0).nodePath()).isEqualTo("budgets/0");
        assertThat(eighty.get(0).message()).isEqualTo(
                "Acme › checkout-service · key budget 1M crossed 80 %: $810.00 of $1,000.00 used.");
        assertThat(at(15, obs(850, 1000, RESET))).as("still above: no repeat").isEmpty();
        assertThat(at(20, obs(850, 1000, RESET))).isEmpty();
        List<BudgetWatch.Alert> hundred = at(25, obs(1000, 1000, RESET));
        assertThat(hundred).extracting(BudgetWatch.Alert::threshold).containsExactly(1.0);
        assertThat(hundred.get(0).message()).contains("is exhausted");
        assertThat(at(30, obs(1200, 1000, RESET))).isEmpty();
    }

    @Test
    void aJumpOverBothThresholdsIsOneAlertForTheHigher() {
        at(0, obs(100, 1000, RESET));
        assertThat(at(5, obs(1100, 1000, RESET))).extracting(BudgetWatch.Alert::threshold).containsExactly(1.0);
        assertThat(at(10, obs(1100, 1000, RESET))).isEmpty();
    }

    @Test
    void aResetRearmsAndTheNextWindowsCrossingAlertsAgain() {
        at(0, obs(700, 1000, RESET));
        assertThat(at(5, obs(900, 1000, RESET))).hasSize(1);
        Instant next = Instant.parse("2027-02-01T00:00:00Z");
        assertThat(at(10, obs(0, 1000, next))).isEmpty();
        assertThat(at(15, obs(850, 1000, next))).hasSize(1);
    }

    @Test
    void flappingAroundTheThresholdDoesNotRepeatButARaisedLimitRearms() {
        at(0, obs(790, 1000, RESET));
        assertThat(at(1, obs(801, 1000, RESET))).hasSize(1);
        // the limit moves a little: 801 of 1010 is 79.3 %, within the re-arm margin
        assertThat(at(2, obs(801, 1010, RESET))).isEmpty();
        assertThat(at(3, obs(808, 1000, RESET))).isEmpty();
        // raised to 2000: 40 %, well below; crossing 80 % of the new limit is news
        assertThat(at(4, obs(810, 2000, RESET))).isEmpty();
        assertThat(at(5, obs(1700, 2000, RESET))).hasSize(1);
    }

    @Test
    void aProjectionRunningOutWithinTheHorizonAlertsOncePerWindow() {
        Projection soon = projection(Projection.Outcome.RUNS_OUT_BEFORE_RESET, T0.plus(Duration.ofDays(2)));
        Projection late = projection(Projection.Outcome.RUNS_OUT_BEFORE_RESET, T0.plus(Duration.ofDays(20)));
        at(0, obs(300, 1000, RESET, late));
        assertThat(at(5, obs(310, 1000, RESET, late))).as("beyond the 3-day horizon").isEmpty();
        List<BudgetWatch.Alert> a = at(10, obs(320, 1000, RESET, soon));
        assertThat(a).extracting(BudgetWatch.Alert::type).containsExactly(BudgetWatch.Type.RUNS_OUT);
        assertThat(a.get(0).message()).endsWith("runs out soon.");
        assertThat(at(15, obs(330, 1000, RESET, late))).isEmpty();
        assertThat(at(20, obs(340, 1000, RESET, soon))).as("same window: not again").isEmpty();
        Projection resetFirst = projection(Projection.Outcome.LASTS_UNTIL_RESET, null);
        assertThat(at(25, obs(350, 1000, RESET, resetFirst))).isEmpty();
    }

    @Test
    void primingFromTheLastSnapshotCatchesCrossingsWhileClosed() {
        BudgetWatch w = new BudgetWatch(BudgetWatch.Settings.defaults());
        String key = "k:vk1|-|-|VK_BUDGET|1M";
        w.prime(new SnapshotStore.Snapshot(T0, java.util.Map.of(key, new SnapshotStore.Sample(700, 1000))));
        assertThat(w.observe(T0.plusSeconds(3600), List.of(obs(820, 1000, RESET)))).hasSize(1);

        BudgetWatch already = new BudgetWatch(BudgetWatch.Settings.defaults());
        already.prime(new SnapshotStore.Snapshot(T0, java.util.Map.of(key, new SnapshotStore.Sample(850, 1000))));
        assertThat(already.observe(T0.plusSeconds(3600), List.of(obs(860, 1000, RESET)))).isEmpty();
    }

    @Test
    void settingsChooseTheThresholds() {
        BudgetWatch w = new BudgetWatch(new BudgetWatch.Settings(List.of(0.5, 0.9), Duration.ofDays(1)));
        w.observe(T0, List.of(obs(100, 1000, RESET)));
        assertThat(w.observe(T0.plusSeconds(60), List.of(obs(600, 1000, RESET))))
                .extracting(BudgetWatch.Alert::threshold).containsExactly(0.5);
        assertThat(w.observe(T0.plusSeconds(120), List.of(obs(950, 1000, RESET))))
                .extracting(BudgetWatch.Alert::threshold).containsExactly(0.9);
    }

    private static Projection projection(Projection.Outcome outcome, Instant out) {
        return new Projection(outcome, T0, 300, 1000, new BurnRate(10, Duration.ofHours(24), BurnRate.Trend.STEADY),
                RESET, out, Double.NaN, "At the last 24 h's pace this budget runs out soon.");
    }
}
