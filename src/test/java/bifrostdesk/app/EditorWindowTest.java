package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.tree.TreeNode;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, driven by a robot, against the sandbox over HTTP. */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private void selectNode(FxRobot robot, String path) throws Exception {
        TreeView<TreeNode> tree = robot.lookup("#keyTree").queryAs(TreeView.class);
        robot.interact(() -> shell.viewModel().editor().selectedPathProperty().set(path));
        await(() -> tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue().path().equals(path));
    }

    @Test
    void editingABudgetAndSavingWithCtrlSStoresItOnTheServer(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        selectNode(robot, "budgets/0");
        robot.doubleClickOn("#budgetMaxLimit").eraseText(5).write("80");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        ListView<String> changes = robot.lookup("#planChanges").queryAs(ListView.class);
        assertThat(changes.getItems()).anySatisfy(c -> assertThat(c).contains("$80.00"));
        robot.clickOn("#confirmSave");
        await(() -> stored("checkout-service").at("/budgets/0/max_limit").asDouble() == 80
                && !shell.viewModel().editor().busyProperty().get());
        assertThat(stored("checkout-service").at("/budgets/0/current_usage").asDouble()).isEqualTo(42);
        assertThat(shell.viewModel().editor().dirtyProperty().get()).isFalse();
        // selection survives the refresh from the server's response
        assertThat(shell.viewModel().editor().selectedPathProperty().get()).isEqualTo("budgets/0");
    }

    @Test
    void invalidInputBlocksTheSaveAndIsShownAtTheField(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        selectNode(robot, "rate_limit");
        robot.doubleClickOn("#requestMaxLimit").eraseText(6).write("lots");
        robot.clickOn("#saveKey");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirmSave").tryQuery()).isEmpty();
        Label message = robot.lookup("#requestMaxLimitMessage").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("'lots' is not a whole number");
        assertThat(robot.lookup("#requestMaxLimit").queryAs(TextField.class).getText()).isEqualTo("lots");
        assertThat(stored("checkout-service").at("/rate_limit/request_max_limit").asLong()).isEqualTo(1000);
    }

    @Test
    void undoAndRedoWithTheKeyboard(FxRobot robot) throws Exception {
        openKey(robot, "support-bot");
        selectNode(robot, "");
        TextField name = robot.lookup("#keyName").queryAs(TextField.class);
        robot.clickOn("#keyName").press(KeyCode.END).release(KeyCode.END).write("-x");
        assertThat(name.getText()).isEqualTo("support-bot-x");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getText()).isEqualTo("support-bot");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getText()).isEqualTo("support-bot-x");
    }
}
