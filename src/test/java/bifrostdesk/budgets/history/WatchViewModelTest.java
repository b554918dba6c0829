package bifrostdesk.budgets.history;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.spend.BudgetWatch;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.spend.WatchSettingsFile;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget watch through its view-model: refreshes of the review against the sandbox, alerts once per crossing. */
class WatchViewModelTest {
    private SandboxServer sandbox;
    private BudgetsViewModel review;
    private WatchViewModel watch;
    private SnapshotStore store;
    private final List<String> opened = new ArrayList<>();
    private final List<List<BudgetWatch.Alert>> raised = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        DirectTaskRunner runner = new DirectTaskRunner();
        review = new BudgetsViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), runner,
                new ScriptedDialogs(), (id, path) -> opened.add(id + "|" + path));
        store = new SnapshotStore(dir.resolve("spend"), "sandbox");
        watch = new WatchViewModel(review, store, dir.resolve(WatchSettingsFile.NAME), runner, ZoneOffset.UTC);
        watch.latestProperty().addListener((o, a, b) -> raised.add(b));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A key's own budget under half used, and its id on the sandbox. */
    private BudgetRow quietBudget() {
        return review.rows().stream().filter(r -> r.kind() == BudgetKind.VK_BUDGET && r.vkId() != null
                && r.fraction() < 0.5 && r.limit() > 0).findFirst().orElseThrow();
    }

    private void setUsed(BudgetRow r, double fraction) {
        sandbox.setUsage(sandbox.vkBudgetIds(r.vkId()).get(0), r.limit() * fraction);
    }

    @Test
    void withAutoRefreshACrossingAlertsOnceNamesKeyAndBudgetAndOpensIt() throws Exception {
        review.refreshMinutesProperty().set(5);
        review.refresh();
        BudgetRow r = quietBudget();
        assertThat(raised).as("the first refresh is the baseline").isEmpty();

        setUsed(r, 0.85);
        review.refresh();
        assertThat(raised).hasSize(1);
        BudgetWatch.Alert a = raised.get(0).stream().filter(x -> x.vkId().equals(r.vkId())).findFirst()
                .orElseThrow();
        assertThat(a.type()).isEqualTo(BudgetWatch.Type.THRESHOLD);
        assertThat(a.threshold()).isEqualTo(0.8);
        assertThat(a.message()).contains(r.vkName(), "key budget", "crossed 80 %");
        assertThat(watch.unseenProperty().get()).isEqualTo(raised.get(0).size());
        assertThat(watch.alerts()).contains(a);

        // the same crossing on the next refreshes: nothing new
        review.refresh();
        review.refresh();
        assertThat(raised).hasSize(1);

        setUsed(r, 1.02);
        review.refresh();
        assertThat(raised).hasSize(2);
        assertThat(raised.get(1)).anySatisfy(x -> {
            assertThat(x.vkId()).isEqualTo(r.vkId());
            assertThat(x.message()).contains("is exhausted");
        });
        assertThat(watch.alerts().get(0).message()).contains("is exhausted");

        watch.open(a);
        assertThat(opened).containsExactly(r.vkId() + "|" + r.nodePath());
        watch.markSeen();
        assertThat(watch.unseenProperty().get()).isZero();
        assertThat(Files.list(dir.resolve("spend")).map(p -> p.getFileName().toString()))
                .as("every refresh recorded a snapshot").contains("series.jsonl");
    }

    @Test
    void withoutAutoRefreshNothingAlertsButEveryLoadIsRecorded() throws Exception {
        review.refresh();
        BudgetRow r = quietBudget();
        setUsed(r, 0.95);
        review.refresh();
        assertThat(raised).isEmpty();
        assertThat(watch.unseenProperty().get()).isZero();
        assertThat(store.latest().values().get(bifrostdesk.spend.SeriesKey.of(r)).usage())
                .isEqualTo(r.limit() * 0.95, org.assertj.core.data.Offset.offset(0.01));

        // turned on later: the baseline is the last snapshot, so the 80 % crossed before is not raised again
        // (the jump from under half to 95 % in a minute is a pace that runs out, which may alert once)
        review.refreshMinutesProperty().set(5);
        review.refresh();
        assertThat(thresholdAlerts()).isEmpty();
        setUsed(r, 1.1);
        review.refresh();
        assertThat(thresholdAlerts()).singleElement().satisfies(a -> {
            assertThat(a.vkId()).isEqualTo(r.vkId());
            assertThat(a.threshold()).isEqualTo(1.0);
        });
    }

    private List<BudgetWatch.Alert> thresholdAlerts() {
        return raised.stream().flatMap(List::stream).filter(a -> a.type() == BudgetWatch.Type.THRESHOLD).toList();
    }

    @Test
    void thresholdsAndHorizonAreSavedAndReadBack() {
        watch.thresholdProperty(90).set(true);
        watch.thresholdProperty(80).set(false);
        watch.horizonProperty().set(Duration.ofDays(7));
        assertThat(WatchSettingsFile.load(dir.resolve(WatchSettingsFile.NAME)))
                .isEqualTo(new BudgetWatch.Settings(List.of(0.9, 1.0), Duration.ofDays(7)));

        WatchViewModel again = new WatchViewModel(review, store, dir.resolve(WatchSettingsFile.NAME),
                new DirectTaskRunner(), ZoneOffset.UTC);
        assertThat(again.thresholdProperty(90).get()).isTrue();
        assertThat(again.thresholdProperty(80).get()).isFalse();
        assertThat(again.horizonProperty().get()).isEqualTo(Duration.ofDays(7));
        assertThat(again.settings().thresholds()).containsExactly(0.9, 1.0);
    }
}
