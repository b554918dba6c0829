package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An exception thrown on the FX thread and caught by no one ends in the error dialog, whose details can be copied. */
@ExtendWith(ApplicationExtension.class)
class UncaughtErrorWindowTest {
    private Stage stage;
    private Thread.UncaughtExceptionHandler fxBefore;
    private Thread.UncaughtExceptionHandler defaultBefore;

    @Start
    void start(Stage s) {
        stage = s;
        // the shared TestFX stage keeps the app's size for the window tests that follow
        s.setScene(new Scene(new StackPane(), 1280, 800));
        s.show();
    }

    @AfterEach
    void restoreHandlers(FxRobot robot) {
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxBefore));
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
    }

    @Test
    void aFailureOnTheFxThreadShowsTheDialogWithCopyableRedactedDetails(FxRobot robot) throws Exception {
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        robot.interact(() -> {
            fxBefore = Thread.currentThread().getUncaughtExceptionHandler();
            new UncaughtErrorHandler(new FxDialogService(stage, t -> { }, t -> { }, null), Platform::runLater)
                    .install();
        });
        Platform.runLater(() -> {
            throw new IllegalStateException("a bug, with sk-bf-abcdefghijklmnop in its message");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorDetailsDialog").tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup("#errorDetailsDialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo(UncaughtErrorHandler.TITLE);
        assertThat(pane.getContentText()).startsWith("IllegalStateException: a bug, with sk-bf-*** in its message");
        Node expandable = pane.getExpandableContent();
        TextArea details = (TextArea) expandable.lookup("#errorDetailsText");
        assertThat(details.getText()).contains("IllegalStateException", "Thread JavaFX Application Thread")
                .doesNotContain("abcdefghijklmnop");

        robot.interact(() -> ((Button) expandable.lookup("#copyErrorDetails")).fire());
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo(details.getText());

        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
    }
}
