package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.ui.Accessibility;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Without a mouse: list → tree → form → save → plan dialog → confirm, by keys alone; and every focusable control met
 * on the way (the main window and the plan dialog) has a name a screen reader can say.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFlowWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private static List<String> unnamedIn(Scene scene) {
        return Accessibility.unnamed(scene.getRoot()).stream()
                .map(n -> n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())).toList();
    }

    private Node focused() {
        return stage().getScene().getFocusOwner();
    }

    private Stage stage() {
        return (Stage) shell.window().getScene().getWindow();
    }

    private void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Tabs forward until {@code id} (or a node inside it) has the focus; fails after {@code max} presses. */
    private void tabTo(FxRobot robot, String id, int max) {
        for (int i = 0; i < max; i++) {
            if (inside(focused(), id)) {
                return;
            }
            press(robot, KeyCode.TAB);
        }
        assertThat(inside(focused(), id)).as("focus reached #" + id + " (now " + focused() + ")").isTrue();
    }

    private static boolean inside(Node n, String id) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (id.equals(p.getId())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theMainFlowWorksByKeyboardAloneAndEveryControlOnTheWayHasAName(FxRobot robot) throws Exception {
        await(() -> listedNames(robot).contains("checkout-service") && !shell.viewModel().list().loadingProperty().get());
        assertThat(unnamedIn(shell.window().getScene())).as("unnamed in the main window").isEmpty();

        // list: Ctrl+F puts the focus in the search box; Tab goes on to the list, Down opens the first key
        press(robot, KeyCode.CONTROL, KeyCode.F);
        assertThat(focused().getId()).isEqualTo("keySearch");
        tabTo(robot, "keyList", 12);
        press(robot, KeyCode.DOWN);
        await(() -> shell.viewModel().editor().editedProperty().get() != null);
        String opened = shell.viewModel().editor().editedProperty().get().name();
        assertThat(unnamedIn(shell.window().getScene())).as("unnamed with a key open").isEmpty();

        // tree: Tab from the list reaches it; the key node is selected, its form follows
        tabTo(robot, "keyTree", 12);
        // form: Tab reaches the description; typing changes the key
        tabTo(robot, "keyDescription", 30);
        press(robot, KeyCode.CONTROL, KeyCode.A);
        robot.write("typed without a mouse");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.viewModel().editor().dirtyProperty().get()).isTrue();

        // save: Ctrl+S shows the plan; the confirm button has the focus, Enter sends
        press(robot, KeyCode.CONTROL, KeyCode.S);
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        Scene plan = robot.lookup("#confirmSave").query().getScene();
        assertThat(unnamedIn(plan)).as("unnamed in the plan dialog").isEmpty();
        Window dialog = plan.getWindow();
        await(() -> dialog.isFocused() && plan.getFocusOwner() != null);
        assertThat(plan.getFocusOwner().getId()).isEqualTo("confirmSave");
        press(robot, KeyCode.ENTER);
        await(() -> !shell.viewModel().editor().busyProperty().get() && !shell.viewModel().editor().dirtyProperty().get());
        assertThat(stored(opened).path("description").asText()).isEqualTo("typed without a mouse");
    }
}
