package bifrostdesk.virtualkey.tree;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedDataV2;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each v2 edit on its own, through the editor against the v2 sandbox over real HTTP: saved, re-read, and the server
 * holds exactly the edited key — planning the edited copy against the server's copy afterwards finds nothing to send,
 * so the edit landed and nothing else on the key moved (every saved field is compared by that plan).
 */
class V2EditEachRoundTripTest {
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("all providers", "checkout-service", (vm, v2) -> v2.setAllProviders(true)),
                edit("business-unit owner", "checkout-service",
                        (vm, v2) -> v2.setBusinessUnit(SeedDataV2.BU_FINANCE, "Finance")),
                edit("quarterly budget from February", "checkout-service", (vm, v2) -> {
                    int n = vm.editedProperty().get().budgets().size();
                    vm.addBudget("");
                    String q = NodePath.budget("", n);
                    vm.setField(FieldKey.of(q, Field.RESET_DURATION), "1Q");
                    vm.setField(FieldKey.of(q, Field.MAX_LIMIT), "900");
                    v2.setQuarterStartMonth(q, 2);
                }),
                edit("fiscal month of a quarterly budget", SeedDataV2.QUARTERLY_PLANNING,
                        (vm, v2) -> v2.setQuarterStartMonth(NodePath.budget("", 0), 7)),
                edit("per-model budget", "checkout-service", (vm, v2) -> {
                    assertThat(v2.addModelBudget(0, "gpt-4o-mini")).isEmpty();
                    vm.setField(FieldKey.of(vm.selectedPathProperty().get(), Field.MAX_LIMIT), "40");
                }),
                edit("override for 2 windows", "checkout-service",
                        (vm, v2) -> assertThat(v2.setOverride(NodePath.budget("", 0), "25", false, "2")).isEmpty()),
                edit("override cleared", SeedDataV2.LAUNCH_CAMPAIGN,
                        (vm, v2) -> v2.clearOverride(NodePath.budget("", 0))),
                edit("Virtual MCP attached", "checkout-service",
                        (vm, v2) -> v2.setVirtualMcp(SeedDataV2.VMCP_READ_ONLY, true)),
                edit("Virtual MCP detached", SeedDataV2.DOCS_AGENT,
                        (vm, v2) -> v2.setVirtualMcp(SeedDataV2.VMCP_READ_ONLY, false)),
                edit("metadata entry", SeedDataV2.OPS_AUTOMATION,
                        (vm, v2) -> assertThat(v2.putMetadata("cost_center", "cc-1")).isEmpty()),
                edit("content logging off", "checkout-service", (vm, v2) -> v2.setContentLogging(false)),
                edit("delete after expiry off", SeedDataV2.CONTRACTOR_TRIAL, (vm, v2) -> v2.setDeleteAfterExpire(false)),
                edit("agent grant", SeedDataV2.OPS_AUTOMATION,
                        (vm, v2) -> assertThat(v2.addAgentGrant("audit-bot")).isEmpty()),
                edit("blocked model", "checkout-service", (vm, v2) -> v2.setBlockedModels(0, List.of("gpt-4o-mini"))));
    }

    /**
     * The edited copy with the ids the server gave its new budgets (matched by position): a budget added in the
     * editor has none until it is saved, and the plan would otherwise count it as still to be added.
     */
    private static VirtualKey withNewIdsFrom(VirtualKey mine, VirtualKey server) {
        VirtualKey out = mine.withBudgets(ids(mine.budgets(), server.budgets()));
        List<ProviderConfig> pcs = new java.util.ArrayList<>();
        for (int i = 0; i < out.providerConfigs().size(); i++) {
            ProviderConfig pc = out.providerConfigs().get(i);
            ProviderConfig theirs = i < server.providerConfigs().size() ? server.providerConfigs().get(i) : null;
            if (theirs != null && pc.modelBudgets().size() == theirs.modelBudgets().size()) {
                List<ModelBudget> mbs = new java.util.ArrayList<>();
                for (int m = 0; m < pc.modelBudgets().size(); m++) {
                    ModelBudget mb = pc.modelBudgets().get(m);
                    mbs.add(new ModelBudget(mb.modelName(), ids(mb.budgets(),
                            theirs.modelBudgets().get(m).budgets()), mb.rateLimit()));
                }
                pc = pc.withModelBudgets(mbs);
            }
            pcs.add(pc);
        }
        return out.withProviderConfigs(pcs);
    }

    private static List<Budget> ids(List<Budget> mine, List<Budget> server) {
        if (mine.size() != server.size()) {
            return mine;
        }
        List<Budget> out = new java.util.ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            Budget b = mine.get(i);
            Budget s = server.get(i);
            out.add(b.id() != null ? b : new Budget(s.id(), b.maxLimit(), b.resetDuration(), b.currentUsage(),
                    b.lastReset(), b.calendarAligned(), b.quarterStartMonth(), b.override()));
        }
        return out;
    }

    private static Arguments edit(String what, String key, BiConsumer<VirtualKeyEditorViewModel, V2Editor> change) {
        return Arguments.of(what, key, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void theServerHoldsExactlyTheEditedKey(String what, String key,
                                           BiConsumer<VirtualKeyEditorViewModel, V2Editor> change) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2));
        BifrostClient client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        client.detectDialect();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        VirtualKeyEditorViewModel vm = new VirtualKeyEditorViewModel(new ClientEditorBackend(client, client::dialect),
                new DirectTaskRunner(), dialogs, vk -> VirtualKeyRules.validate(vk, RuleContext.basic(Dialect.V2)));
        VirtualKey before = client.getVirtualKey(sandbox.vkIdByName(key));
        vm.open(before);

        change.accept(vm, new V2Editor(vm));
        VirtualKey mine = vm.editedProperty().get();
        assertThat(mine).as("the edit changed the key").isNotEqualTo(before);
        assertThat(vm.hasErrors()).as("%s", vm.problems()).isFalse();
        vm.save();

        assertThat(dialogs.plansShown).as("one plan shown").hasSize(1);
        assertThat(vm.statusProperty().get()).startsWith("Saved");
        VirtualKey after = client.getVirtualKey(before.id());
        SavePlan left = UpdateBuilder.planUpdate(withNewIdsFrom(mine, after), after, Dialect.V2,
                UpdateBuilder.SaveOptions.defaults().withOverwriteConcurrentChanges(true));
        assertThat(left.requests()).as("what the server still lacks: %s", left.changes()).isEmpty();
        assertThat(UpdateBuilder.planUpdate(before, after, Dialect.V2,
                UpdateBuilder.SaveOptions.defaults().withOverwriteConcurrentChanges(true)).requests())
                .as("the server's key did change").isNotEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }
}
