package bifrostdesk.bulk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk dialog's view-model without a window: the final confirmation guards the send, deleting needs the count
 * typed, offline the change becomes queued drafts, all matching keys are planned, and a sent change is journaled
 * as one entry and can be undone.
 */
class BulkViewModelTest {
    @TempDir
    Path tmp;

    private SandboxServer sandbox;
    private BifrostClient client;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private boolean online = true;
    private Workspace ws;
    private List<VirtualKey> all;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.LATER));
        client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        client.detectDialect();
        ws = new Workspace(tmp.resolve("ws"), sandbox.baseUrl(), false);
        all = client.listAllVirtualKeys(VkQuery.firstPage(), ProgressListener.NONE);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private BulkViewModel vm() {
        return new BulkViewModel(client, new DirectTaskRunner(), dialogs, new BulkViewModel.Context() {
            public Dialect dialect() {
                return Dialect.LATER;
            }

            public boolean online() {
                return online;
            }

            public Map<String, String> ownerNames() {
                return Map.of();
            }

            public Map<String, OperationKind.Owner> owners() {
                return Map.of();
            }

            public Set<String> knownProviders() {
                return Set.of();
            }

            public Set<String> knownMcpClients() {
                return Set.of();
            }

            public Workspace workspace() {
                return ws;
            }

            public void allMatching(Consumer<List<VirtualKey>> then) {
                then.accept(all);
            }
        });
    }

    private VirtualKey named(String name) {
        return all.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    private BulkViewModel deactivating(List<VirtualKey> keys) {
        BulkViewModel vm = vm();
        vm.setSelection(keys);
        vm.kindProperty().set(OperationKind.DEACTIVATE);
        vm.review();
        return vm;
    }

    @Test
    void aFormThatDoesNotFitSaysWhatIsMissingAndPlansNothing() {
        BulkViewModel vm = vm();
        vm.setSelection(List.of(named("mobile-app")));
        vm.kindProperty().set(OperationKind.CHANGE_BUDGET);
        vm.review();
        assertThat(vm.messageProperty().get()).isEqualTo("Fill in: Reset duration (e.g. 1d)");
        assertThat(vm.stepProperty().get()).isEqualTo(BulkViewModel.Step.CHOOSE);
    }

    @Test
    void nothingIsSentWhenTheFinalConfirmationIsDeclined() {
        ObjectNode before = sandbox.vkJson(named("mobile-app").id()).deepCopy();
        BulkViewModel vm = deactivating(List.of(named("mobile-app")));
        assertThat(vm.stepProperty().get()).isEqualTo(BulkViewModel.Step.REVIEW);
        dialogs.confirmPlans = false;
        vm.send();
        assertThat(dialogs.plansShown).singleElement().satisfies(p -> assertThat(p.changes())
                .anyMatch(c -> c.contains("1 key: 1 change")).contains("deactivates 1 key: requests with them are "
                        + "refused at once"));
        assertThat(sandbox.vkJson(named("mobile-app").id())).isEqualTo(before);
    }

    @Test
    void aSentChangeIsJournaledOnceAndItsUndoRestoresTheKeys() throws Exception {
        BulkViewModel vm = deactivating(List.of(named("mobile-app"), named("checkout-service")));
        vm.send();
        assertThat(vm.stepProperty().get()).isEqualTo(BulkViewModel.Step.REPORT);
        assertThat(vm.reportProperty().get().summary()).startsWith("2 sent");
        assertThat(Journal.of(ws).bulkEntries()).singleElement()
                .satisfies(e -> assertThat(e.keys()).hasSize(2));
        assertThat(client.getVirtualKey(named("mobile-app").id()).active()).isFalse();

        vm.undo();
        assertThat(vm.reviewProperty().get().summary()).isEqualTo("2 keys: 2 change");
        vm.send();
        assertThat(client.getVirtualKey(named("mobile-app").id()).active()).isTrue();
        assertThat(client.getVirtualKey(named("checkout-service").id()).active()).isTrue();
    }

    @Test
    void aBulkChangeIsUndoneFromTheJournalInALaterSession() throws Exception {
        deactivating(List.of(named("mobile-app"), named("checkout-service"))).send();
        BulkViewModel later = vm();
        List<Journal.BulkEntry> entries = new java.util.ArrayList<>();
        later.readBulkJournal(entries::addAll);
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.operation()).isEqualTo("deactivates the keys"));
        later.undo(entries.get(0));
        assertThat(later.reviewProperty().get().summary()).isEqualTo("2 keys: 2 change");
        later.send();
        assertThat(client.getVirtualKey(named("mobile-app").id()).active()).isTrue();
    }

    @Test
    void deletingNeedsTheNumberOfKeysTyped() {
        BulkViewModel vm = vm();
        vm.setSelection(List.of(named("mobile-app")));
        vm.kindProperty().set(OperationKind.DELETE);
        vm.review();
        dialogs.textAnswers.add("2");
        vm.send();
        assertThat(sandbox.vkIdByName("mobile-app")).isNotNull();
        assertThat(vm.messageProperty().get()).contains("not typed");
        dialogs.textAnswers.add("1");
        vm.send();
        assertThat(sandbox.vkIdByName("mobile-app")).isNull();
    }

    @Test
    void offlineTheChangeIsQueuedAsDraftsForSync() throws Exception {
        BulkViewModel vm = deactivating(List.of(named("mobile-app"), named("checkout-service")));
        online = false;
        vm.send();
        List<Draft> drafts = ws.loadDrafts();
        assertThat(drafts).hasSize(2).allSatisfy(d -> {
            assertThat(d.queued()).isTrue();
            assertThat(d.edited().active()).isFalse();
            assertThat(d.base().active()).isTrue();
        });
        assertThat(dialogs.plansShown).isEmpty();
        assertThat(client.getVirtualKey(named("mobile-app").id()).active()).as("nothing sent").isTrue();
    }

    @Test
    void aKeyLeftOutOfTheReviewIsNotSent() throws Exception {
        BulkViewModel vm = deactivating(List.of(named("mobile-app"), named("checkout-service")));
        vm.leaveOut(named("mobile-app").id());
        assertThat(vm.reviewProperty().get().summary()).isEqualTo("1 key: 1 change");
        vm.send();
        assertThat(client.getVirtualKey(named("mobile-app").id()).active()).isTrue();
        assertThat(client.getVirtualKey(named("checkout-service").id()).active()).isFalse();
    }

    @Test
    void allMatchingKeysArePlannedWhenChosen() {
        BulkViewModel vm = vm();
        vm.allMatchingProperty().set(true);
        vm.kindProperty().set(OperationKind.DEACTIVATE);
        vm.review();
        assertThat(vm.reviewProperty().get().size()).isEqualTo(all.size());
    }
}
