package bifrostdesk.connection.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.ui.DialogService.SetupToken;
import bifrostdesk.common.ui.DialogService.SignIn;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ReconnectTimer;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.GuardedCredentialStore;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.testing.TaskMarkingRunner;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Lookups;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection session on its own, without the FX thread, against the sandbox over HTTP. */
class ConnectionSessionTest {
    private static final String PASSWORD = "correct-horse-battery-staple";
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> events = new ArrayList<>();
    private final ManualTimer timer = new ManualTimer();

    /** A reconnect timer ticked by hand. */
    private static final class ManualTimer implements ReconnectTimer {
        Runnable tick;
        int starts;

        @Override
        public void start(Runnable t) {
            tick = t;
            starts++;
        }

        @Override
        public void stop() {
            tick = null;
        }
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private ConnectionSession session(String url, bifrostdesk.common.concurrent.TaskRunner runner) {
        ConnectionSession s = new ConnectionSession(new BifrostClient(ServerEndpoint.of(url)), runner, dialogs);
        s.useReconnectTimer(timer);
        s.setListener(new ConnectionSession.Listener() {
            @Override
            public void lookupsRead(Lookups.Snapshot lookups) {
                events.add("lookups " + lookups.providers().size());
            }

            @Override
            public void connected(boolean reopenDraft) {
                events.add("connected " + reopenDraft);
            }

            @Override
            public void wentOffline(boolean reopenDraft) {
                events.add("offline " + reopenDraft);
            }
        });
        return s;
    }

