package bifrostdesk.connection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.model.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The profile editor offers the "setup token" sign-in: it stores the kind, keeps the token in the keychain, tests it. */
@ExtendWith(ApplicationExtension.class)
class ProfilesSetupTokenWindowTest {
    static {
        // as in WindowTestBase: no pause per typed character, few mouse steps
        System.setProperty("testfx.robot.move_max_count", "2");
        System.setProperty("testfx.robot.write_sleep", "0");
    }

    private static final String TOKEN = "pd-tok-7";

    @TempDir
    Path dir;
    private Stage stage;
    private SandboxServer sandbox;

    @Start
    void start(Stage s) {
        stage = s;
        // TestFX shares this stage with the next window tests, and the main window takes the scene's size: keep
        // the app's default size (a small scene here made the next classes' key lists too short to show rows)
        s.setScene(new Scene(new StackPane(), 1280, 800));
        s.show();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aSetupTokenProfileIsSavedWithoutItsTokenAndItsTestPasses(FxRobot robot) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2).withSetupToken(TOKEN));
        ProfileStore profiles = new ProfileStore(dir.resolve("profiles.json"));
        MemoryCredentialStore secrets = new MemoryCredentialStore("tests");
        Platform.runLater(() -> ProfilesDialog.show(stage, profiles, secrets));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#profileName").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#profileName").write("gw");
        robot.interact(() -> robot.lookup("#profileUrl").queryTextInputControl().setText(sandbox.baseUrl()));
        robot.clickOn("#profileAuth");
        robot.clickOn(Profile.AuthMode.SETUP_TOKEN.label());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileSecretLabel").queryLabeled().getText()).isEqualTo("Setup token");
        assertThat(robot.lookup("#profileUser").query().isDisabled()).isTrue();
        robot.clickOn("#profilePassword").write(TOKEN);
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#profileTestResult").queryLabeled().getText()).startsWith("Saved gw");
        assertThat(profiles.find("gw")).get().extracting(Profile::authMode)
                .isEqualTo(Profile.AuthMode.SETUP_TOKEN);
        assertThat(Files.readString(dir.resolve("profiles.json"))).doesNotContain(TOKEN);
        assertThat(new SetupTokens(secrets).read("gw")).contains(TOKEN);
        assertThat(secrets.read("gw")).as("not stored as a password").isEmpty();

        robot.clickOn("#profileTest");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#profileTestResult").queryLabeled()
                .getText().startsWith("✔"));
        assertThat(robot.lookup("#profileTestResult").queryLabeled().getText())
                .contains("v2.2.6", "setup lock: the token was accepted");

        robot.interact(() -> {
            DialogPane pane = robot.lookup("#profilesDialog").queryAs(DialogPane.class);
            ((javafx.scene.control.Button) pane.lookupButton(ButtonType.CLOSE)).fire();
        });
    }
}
