package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.V2Keys;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A key with every Bifrost v2 feature, opened in the real window: each new node and line is visible, and an
 * access-profile-managed key is read-only except its name and description. The keys are built in code
 * ({@link V2Keys}) and handed to the editor, since the sandbox's seed has no v2 keys yet.
 */
@ExtendWith(ApplicationExtension.class)
class V2KeyWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private void open(FxRobot robot, VirtualKey vk) throws Exception {
        await(() -> !shell.viewModel().session().lookupsProperty().get().providers().isEmpty());
        robot.interact(() -> shell.viewModel().editor().open(vk));
        await(() -> tree(robot).getRoot() != null && tree(robot).getRoot().getValue().label().equals(vk.name()));
    }

    /** The texts of the labels inside a tree cell (its label, detail and percentage). */
    private static List<String> cellTexts(FxRobot robot, Node cell) {
        return robot.from(cell).lookup(".label").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .map(Label::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    /** Clicks a node's cell after scrolling it into view (the v2 key's tree is longer than the window). */
    private void click(FxRobot robot, String path) throws Exception {
        // on the node's name: a long detail makes the cell wider than the tree, and its centre may lie outside
        Node cell = scrolledTreeCell(robot, path);
        robot.clickOn(robot.from(cell).lookup(".label").queryAs(Label.class));
        await(() -> path.equals(selectedPath()));
    }

    private String text(FxRobot robot, String id) {
        Label l = robot.lookup("#" + id).queryAs(Label.class);
        assertThat(l.isVisible()).as("#" + id + " visible").isTrue();
        return l.getText();
    }

    @Test
    void everyV2NodeAndLineIsVisible(FxRobot robot) throws Exception {
        open(robot, V2Keys.everything(Instant.now()));

        assertThat(cellTexts(robot, scrolledTreeCell(robot, ""))).anySatisfy(t -> assertThat(t)
                .contains("business unit Finance", "content logging off", "the old value keeps working until"));
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "all_providers"))).contains("All providers")
                .anySatisfy(t -> assertThat(t).contains("no per-provider limits"));
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "budgets/0"))).contains("$120.00 of $150.00", "80 %")
                .anySatisfy(t -> assertThat(t).contains("+$50.00 override, 2 of 3 cycles left"));
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "budgets/1")))
                .contains("resets every quarter, fiscal year from April");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "provider_configs/0/model_budgets"))).contains("Per-model budgets");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "provider_configs/0/model_budgets/0"))).contains("gpt-4o");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "provider_configs/0/model_budgets/0/budgets/0")))
                .contains("$10.00 of $50.00", "20 %");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "provider_configs/0/model_budgets/0/rate_limit")))
                .contains("100 requests / 1m");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "provider_configs/0/model_budgets/1/budgets/0"))).contains("110 %");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "virtual_mcps/0"))).contains("Virtual MCP #3");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "virtual_mcps/1"))).contains("Virtual MCP #7");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "metadata"))).contains("env=prod, team=payments");
        assertThat(cellTexts(robot, scrolledTreeCell(robot, "agent_grants"))).contains("billing-agent, support-agent");

        click(robot, "");
        assertThat(robot.lookup("#keyOwner").queryAs(ComboBox.class).getValue()).hasToString("Business unit · Finance");
        assertThat(text(robot, "keyAllProviders")).contains("All providers allowed", "no weight");
        assertThat(text(robot, "keyRotation")).contains("the old value keeps working until");
        // content logging and deletion after expiry are choices now (the server has them: it sent agent_grants)
        assertThat(robot.lookup("#keyContentLoggingChoice").queryAs(ChoiceBox.class).getValue())
                .asString().startsWith("Off");
        assertThat(robot.lookup("#keyDeleteAfterExpireChoice").queryAs(ChoiceBox.class).getValue())
                .asString().startsWith("Delete the key");
        assertThat(text(robot, "keyAssignedUser")).isEqualTo("Ann Lee <ann@example.com>");
        assertThat(text(robot, "keyVirtualMcps")).isEqualTo("Virtual MCP #3, Virtual MCP #7");
        assertThat(robot.lookup("#accessProfileBanner").queryAs(Label.class).isVisible()).isFalse();

        click(robot, "budgets/0");
        assertThat(text(robot, "budgetOverride")).contains("+$50.00 override, 2 of 3 cycles left, on a base of $100.00",
                "Effective limit $150.00");
        assertThat(robot.lookup("#budgetUsage").queryAs(Label.class).getText()).contains("$120.00 of $150.00 (80 %)");
        assertThat(robot.lookup("#budgetMaxLimit").queryAs(TextField.class).isDisabled()).isFalse();
        click(robot, "budgets/1");
        assertThat(text(robot, "budgetResets")).isEqualTo("Resets every quarter, fiscal year from April");

        click(robot, "provider_configs/0/model_budgets/0/budgets/0");
        assertThat(robot.lookup("#formTitle").queryAs(Label.class).getText()).isEqualTo("Per-model budget · gpt-4o");
        assertThat(robot.lookup("#budgetMaxLimit").queryAs(TextField.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#readOnlyNote").queryAs(Label.class).isVisible()).isFalse();
        click(robot, "provider_configs/0/model_budgets/0");
        assertThat(text(robot, "modelBudgetSummary")).contains("$10.00 of $50.00 per 1M", "100 requests / 1m");

        click(robot, "all_providers");
        assertThat(text(robot, "allProvidersText")).contains("Unlisted providers get all models and all keys");
        click(robot, "virtual_mcps/1");
        assertThat(text(robot, "virtualMcpIds")).isEqualTo("Virtual MCP #7");
        click(robot, "metadata");
        assertThat(text(robot, "metadata-env")).isEqualTo("env");
        assertThat(robot.lookup("#metadataValue-env").queryAs(TextField.class).getText()).isEqualTo("prod");
        click(robot, "agent_grants");
        assertThat(text(robot, "agent-billing-agent")).startsWith("billing-agent · granted 2026-11-20");
        click(robot, "provider_configs");
        assertThat(robot.lookup(".help-text").queryAllAs(Label.class).stream().map(Label::getText))
                .anySatisfy(t -> assertThat(t).contains("It allows all providers"));
    }

    @Test
    void anAccessProfileManagedKeyExplainsWhyOnlyNameAndDescriptionCanChange(FxRobot robot) throws Exception {
        // opened after an ordinary key: cells reused for equal nodes must still show the read-only mark
        open(robot, V2Keys.everything(Instant.now()));
        assertThat(treeCell(robot, "provider_configs/0").getAccessibleText()).doesNotContain("read-only");
        open(robot, V2Keys.accessProfileManaged(Instant.now()));
        assertThat(treeCell(robot, "provider_configs/0").getAccessibleText()).endsWith(", read-only");
        assertThat(treeCell(robot, "").getAccessibleText()).doesNotContain("read-only");
        click(robot, "");
        assertThat(text(robot, "accessProfileBanner")).contains("managed by an access profile",
                "only its name and description", "budgets and rate limit shown are the access profile's");
        assertThat(robot.lookup("#keyName").queryAs(TextField.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#keyDescription").queryAs(TextField.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#keyExpiresAt").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#keyActive").queryAs(Node.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#keyOwner").queryAs(Node.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#resetUsage").queryAs(Node.class).isDisabled()).isTrue();

        click(robot, "budgets/0");
        assertThat(robot.lookup("#budgetMaxLimit").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#budgetResetDuration").queryAs(Node.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#removeBudget").queryAs(Node.class).isDisabled()).isTrue();
        assertThat(text(robot, "readOnlyNote")).contains("access profile's");
        click(robot, "rate_limit");
        assertThat(robot.lookup("#requestMaxLimit").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#removeRateLimit").queryAs(Node.class).isDisabled()).isTrue();

        click(robot, "");
        typeInto(robot, "#keyName", "ap-renamed");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.viewModel().editor().editedProperty().get().name()).isEqualTo("ap-renamed");
        assertThat(shell.viewModel().editor().dirtyProperty().get()).isTrue();
    }

    @Test
    void aTeamKeyWithTheTeamsParentCustomerShowsAsTheTeamsKey(FxRobot robot) throws Exception {
        VirtualKey vk = VirtualKey.newKey("team-and-parent").withOwner(SeedData.TEAM_PLATFORM, SeedData.CUSTOMER_ACME);
        open(robot, vk);
        click(robot, "");
        assertThat(robot.lookup("#keyOwner").queryAs(ComboBox.class).getValue())
                .hasToString("Team · Platform (of customer Acme Corp)");
    }
}