    @Test
    void onV2TheNamesForThePlanIncludeTheVirtualMcps() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2));
        ConnectionSession s = session(sandbox.baseUrl(), new DirectTaskRunner());
        s.connect(true);
        assertThat(s.lookupsProperty().get().virtualMcps()).isNotEmpty();
        s.lookupsProperty().get().virtualMcps().forEach(v -> assertThat(s.ownerNamesById())
                .containsEntry(bifrostdesk.virtualkey.api.UpdateBuilder.virtualMcpNameKey(v.id()), v.name()));
    }

    @Test
    void connectingReadsVersionDialectAndLookupsThenTellsTheWindow() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V1_5));
        ConnectionSession s = session(sandbox.baseUrl(), new DirectTaskRunner());
        s.connect(true);
        assertThat(s.isOnline()).isTrue();
        assertThat(s.connectionProperty().get()).isEqualTo("Online");
        assertThat(s.versionProperty().get()).isEqualTo("v1.5.0-prerelease7");
        assertThat(s.dialect()).isEqualTo(Dialect.V1_5);
        assertThat(s.dialectProperty().get()).isEqualTo(Dialect.V1_5.label());
        assertThat(s.lookupsProperty().get().providers()).extracting(p -> p.name())
                .contains("openai", "anthropic", "azure");
        assertThat(s.ownerNamesById()).containsValue("Platform");
        assertThat(events).hasSize(2).endsWith("connected true");
        assertThat(events.get(0)).startsWith("lookups ");
    }

    @Test
    void anUnreachableServerIsReportedAsOfflineAndRetriedUntilItIsBack() {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        String url = sandbox.baseUrl();
        int port = sandbox.port();
        sandbox.close();
        ConnectionSession s = session(url, new DirectTaskRunner());
        s.connect(false);
        assertThat(s.onlineProperty().get()).isFalse();
        assertThat(s.connectionProperty().get()).startsWith("Offline since");
        assertThat(s.offlineReasonProperty().get()).isNotBlank();
        assertThat(events).containsExactly("offline false");
        assertThat(timer.tick).as("the reconnect timer runs").isNotNull();

        timer.tick.run(); // still down
        assertThat(s.isOnline()).isFalse();
        assertThat(timer.starts).as("one timer, started again (idempotent)").isEqualTo(2);

        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        timer.tick.run();
        assertThat(s.isOnline()).isTrue();
        assertThat(timer.tick).as("stopped once online").isNull();
        assertThat(events).endsWith("connected false");
    }

    @Test
    void aSaveThatGotNoAnswerTakesTheWindowOffline() {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        ConnectionSession s = session(sandbox.baseUrl(), new DirectTaskRunner());
        s.connect(false);
        s.lostServer("The server did not answer a save.");
        assertThat(s.isOnline()).isFalse();
        assertThat(s.connectionProperty().get()).startsWith("Offline since");
        assertThat(s.offlineReasonProperty().get()).isEqualTo("The server did not answer a save.");
        assertThat(timer.tick).isNotNull();
        s.close();
        assertThat(timer.tick).as("closing the window stops the timer").isNull();
    }

    @Test
    void theRememberedPasswordIsWrittenToTheKeychainInsideTheTaskNotInItsCallback() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withBasicAuth("admin", PASSWORD));
        GuardedCredentialStore keychain = GuardedCredentialStore.insideTasksOnly();
        ConnectionSession s = session(sandbox.baseUrl(), new TaskMarkingRunner());
        s.attachProfile(Profile.create("acme", sandbox.baseUrl(), Profile.Colour.NONE, Profile.AuthMode.SESSION,
                "admin"), keychain);
        dialogs.signIns.add(new SignIn("admin", PASSWORD, true));
        s.connect(false);
        assertThat(s.isOnline()).isTrue();
        assertThat(keychain.calls).contains("write acme");
        assertThat(keychain.misuses).as("keychain calls outside a task").isEmpty();
        String[] stored = new String[1];
        new TaskMarkingRunner().run("read", p -> keychain.read("acme"), v -> stored[0] = v.orElse(null), e -> { });
        assertThat(stored[0]).isEqualTo(PASSWORD);
        assertThatThrownBy(() -> keychain.read("acme")).as("the guard is live outside a task")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aKeychainThatRefusesCostsTheSignInNothingAndIsTold() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withBasicAuth("admin", PASSWORD));
        GuardedCredentialStore keychain = GuardedCredentialStore.insideTasksOnly();
        keychain.refuseWrites = true;
        ConnectionSession s = session(sandbox.baseUrl(), new TaskMarkingRunner());
        s.attachProfile(Profile.create("acme", sandbox.baseUrl(), Profile.Colour.NONE, Profile.AuthMode.SESSION,
                "admin"), keychain);
        dialogs.signIns.add(new SignIn("admin", PASSWORD, true));
        s.connect(false);
        assertThat(s.isOnline()).isTrue();
        assertThat(dialogs.notices).singleElement().asString()
                .startsWith("Signed in, but the password was not stored: ").contains("refused");
        assertThat(dialogs.errors).isEmpty();
        assertThat(keychain.misuses).isEmpty();
    }

    @Test
    void theSetupTokenIsReadCheckedAndStoredInsideTasks() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2).withSetupToken("tok-1"));
        GuardedCredentialStore keychain = GuardedCredentialStore.insideTasksOnly();
        ConnectionSession s = session(sandbox.baseUrl(), new TaskMarkingRunner());
        s.attachProfile(Profile.create("locked", sandbox.baseUrl(), Profile.Colour.NONE, Profile.AuthMode.NONE,
                null), keychain);
        dialogs.setupTokens.add(new SetupToken("tok-1", true));
        s.connect(false);
        assertThat(s.isOnline()).isTrue();
        assertThat(keychain.calls).contains("read locked (setup token)", "write locked (setup token)");
        assertThat(keychain.misuses).as("keychain calls outside a task").isEmpty();

        // a second window reads the stored token in its lock check, again inside a task
        ConnectionSession again = session(sandbox.baseUrl(), new TaskMarkingRunner());
        again.attachProfile(Profile.create("locked", sandbox.baseUrl(), Profile.Colour.NONE, Profile.AuthMode.NONE,
                null), keychain);
        again.connect(false);
        assertThat(again.isOnline()).isTrue();
        assertThat(dialogs.setupTokenReasons).hasSize(1);
        assertThat(keychain.misuses).isEmpty();
        assertThat(new SetupTokens(keychain).persistent()).isFalse();
    }
}
