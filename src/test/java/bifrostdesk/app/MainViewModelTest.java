package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The main view-model without the FX thread, against the sandbox over HTTP. */
class MainViewModelTest {
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainViewModel vm;

    private void start(Dialect dialect) {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect));
        vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), new DirectTaskRunner(), dialogs);
        vm.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private VirtualKey listed(String name) {
        return vm.list().items().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void startReadsVersionDialectLookupsAndTheFirstPage() {
        start(Dialect.V1_5);
        assertThat(vm.onlineProperty().get()).isTrue();
        assertThat(vm.versionProperty().get()).isEqualTo("v1.5.0-prerelease7");
        assertThat(vm.dialect()).isEqualTo(Dialect.V1_5);
        assertThat(vm.lookupsProperty().get().providers()).extracting(p -> p.name())
                .contains("openai", "anthropic", "azure");
        assertThat(vm.list().items()).hasSize(8);
        assertThat(vm.list().totalProperty().get()).isEqualTo(8);
    }

    @Test
    void anUnreachableServerIsReportedAsOffline() {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
        String url = sandbox.baseUrl();
        sandbox.close();
        vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(url)), new DirectTaskRunner(), dialogs);
        vm.start();
        assertThat(vm.onlineProperty().get()).isFalse();
        assertThat(vm.connectionProperty().get()).startsWith("Offline since");
        assertThat(vm.offlineReasonProperty().get()).isNotBlank();
        sandbox = SandboxServer.start(SandboxOptions.defaults());
    }

    @Test
    void deactivatingFromTheListKeepsEverythingElseEvenOnV15() {
        start(Dialect.V1_5);
        vm.setActive(listed("checkout-service"), false);
        var stored = sandbox.vkJson(sandbox.vkIdByName("checkout-service"));
        assertThat(stored.get("is_active").asBoolean()).isFalse();
        assertThat(stored.get("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
        assertThat(stored.get("provider_configs")).hasSize(2);
        assertThat(stored.at("/provider_configs/0/keys/0/key_id").asText()).isEqualTo(SeedData.keyId("openai-prod"));
        assertThat(listed("checkout-service").active()).isFalse();
    }

    @Test
    void createShowsTheValueOnceAndOpensTheKey() {
        start(Dialect.LATER);
        dialogs.textAnswers.add("new-service");
        vm.createKey();
        String id = sandbox.vkIdByName("new-service");
        assertThat(id).isNotNull();
        assertThat(dialogs.secretsShown).singleElement().asString().startsWith("sk-bf-");
        assertThat(vm.editor().editedProperty().get().name()).isEqualTo("new-service");
        assertThat(vm.list().items()).anyMatch(v -> v.name().equals("new-service"));
    }

    @Test
    void rotatingGivesANewValueOnceAndKeepsTheConfiguration() {
        start(Dialect.LATER);
        VirtualKey before = listed("checkout-service");
        var storedBefore = sandbox.vkJson(before.id());
        dialogs.textAnswers.add("checkout-service");
        vm.rotateKey(before);
        var after = sandbox.vkJson(before.id());
        assertThat(after.get("value").asText()).startsWith("sk-bf-").isNotEqualTo(before.value());
        assertThat(dialogs.secretsShown).containsExactly(after.get("value").asText());
        assertThat(after.get("provider_configs")).isEqualTo(storedBefore.get("provider_configs"));
        assertThat(after.get("team_id")).isEqualTo(storedBefore.get("team_id"));
    }

    @Test
    void rotatingIsRefusedOnServersWithoutIt() {
        start(Dialect.V1_5);
        dialogs.textAnswers.add("checkout-service");
        vm.rotateKey(listed("checkout-service"));
        assertThat(dialogs.errors).singleElement().asString().contains("v1.5.2");
        assertThat(dialogs.secretsShown).isEmpty();
    }

    @Test
    void deleteNeedsTheExactName() {
        start(Dialect.LATER);
        dialogs.textAnswers.add("support");
        vm.deleteKey(listed("support-bot"));
        assertThat(sandbox.vkIdByName("support-bot")).isNotNull();
        assertThat(dialogs.errors).singleElement().asString().contains("nothing was deleted");

        dialogs.textAnswers.add("support-bot");
        vm.deleteKey(listed("support-bot"));
        assertThat(sandbox.vkIdByName("support-bot")).isNull();
        assertThat(vm.list().items()).noneMatch(v -> v.name().equals("support-bot"));
    }

    @Test
    void movingToAnotherKeyKeepsTheEditsAsADraft() {
        start(Dialect.LATER);
        vm.open(listed("support-bot"));
        vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "half-done");
        vm.open(listed("mobile-app"));
        assertThat(vm.pendingDraftsProperty().get()).isEqualTo(1);
        assertThat(vm.editor().editedProperty().get().name()).isEqualTo("mobile-app");
        vm.open(listed("support-bot"));
        assertThat(vm.editor().editedProperty().get().description()).isEqualTo("half-done");
        assertThat(vm.editor().dirtyProperty().get()).isTrue();
        assertThat(vm.pendingDraftsProperty().get()).isZero();
    }

    @Test
    void statusAndBudgetFiltersWorkAcrossEveryPage() {
        start(Dialect.LATER);
        vm.list().statusProperty().set(VirtualKeyListViewModel.StatusFilter.INACTIVE);
        vm.list().reload();
        assertThat(vm.list().items()).extracting(VirtualKey::name).containsExactly("legacy-integration");
        vm.list().statusProperty().set(VirtualKeyListViewModel.StatusFilter.ALL);
        vm.list().budgetProperty().set(VirtualKeyListViewModel.BudgetFilter.EXHAUSTED);
        vm.list().reload();
        assertThat(vm.list().items()).extracting(VirtualKey::name)
                .containsExactlyInAnyOrder("research-sandbox", "support-bot");
    }

    @Test
    void withoutTheServerTheAppWorksFromTheCacheAndQueuesSaves(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // an online session fills the cache
        start(Dialect.LATER);
        bifrostdesk.drafts.Workspace ws = new bifrostdesk.drafts.Workspace(dir, sandbox.baseUrl(), false);
        try (var saver = new bifrostdesk.drafts.Autosaver(ws, e -> { }, d -> { })) {
            vm.attachWorkspace(ws, saver);
            vm.start();
        }
        assertThat(ws.cachedKeys().value()).hasSize(8);
        String url = sandbox.baseUrl();
        sandbox.close();

        // the next session starts with the server down
        MainViewModel offline = new MainViewModel(new BifrostClient(ServerEndpoint.of(url)), new DirectTaskRunner(),
                dialogs);
        try (var saver = new bifrostdesk.drafts.Autosaver(ws, e -> { }, d -> { })) {
            offline.attachWorkspace(ws, saver);
            offline.start();
            assertThat(offline.onlineProperty().get()).isFalse();
            assertThat(offline.connectionProperty().get()).startsWith("Offline since");
            assertThat(offline.list().items()).hasSize(8);
            assertThat(offline.list().messageProperty().get()).contains("cached copy from");
            assertThat(offline.lookupsProperty().get().providers()).isNotEmpty();
            offline.open(offline.list().items().stream().filter(v -> v.name().equals("mobile-app")).findFirst().orElseThrow());
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

    /** Opens a key online, loses the server, saves (queued), and returns the port to restart the server on. */
    private int queueAnOfflineEdit(java.nio.file.Path dir, String key, String description) throws Exception {
        start(Dialect.LATER);
        bifrostdesk.drafts.Workspace ws = new bifrostdesk.drafts.Workspace(dir, sandbox.baseUrl(), false);
        vm.attachWorkspace(ws, new bifrostdesk.drafts.Autosaver(ws, e -> { }, d -> { }));
        vm.open(listed(key));
        int port = sandbox.port();
        sandbox.close();
        vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), description);
        vm.editor().save();
        assertThat(vm.editor().queuedProperty().get()).isTrue();
        assertThat(vm.onlineProperty().get()).isFalse();
        assertThat(vm.connectionProperty().get()).startsWith("Offline since");
        return port;
    }

    private BifrostClient otherWriter() throws Exception {
        BifrostClient other = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        other.detectDialect();
        return other;
    }

    private void otherWriterSaves(String key, java.util.function.UnaryOperator<VirtualKey> change) throws Exception {
        BifrostClient other = otherWriter();
        VirtualKey server = other.getVirtualKey(sandbox.vkIdByName(key));
        for (var r : bifrostdesk.virtualkey.api.UpdateBuilder.planUpdate(change.apply(server), server, Dialect.LATER)
                .requests()) {
            other.execute(r);
        }
    }

    @Test
    void syncMergesAColleaguesChangeThatTouchesOtherFields(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        int port = queueAnOfflineEdit(dir, "mobile-app", "mine, from the train");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriterSaves("mobile-app", vk -> vk.withProviderConfigs(java.util.List.of(
                vk.providerConfigs().get(0).withWeight(0.25), vk.providerConfigs().get(1))));

        vm.tryReconnect();
        assertThat(vm.onlineProperty().get()).isTrue();
        vm.sync();

        assertThat(dialogs.mergesShown).isEmpty();
        assertThat(dialogs.plansShown).last().satisfies(p ->
                assertThat(p.changes()).anySatisfy(c -> assertThat(c).contains("description")));
        var stored = sandbox.vkJson(sandbox.vkIdByName("mobile-app"));
        assertThat(stored.get("description").asText()).isEqualTo("mine, from the train");
        assertThat(stored.at("/provider_configs/0/weight").asDouble()).isEqualTo(0.25);
        assertThat(vm.editor().dirtyProperty().get()).isFalse();
        assertThat(vm.queuedDrafts()).isEmpty();
        assertThat(new bifrostdesk.drafts.Journal(dir.resolve("journal.jsonl"), "").entries())
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("sync (merged)"));
    }

    @Test
    void syncAsksPerFieldWhenBothSidesChangedTheSameOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        int port = queueAnOfflineEdit(dir, "mobile-app", "mine");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriterSaves("mobile-app", vk -> vk.withDescription("theirs").withActive(false));

        vm.tryReconnect();
        dialogs.mergeChoice = null; // first: cancel the merge — nothing is sent, the draft stays queued
        vm.sync();
        assertThat(dialogs.mergesShown).singleElement().satisfies(cs -> assertThat(cs).singleElement()
                .satisfies(c -> {
                    assertThat(c.mine()).contains("mine");
                    assertThat(c.theirs()).contains("theirs");
                }));
        assertThat(sandbox.vkJson(sandbox.vkIdByName("mobile-app")).get("description").asText()).isEqualTo("theirs");
        assertThat(vm.queuedDrafts()).hasSize(1);

        dialogs.mergeChoice = bifrostdesk.drafts.merge.Choice.MINE;
        vm.sync();
        var stored = sandbox.vkJson(sandbox.vkIdByName("mobile-app"));
        assertThat(stored.get("description").asText()).isEqualTo("mine");
        assertThat(stored.get("is_active").asBoolean()).isFalse(); // their other change is kept
        assertThat(vm.queuedDrafts()).isEmpty();
    }

    @Test
    void withAutoSyncTheReconnectStartsSyncButStillAsksForThePlan(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        int port = queueAnOfflineEdit(dir, "mobile-app", "sent on reconnect");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        vm.autoSyncProperty().set(true);
        dialogs.confirmPlans = false;
        vm.tryReconnect();
        assertThat(dialogs.plansShown).as(dialogs.notices + " " + vm.connectionProperty().get()).isNotEmpty();
        assertThat(sandbox.vkJson(sandbox.vkIdByName("mobile-app")).get("description").asText())
                .isNotEqualTo("sent on reconnect");
        dialogs.confirmPlans = true;
        vm.sync();
        assertThat(sandbox.vkJson(sandbox.vkIdByName("mobile-app")).get("description").asText())
                .isEqualTo("sent on reconnect");
    }

    @Test
    void keepingTheServersValueInAMergeShowsTheServersCopyAndEndsTheDraft(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int port = queueAnOfflineEdit(dir, "mobile-app", "mine");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriterSaves("mobile-app", vk -> vk.withDescription("theirs"));
        vm.tryReconnect();
        dialogs.mergeChoice = bifrostdesk.drafts.merge.Choice.THEIRS;
        vm.sync();
        assertThat(vm.editor().editedProperty().get().description()).isEqualTo("theirs");
        assertThat(vm.editor().dirtyProperty().get()).isFalse();
        assertThat(vm.queuedDrafts()).isEmpty();
        // no draft stays on disk (written and removed on the autosaver's own thread)
        bifrostdesk.drafts.Workspace ws = new bifrostdesk.drafts.Workspace(dir, "", false);
        for (int i = 0; i < 100 && !ws.loadDrafts().isEmpty(); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(Autosaver.DELAY_MS * 2);
        assertThat(ws.loadDrafts()).isEmpty();
    }

    @Test
    void aReopenedDraftDoesNotPutItsOldBaseIntoTheList(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        start(Dialect.LATER);
        bifrostdesk.drafts.Workspace ws = new bifrostdesk.drafts.Workspace(dir, sandbox.baseUrl(), false);
        try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
            vm.attachWorkspace(ws, saver);
            vm.open(listed("support-bot"));
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
    void aKeyDeletedOnTheServerKeepsItsDraftOrIsCreatedAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        int port = queueAnOfflineEdit(dir, "support-bot", "still needed");
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        otherWriter().deleteVirtualKey(sandbox.vkIdByName("support-bot"));
        vm.tryReconnect();

        dialogs.deletedChoice = bifrostdesk.common.ui.DialogService.DeletedChoice.KEEP;
        vm.sync();
        assertThat(vm.queuedDrafts()).hasSize(1);

        dialogs.deletedChoice = bifrostdesk.common.ui.DialogService.DeletedChoice.RECREATE;
        vm.sync();
        var stored = sandbox.vkJson(sandbox.vkIdByName("support-bot"));
        assertThat(stored.get("description").asText()).isEqualTo("still needed");
    }

    @Test
    void searchUsesTheServer() {
        start(Dialect.LATER);
        vm.list().searchProperty().set("BOT");
        vm.list().reload();
        assertThat(vm.list().items()).extracting(VirtualKey::name).containsExactly("support-bot");
    }
}
