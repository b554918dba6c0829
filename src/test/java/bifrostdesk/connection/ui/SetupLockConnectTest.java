package bifrostdesk.connection.ui;

import bifrostdesk.app.MainViewModel;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.ui.DialogService.SetupToken;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ClientOptions;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting to a gateway with the v2.2.6 setup lock (REFERENCE-v2.md §11.2.1, §11.14 step 1), without the FX
 * thread: asked once, asked again after a wrong token without losing a draft, the token reused at the next start,
 * a server without a token, a cancelled question, and "newer than tested".
 */
class SetupLockConnectTest {
    private static final String TOKEN = "the-operators-setup-token";

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private final MemoryCredentialStore store = new MemoryCredentialStore("test");
    private ScriptedDialogs dialogs = new ScriptedDialogs();

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void startSandbox(SandboxOptions o) {
        sandbox = SandboxServer.start(o.withDialect(Dialect.V2));
    }

    private MainViewModel vm(ClientOptions options) {
        MainViewModel vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()), options),
                new DirectTaskRunner(), dialogs);
        vm.attachProfile(Profile.create("locked-gw", sandbox.baseUrl(), Profile.Colour.NONE, Profile.AuthMode.NONE,
                null), store);
        return vm;
    }

    @Test
    void askedOnceThenAgainAfterAWrongTokenAndTheDraftSurvives() throws Exception {
        startSandbox(SandboxOptions.defaults().withSetupToken(TOKEN));
        Workspace ws = new Workspace(dir.resolve("ws"), sandbox.baseUrl(), false);
        String id = sandbox.vkIdByName("checkout-service");
        VirtualKey base = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()),
                ClientOptions.defaults().withSetupToken(TOKEN)).getVirtualKey(id);
        ws.saveDraft(new Draft(id, base, base.withDescription("edited before the lock"), Map.of(), false,
                Instant.now()));

        MainViewModel vm = vm(ClientOptions.defaults());
        try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
            vm.attachWorkspace(ws, saver);
            dialogs.setupTokens.add(new SetupToken("wrong-token", true));
            dialogs.setupTokens.add(new SetupToken(TOKEN, true));
            vm.start();

            assertThat(dialogs.setupTokenReasons).hasSize(2);
            assertThat(dialogs.setupTokenReasons.get(0)).contains("locked until it is set up");
            assertThat(dialogs.setupTokenReasons.get(1)).contains("did not accept that setup token");
            assertThat(dialogs.signInReasons).as("not a sign-in").isEmpty();
            assertThat(vm.session().onlineProperty().get()).isTrue();
            assertThat(vm.list().items()).hasSize(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
            assertThat(vm.session().dialect()).isEqualTo(Dialect.V2);
            assertThat(vm.session().featuresProperty().get().setupLock()).isTrue();
            // the draft made before connecting is back in the editor, unchanged
            assertThat(vm.editor().editedProperty().get().description()).isEqualTo("edited before the lock");
            assertThat(new SetupTokens(store).read("locked-gw")).contains(TOKEN);
            assertThat(store.read("locked-gw")).as("the password entry is not used").isEmpty();
        }

        // the next start reuses the stored token without asking
        dialogs = new ScriptedDialogs();
        MainViewModel again = vm(ClientOptions.defaults());
        again.start();
        assertThat(dialogs.setupTokenReasons).isEmpty();
        assertThat(again.session().onlineProperty().get()).isTrue();
        assertThat(again.list().items()).hasSize(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
    }

    @Test
    void aStoredTokenTheServerNoLongerAcceptsIsForgottenAndAskedFor() {
        startSandbox(SandboxOptions.defaults().withSetupToken(TOKEN));
        new SetupTokens(store).write("locked-gw", "last-months-token");
        MainViewModel vm = vm(ClientOptions.defaults());
        dialogs.setupTokens.add(new SetupToken(TOKEN, false));
        vm.start();
        assertThat(dialogs.setupTokenReasons).singleElement().asString().contains("stored setup token was not accepted");
        assertThat(vm.session().onlineProperty().get()).isTrue();
        assertThat(new SetupTokens(store).read("locked-gw")).as("not remembered, old one gone").isEmpty();
    }

    @Test
    void aTokenFromTheOptionsIsCheckedAndNeedsNoQuestion() {
        startSandbox(SandboxOptions.defaults().withSetupToken(TOKEN));
        MainViewModel vm = vm(ClientOptions.defaults().withSetupToken(TOKEN));
        vm.start();
        assertThat(dialogs.setupTokenReasons).isEmpty();
        assertThat(vm.list().items()).hasSize(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
    }

    @Test
    void aServerWithoutATokenLeavesTheAppOfflineWithAPlainSentenceOnce() {
        startSandbox(SandboxOptions.defaults().withSetupLockWithoutToken());
        MainViewModel vm = vm(ClientOptions.defaults());
        vm.start();
        assertThat(dialogs.setupTokenReasons).as("nothing to ask for").isEmpty();
        assertThat(vm.session().onlineProperty().get()).isFalse();
        assertThat(vm.session().connectionProperty().get()).startsWith("Offline").contains("no setup token");
        assertThat(vm.session().offlineReasonProperty().get()).contains("restart Bifrost", "BIFROST_SETUP_TOKEN");
        assertThat(dialogs.errors).singleElement().asString().contains("restart Bifrost");
        vm.session().tryReconnect();
        assertThat(dialogs.errors).as("the background retry does not repeat the dialog").hasSize(1);
        assertThat(vm.session().onlineProperty().get()).isFalse();
    }

    @Test
    void cancellingStopsQuietlyAndOnlyRefreshAsksAgain() {
        startSandbox(SandboxOptions.defaults().withSetupToken(TOKEN));
        MainViewModel vm = vm(ClientOptions.defaults());
        vm.start();
        assertThat(dialogs.setupTokenReasons).hasSize(1);
        assertThat(vm.session().onlineProperty().get()).isFalse();
        assertThat(vm.session().connectionProperty().get()).contains("Setup token needed");
        assertThat(dialogs.errors).isEmpty();
        vm.session().tryReconnect();
        assertThat(dialogs.setupTokenReasons).as("no question from a background retry").hasSize(1);
        dialogs.setupTokens.add(new SetupToken(TOKEN, false));
        vm.start();
        assertThat(dialogs.setupTokenReasons).hasSize(2);
        assertThat(vm.session().onlineProperty().get()).isTrue();
        assertThat(new SetupTokens(store).read("locked-gw")).as("not remembered").isEmpty();
    }

    @Test
    void anUnlockedV2AndTheSandboxNeverAsk() {
        startSandbox(SandboxOptions.defaults());
        MainViewModel vm = vm(ClientOptions.defaults());
        vm.start();
        assertThat(dialogs.setupTokenReasons).isEmpty();
        assertThat(vm.session().onlineProperty().get()).isTrue();
        assertThat(vm.session().featuresProperty().get().setupLock()).isFalse();
        assertThat(vm.session().featuresProperty().get().describe()).isEqualTo("Bifrost v2.2.6");
    }

    @Test
    void neitherTheRightNorAWrongTokenEverReachesTheLogOrAFile() throws Exception {
        bifrostdesk.common.logging.AppLog.install(dir.resolve("logs"));
        startSandbox(SandboxOptions.defaults().withSetupToken(TOKEN));
        Workspace ws = new Workspace(dir.resolve("ws"), sandbox.baseUrl(), false);
        MainViewModel vm = vm(ClientOptions.defaults());
        try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
            vm.attachWorkspace(ws, saver);
            dialogs.setupTokens.add(new SetupToken("typo-in-the-setup-token", true));
            dialogs.setupTokens.add(new SetupToken(TOKEN, true));
            vm.start();
            VirtualKey vk = vm.list().items().stream().filter(v -> v.name().equals("mobile-app")).findFirst()
                    .orElseThrow();
            vm.keys().open(vk);
            vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "saved through the lock");
            vm.editor().save();
            assertThat(sandbox.vkJson(vk.id()).get("description").asText()).isEqualTo("saved through the lock");
        }
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.flush();
        }
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).filter(f -> !f.toString().endsWith(".lck"))
                    .toList();
        }
        String log = java.nio.file.Files.readString(dir.resolve("logs").resolve("bifrost-desk.0.log"));
        assertThat(log).contains("Setup token accepted by", "setup lock");
        for (Path f : files) {
            assertThat(java.nio.file.Files.readString(f)).as("%s", dir.relativize(f))
                    .doesNotContain(TOKEN, "typo-in-the-setup-token");
        }
    }

    @Test
    void aV230ServerIsShownAsNewerThanTested() {
        startSandbox(SandboxOptions.defaults().withVersion("v2.3.0").withSetupToken(TOKEN));
        MainViewModel vm = vm(ClientOptions.defaults().withSetupToken(TOKEN));
        vm.start();
        assertThat(vm.session().dialect()).isEqualTo(Dialect.V2);
        assertThat(vm.session().dialectProperty().get()).isEqualTo("v2.x");
        assertThat(vm.session().featuresProperty().get().describe()).isEqualTo("Bifrost v2.3.0 (newer than tested)");
        assertThat(vm.session().featuresProperty().get().notes()).contains("newer than v2.2.6", "setup lock is on");
    }
}
