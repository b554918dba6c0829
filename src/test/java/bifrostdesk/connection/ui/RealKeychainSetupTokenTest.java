package bifrostdesk.connection.ui;

import bifrostdesk.app.MainViewModel;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.ui.DialogService.SetupToken;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.KeychainCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The setup token in the real OS keychain survives a restart (a new keychain connection, a new view-model). Needs
 * a Secret Service, so it is tagged {@code real-keychain}: {@code .ci/run} starts one (a private D-Bus session with
 * an unlocked gnome-keyring) and runs it; plain {@code mvn test} leaves it out (pom.xml, {@code test.excludedGroups}).
 */
@Tag("real-keychain")
class RealKeychainSetupTokenTest {
    private static final String TOKEN = "real-keychain-setup-token";

    private static MainViewModel connect(SandboxServer s, CredentialStore store, ScriptedDialogs dialogs,
                                         String profile) {
        MainViewModel vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(s.baseUrl())), new DirectTaskRunner(),
                dialogs);
        vm.attachProfile(Profile.create(profile, s.baseUrl(), Profile.Colour.NONE, Profile.AuthMode.SETUP_TOKEN, null),
                store);
        vm.start();
        return vm;
    }

    @Test
    void theTokenIsKeptInTheKeychainAndReusedAfterARestart() {
        CredentialStore first = KeychainCredentialStore.open();
        assertThat(first.persistent()).as(first.describe()).isTrue();
        String profile = "bifrost-desk-test-" + System.nanoTime();
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2)
                .withSetupToken(TOKEN))) {
            ScriptedDialogs asked = new ScriptedDialogs();
            asked.setupTokens.add(new SetupToken(TOKEN, true));
            assertThat(connect(s, first, asked, profile).session().onlineProperty().get()).isTrue();
            assertThat(asked.setupTokenReasons).hasSize(1);

            // "restart": a fresh keychain connection and a fresh window model
            CredentialStore second = KeychainCredentialStore.open();
            assertThat(new SetupTokens(second).read(profile)).contains(TOKEN);
            ScriptedDialogs notAsked = new ScriptedDialogs();
            MainViewModel vm = connect(s, second, notAsked, profile);
            assertThat(notAsked.setupTokenReasons).isEmpty();
            assertThat(vm.list().items()).hasSize(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
        } finally {
            new SetupTokens(first).delete(profile);
        }
        assertThat(new SetupTokens(KeychainCredentialStore.open()).read(profile)).isEmpty();
    }
}
