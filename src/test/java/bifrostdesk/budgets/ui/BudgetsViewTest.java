package bifrostdesk.budgets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.Blockers;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.CsvExport;
import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.RecordingTaskRunner;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Lookups;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The budget review view against the sandbox (SMALL seed) over HTTP, driven by a robot. */
@ExtendWith(ApplicationExtension.class)
class BudgetsViewTest {
    private SandboxServer sandbox;
    private FxTaskRunner runner;
    private RecordingTaskRunner recording;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BudgetsView view;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        runner = new FxTaskRunner();
        recording = new RecordingTaskRunner(runner);
        view = TestViews.budgets(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), recording, dialogs,
                (id, path) -> opened.add(id + "|" + path), null);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        sandbox.close();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<BudgetRow> table(FxRobot robot) throws Exception {
        TableView<BudgetRow> t = robot.lookup("#budgetTable").queryAs(TableView.class);
        await(() -> !t.getItems().isEmpty() && view.viewModel().lastLoadedAtProperty().get() != null);
        return t;
    }

    @Test
    void everyControlHasItsId(FxRobot robot) throws Exception {
        table(robot);
        for (String id : List.of("budgetTable", "budgetSearch", "filterNearLimit", "filterExhausted",
                "filterInactive", "teamFilter", "customerFilter", "providerFilter", "refreshBudgets",
                "refreshInterval", "budgetsProgress", "cancelBudgets", "blockersList", "topConsumersChart",
                "breakdownChart", "exhaustionChart", "spendBarsChart", "usageChart", "stackedChart", "periodPicker",
                "dimensionPicker", "logsNote", "watchMenu", "exportCsv", "exportPng", "exportChartCsv", "budgetsAge")) {
            Node n = robot.lookup("#" + id).tryQuery().orElse(null);
            assertThat(n).as(id).isNotNull();
            assertThat(n.getAccessibleText()).as(id + " accessible text").isNotBlank();
        }
        assertThat(robot.lookup("#budgetsAge").queryLabeled().getText()).startsWith("Loaded");
        ComboBox<Integer> interval = robot.lookup("#refreshInterval").queryAs(ComboBox.class);
        robot.interact(() -> interval.setValue(5));
        assertThat(view.viewModel().refreshMinutesProperty().get()).isEqualTo(5);
        robot.interact(() -> interval.setValue(0));
        assertThat(view.viewModel().refreshMinutesProperty().get()).isZero();
        BarChart<Number, String> exhaustion = robot.lookup("#exhaustionChart").queryAs(BarChart.class);
        assertThat(exhaustion.getData().get(0).getData()).isNotEmpty();
    }

    @Test
    void filtersNarrowTheTable(FxRobot robot) throws Exception {
        TableView<BudgetRow> t = table(robot);
        int all = t.getItems().size();

        robot.clickOn("#filterExhausted");
        await(() -> t.getItems().size() < all);
        assertThat(t.getItems()).isNotEmpty().allMatch(BudgetRow::exhausted);
        robot.clickOn("#filterExhausted");
        await(() -> t.getItems().size() == all);

        robot.clickOn("#filterInactive");
        await(() -> t.getItems().size() < all);
        // The only inactive seed key (legacy-integration) has no limits, so nothing is left.
        assertThat(t.getItems()).allMatch(r -> !r.vkActive());
        robot.clickOn("#filterInactive");

        ComboBox<Lookups.Team> team = robot.lookup("#teamFilter").queryAs(ComboBox.class);
        robot.interact(() -> team.getSelectionModel().select(team.getItems().stream()
                .filter(x -> x != null && x.name().equals("Platform")).findFirst().orElseThrow()));
        await(() -> t.getItems().size() < all);
        assertThat(t.getItems()).isNotEmpty().allMatch(r -> "Platform".equals(r.teamName()));
        robot.interact(() -> team.getSelectionModel().select(0));
        await(() -> t.getItems().size() == all);

        robot.clickOn("#budgetSearch").write("analytics");
        await(() -> t.getItems().size() < all);
        assertThat(t.getItems()).hasSize(2).extracting(BudgetRow::vkName).containsOnly("analytics-batch");
    }

    @Test
    void doubleClickOpensTheRowInTheEditor(FxRobot robot) throws Exception {
        TableView<BudgetRow> t = table(robot);
        robot.clickOn("#budgetSearch").write("mobile-app");
        robot.clickOn("#filterNearLimit");
        await(() -> t.getItems().size() == 1);
        BudgetRow only = t.getItems().get(0);
        assertThat(only.nodePath()).isEqualTo("provider_configs/1/budgets/0");
        Node row = robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem() == only)
                .query();
        robot.doubleClickOn(row);
        await(() -> !opened.isEmpty());
        assertThat(opened).containsExactly(sandbox.vkIdByName("mobile-app") + "|provider_configs/1/budgets/0");

        // Selecting the row explains what blocks its key and fills the per-provider and projection charts.
        ListView<Blockers.Blocker> blockers = robot.lookup("#blockersList").queryAs(ListView.class);
        await(() -> !blockers.getItems().isEmpty());
        assertThat(blockers.getItems().get(0).text()).contains("azure", "1d budget is at 90 %");
        BarChart<Number, String> breakdown = robot.lookup("#breakdownChart").queryAs(BarChart.class);
        assertThat(breakdown.getData()).hasSize(2);
        assertThat(breakdown.getData().get(0).getData()).isNotEmpty();
        LineChart<Number, Number> projection = robot.lookup("#usageChart").queryAs(LineChart.class);
        await(() -> projection.getData().size() == 2);
        assertThat(robot.lookup("#projectionCaption").queryLabeled().getText()).isNotBlank();

        // Enter on the selected row does the same.
        opened.clear();
        robot.clickOn(row).type(KeyCode.ENTER);
        await(() -> !opened.isEmpty());
        assertThat(opened).containsExactly(sandbox.vkIdByName("mobile-app") + "|provider_configs/1/budgets/0");
    }

    @Test
    void theChartShownExportsAsPngWrittenOffTheFxThread(FxRobot robot, @TempDir Path dir) throws Exception {
        table(robot);
        TabPane tabs = robot.lookup("#chartTabs").queryAs(TabPane.class);
        Node chart = tabs.getSelectionModel().getSelectedItem().getContent();
        Path f = dir.resolve("top.png");
        dialogs.files.add(f);
        robot.clickOn("#exportPng");
        await(() -> recording.succeeded.contains("Export chart as PNG"));

        assertThat(dialogs.fileChoosers).containsExactly("Export chart as PNG | budget-chart.png");
        assertThat(recording.runsOf("Export chart as PNG")).singleElement()
                .satisfies(r -> assertThat(r.onFxThread()).as("written on " + r.thread()).isFalse());
        var img = ImageIO.read(f.toFile());
        assertThat(img.getWidth()).isEqualTo((int) Math.ceil(chart.getLayoutBounds().getWidth()));
        assertThat(img.getHeight()).isEqualTo((int) Math.ceil(chart.getLayoutBounds().getHeight()));
    }

    @Test
    void theRowsShownExportAsCsvWrittenOffTheFxThread(FxRobot robot, @TempDir Path dir) throws Exception {
        TableView<BudgetRow> t = table(robot);
        robot.clickOn("#budgetSearch").write("analytics");
        await(() -> t.getItems().size() == 2);
        Path f = dir.resolve("budgets.csv");
        dialogs.files.add(f);
        robot.clickOn("#exportCsv");
        await(() -> recording.succeeded.contains("Export budgets as CSV"));

        assertThat(recording.runsOf("Export budgets as CSV")).singleElement()
                .satisfies(r -> assertThat(r.onFxThread()).as("written on " + r.thread()).isFalse());
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(CsvExport.toCsv(List.copyOf(t.getItems())));

        // clear filters brings every row back
        robot.clickOn("#clearBudgetFilters");
        await(() -> t.getItems().size() > 2);
        assertThat(robot.lookup("#budgetSearch").queryTextInputControl().getText()).isEmpty();
    }
}
