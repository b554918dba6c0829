package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.TreeNode;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Saving when someone else changed the key meanwhile, and when the server answers 500 after committing. */
@ExtendWith(ApplicationExtension.class)
class SaveFlowWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    /** Someone else changes the description through their own client (the same builder the app uses). */
    private void theyChangeDescription(String name, String description) throws Exception {
        BifrostClient other = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        VirtualKey server = other.getVirtualKey(sandbox.vkIdByName(name));
        for (PlannedRequest r : UpdateBuilder.planUpdate(server.withDescription(description), server,
                other.detectDialect()).requests()) {
            other.execute(r);
        }
        assertThat(stored(name).path("description").asText()).isEqualTo(description);
    }

    private void editDescriptionAndSave(FxRobot robot, String text) throws Exception {
        clickNode(robot, "");
        typeInto(robot, "#keyDescription", text);
        ctrlS(robot);
        await(() -> robot.lookup("#conflictDialog").tryQuery().isPresent());
    }

    @Test
    void aConcurrentChangeAsksAndShowTheirVersionPutsTheirValueInTheForm(FxRobot robot) throws Exception {
        openKey(robot, "support-bot");
        theyChangeDescription("support-bot", "Changed by someone else");
        editDescriptionAndSave(robot, "mine");
        assertThat(robot.lookup("#confirmSave").tryQuery()).isEmpty();
        robot.clickOn("#conflictTakeTheirs");
        await(() -> !shell.viewModel().editor().busyProperty().get()
                && robot.lookup("#conflictDialog").tryQuery().isEmpty());

        assertThat(robot.lookup("#keyDescription").queryTextInputControl().getText())
                .isEqualTo("Changed by someone else");
        assertThat(stored("support-bot").path("description").asText()).isEqualTo("Changed by someone else");
        assertThat(shell.viewModel().editor().dirtyProperty().get()).isFalse();
        assertThat(statusText(robot)).contains("server's copy");
    }

    @Test
    void aConcurrentChangeOverwrittenWithMineStoresMine(FxRobot robot) throws Exception {
        openKey(robot, "support-bot");
        theyChangeDescription("support-bot", "Changed by someone else");
        editDescriptionAndSave(robot, "mine");
        robot.clickOn("#conflictOverwrite");
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        robot.clickOn("#confirmSave");
        await(() -> !shell.viewModel().editor().busyProperty().get()
                && "mine".equals(stored("support-bot").path("description").asText()));

        assertThat(robot.lookup("#keyDescription").queryTextInputControl().getText()).isEqualTo("mine");
        assertThat(shell.viewModel().editor().dirtyProperty().get()).isFalse();
        // the rest of the key survived the overwrite
        assertThat(stored("support-bot").at("/budgets/0/current_usage").asDouble()).isEqualTo(112.5);
        assertThat(texts(stored("support-bot").at("/mcp_configs/0/tools_to_execute"))).containsExactly("*");
    }

    @Test
    void a500AfterCommitShowsWhatTheServerHoldsAndSaysItWasCommitted(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "budgets/0");
        typeInto(robot, "#budgetMaxLimit", "80");
        sandbox.failNextUpdateAfterCommit();
        ctrlS(robot);
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        robot.clickOn("#confirmSave");
        await(() -> !shell.viewModel().editor().busyProperty().get()
                && statusText(robot).contains("committed"));

        assertThat(stored("checkout-service").at("/budgets/0/max_limit").asDouble()).isEqualTo(80);
        assertThat(statusText(robot))
                .contains("answered an error but committed the change");
        assertThat(robot.lookup("#errorDialog").tryQuery()).isEmpty();
        assertThat(shell.viewModel().editor().baseProperty().get().budgets().get(0).maxLimit()).isEqualTo(80);
        assertThat(shell.viewModel().editor().dirtyProperty().get()).isFalse();
        assertThat(selectedPath()).isEqualTo("budgets/0");
        assertThat(robot.lookup("#budgetMaxLimit").queryTextInputControl().getText()).startsWith("80");
        TreeCell<?> cell = (TreeCell<?>) treeCell(robot, "budgets/0");
        assertThat(((TreeNode) cell.getItem()).label()).isEqualTo("$42.00 of $80.00");
        assertThat(((TreeNode) cell.getItem()).changed()).isFalse();
    }
}
