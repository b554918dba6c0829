package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedDataV2;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The v2 forms in the real window against the v2 sandbox: issue #13's walk-through done with the controls (all
 * providers, a business-unit owner, a per-model budget, a 2-cycle override, a Virtual MCP, two metadata entries),
 * saved through the plan dialog, and what the server then holds; a bad metadata key is refused at its field.
 */
@ExtendWith(ApplicationExtension.class)
class V2FormsWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    /** Clicks a node's name after scrolling it into view (the key's tree is longer than the window). */
    private void click(FxRobot robot, String path) throws Exception {
        robot.clickOn(robot.from(scrolledTreeCell(robot, path)).lookup(".label").queryAs(Label.class));
        await(() -> path.equals(shell.viewModel().editor().selectedPathProperty().get()));
    }

    private VirtualKey edited() {
        return shell.viewModel().editor().editedProperty().get();
    }

    @Test
    void theV2FormsEditAKeyAndOnePlanSavesIt(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");

        click(robot, "provider_configs");
        robot.clickOn("#allProvidersSwitch");
        await(() -> edited().v2().allowsAllProviders());

        click(robot, "");
        @SuppressWarnings("unchecked")
        ComboBox<Object> owner = robot.lookup("#keyOwner").queryAs(ComboBox.class);
        Object finance = owner.getItems().stream().filter(o -> o.toString().equals("Business unit · Finance"))
                .findFirst().orElseThrow();
        robot.interact(() -> owner.getSelectionModel().select(finance));
        await(() -> SeedDataV2.BU_FINANCE.equals(edited().businessUnitId()));

        click(robot, "metadata");
        typeInto(robot, "#metadataNewKey", "bad key");
        typeInto(robot, "#metadataNewValue", "x");
        robot.clickOn("#addMetadata");
        await(() -> robot.lookup("#metadataMessage").queryAs(Label.class).getText().contains("no spaces"));
        typeInto(robot, "#metadataNewKey", "env");
        typeInto(robot, "#metadataNewValue", "prod");
        robot.clickOn("#addMetadata");
        typeInto(robot, "#metadataNewKey", "cost_center");
        typeInto(robot, "#metadataNewValue", "cc-4410");
        robot.clickOn("#addMetadata");
        await(() -> edited().v2().metadata() != null && edited().v2().metadata().size() == 2);

        click(robot, "budgets/0");
        typeInto(robot, "#budgetOverrideAmount", "25");
        typeInto(robot, "#budgetOverrideCycles", "2");
        robot.clickOn("#setBudgetOverride");
        await(() -> edited().budgets().get(0).override() != null);

        click(robot, "virtual_mcps");
        robot.clickOn("#vmcp-" + SeedDataV2.VMCP_READ_ONLY);
        await(() -> edited().v2().virtualMcpIds().contains(SeedDataV2.VMCP_READ_ONLY));

        click(robot, "provider_configs/0");
        typeInto(robot, "#modelBudgetPickerText", "gpt-4o-mini");
        robot.clickOn("#addModelBudget");
        await(() -> !edited().providerConfigs().get(0).modelBudgets().isEmpty());
        assertThat(shell.viewModel().editor().selectedPathProperty().get())
                .isEqualTo("provider_configs/0/model_budgets/0/budgets/0");

        ctrlS(robot);
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        robot.clickOn("#confirmSave");
        await(() -> !shell.viewModel().editor().busyProperty().get()
                && stored("checkout-service").path("metadata").size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        JsonNode s = stored("checkout-service");
        assertThat(s.path("allow_all_providers").asBoolean()).isTrue();
        assertThat(s.path("business_unit_id").asText()).isEqualTo(SeedDataV2.BU_FINANCE);
        assertThat(s.has("team_id")).isFalse();
        assertThat(s.at("/metadata/env").asText()).isEqualTo("prod");
        assertThat(s.at("/metadata/cost_center").asText()).isEqualTo("cc-4410");
        assertThat(s.at("/budgets/0/override_cycles_total").asInt()).isEqualTo(2);
        assertThat(s.at("/budgets/0/override_amount").asDouble()).isEqualTo(25);
        assertThat(s.at("/provider_configs/0/model_budgets/0/model_name").asText()).isEqualTo("gpt-4o-mini");
        assertThat(s.at("/provider_configs/0/model_budgets/0/budgets/0/max_limit").asDouble()).isEqualTo(50);
    }
}
