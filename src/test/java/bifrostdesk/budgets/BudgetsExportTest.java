package bifrostdesk.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.QueuedTaskRunner;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports and filters of the budget review's view-model, without a toolkit: the file is chosen through the
 * dialog service and written only when the runner runs the work, never inline in the call that asked.
 */
class BudgetsExportTest {
    private SandboxServer sandbox;
    private final QueuedTaskRunner runner = new QueuedTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BudgetsViewModel vm;
    @TempDir
    Path dir;

    @BeforeEach
    void load() {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        vm = new BudgetsViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), runner, dialogs,
                (id, path) -> { });
        vm.refresh();
        runner.runAll();
        assertThat(vm.rows()).isNotEmpty();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Runs the held tasks on a thread of their own, as the app's runner does, and returns its name. */
    private String runHeldWorkOnAWorker() throws InterruptedException {
        Thread worker = new Thread(runner::runAll, "test-worker");
        worker.start();
        worker.join(10_000);
        return worker.getName();
    }

    @Test
    void csvOfTheRowsShownIsWrittenByTheRunnerNotByTheCallThatAsked() throws Exception {
        vm.searchProperty().set("analytics");
        List<BudgetRow> shown = vm.visibleRows();
        assertThat(shown).hasSize(2);
        Path file = dir.resolve("budgets.csv");
        dialogs.files.add(file);

        vm.exportCsv();

        assertThat(dialogs.fileChoosers).containsExactly("Export budgets as CSV | budgets.csv");
        assertThat(file).doesNotExist();
        assertThat(runner.pending()).isEqualTo(1);
        runHeldWorkOnAWorker();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(CsvExport.toCsv(shown));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void pngTakesTheSnapshotWhenAskedAndEncodesAndWritesInTheRunner() throws Exception {
        Path file = dir.resolve("chart.png");
        dialogs.files.add(file);
        AtomicInteger snapshots = new AtomicInteger();
        int[] argb = {0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff, 0xff000000, 0x80808080};

        vm.exportChartPng(() -> {
            snapshots.incrementAndGet();
            return new PngExport.Pixels(3, 2, argb);
        });

        assertThat(dialogs.fileChoosers).containsExactly("Export chart as PNG | budget-chart.png");
        assertThat(snapshots).hasValue(1);
        assertThat(file).doesNotExist();
        runHeldWorkOnAWorker();
        var img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(3);
        assertThat(img.getHeight()).isEqualTo(2);
        assertThat(img.getRGB(1, 0)).isEqualTo(0xff00ff00);
    }

    @Test
    void cancellingTheChooserWritesNothingAndTakesNoSnapshot() {
        AtomicInteger snapshots = new AtomicInteger();
        vm.exportCsv();
        vm.exportChartPng(() -> {
            snapshots.incrementAndGet();
            return new PngExport.Pixels(1, 1, new int[] {0});
        });
        assertThat(dialogs.fileChoosers).hasSize(2);
        assertThat(snapshots).hasValue(0);
        assertThat(runner.pending()).isZero();
    }

    @Test
    void aFailedWriteIsToldThroughTheDialogService() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("a-folder.csv"));
        dialogs.files.add(notAFile);
        vm.exportCsv();
        runner.runAll();
        assertThat(dialogs.errors).singleElement().asString()
                .startsWith("Export failed: Could not write " + notAFile);
    }

    @Test
    void clearFiltersShowsEveryRowAgain() {
        int all = vm.sortedRows().size();
        vm.searchProperty().set("analytics");
        vm.nearLimitOnlyProperty().set(true);
        vm.exhaustedOnlyProperty().set(true);
        vm.inactiveOnlyProperty().set(true);
        vm.teamProperty().set(vm.teams().get(0));
        vm.customerProperty().set(vm.customers().get(0));
        vm.providerProperty().set(vm.providers().get(0));
        assertThat(vm.sortedRows().size()).isLessThan(all);

        vm.clearFilters();

        assertThat(vm.currentFilter()).isEqualTo(new RowFilter(false, false, false, null, null, null, ""));
        assertThat(vm.sortedRows()).hasSize(all);
    }

    @Test
    void loadProgressReachesTheStatusThroughTheRunner() {
        List<String> statuses = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        vm.statusProperty().addListener((o, a, b) -> statuses.add(b));
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.refresh();
        runner.runAll();
        assertThat(statuses).anySatisfy(s -> assertThat(s).matches("Loaded \\d+ of \\d+ keys"));
        assertThat(statuses.get(statuses.size() - 1)).contains("limits on");
        assertThat(progress).contains(1.0);
    }
}
