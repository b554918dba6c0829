package bifrostdesk.drafts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.app.MainViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drafts kept while moving between keys, reopened at start, and the offline copy of keys and lookups, in a composed
 * window model against the sandbox over HTTP.
 */
class DraftBookTest {
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainViewModel vm;

    private void start(Dialect dialect) {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect));
        vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), new DirectTaskRunner(),
                dialogs);
        vm.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private VirtualKey listed(String name) {
        return vm.list().items().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private void otherWriterSaves(String key, UnaryOperator<VirtualKey> change) throws Exception {
        BifrostClient other = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        other.detectDialect();
        VirtualKey server = other.getVirtualKey(sandbox.vkIdByName(key));
        for (var r : UpdateBuilder.planUpdate(change.apply(server), server, Dialect.LATER).requests()) {
            other.execute(r);
        }
    }

    @Test
    void movingToAnotherKeyKeepsTheEditsAsADraft() {
        start(Dialect.LATER);
        vm.keys().open(listed("support-bot"));
        vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "half-done");
        vm.keys().open(listed("mobile-app"));
        assertThat(vm.drafts().pendingProperty().get()).isEqualTo(1);
        assertThat(vm.editor().editedProperty().get().name()).isEqualTo("mobile-app");
        vm.keys().open(listed("support-bot"));
        assertThat(vm.editor().editedProperty().get().description()).isEqualTo("half-done");
        assertThat(vm.editor().dirtyProperty().get()).isTrue();
        assertThat(vm.drafts().pendingProperty().get()).isZero();
    }

    @Test
    void withoutTheServerTheAppWorksFromTheCacheAndQueuesSaves(@TempDir Path dir) throws Exception {
        // an online session fills the cache
        start(Dialect.LATER);
        Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
        try (var saver = new Autosaver(ws, e -> { }, d -> { })) {
            vm.attachWorkspace(ws, saver);
            vm.start();
        }
        assertThat(ws.cachedKeys().value()).hasSize(8);
        String url = sandbox.baseUrl();
        sandbox.close();

        // the next session starts with the server down
        MainViewModel offline = new MainViewModel(new BifrostClient(ServerEndpoint.of(url)), new DirectTaskRunner(),
                dialogs);
        try (var saver = new Autosaver(ws, e -> { }, d -> { })) {
            offline.attachWorkspace(ws, saver);
            offline.start();
            assertThat(offline.session().onlineProperty().get()).isFalse();
            assertThat(offline.session().connectionProperty().get()).startsWith("Offline since");
            assertThat(offline.list().items()).hasSize(8);
            assertThat(offline.list().messageProperty().get()).contains("cached copy from");
            assertThat(offline.session().lookupsProperty().get().providers()).isNotEmpty();
            offline.keys().open(offline.list().items().stream().filter(v -> v.name().equals("mobile-app")).findFirst()
                    .orElseThrow());
            offline.editor().setField(FieldKey.of("", Field.DESCRIPTION), "edited on the train");
            offline.editor().save();
            assertThat(offline.editor().queuedProperty().get()).isTrue();
            assertThat(offline.editor().statusProperty().get()).contains("queued");
        }
        var drafts = ws.loadDrafts();
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.queued()).isTrue();
            assertThat(d.edited().description()).isEqualTo("edited on the train");
        });
        sandbox = SandboxServer.start(SandboxOptions.defaults());
    }

    @Test
    void aReopenedDraftDoesNotPutItsOldBaseIntoTheList(@TempDir Path dir) throws Exception {
        start(Dialect.LATER);
        Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
        try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
            vm.attachWorkspace(ws, saver);
            vm.keys().open(listed("support-bot"));
            vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "draft");
        }
        otherWriterSaves("support-bot", vk -> vk.withActive(false));

        MainViewModel next = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())),
                new DirectTaskRunner(), dialogs);
        try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
            next.attachWorkspace(ws, saver);
            next.start();
            assertThat(next.editor().editedProperty().get().description()).isEqualTo("draft");
            assertThat(next.list().items().stream().filter(v -> v.name().equals("support-bot")).findFirst()
                    .orElseThrow().active()).isFalse();
        }
    }

    @Test
    void anUnreadableWorkspaceIsReportedAndTheWindowStillConnects(@TempDir Path dir) throws Exception {
        start(Dialect.LATER);
        // a torn draft file: reading the drafts fails
        java.nio.file.Files.createDirectories(dir.resolve("drafts"));
        java.nio.file.Files.writeString(dir.resolve("drafts").resolve("torn.json"), "{\"format\": 1, \"draft\": {");
        MainViewModel next = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())),
                new DirectTaskRunner(), dialogs);
        Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
        try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
            next.attachWorkspace(ws, saver);
            next.start();
        }
        assertThat(dialogs.notices).anySatisfy(n -> assertThat(n).startsWith("Drafts cannot be written to disk"));
        assertThat(next.session().onlineProperty().get()).isTrue();
        assertThat(next.list().items()).hasSize(8);
    }
}
