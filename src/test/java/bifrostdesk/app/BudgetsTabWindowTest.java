package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetRow;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Budgets tab inside the real window: a row opens its key in the editor, at its node, on the Keys tab. */
@ExtendWith(ApplicationExtension.class)
class BudgetsTabWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @Test
    void aBudgetRowOpensItsKeyAtThatNode(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.clickOn("Budgets");
        TableView<BudgetRow> table = robot.lookup("#budgetTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(r -> r.nodePath().equals("provider_configs/0/budgets/0")));
        BudgetRow row = table.getItems().stream().filter(r -> r.nodePath().equals("provider_configs/0/budgets/0"))
                .findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.requestFocus();
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.viewModel().editor().editedProperty().get() != null
                && shell.viewModel().editor().editedProperty().get().id().equals(row.vkId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("keysTab");
        assertThat(shell.viewModel().editor().selectedPathProperty().get()).isEqualTo("provider_configs/0/budgets/0");
    }
}
