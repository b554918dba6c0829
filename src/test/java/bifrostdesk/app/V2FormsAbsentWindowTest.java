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
 * On a server before v2 (the "later" v1.6 dialect) the controls for what v2 added are absent, not disabled: no
 * all-providers switch, no business units, no content-logging or expiry choices, no fiscal month or override on a
 * budget, no per-model budgets, no metadata, agent grants or Virtual MCP nodes. Blocked models (v1.5.2+) stay.
 */
@ExtendWith(ApplicationExtension.class)
class V2FormsAbsentWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage, SandboxOptions.defaults().withDialect(Dialect.LATER));
    }

    private boolean present(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().isPresent();
    }

    @Test
    void theV2ControlsAreAbsentOnALaterServer(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "");
        assertThat(present(robot, "keyOwner")).isTrue();
        assertThat(robot.lookup("#keyOwner").queryAs(ComboBox.class).getItems())
                .noneMatch(o -> o.toString().startsWith("Business unit"));
        assertThat(present(robot, "keyOptions")).isFalse();
        assertThat(present(robot, "keyContentLoggingChoice")).isFalse();
        assertThat(present(robot, "keyDeleteAfterExpireChoice")).isFalse();

        clickNode(robot, "budgets/0");
        assertThat(present(robot, "budgetMaxLimit")).isTrue();
        assertThat(present(robot, "budgetV2")).isFalse();
        assertThat(present(robot, "budgetOverrideAmount")).isFalse();
        assertThat(present(robot, "budgetQuarterStartMonth")).isFalse();

        clickNode(robot, "provider_configs");
        assertThat(present(robot, "providerPicker")).isTrue();
        assertThat(present(robot, "allProvidersSwitch")).isFalse();

        clickNode(robot, "provider_configs/0");
        assertThat(present(robot, "providerWeight")).isTrue();
        assertThat(present(robot, "modelBudgetPicker")).isFalse();

        clickNode(robot, "provider_configs/0/models");
        assertThat(present(robot, "modelEntry")).isTrue();
        assertThat(present(robot, "blockedEntry")).as("blocked models exist from v1.5.2").isTrue();

        var root = tree(robot).getRoot();
        assertThat(root.getChildren()).extracting(i -> i.getValue().path())
                .doesNotContain("metadata", "agent_grants", "virtual_mcps", "all_providers");
    }
}
