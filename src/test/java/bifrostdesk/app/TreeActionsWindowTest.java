package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tree's context menu and Delete key, and invalid input shown at the field and in the problems panel. */
@ExtendWith(ApplicationExtension.class)
class TreeActionsWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private void menu(FxRobot robot, String path, String item) throws Exception {
        chooseFromContextMenu(robot, treeCell(robot, path), item);
    }

    private static List<String> durations(JsonNode budgets) {
        List<String> out = new ArrayList<>();
        budgets.forEach(b -> out.add(b.path("reset_duration").asText()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private ListView<Violation> problems(FxRobot robot) {
        return robot.lookup("#problems").queryAs(ListView.class);
    }

    private static Node problemCell(FxRobot robot, String path) {
        return robot.lookup("#problems .list-cell").match((Node n) -> n instanceof ListCell<?> c
                && c.getItem() instanceof Violation v && v.path().equals(path)).tryQuery().orElse(null);
    }

    @Test
    void contextMenuDuplicatesABudgetAndRemovesAProviderConfig(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        menu(robot, "provider_configs/1", "#menuRemove");
        assertThat(shell.viewModel().editor().editedProperty().get().providerConfigs()).hasSize(1);
        menu(robot, "budgets/1", "#menuDuplicate");
        await(() -> "budgets/2".equals(selectedPath()));
        typeInto(robot, "#budgetResetDurationText", "1w");
        saveThroughPlan(robot);

        JsonNode vk = stored("checkout-service");
        assertThat(vk.at("/provider_configs").size()).isEqualTo(1);
        assertThat(vk.at("/provider_configs/0/provider").asText()).isEqualTo("openai");
        assertThat(durations(vk.at("/budgets"))).containsExactlyInAnyOrder("1d", "1M", "1w");
        for (JsonNode b : vk.at("/budgets")) {
            switch (b.path("reset_duration").asText()) {
                // (a new budget's usage is the server's business: LATER servers carry usage over)
                case "1w" -> assertThat(b.path("max_limit").asDouble()).isEqualTo(1000);
                case "1M" -> assertThat(b.path("current_usage").asDouble()).isEqualTo(640);
                default -> assertThat(b.path("current_usage").asDouble()).isEqualTo(42);
            }
        }
        assertThat(vk.path("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
    }

    @Test
    void contextMenuAddsARateLimitAndABudgetAndDeleteRemovesTheSelectedNode(FxRobot robot) throws Exception {
        openKey(robot, "support-bot");
        menu(robot, "rate_limit", "#menuAdd");
        assertThat(selectedPath()).isEqualTo("rate_limit");
        assertThat(robot.lookup("#requestMaxLimit").queryTextInputControl().getText()).isEqualTo("1000");
        menu(robot, "budgets", "#menuAdd");
        await(() -> "budgets/1".equals(selectedPath()));
        clickNode(robot, "budgets/0");
        robot.type(KeyCode.DELETE);
        await(() -> shell.viewModel().editor().editedProperty().get().budgets().size() == 1);
        saveThroughPlan(robot);

        JsonNode vk = stored("support-bot");
        assertThat(vk.at("/rate_limit/request_max_limit").asLong()).isEqualTo(1000);
        assertThat(vk.at("/rate_limit/request_reset_duration").asText()).isEqualTo("1m");
        assertThat(vk.at("/rate_limit").has("token_max_limit")).isFalse();
        assertThat(vk.at("/budgets").size()).isEqualTo(1);
        assertThat(vk.at("/budgets/0/reset_duration").asText()).isEqualTo("1d");
        assertThat(vk.at("/budgets/0/max_limit").asDouble()).isEqualTo(100);
        assertThat(vk.path("customer_id").asText()).isEqualTo(SeedData.CUSTOMER_GLOBEX);
        assertThat(texts(vk.at("/mcp_configs/0/tools_to_execute"))).containsExactly("*");
    }

    @Test
    void invalidInputBlocksTheSaveShowsAtTheFieldAndTheProblemLeadsToItsNode(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "budgets/0");
        typeInto(robot, "#budgetMaxLimit", "abc");
        clickNode(robot, "rate_limit");
        ctrlS(robot);

        assertThat(robot.lookup("#confirmSave").tryQuery()).isEmpty();
        assertThat(selectedPath()).isEqualTo("budgets/0");
        Label message = robot.lookup("#budgetMaxLimitMessage").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("'abc' is not a number — use digits, e.g. 12.50");
        assertThat(statusText(robot)).contains("'abc' is not a number");
        ListView<Violation> problems = problems(robot);
        assertThat(problems.getItems()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("budgets/0");
            assertThat(v.message()).isEqualTo("'abc' is not a number — use digits, e.g. 12.50");
        });

        clickNode(robot, "mcp_configs");
        await(() -> problemCell(robot, "budgets/0") != null);
        Node cell = problemCell(robot, "budgets/0");
        assertThat(((ListCell<?>) cell).getText()).contains("'abc' is not a number");
        robot.clickOn(cell);
        await(() -> "budgets/0".equals(selectedPath()));
        assertThat(tree(robot).getSelectionModel().getSelectedItem().getValue().path()).isEqualTo("budgets/0");
        assertThat(robot.lookup("#budgetMaxLimit").queryTextInputControl().getText()).isEqualTo("abc");
        assertThat(stored("checkout-service").at("/budgets/0/max_limit").asDouble()).isEqualTo(50);
    }

    @Test
    void anUntouchedInvalidFieldIsQuietUntilSave(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        menu(robot, "budgets/0", "#menuDuplicate");
        await(() -> "budgets/1".equals(selectedPath()));
        assertThat(robot.lookup("#budgetResetDurationText").queryTextInputControl().getText()).isEmpty();
        Label message = robot.lookup("#budgetResetDurationMessage").queryAs(Label.class);
        assertThat(message.isVisible()).isFalse();

        ctrlS(robot);
        assertThat(robot.lookup("#confirmSave").tryQuery()).isEmpty();
        assertThat(selectedPath()).isEqualTo("budgets/1");
        Label after = robot.lookup("#budgetResetDurationMessage").queryAs(Label.class);
        assertThat(after.isVisible()).isTrue();
        assertThat(after.getText()).isEqualTo("Reset duration is required (e.g. 1d, 1w, 1M)");
        assertThat(problems(robot).getItems()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("budgets/1");
            assertThat(v.field()).isEqualTo("reset_duration");
        });
        assertThat(stored("checkout-service").at("/budgets").size()).isEqualTo(2);
    }
}
