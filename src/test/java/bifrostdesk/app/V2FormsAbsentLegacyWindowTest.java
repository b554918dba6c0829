package bifrostdesk.app;


import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.virtualkey.model.Dialect;
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
class V2FormsAbsentLegacyWindowTest extends V2FormsAbsentChecks {
    @Start
    void start(Stage stage) {
        openWindow(stage, SandboxOptions.defaults().withDialect(Dialect.LEGACY));
    }

    @Test
    void theV2ControlsAndBlockedModelsAreAbsentOnALegacyServer(FxRobot robot) throws Exception {
        assertV2ControlsAbsent(robot, false);
    }
}
