package bifrostdesk.virtualkey.list;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The key list's filters and search, against the sandbox over HTTP. */
class VirtualKeyListViewModelTest {
    private SandboxServer sandbox;
    private VirtualKeyListViewModel list;

    private void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.LATER));
        BifrostClient client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        client.detectDialect();
        list = new VirtualKeyListViewModel(client, new DirectTaskRunner(), new ScriptedDialogs());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void statusAndBudgetFiltersWorkAcrossEveryPage() throws Exception {
        start();
        list.statusProperty().set(VirtualKeyListViewModel.StatusFilter.INACTIVE);
        list.reload();
        assertThat(list.items()).extracting(VirtualKey::name).containsExactly("legacy-integration");
        list.statusProperty().set(VirtualKeyListViewModel.StatusFilter.ALL);
        list.budgetProperty().set(VirtualKeyListViewModel.BudgetFilter.EXHAUSTED);
        list.reload();
        assertThat(list.items()).extracting(VirtualKey::name)
                .containsExactlyInAnyOrder("research-sandbox", "support-bot");
    }

    @Test
    void searchUsesTheServer() throws Exception {
        start();
        list.searchProperty().set("BOT");
        list.reload();
        assertThat(list.items()).extracting(VirtualKey::name).containsExactly("support-bot");
    }
}
