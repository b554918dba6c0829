package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.activity.Activity;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a new user meets first, in the real window: the sandbox says its keys are demo data and leads to the profile
 * editor; a server given with --server shows as an unsaved profile named by its host, which can be saved; a gateway
 * with no key invites to create the first; the status line opens the activity panel.
 */
@ExtendWith(ApplicationExtension.class)
class FirstHourWindowTest extends WindowTestBase {
    @TempDir
    Path dir;
    private Stage stage;
    private final List<Profile> switchedTo = new ArrayList<>();

    @Start
    void start(Stage s) {
        stage = s;
    }

    private ProfileStore store() {
        return new ProfileStore(dir.resolve("profiles.json"));
    }

    private void open(SandboxOptions options, boolean onSandbox) throws Exception {
        sandbox = SandboxServer.start(options);
        String url = sandbox.baseUrl();
        Profile profile = onSandbox ? Profile.of(Profile.SANDBOX, "sandbox:") : Profile.forServer(url);
        WaitForAsyncUtils.asyncFx(() -> shell = DeskApp.open(stage, new BifrostClient(ServerEndpoint.of(url)),
                onSandbox, new Workspace(dir.resolve("ws"), url, false), profile, new MemoryCredentialStore("tests"),
                store(), switchedTo::add)).get();
        await(() -> shell.viewModel().session().onlineProperty().get()
                && !shell.viewModel().list().loadingProperty().get());
    }

    @Test
    void theSandboxSaysItsKeysAreDemoDataAndLeadsToTheProfileEditor(FxRobot robot) throws Exception {
        open(SandboxOptions.defaults(), true);
        assertThat(robot.lookup("#sandboxBanner").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#sandboxBannerText").queryLabeled().getText()).contains("demo keys");
        assertThat(robot.lookup("#saveAsProfile").queryAs(Node.class).isVisible()).isFalse();

        robot.clickOn("#connectToGateway");
        await(() -> robot.lookup("#profilesDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#profileTest").tryQuery()).isPresent();
        DialogPane pane = robot.lookup("#profilesDialog").queryAs(DialogPane.class);
        robot.clickOn((Node) pane.lookupButton(ButtonType.CLOSE));
        await(() -> robot.lookup("#profilesDialog").tryQuery().isEmpty());
    }

    @Test
    void aServerGivenOnTheCommandLineIsAnUnsavedProfileNamedByItsHost(FxRobot robot) throws Exception {
        open(SandboxOptions.defaults(), false);
        String host = "127.0.0.1:" + sandbox.port();
        @SuppressWarnings("unchecked")
        ComboBox<Profile> picker = robot.lookup("#profileSwitcher").queryAs(ComboBox.class);
        await(() -> picker.getItems().size() == 2);
        assertThat(picker.getConverter().toString(picker.getValue())).isEqualTo(host + " (not saved)");
        assertThat(robot.lookup("#sandboxBanner").tryQuery()).isEmpty();
        assertThat(robot.lookup("#saveAsProfile").queryAs(Node.class).isVisible()).isTrue();

        robot.clickOn("#saveAsProfile");
        await(() -> robot.lookup("#profilesDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#profileName").queryTextInputControl().getText()).isEqualTo(host);
        assertThat(robot.lookup("#profileUrl").queryTextInputControl().getText()).isEqualTo(sandbox.baseUrl());
        robot.clickOn("#profileSave");
        await(() -> robot.lookup("#profileTestResult").queryLabeled().getText().startsWith("Saved"));
        assertThat(store().load()).extracting(Profile::name).containsExactly(host);
        DialogPane pane = robot.lookup("#profilesDialog").queryAs(DialogPane.class);
        robot.clickOn((Node) pane.lookupButton(ButtonType.CLOSE));

        // read again: the profile is a saved one now
        await(() -> !robot.lookup("#saveAsProfile").queryAs(Node.class).isVisible());
        assertThat(picker.getConverter().toString(picker.getValue())).isEqualTo(host);
        assertThat(switchedTo).isEmpty();
    }

    @Test
    void aGatewayWithoutKeysInvitesToCreateTheFirst(FxRobot robot) throws Exception {
        open(SandboxOptions.defaults().withSeed(Seed.EMPTY), false);
        await(() -> robot.lookup("#emptyGateway").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#createFirstKey");
        await(() -> robot.lookup("#askTextField").tryQuery().isPresent());
        robot.clickOn("#askTextField").write("first-key");
        DialogPane pane = robot.lookup("#askTextDialog").queryAs(DialogPane.class);
        robot.clickOn((Node) pane.lookupButton(ButtonType.OK));
        await(() -> robot.lookup("#secretValue").tryQuery().isPresent());
        DialogPane secretPane = robot.lookup("#secretDialog").queryAs(DialogPane.class);
        robot.clickOn((Node) secretPane.lookupButton(ButtonType.CLOSE));
        await(() -> stored("first-key") != null && shell.viewModel().editor().editedProperty().get() != null);
        assertThat(robot.lookup("#emptyGateway").queryAs(Node.class).isVisible()).isFalse();
    }

    @Test
    void theStatusLineOpensTheActivityPanel(FxRobot robot) throws Exception {
        open(SandboxOptions.defaults(), true);
        assertThat(robot.lookup("#statusMessage").queryLabeled().getText()).startsWith("Connected: Bifrost");
        assertThat(robot.lookup("#activityPanel").queryAs(Node.class).isVisible()).isFalse();

        robot.clickOn("#statusMessage");
        await(() -> robot.lookup("#activityPanel").queryAs(Node.class).isVisible());
        @SuppressWarnings("unchecked")
        ListView<Activity> list = robot.lookup("#activityList").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(Activity::kind).contains(Activity.Kind.CONNECTED);
        assertThat(list.isFocused()).isTrue();
        robot.type(KeyCode.ESCAPE);
        await(() -> !robot.lookup("#activityPanel").queryAs(Node.class).isVisible());
    }

    @Test
    void f1OpensHelpWhoseSheetListsEveryShortcutAndDiagnosticsAreCopied(FxRobot robot) throws Exception {
        open(SandboxOptions.defaults(), true);
        robot.type(KeyCode.F1);
        await(() -> robot.lookup("#helpMenu").queryAs(javafx.scene.control.MenuButton.class).isShowing());
        robot.clickOn("#helpShortcuts");
        await(() -> robot.lookup("#shortcutSheet").tryQuery().isPresent());
        List<String> texts = robot.lookup("#shortcutSheet .label").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList();
        for (bifrostdesk.help.Shortcut s : bifrostdesk.help.Shortcut.values()) {
            assertThat(texts).as(s.name()).contains(s.what(), s.display(System.getProperty("os.name")));
        }
        DialogPane sheet = robot.lookup("#shortcutsDialog").queryAs(DialogPane.class);
        robot.clickOn((Node) sheet.lookupButton(ButtonType.CLOSE));
        await(() -> robot.lookup("#shortcutsDialog").tryQuery().isEmpty());

        robot.clickOn("#helpMenu");
        robot.clickOn("#copyDiagnostics");
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get();
        assertThat(copied).startsWith("Bifrost Desk diagnostics").contains("Server version: "
                + shell.viewModel().session().versionProperty().get(), "Dialect: v2.x", "Java: ");
        assertThat(statusText(robot)).startsWith("Copied the diagnostics");
    }
}
