package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The composed window model without the FX thread, against the sandbox over HTTP: starting connects the session
 * and loads the key list. Each part has its own test (ConnectionSessionTest, DraftBookTest, SyncViewModelTest,
 * KeyCommandsTest, VirtualKeyListViewModelTest).
 */
class MainViewModelTest {
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void startReadsVersionDialectLookupsAndTheFirstPage() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V1_5));
        MainViewModel vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())),
                new DirectTaskRunner(), dialogs);
        vm.start();
        assertThat(vm.session().onlineProperty().get()).isTrue();
        assertThat(vm.session().versionProperty().get()).isEqualTo("v1.5.0-prerelease7");
        assertThat(vm.session().dialect()).isEqualTo(Dialect.V1_5);
        assertThat(vm.session().lookupsProperty().get().providers()).extracting(p -> p.name())
                .contains("openai", "anthropic", "azure");
        assertThat(vm.list().items()).hasSize(8);
        assertThat(vm.list().totalProperty().get()).isEqualTo(8);
    }
}
