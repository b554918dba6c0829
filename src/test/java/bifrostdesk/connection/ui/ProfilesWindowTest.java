package bifrostdesk.connection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.GuardedCredentialStore;
import bifrostdesk.testing.GuardedProfileStore;
import bifrostdesk.testing.ScriptedDialogs;
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

/**
 * The profile editor offers the "setup token" sign-in: it stores the kind, keeps the token in the keychain, tests it.
 * The profiles file and the keychain are doubles that fail when called on the FX thread: every read, write and
 * delete of the window goes through the task runner.
 */
@ExtendWith(ApplicationExtension.class)
class ProfilesWindowTest {
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
    private final FxTaskRunner runner = new FxTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

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
        runner.shutdown();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openDialog(FxRobot robot, GuardedProfileStore profiles, GuardedCredentialStore secrets)
            throws Exception {
        Platform.runLater(() -> ProfilesDialog.show(stage, profiles, secrets, runner, dialogs));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#profileName").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeDialog(FxRobot robot) {
        robot.interact(() -> {
            DialogPane pane = robot.lookup("#profilesDialog").queryAs(DialogPane.class);
            ((javafx.scene.control.Button) pane.lookupButton(ButtonType.CLOSE)).fire();
        });
    }

    private static String result(FxRobot robot) {
        return robot.lookup("#profileTestResult").queryLabeled().getText();
    }

    @Test
    void aSetupTokenProfileIsSavedWithoutItsTokenAndItsTestPasses(FxRobot robot) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2).withSetupToken(TOKEN));
        GuardedProfileStore profiles = new GuardedProfileStore(dir.resolve("profiles.json"));
        GuardedCredentialStore secrets = GuardedCredentialStore.offTheFxThread();
        openDialog(robot, profiles, secrets);

        robot.clickOn("#profileName").write("gw");
        robot.interact(() -> robot.lookup("#profileUrl").queryTextInputControl().setText(sandbox.baseUrl()));
        robot.clickOn("#profileAuth");
        robot.clickOn(Profile.AuthMode.SETUP_TOKEN.label());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileSecretLabel").queryLabeled().getText()).isEqualTo("Setup token");
        assertThat(robot.lookup("#profileUser").query().isDisabled()).isTrue();
        robot.clickOn("#profilePassword").write(TOKEN);
        robot.clickOn("#profileSave");
        await(() -> result(robot).startsWith("Saved gw"));

        assertThat(result(robot)).startsWith("Saved gw");
        assertThat(robot.lookup("#profilePassword").queryTextInputControl().getText()).as("cleared once stored")
                .isEmpty();
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

        closeDialog(robot);
        assertThat(secrets.calls).as("the keychain was used").isNotEmpty();
        assertThat(profiles.calls).as("the profiles file was used").contains("load", "save");
        assertThat(secrets.misuses).as("keychain calls on the FX thread").isEmpty();
        assertThat(profiles.misuses).as("profiles.json calls on the FX thread").isEmpty();
    }

    @Test
    void choosingRemovingAndBrowsingNeverTouchTheKeychainOrTheFileOnTheFxThread(FxRobot robot) throws Exception {
        GuardedProfileStore profiles = new GuardedProfileStore(dir.resolve("profiles.json"));
        GuardedCredentialStore secrets = GuardedCredentialStore.offTheFxThread();
        profiles.put(Profile.create("staging", "https://staging.example.com", Profile.Colour.AMBER,
                Profile.AuthMode.BASIC, "admin"));
        secrets.write("staging", "pw-of-staging");
        profiles.put(Profile.create("prod", "https://prod.example.com", Profile.Colour.RED, Profile.AuthMode.BASIC,
                "admin"));
        secrets.calls.clear();
        profiles.calls.clear();
        Path ca = dir.resolve("ca.pem");
        dialogs.files.add(ca);
        openDialog(robot, profiles, secrets);
        await(() -> robot.lookup("#profileList").queryListView().getItems().size() == 2);

        // choosing a profile says whether its password is stored, read in the background
        robot.interact(() -> robot.lookup("#profileList").queryListView().getSelectionModel().select(0));
        await(() -> robot.lookup("#profilePassword").queryTextInputControl().getPromptText().startsWith("stored"));
        robot.interact(() -> robot.lookup("#profileList").queryListView().getSelectionModel().select(1));
        await(() -> robot.lookup("#profilePassword").queryTextInputControl().getPromptText().equals("not stored"));

        // the CA file is chosen through the dialog service
        robot.clickOn("#profileCaBrowse");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileCa").queryTextInputControl().getText()).isEqualTo(ca.toString());
        assertThat(dialogs.fileChoosers).containsExactly("The gateway's CA certificate | ");

        // removing takes the profile, its password and its token
        robot.interact(() -> robot.lookup("#profileList").queryListView().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#profileRemove");
        await(() -> robot.lookup("#profileList").queryListView().getItems().size() == 1);
        assertThat(profiles.find("staging")).isEmpty();
        assertThat(secrets.read("staging")).isEmpty();
        assertThat(secrets.calls).contains("delete staging", "delete staging (setup token)");
        assertThat(robot.lookup("#profileName").queryTextInputControl().getText()).as("the form is cleared").isEmpty();

        closeDialog(robot);
        assertThat(secrets.misuses).as("keychain calls on the FX thread").isEmpty();
        assertThat(profiles.misuses).as("profiles.json calls on the FX thread").isEmpty();
    }
}
