package bifrostdesk.drafts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.app.MainViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.drafts.merge.Choice;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncing drafts queued while offline, in a composed window model against the sandbox over HTTP: merges, per-field
 * choices, auto-sync on reconnect, a key deleted meanwhile; and the journal's export.
 */
class SyncViewModelTest {
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainViewModel vm;
    private Autosaver autosaver;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private VirtualKey listed(String name) {
        return vm.list().items().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    /** Opens a key online, loses the server, saves (queued), and returns the port to restart the server on. */
    private int queueAnOfflineEdit(String key, String description) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.LATER));
        vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), new DirectTaskRunner(),
                dialogs);
        vm.start();
        Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
        autosaver = new Autosaver(ws, e -> { }, d -> { });
        vm.attachWorkspace(ws, autosaver);
        vm.keys().open(listed(key));
        int port = sandbox.port();
        sandbox.close();
        vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), description);
        vm.editor().save();
        assertThat(vm.editor().queuedProperty().get()).isTrue();
        assertThat(vm.session().onlineProperty().get()).isFalse();
        assertThat(vm.session().connectionProperty().get()).startsWith("Offline since");
        return port;
    }

    private BifrostClient otherWriter() throws Exception {
        BifrostClient other = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        other.detectDialect();
        return other;
    }

    private void otherWriterSaves(String key, UnaryOperator<VirtualKey> change) throws Exception {
        BifrostClient other = otherWriter();
        VirtualKey server = other.getVirtualKey(sandbox.vkIdByName(key));
        for (var r : UpdateBuilder.planUpdate(change.apply(server), server, Dialect.LATER).requests()) {
            other.execute(r);
        }
    }

    @Test
    void syncMergesAColleaguesChangeThatTouchesOtherFields() throws Exception {
        int port = queueAnOfflineEdit("mobile-app", "mine, from the train");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriterSaves("mobile-app", vk -> vk.withProviderConfigs(List.of(
                vk.providerConfigs().get(0).withWeight(0.25), vk.providerConfigs().get(1))));

        vm.session().tryReconnect();
        assertThat(vm.session().onlineProperty().get()).isTrue();
        vm.sync().sync();

        assertThat(dialogs.mergesShown).isEmpty();
        assertThat(dialogs.plansShown).last().satisfies(p ->
                assertThat(p.changes()).anySatisfy(c -> assertThat(c).contains("description")));
        var stored = sandbox.vkJson(sandbox.vkIdByName("mobile-app"));
        assertThat(stored.get("description").asText()).isEqualTo("mine, from the train");
        assertThat(stored.at("/provider_configs/0/weight").asDouble()).isEqualTo(0.25);
        assertThat(vm.editor().dirtyProperty().get()).isFalse();
        assertThat(vm.sync().queuedDrafts()).isEmpty();
        assertThat(new Journal(dir.resolve("journal.jsonl"), "").entries())
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("sync (merged)"));
        assertThat(dialogs.notices).contains("Sync finished: 1 saved, 0 still queued.");
        assertThat(vm.sync().syncingProperty().get()).isFalse();
    }

    @Test
    void syncAsksPerFieldWhenBothSidesChangedTheSameOne() throws Exception {
        int port = queueAnOfflineEdit("mobile-app", "mine");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriterSaves("mobile-app", vk -> vk.withDescription("theirs").withActive(false));

        vm.session().tryReconnect();
        dialogs.mergeChoice = null; // first: cancel the merge — nothing is sent, the draft stays queued
        vm.sync().sync();
        assertThat(dialogs.mergesShown).singleElement().satisfies(cs -> assertThat(cs).singleElement()
                .satisfies(c -> {
                    assertThat(c.mine()).contains("mine");
                    assertThat(c.theirs()).contains("theirs");
                }));
        assertThat(sandbox.vkJson(sandbox.vkIdByName("mobile-app")).get("description").asText()).isEqualTo("theirs");
        assertThat(vm.sync().queuedDrafts()).hasSize(1);
        assertThat(dialogs.notices).contains("Sync finished: 0 saved, 1 still queued.");

        dialogs.mergeChoice = Choice.MINE;
        vm.sync().sync();
        var stored = sandbox.vkJson(sandbox.vkIdByName("mobile-app"));
        assertThat(stored.get("description").asText()).isEqualTo("mine");
        assertThat(stored.get("is_active").asBoolean()).isFalse(); // their other change is kept
        assertThat(vm.sync().queuedDrafts()).isEmpty();
    }

    @Test
    void withAutoSyncTheReconnectStartsSyncButStillAsksForThePlan() throws Exception {
        int port = queueAnOfflineEdit("mobile-app", "sent on reconnect");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        vm.sync().autoSyncProperty().set(true);
        dialogs.confirmPlans = false;
        vm.session().tryReconnect();
        assertThat(dialogs.plansShown).as(dialogs.notices + " " + vm.session().connectionProperty().get())
                .isNotEmpty();
        assertThat(sandbox.vkJson(sandbox.vkIdByName("mobile-app")).get("description").asText())
                .isNotEqualTo("sent on reconnect");
        dialogs.confirmPlans = true;
        vm.sync().sync();
        assertThat(sandbox.vkJson(sandbox.vkIdByName("mobile-app")).get("description").asText())
                .isEqualTo("sent on reconnect");
    }

    @Test
    void withoutAutoSyncTheReconnectSaysHowManyDraftsWait() throws Exception {
        int port = queueAnOfflineEdit("mobile-app", "waits for Sync");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        vm.session().tryReconnect();
        assertThat(dialogs.notices).contains("Back online: 1 queued draft — press Sync to send it.");
        assertThat(dialogs.plansShown).isEmpty();
    }

    @Test
    void keepingTheServersValueInAMergeShowsTheServersCopyAndEndsTheDraft() throws Exception {
        int port = queueAnOfflineEdit("mobile-app", "mine");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriterSaves("mobile-app", vk -> vk.withDescription("theirs"));
        vm.session().tryReconnect();
        dialogs.mergeChoice = Choice.THEIRS;
        vm.sync().sync();
        assertThat(vm.editor().editedProperty().get().description()).isEqualTo("theirs");
        assertThat(vm.editor().dirtyProperty().get()).isFalse();
        assertThat(vm.sync().queuedDrafts()).isEmpty();
        // no draft stays on disk: the autosaver's own thread runs what it has queued (writes, then the removal)
        autosaver.flush();
        autosaver.flush();
        assertThat(new Workspace(dir, "", false).loadDrafts()).isEmpty();
    }

    @Test
    void aKeyDeletedOnTheServerKeepsItsDraftOrIsCreatedAgain() throws Exception {
        int port = queueAnOfflineEdit("support-bot", "still needed");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriter().deleteVirtualKey(sandbox.vkIdByName("support-bot"));
        vm.session().tryReconnect();

        dialogs.deletedChoice = DialogService.DeletedChoice.KEEP;
        vm.sync().sync();
        assertThat(vm.sync().queuedDrafts()).hasSize(1);

        dialogs.deletedChoice = DialogService.DeletedChoice.RECREATE;
        vm.sync().sync();
        var stored = sandbox.vkJson(sandbox.vkIdByName("support-bot"));
        assertThat(stored.get("description").asText()).isEqualTo("still needed");
    }

    @Test
    void nothingQueuedOrStillOfflineSendsNothing() throws Exception {
        int port = queueAnOfflineEdit("mobile-app", "not yet");
        vm.sync().sync();
        assertThat(dialogs.notices).contains("Still offline: 1 draft(s) stay queued.");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        vm.editor().open(vm.editor().baseProperty().get());
        vm.sync().sync();
        assertThat(dialogs.notices).contains("Nothing to sync: no queued drafts.");
        assertThat(dialogs.plansShown).isEmpty();
    }

    @Test
    void theJournalIsReadNewestFirstAndExportedWhereTheUserChose() throws Exception {
        int port = queueAnOfflineEdit("mobile-app", "journaled");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        vm.session().tryReconnect();
        vm.sync().sync();

        JournalViewModel[] shown = new JournalViewModel[1];
        vm.sync().readJournal(j -> shown[0] = j);
        assertThat(shown[0].entries()).first().satisfies(e -> assertThat(e.action()).startsWith("sync"));
        assertThat(shown[0].server()).isEqualTo(sandbox.baseUrl());
        assertThat(shown[0].canExport()).isTrue();

        Path target = dir.resolve("exported.jsonl");
        dialogs.files.add(target);
        shown[0].export();
        assertThat(Files.readString(target)).isEqualTo(Files.readString(dir.resolve("journal.jsonl")));
        assertThat(dialogs.fileChoosers).containsExactly("Export the journal | bifrost-desk-journal.jsonl");

        // a target that cannot be written is said in the window
        dialogs.files.add(dir.resolve("no-such-folder").resolve("x.jsonl"));
        shown[0].export();
        assertThat(shown[0].exportProblemProperty().get()).startsWith("Could not export: ");
    }
}
