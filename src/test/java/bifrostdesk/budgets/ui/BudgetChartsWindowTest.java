package bifrostdesk.budgets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TabPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Budgets tab's charts at 1280×800, with the gateway's logs and without them (then from the app's snapshots):
 * present, filled, and the bars tall enough to see.
 */
@ExtendWith(ApplicationExtension.class)
class BudgetChartsWindowTest {
    private Stage stage;
    private SandboxServer sandbox;
    private FxTaskRunner runner;
    private BudgetsView view;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().minus(Duration.ofHours(3)));

    @TempDir
    Path dir;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        sandbox.close();
    }

    private void show(FxRobot robot, SandboxOptions.Logs logs) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withLogs(logs));
        runner = new FxTaskRunner();
        SnapshotStore store = new SnapshotStore(dir.resolve("spend"), "sandbox");
        robot.interact(() -> {
            view = TestViews.budgets(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), runner,
                    new ScriptedDialogs(), (a, b) -> { }, store);
            // each load an hour after the one before, so snapshots an instant apart still make a history
            view.viewModel().setClock(new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            });
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
        });
        await(() -> view.viewModel().lastLoadedAtProperty().get() != null
                && view.spendViewModel().selectedProperty().get() != null
                && !view.spendViewModel().loadingProperty().get());
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#chartTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Bars with a height the eye can see: the old rotated labels left them 0 px tall. */
    private static void barsVisible(BarChart<Number, String> chart) {
        assertThat(chart.getData()).isNotEmpty();
        assertThat(chart.getData().get(0).getData()).isNotEmpty();
        for (XYChart.Data<Number, String> d : chart.getData().get(0).getData()) {
            Node n = d.getNode();
            assertThat(n.getBoundsInParent().getHeight()).as(d.getYValue()).isGreaterThan(6);
            if (d.getXValue().doubleValue() > 0) {
                assertThat(n.getBoundsInParent().getWidth()).as(d.getYValue()).isGreaterThan(0);
            }
        }
    }

    private void spendChartsFilled(FxRobot robot) {
        showTab(robot, "spendTab");
        TimeChart bars = robot.lookup("#spendBarsChart").queryAs(TimeChart.class);
        assertThat(bars.bars()).isNotEmpty();
        assertThat(bars.bars()).anySatisfy(r -> assertThat(r.getHeight()).isGreaterThan(2));
        assertThat(bars.bars()).allSatisfy(r -> assertThat(r.isVisible()).isTrue());
        LineChart<Number, Number> usage = robot.lookup("#usageChart").queryAs(LineChart.class);
        assertThat(usage.getData()).isNotEmpty();
        assertThat(usage.getData().get(0).getData()).isNotEmpty();
        assertThat(usage.getBoundsInLocal().getHeight()).isGreaterThan(100);
        assertThat(robot.lookup("#projectionCaption").queryLabeled().getText()).isNotBlank();
    }

    @Test
    void withLogsEveryChartIsFilledAt1280x800(FxRobot robot) throws Exception {
        show(robot, SandboxOptions.Logs.ON);
        assertThat(robot.lookup("#logsNote").queryLabeled().getText()).startsWith("This gateway keeps request logs");
        spendChartsFilled(robot);
        assertThat(robot.lookup("#projectionCaption").queryLabeled().getText()).contains("Logged spend");

        showTab(robot, "byOwnerTab");
        await(() -> view.spendViewModel().stackedProperty().get() != null);
        StackedAreaChart<Number, Number> stacked = robot.lookup("#stackedChart").queryAs(StackedAreaChart.class);
        assertThat(stacked.getData()).isNotEmpty();
        assertThat(stacked.getData().get(0).getData()).isNotEmpty();

        showTab(robot, "topConsumersTab");
        barsVisible(robot.lookup("#topConsumersChart").queryAs(BarChart.class));
        showTab(robot, "exhaustionTab");
        barsVisible(robot.lookup("#exhaustionChart").queryAs(BarChart.class));
    }

    @Test
    void withoutLogsTheTabSaysSoAndDrawsFromItsSnapshots(FxRobot robot) throws Exception {
        show(robot, SandboxOptions.Logs.OFF);
        assertThat(robot.lookup("#logsNote").queryLabeled().getText())
                .isEqualTo("This gateway keeps no request logs (logging is turned off) — history comes from this "
                        + "app's own snapshots.");
        BudgetRow selected = view.viewModel().selectedProperty().get();
        sandbox.setUsage(sandbox.vkBudgetIds(selected.vkId()).get(0), selected.usage() + 12);
        now.set(now.get().plus(Duration.ofHours(1)));
        Instant first = view.viewModel().lastLoadedAtProperty().get();
        robot.clickOn("#refreshBudgets");
        await(() -> !first.equals(view.viewModel().lastLoadedAtProperty().get())
                && view.spendViewModel().selectedProperty().get() != null
                && view.spendViewModel().selectedProperty().get().buckets().stream().anyMatch(s -> s.amount() > 0)
                && !view.spendViewModel().loadingProperty().get());
        spendChartsFilled(robot);
        assertThat(robot.lookup("#projectionCaption").queryLabeled().getText()).contains("own snapshots");

        showTab(robot, "topConsumersTab");
        barsVisible(robot.lookup("#topConsumersChart").queryAs(BarChart.class));
        showTab(robot, "exhaustionTab");
        barsVisible(robot.lookup("#exhaustionChart").queryAs(BarChart.class));
    }
}
