package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.DataDirs;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What an installed app shows and keeps: About names version and folders; the window layout survives a restart. */
@ExtendWith(ApplicationExtension.class)
class InstalledWindowTest extends WindowTestBase {
    @TempDir
    Path settings;
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    @Test
    void aboutShowsTheVersionAndWhereDataAndLogsLive(FxRobot robot) throws Exception {
        robot.clickOn("#helpMenu"); // About is an item of the help menu
        robot.clickOn("#about");
        await(() -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        DialogPane about = robot.lookup("#aboutDialog").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).isEqualTo("Bifrost Desk " + AboutDialog.appVersion());
        assertThat(AboutDialog.appVersion()).isNotEqualTo("unknown");
        assertThat(robot.lookup("#aboutFolders").queryLabeled().getText())
                .contains(DataDirs.data().toString()).contains(DataDirs.logs().toString());
        robot.clickOn((Node) about.lookupButton(ButtonType.CLOSE));
        await(() -> robot.lookup("#aboutDialog").tryQuery().isEmpty());
    }

    @Test
    void sizePositionAndDividersAreBackAfterARestart(FxRobot robot) throws Exception {
        Path file = settings.resolve(WindowState.FILE);
        BifrostClient client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        WindowMemory before = WindowMemory.load(file);
        assertThat(before.state()).isNull();
        Stage[] first = new Stage[1];
        DeskApp.Shell[] opened = new DeskApp.Shell[1];
        robot.interact(() -> {
            first[0] = new Stage();
            before.placeStage(first[0]);
            opened[0] = DeskApp.open(first[0], client, true, before);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the user moves and resizes the window and drags the dividers away from their defaults (0.26, 0.8, 0.45)
        robot.interact(() -> {
            first[0].setX(40);
            first[0].setY(30);
            first[0].setWidth(1200);
            first[0].setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            split(opened[0].window(), "keysSplit").setDividerPositions(0.2);
            split(opened[0].window(), "editorSplit").setDividerPositions(0.6);
            split(opened[0].window(), "treeFormSplit").setDividerPositions(0.3);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] laidOut = WaitForAsyncUtils.asyncFx(() -> new double[] {
                split(opened[0].window(), "keysSplit").getDividerPositions()[0],
                split(opened[0].window(), "editorSplit").getDividerPositions()[0],
                split(opened[0].window(), "treeFormSplit").getDividerPositions()[0]}).get();
        assertThat(laidOut[0]).isCloseTo(0.2, within(0.02));
        robot.interact(() -> {
            before.save();
            first[0].hide();
        });
        assertThat(file).exists();

        // "restart": the settings read from disk, a new stage and a new main window
        WindowMemory after = WindowMemory.load(file);
        assertThat(after.state()).isNotNull();
        Stage[] second = new Stage[1];
        DeskApp.Shell[] reopened = new DeskApp.Shell[1];
        robot.interact(() -> {
            second[0] = new Stage();
            after.placeStage(second[0]);
            reopened[0] = DeskApp.open(second[0], client, true, after);
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            MainWindow w = reopened[0].window();
            assertThat(List.of(second[0].getX(), second[0].getY(), second[0].getWidth(), second[0].getHeight()))
                    .containsExactly(40.0, 30.0, 1200.0, 700.0);
            assertThat(split(w, "keysSplit").getDividerPositions()[0]).isCloseTo(laidOut[0], within(0.01));
            assertThat(split(w, "editorSplit").getDividerPositions()[0]).isCloseTo(laidOut[1], within(0.01));
            assertThat(split(w, "treeFormSplit").getDividerPositions()[0]).isCloseTo(laidOut[2], within(0.01));
        } finally {
            robot.interact(() -> second[0].hide());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !second[0].isShowing());
        }
    }

    private static SplitPane split(MainWindow w, String id) {
        return w.splitPanes().get(id);
    }
}
