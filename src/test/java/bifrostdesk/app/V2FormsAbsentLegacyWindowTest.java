package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.virtualkey.model.Dialect;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * On the oldest servers (the "legacy" dialect, before v1.5) the controls for what v2 added are absent, and so are the
 * blocked models, which arrived in v1.5.2: the form offers only what such a server can store.
 */
@ExtendWith(ApplicationExtension.class)
class V2FormsAbsentLegacyWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage, SandboxOptions.defaults().withDialect(Dialect.LEGACY));
    }

    private boolean present(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().isPresent();
    }

    @Test
    void theV2ControlsAndBlockedModelsAreAbsentOnALegacyServer(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "");
        assertThat(present(robot, "keyOwner")).isTrue();
        assertThat(present(robot, "keyOptions")).isFalse();

        clickNode(robot, "budgets/0");
        assertThat(present(robot, "budgetMaxLimit")).isTrue();
        assertThat(present(robot, "budgetV2")).isFalse();

        clickNode(robot, "provider_configs");
        assertThat(present(robot, "allProvidersSwitch")).isFalse();

        clickNode(robot, "provider_configs/0");
        assertThat(present(robot, "providerWeight")).isTrue();
        assertThat(present(robot, "modelBudgetPicker")).isFalse();

        clickNode(robot, "provider_configs/0/models");
        assertThat(present(robot, "modelEntry")).isTrue();
        assertThat(present(robot, "blockedEntry")).as("blocked models arrived in v1.5.2").isFalse();

        var root = tree(robot).getRoot();
        assertThat(root.getChildren()).extracting(i -> i.getValue().path())
                .doesNotContain("metadata", "agent_grants", "virtual_mcps", "all_providers");
    }
}
