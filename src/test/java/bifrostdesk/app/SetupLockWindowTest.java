package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ClientOptions;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window against a sandbox with the v2.2.6 setup lock (REFERENCE-v2.md §11.2.1): the token dialog comes
 * once, a wrong token brings it back without touching the draft on disk, the right one loads the keys and reopens
 * the draft, the status bar says "newer than tested", and a restart uses the stored token without asking.
 */
@ExtendWith(ApplicationExtension.class)
class SetupLockWindowTest extends WindowTestBase {
    private static final String TOKEN = "wt-tok-9";
    private static final String DRAFTED = "edited while the gateway was locked";

    private Stage stage;
    private Workspace workspace;
    private Profile profile;
    private final MemoryCredentialStore store = new MemoryCredentialStore("tests");

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2).withVersion("v2.3.0")
                .withSetupToken(TOKEN));
        workspace = new Workspace(Files.createTempDirectory("setup-lock-window-"), sandbox.baseUrl(), false);
        String id = sandbox.vkIdByName("support-bot");
        VirtualKey base = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()),
                ClientOptions.defaults().withSetupToken(TOKEN)).getVirtualKey(id);
        workspace.saveDraft(new Draft(id, base, base.withDescription(DRAFTED), Map.of(), false, Instant.now()));
        profile = Profile.create("locked-gateway", sandbox.baseUrl(), Profile.Colour.NONE,
                Profile.AuthMode.SETUP_TOKEN, null);
        shell = open();
    }

    private DeskApp.Shell open() {
        return DeskApp.open(stage, new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), false, workspace, profile,
                store, null, null);
    }

    private static boolean tokenDialogSays(FxRobot robot, String text) {
        return robot.lookup("#setupTokenDialog").tryQueryAs(DialogPane.class)
                .map(d -> d.getHeaderText() != null && d.getHeaderText().contains(text)).orElse(false);
    }

    private void enterToken(FxRobot robot, String token) {
        robot.clickOn("#setupTokenField").write(token);
        robot.clickOn("#setupTokenButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void askedOnceAgainAfterAWrongTokenThenTheKeysLoadAndARestartDoesNotAsk(FxRobot robot) throws Exception {
        await(() -> tokenDialogSays(robot, "locked until it is set up"));
        assertThat(robot.lookup("#setupTokenHelp").queryLabeled().getText())
                .contains("setup_token in config.json", "BIFROST_SETUP_TOKEN", "never prints it");
        assertThat(robot.lookup("#signInDialog").tryQuery()).as("not a sign-in").isEmpty();

        enterToken(robot, "wrong");
        await(() -> tokenDialogSays(robot, "did not accept that setup token"));
        // the wrong token cost nothing: the draft is still on disk and counted, and nothing was sent
        assertThat(workspace.loadDrafts()).singleElement().satisfies(d ->
                assertThat(d.edited().description()).isEqualTo(DRAFTED));
        assertThat(shell.viewModel().drafts().pendingProperty().get()).isEqualTo(1);
        assertThat(new SetupTokens(store).read(profile.name())).isEmpty();

        enterToken(robot, TOKEN);
        await(() -> listedNames(robot).size() == 8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
        assertThat(robot.lookup("#setupTokenDialog").tryQuery()).isEmpty();
        await(() -> shell.viewModel().editor().editedProperty().get() != null);
        assertThat(shell.viewModel().editor().editedProperty().get().description()).isEqualTo(DRAFTED);
        assertThat(robot.lookup("#statusVersion").queryLabeled().getText())
                .isEqualTo("Bifrost v2.3.0 (newer than tested)");
        assertThat(robot.lookup("#statusVersion").queryLabeled().getTooltip().getText()).contains("setup lock");
        assertThat(robot.lookup("#statusDialect").queryLabeled().getText()).isEqualTo("dialect v2.x");
        assertThat(robot.lookup("#statusOnline").queryLabeled().getText()).isEqualTo("Online");
        assertThat(new SetupTokens(store).read(profile.name())).contains(TOKEN);

        // a restart of the window with the same keychain: no question, the keys load
        robot.interact(() -> {
            shell.close();
            shell = open();
        });
        await(() -> shell.viewModel().session().onlineProperty().get()
                && listedNames(robot).size() == 8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
        assertThat(robot.lookup("#setupTokenDialog").tryQuery()).isEmpty();
        assertThat(shell.viewModel().editor().editedProperty().get().description()).isEqualTo(DRAFTED);
    }
}
