package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Key-level actions from the toolbar and the list: create, delete, deactivate, search, filter. */
@ExtendWith(ApplicationExtension.class)
class KeyListWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private void answerTextDialog(FxRobot robot, String text) throws Exception {
        await(() -> robot.lookup("#askTextField").tryQuery().isPresent());
        robot.clickOn("#askTextField").write(text);
        DialogPane pane = robot.lookup("#askTextDialog").queryAs(DialogPane.class);
        robot.clickOn((Node) pane.lookupButton(ButtonType.OK));
    }

    private void awaitListLoaded(FxRobot robot) throws Exception {
        await(() -> listedNames(robot).contains("checkout-service") && !shell.viewModel().list().loadingProperty().get());
    }

    @Test
    void newKeyIsCreatedShownOnceAndListed(FxRobot robot) throws Exception {
        awaitListLoaded(robot);
        robot.clickOn("#newKey");
        answerTextDialog(robot, "desk-created");
        await(() -> robot.lookup("#secretValue").tryQuery().isPresent());
        String secret = robot.lookup("#secretValue").queryTextInputControl().getText();
        assertThat(secret).startsWith("sk-bf-");
        DialogPane secretPane = robot.lookup("#secretDialog").queryAs(DialogPane.class);
        robot.clickOn((Node) secretPane.lookupButton(ButtonType.CLOSE));
        await(() -> robot.lookup("#secretDialog").tryQuery().isEmpty());

        JsonNode vk = stored("desk-created");
        assertThat(vk).isNotNull();
        assertThat(vk.path("value").asText()).isEqualTo(secret);
        assertThat(listedNames(robot)).contains("desk-created");
        assertThat(shell.viewModel().editor().editedProperty().get().name()).isEqualTo("desk-created");
        // the editor keeps the value masked
        assertThat(robot.lookup("#keyValue").queryLabeled().getText()).doesNotContain(secret).startsWith("sk-bf-");
    }

    @Test
    void deleteFromTheListContextMenuAfterTypingTheName(FxRobot robot) throws Exception {
        awaitListLoaded(robot);
        chooseFromContextMenu(robot, listCell(robot, "analytics-batch"), "#menuDeleteKey");
        answerTextDialog(robot, "analytics-batch");
        await(() -> stored("analytics-batch") == null && !listedNames(robot).contains("analytics-batch"));
        assertThat(stored("checkout-service")).isNotNull();
        assertThat(statusText(robot)).contains("Deleted analytics-batch");
    }

    @Test
    void deactivateFromTheListContextMenuKeepsTheTeam(FxRobot robot) throws Exception {
        awaitListLoaded(robot);
        chooseFromContextMenu(robot, listCell(robot, "checkout-service"), "#menuToggleActive");
        await(() -> !stored("checkout-service").path("is_active").asBoolean()
                && keyList(robot).getItems().stream().anyMatch(v -> v.name().equals("checkout-service") && !v.active()));
        JsonNode vk = stored("checkout-service");
        assertThat(vk.path("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
        assertThat(vk.at("/team/name").asText()).isEqualTo("Platform");
        assertThat(vk.at("/provider_configs").size()).isEqualTo(2);
        assertThat(vk.at("/budgets").size()).isEqualTo(2);
        assertThat(texts(vk.at("/mcp_configs/0/tools_to_execute"))).containsExactly("create_issue", "list_issues");
    }

    @Test
    void searchAsYouTypeAsksTheServer(FxRobot robot) throws Exception {
        awaitListLoaded(robot);
        // created behind the window's back: only a new server query can find it
        BifrostClient other = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        other.execute(UpdateBuilder.planCreate(VirtualKey.newKey("checkout-canary"), other.detectDialect())
                .requests().get(0));
        assertThat(listedNames(robot)).doesNotContain("checkout-canary");
        robot.clickOn("#keySearch").write("checkout");
        await(() -> listedNames(robot).size() == 2);
        assertThat(listedNames(robot)).containsExactlyInAnyOrder("checkout-service", "checkout-canary");
    }

    @Test
    void statusFilterInactiveShowsOnlyTheInactiveKey(FxRobot robot) throws Exception {
        awaitListLoaded(robot);
        robot.clickOn("#statusFilter").clickOn("Inactive");
        await(() -> listedNames(robot).equals(java.util.List.of("legacy-integration")));
        assertThat(listedNames(robot)).containsExactly("legacy-integration");
    }

    @Test
    void clickingARowsUsageBarOpensTheKey(FxRobot robot) throws Exception {
        awaitListLoaded(robot);
        Node bar = robot.from(listCell(robot, "support-bot")).lookup((Node n) -> n instanceof ProgressBar).query();
        robot.clickOn(bar);
        await(() -> shell.viewModel().editor().editedProperty().get() != null
                && shell.viewModel().editor().editedProperty().get().name().equals("support-bot"));
    }
}
