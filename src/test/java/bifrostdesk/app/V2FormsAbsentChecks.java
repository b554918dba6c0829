package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.testfx.api.FxRobot;

/**
 * The walk shared by the "v2 controls are absent on an older server" window tests: open a key, visit each node whose
 * form would hold a v2 control, and check the control is not there while the form's own controls are.
 */
abstract class V2FormsAbsentChecks extends WindowTestBase {

    boolean present(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery().isPresent();
    }

    /** @param blockedModels whether the server has blocked models (v1.5.2+), which the models form then offers */
    void assertV2ControlsAbsent(FxRobot robot, boolean blockedModels) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "");
        assertThat(present(robot, "keyOwner")).isTrue();
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
        assertThat(present(robot, "blockedEntry")).as("blocked models exist from v1.5.2").isEqualTo(blockedModels);

        var root = tree(robot).getRoot();
        assertThat(root.getChildren()).extracting(i -> i.getValue().path())
                .doesNotContain("metadata", "agent_grants", "virtual_mcps", "all_providers");
    }
}
