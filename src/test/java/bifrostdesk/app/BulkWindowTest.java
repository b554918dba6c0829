package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The bulk change in the real window: select two keys with Ctrl-click, choose "change a budget's limit" (1d,
 * -20 %), review (summary and one key's exact requests), send through the confirmation single saves use, read the
 * report, and undo it the same way.
 */
@ExtendWith(ApplicationExtension.class)
class BulkWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private double dailyLimit(String name) {
        for (JsonNode b : sandbox.vkJson(sandbox.vkIdByName(name)).path("budgets")) {
            if (b.path("reset_duration").asText().equals("1d")) {
                return b.path("max_limit").asDouble();
            }
        }
        throw new AssertionError(name + " has no 1d budget");
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void selectTwoKeysLowerTheirDailyBudgetsReviewSendAndUndo(FxRobot robot) throws Exception {
        double before = dailyLimit("checkout-service");
        robot.clickOn(listCell(robot, "checkout-service"));
        robot.press(KeyCode.CONTROL).clickOn(listCell(robot, "analytics-batch")).release(KeyCode.CONTROL);
        await(() -> keyList(robot).getSelectionModel().getSelectedItems().size() == 2);

        robot.clickOn("#bulkChange");
        await(() -> robot.lookup("#bulkField0").tryQuery().isPresent());
        robot.clickOn("#bulkField0").write("1d");
        robot.clickOn("#bulkField1").write("-20%");
        robot.clickOn("#bulkReview");
        await(() -> robot.lookup("#bulkSummary").tryQuery().isPresent());
        assertThat(text(robot, "#bulkSummary")).contains("2 keys: 2 change");

        robot.clickOn(robot.lookup("#bulkKeys .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        await(() -> robot.lookup("#bulkKeyPlan").queryAs(TextArea.class).getText().contains("PUT "));

        robot.clickOn("#bulkSend");
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        robot.clickOn("#confirmSave");
        await(() -> robot.lookup("#bulkReportSummary").tryQuery().isPresent());
        assertThat(text(robot, "#bulkReportSummary")).startsWith("2 sent");
        assertThat(dailyLimit("checkout-service")).isEqualTo(Math.round(before * 80) / 100.0);

        robot.clickOn("#bulkUndo");
        await(() -> robot.lookup("#bulkSummary").tryQuery().isPresent());
        assertThat(text(robot, "#bulkSummary")).contains("reverts", "2 keys: 2 change");
        robot.clickOn("#bulkSend");
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        robot.clickOn("#confirmSave");
        await(() -> robot.lookup("#bulkReportSummary").tryQuery().isPresent());
        assertThat(dailyLimit("checkout-service")).isEqualTo(before);
        robot.clickOn("#bulkClose");
    }
}
