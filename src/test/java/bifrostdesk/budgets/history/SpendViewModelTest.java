package bifrostdesk.budgets.history;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.spend.SpendSeries;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.SpendClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history charts' view-model over the sandbox, with and without request logs, through the real client. */
class SpendViewModelTest {
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private BudgetsViewModel review;
    private SpendViewModel spend;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void open(SandboxOptions.Logs logs, SnapshotStore store) {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withLogs(logs));
        BifrostClient client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        review = new BudgetsViewModel(client, runner, dialogs, (a, b) -> { });
        review.setClock(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        // as in the app: the watch's view-model records each load's snapshot, then the history reloads
        WatchViewModel watch = new WatchViewModel(review, store, null, runner, ZoneOffset.UTC);
        spend = new SpendViewModel(review, watch.recordedProperty(), new SpendClient(client), store, runner, dialogs,
                Clock.systemUTC(), ZoneOffset.UTC);
    }

    @Test
    void withLogsTheSelectedLimitHasLoggedSpendAProjectionInWordsAndEveryChartIsFilled() {
        open(SandboxOptions.Logs.ON, null);
        review.refresh();

        BudgetRow first = review.selectedProperty().get();
        assertThat(first).as("the first load selects the limit closest to exhaustion").isNotNull()
                .isEqualTo(review.sortedRows().get(0));
        HistoryChart c = spend.selectedProperty().get();
        assertThat(c).isNotNull();
        assertThat(c.row()).isEqualTo(first);
        assertThat(c.source()).isEqualTo(SpendSeries.Source.GATEWAY_LOGS);
        assertThat(c.buckets()).isNotEmpty();
        assertThat(c.buckets().stream().mapToDouble(SpendSeries.Span::amount).sum()).isPositive();
        assertThat(c.usage()).isNotEmpty();
        assertThat(c.usage().get(c.usage().size() - 1).value()).as("the line ends at the gateway's counter")
                .isEqualTo(first.usage());
        assertThat(c.projection().sentence()).isNotBlank();
        assertThat(spend.logsNoteProperty().get()).startsWith("This gateway keeps request logs for 365 days");
        assertThat(spend.logsAvailableProperty().get()).isTrue();

        StackedSpend byTeam = spend.stackedProperty().get();
        assertThat(byTeam.dimension()).isEqualTo(Dimension.TEAM);
        assertThat(byTeam.layers()).isNotEmpty().allSatisfy(l -> assertThat(l.amounts()).hasSameSizeAs(
                byTeam.starts()));
        assertThat(byTeam.layers()).extracting(StackedSpend.Layer::name).contains("Platform");
        spend.dimensionProperty().set(Dimension.PROVIDER);
        assertThat(spend.stackedProperty().get().layers()).extracting(StackedSpend.Layer::name).contains("openai");

        TopSpenders top = spend.topProperty().get();
        assertThat(top.entries()).isNotEmpty().hasSizeLessThanOrEqualTo(SpendViewModel.TOP);
        assertThat(top.entries()).isSortedAccordingTo((a, b) -> Double.compare(b.cost(), a.cost()));
    }

    @Test
    void thePeriodPickerChangesTheRangeOfEveryChart() {
        open(SandboxOptions.Logs.ON, null);
        review.refresh();
        Instant loaded = review.lastLoadedAtProperty().get();
        spend.rangeProperty().set(Range.LAST_24H);
        assertThat(spend.selectedProperty().get().from()).isEqualTo(loaded.minus(Duration.ofHours(24)));
        assertThat(spend.stackedProperty().get().bucket()).isEqualTo(Duration.ofHours(1));
        spend.rangeProperty().set(Range.LAST_30D);
        assertThat(spend.selectedProperty().get().from()).isEqualTo(loaded.minus(Duration.ofDays(30)));
        assertThat(spend.stackedProperty().get().bucket()).isEqualTo(Duration.ofDays(1));
        spend.rangeProperty().set(Range.CURRENT_WINDOW);
        assertThat(spend.selectedProperty().get().from()).isEqualTo(review.selectedProperty().get().windowStart());
    }

    @Test
    void withoutLogsTheTabSaysSoAndDrawsFromTheSnapshotsOfEachRefresh() throws Exception {
        SnapshotStore store = new SnapshotStore(dir.resolve("spend"), "sandbox");
        open(SandboxOptions.Logs.OFF, store);
        now.set(now.get().minus(Duration.ofHours(2)));
        review.refresh();
        BudgetRow row = review.rows().stream().filter(r -> r.kind() == BudgetKind.VK_BUDGET && r.fraction() < 0.5
                && r.vkId() != null).findFirst().orElseThrow();
        String budgetId = sandbox.vkBudgetIds(row.vkId()).get(0);
        sandbox.setUsage(budgetId, row.usage() + 7.5);
        now.set(now.get().plus(Duration.ofHours(1)));
        review.refresh();
        review.selectedProperty().set(review.rows().stream().filter(r -> r.vkId() != null
                && r.vkId().equals(row.vkId()) && r.nodePath().equals(row.nodePath())).findFirst().orElseThrow());

        String sentence = "This gateway keeps no request logs (logging is turned off) — history comes from this "
                + "app's own snapshots.";
        assertThat(spend.logsNoteProperty().get()).isEqualTo(sentence);
        assertThat(spend.logsAvailableProperty().get()).isFalse();
        HistoryChart c = spend.selectedProperty().get();
        assertThat(c.source()).isEqualTo(SpendSeries.Source.SNAPSHOTS);
        assertThat(c.note()).isEqualTo(sentence);
        assertThat(c.buckets().stream().mapToDouble(SpendSeries.Span::amount).sum()).isCloseTo(7.5,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(spend.stackedProperty().get().note()).isEqualTo(sentence);
        assertThat(spend.topProperty().get().note()).isEqualTo(sentence);
        assertThat(spend.topProperty().get().entries()).extracting(TopSpenders.Entry::vkId).contains(row.vkId());
    }

    @Test
    void chartDataExportsAsCsvWrittenInTheRunner() throws Exception {
        open(SandboxOptions.Logs.ON, null);
        review.refresh();
        Path f = dir.resolve("spend.csv");
        dialogs.files.add(f);
        spend.exportCsv(ChartCsv.Chart.SPEND);
        String csv = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("bucket_start,bucket_end,spent,window_usage_at_end,limit\r\n");
        assertThat(csv.split("\r\n")).hasSize(spend.selectedProperty().get().buckets().size() + 1);

        Path t = dir.resolve("top.csv");
        dialogs.files.add(t);
        spend.exportCsv(ChartCsv.Chart.TOP);
        assertThat(Files.readString(t, StandardCharsets.UTF_8)).startsWith(
                "virtual_key,virtual_key_id,spent_usd,change_percent\r\n" + spend.topProperty().get().entries().get(0)
                        .name() + ",");
    }
}
