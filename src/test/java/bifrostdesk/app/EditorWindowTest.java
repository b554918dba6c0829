package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, driven by a robot, against the sandbox over HTTP. */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {
    private SandboxServer sandbox;
    private DeskApp.Shell shell;

    @Start
    void start(Stage stage) {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        shell = DeskApp.open(stage, new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), true);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openKey(FxRobot robot, String name) throws Exception {
        ListView<VirtualKey> list = robot.lookup("#keyList").queryAs(ListView.class);
        await(() -> list.getItems().stream().anyMatch(v -> v.name().equals(name)));
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow()));
        await(() -> shell.viewModel().editor().editedProperty().get() != null
                && shell.viewModel().editor().editedProperty().get().name().equals(name));
    }

    private void selectNode(FxRobot robot, String path) throws Exception {
        TreeView<TreeNode> tree = robot.lookup("#keyTree").queryAs(TreeView.class);
        robot.interact(() -> shell.viewModel().editor().selectedPathProperty().set(path));
        await(() -> tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue().path().equals(path));
    }

    private JsonNode stored(String name) {
        return sandbox.vkJson(sandbox.vkIdByName(name));
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
