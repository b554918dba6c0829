package bifrostdesk.budgets.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The view over 10,000+ keys stays virtualised: a handful of row cells however many rows. */
@ExtendWith(ApplicationExtension.class)
class BudgetsViewLargeTest {
    private SandboxServer sandbox;
    private FxTaskRunner runner;
    private BudgetsView view;

    @Start
    void start(Stage stage) {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withSeed(Seed.LARGE));
        runner = new FxTaskRunner();
        view = TestViews.budgets(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), runner,
                new ScriptedDialogs(), (id, path) -> { }, null);
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        sandbox.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tenThousandKeysScrollWithFewRowCells(FxRobot robot) throws Exception {
        TableView<BudgetRow> t = robot.lookup("#budgetTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> t.getItems().size() > 10_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().statusProperty().get()).contains("limits on");
        int n = t.getItems().size();
        robot.interact(() -> t.scrollTo(n - 1));
        robot.interact(() -> t.scrollTo(n / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".table-row-cell").queryAll().size()).isLessThan(100);
        // Sorting by a column re-sorts all rows.
        robot.interact(() -> {
            t.getSortOrder().setAll(t.getColumns().get(0));
        });
        WaitForAsyncUtils.waitForFxEvents();
        String first = t.getItems().get(0).ownerChain();
        String second = t.getItems().get(1).ownerChain();
        assertThat(first.compareTo(second)).isLessThanOrEqualTo(0);
    }
}
