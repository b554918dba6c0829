package bifrostdesk.virtualkey.tree;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.CommitFault;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedDataV2;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A v2 save with several steps (the PUT, a budget override, a Virtual MCP attachment) that fails halfway: the report
 * says what was applied and what was not, the editor rebases on the server's copy, and the next save sends only the
 * steps still missing. Real HTTP to the v2 sandbox; the one failing request is refused before it leaves.
 */
class EditorSaveStepsTest {
    private SandboxServer sandbox;
    private BifrostClient client;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<PlannedRequest> sent = new ArrayList<>();
    private Predicate<PlannedRequest> refuse = r -> false;
    private VirtualKeyEditorViewModel vm;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2));
        client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        client.detectDialect();
        vm = new VirtualKeyEditorViewModel(new ClientEditorBackend(client, client::dialect) {
            @Override
            public VirtualKey send(PlannedRequest request) throws Exception {
                sent.add(request);
                if (refuse.test(request)) {
                    refuse = r -> false;
                    throw new ApiException(ApiException.Kind.HTTP, 400, "invalid override amount", request.method(),
                            request.path(), null);
                }
                return super.send(request);
            }
        }, new DirectTaskRunner(), dialogs, vk -> VirtualKeyRules.validate(vk, RuleContext.basic(Dialect.V2)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The quarterly key with a new description, a 2-cycle override on its budget and Virtual MCP 1 attached. */
    private VirtualKey openAndEdit() throws Exception {
        VirtualKey server = client.getVirtualKey(sandbox.vkIdByName(SeedDataV2.QUARTERLY_PLANNING));
        Budget b = server.budgets().get(0);
        VirtualKey mine = server.withDescription("Planning, edited")
                .withBudgets(List.of(b.withOverride(new BudgetOverride(500, BudgetOverride.CYCLES, 2, 2, null))))
                .withV2(server.v2().withVirtualMcpIds(List.of(1L)));
        vm.open(server, mine);
        return mine;
    }

    private JsonNode stored() {
        return sandbox.vkJson(sandbox.vkIdByName(SeedDataV2.QUARTERLY_PLANNING));
    }

    private static boolean isOverride(PlannedRequest r) {
        return r.path().endsWith("/override");
    }

    private static boolean isVirtualMcp(PlannedRequest r) {
        return r.path().contains("/virtual-mcps/");
    }

    @Test
    void aFailedOverrideAfterThePutIsReportedAndTheRetrySendsOnlyWhatIsLeft() throws Exception {
        openAndEdit();
        assertThat(vm.dirtyProperty().get()).isTrue();
        refuse = EditorSaveStepsTest::isOverride;

        vm.save();

        assertThat(dialogs.plansShown).hasSize(1);
        assertThat(dialogs.plansShown.get(0).requests()).hasSize(3);
        // the PUT reached the server, the override was refused, the attachment was never sent
        assertThat(stored().get("description").asText()).isEqualTo("Planning, edited");
        assertThat(stored().at("/budgets/0/override_mode").isMissingNode())
                .isTrue();
        assertThat(sent).noneMatch(EditorSaveStepsTest::isVirtualMcp);
        assertThat(vm.statusProperty().get()).startsWith("Partly saved: 1 of 3 steps applied");
        assertThat(dialogs.errors).singleElement().asString()
                .contains("Applied on the server:", "saves the edited key", "Not applied:",
                        "failed: invalid override amount", "attaches the key to Virtual MCP 1");
        // the editor's base is the server's copy now, and the edits still missing stay on top of it
        assertThat(vm.baseProperty().get().description()).isEqualTo("Planning, edited");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.toDraft().edited().budgets().get(0).override()).isNotNull();
        assertThat(vm.toDraft().base().description()).isEqualTo("Planning, edited");

        sent.clear();
        vm.save();

        assertThat(dialogs.plansShown.get(1).requests()).allMatch(r -> isOverride(r) || isVirtualMcp(r)).hasSize(2);
        assertThat(vm.statusProperty().get()).startsWith("Saved");
        assertThat(stored().at("/budgets/0/override_amount").asDouble()).isEqualTo(500);
        VirtualKey after = client.getVirtualKey(sandbox.vkIdByName(SeedDataV2.QUARTERLY_PLANNING));
        assertThat(after.v2().virtualMcpIds()).contains(1L);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aFailedAttachmentLeavesOnlyTheAttachmentInTheDraft() throws Exception {
        openAndEdit();
        refuse = EditorSaveStepsTest::isVirtualMcp;

        vm.save();

        assertThat(vm.statusProperty().get()).startsWith("Partly saved: 2 of 3 steps applied");
        assertThat(stored().at("/budgets/0/override_amount").asDouble()).isEqualTo(500);
        sent.clear();
        vm.save();
        assertThat(sent).singleElement().matches(EditorSaveStepsTest::isVirtualMcp);
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aCommittedOverrideErrorCountsTheOverrideAsAppliedAndKeepsTheAttachment() throws Exception {
        openAndEdit();
        sandbox.failNextAfterCommit(CommitFault.OVERRIDE_RELOAD);

        vm.save();

        assertThat(vm.statusProperty().get()).startsWith("Partly saved: 2 of 3 steps applied");
        assertThat(stored().at("/budgets/0/override_amount").asDouble()).isEqualTo(500);
        assertThat(vm.problems()).noneMatch(p -> p.message().contains("reload"));
        sent.clear();
        vm.save();
        assertThat(sent).singleElement().matches(EditorSaveStepsTest::isVirtualMcp);
        VirtualKey after = client.getVirtualKey(sandbox.vkIdByName(SeedDataV2.QUARTERLY_PLANNING));
        assertThat(after.v2().virtualMcpIds()).contains(1L);
    }
}
