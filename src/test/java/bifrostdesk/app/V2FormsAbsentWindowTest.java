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
class V2FormsAbsentWindowTest extends V2FormsAbsentChecks {
    @Start
    void start(Stage stage) {
        openWindow(stage, SandboxOptions.defaults().withDialect(Dialect.LATER));
    }

    @Test
    void theV2ControlsAreAbsentOnALaterServer(FxRobot robot) throws Exception {
        assertV2ControlsAbsent(robot, true);
        clickNode(robot, "");
        assertThat(robot.lookup("#keyOwner").queryAs(ComboBox.class).getItems())
                .noneMatch(o -> o.toString().startsWith("Business unit"));
    }
}
