package bifrostdesk.virtualkey.tree;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.sandbox.SeedDataV2;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13's "Done when", through the editor's view-model against the v2 sandbox over real HTTP: all providers, a
 * business-unit owner, a quarterly budget from February, a per-model budget for one model, a 2-cycle override, a
 * Virtual MCP and two metadata entries, shown in one plan, sent, and held by the server exactly so — with everything
 * else on the key as it was.
 */
class V2EditWalkthroughTest {
    private SandboxServer sandbox;
    private BifrostClient client;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private VirtualKeyEditorViewModel vm;
    private V2Editor v2;

    private VirtualKey open(String name) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2));
        client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        client.detectDialect();
        vm = new VirtualKeyEditorViewModel(new ClientEditorBackend(client, client::dialect), new DirectTaskRunner(),
                dialogs, vk -> VirtualKeyRules.validate(vk, RuleContext.basic(Dialect.V2)));
        v2 = new V2Editor(vm);
        VirtualKey vk = client.getVirtualKey(sandbox.vkIdByName(name));
        vm.open(vk);
        return vk;
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theSevenV2EditsGoInOnePlanAndTheServerHoldsExactlyThem() throws Exception {
        VirtualKey before = open("checkout-service");
        String dailyId = before.budgets().get(0).id();
        assertThat(before.teamId()).isEqualTo(SeedData.TEAM_PLATFORM);

        v2.setAllProviders(true);
        v2.setBusinessUnit(SeedDataV2.BU_FINANCE, "Finance");
        vm.addBudget("");
        String quarter = NodePath.budget("", before.budgets().size());
        vm.setField(FieldKey.of(quarter, Field.RESET_DURATION), "1Q");
        vm.setField(FieldKey.of(quarter, Field.MAX_LIMIT), "900");
        v2.setQuarterStartMonth(quarter, 2);
        assertThat(v2.modelChoices(0, client.lookups())).contains("gpt-4o-mini");
        assertThat(v2.addModelBudget(0, "gpt-4o-mini")).isEmpty();
        String modelBudget = vm.selectedPathProperty().get();
        vm.setField(FieldKey.of(modelBudget, Field.MAX_LIMIT), "40");
        assertThat(v2.setOverride(NodePath.budget("", 0), "25", false, "2")).isEmpty();
        v2.setVirtualMcp(SeedDataV2.VMCP_READ_ONLY, true);
        assertThat(v2.putMetadata("env", "prod")).isEmpty();
        assertThat(v2.putMetadata("cost_center", "cc-4410")).isEmpty();
        assertThat(vm.hasErrors()).as("%s", vm.problems()).isFalse();

        vm.save();

        assertThat(dialogs.plansShown).hasSize(1);
        SavePlan plan = dialogs.plansShown.get(0);
        assertThat(plan.requests()).extracting(PlannedRequest::method).containsExactly("PUT", "PUT", "POST");
        assertThat(plan.requests().get(1).path()).endsWith("/budgets/" + dailyId + "/override");
        assertThat(plan.requests().get(2).path()).startsWith("/api/mcp/virtual-mcps/" + SeedDataV2.VMCP_READ_ONLY + "/");
        assertThat(String.join("\n", plan.changes())).contains(
                "allows every provider configured on the gateway",
                "moves the key from team " + SeedData.TEAM_PLATFORM + " to business unit Finance",
                "adds budget 1Q of $900.00 to the key",
                "adds per-model budgets for gpt-4o-mini under openai",
                "for 2 reset windows",
                "attaches the key to Virtual MCP " + SeedDataV2.VMCP_READ_ONLY,
                "replaces the key's metadata with 2 entries");
        assertThat(vm.statusProperty().get()).startsWith("Saved");

        VirtualKey after = client.getVirtualKey(before.id());
        assertThat(after.v2().allowsAllProviders()).isTrue();
        assertThat(after.businessUnitId()).isEqualTo(SeedDataV2.BU_FINANCE);
        assertThat(after.teamId()).isNull();
        assertThat(after.customerId()).isNull();
        Budget q = after.budgets().stream().filter(Budget::isQuarterly).findFirst().orElseThrow();
        assertThat(q.maxLimit()).isEqualTo(900.0);
        assertThat(q.quarterStartMonth()).isEqualTo(2);
        ProviderConfig openai = after.providerConfigs().get(0);
        assertThat(openai.modelBudgets()).extracting(ModelBudget::modelName).containsExactly("gpt-4o-mini");
        assertThat(openai.modelBudgets().get(0).budgets()).singleElement()
                .satisfies(b -> assertThat(b.maxLimit()).isEqualTo(40.0))
                .satisfies(b -> assertThat(b.resetDuration()).isEqualTo("1M"));
        Budget daily = after.budgets().get(0);
        assertThat(daily.id()).isEqualTo(dailyId);
        assertThat(daily.override().cyclesTotal()).isEqualTo(2);
        assertThat(daily.effectiveLimit()).isEqualTo(daily.maxLimit() + 25);
        assertThat(after.v2().virtualMcpIds()).containsExactly(SeedDataV2.VMCP_READ_ONLY);
        assertThat(after.v2().metadata()).isEqualTo(Map.of("env", "prod", "cost_center", "cc-4410"));

        // everything else as it was: name, description, status, rate limit, the other budgets with their usage,
        // the provider configs' own settings and the MCP configs
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.description()).isEqualTo(before.description());
        assertThat(after.active()).isEqualTo(before.active());
        assertThat(after.rateLimit()).isEqualTo(before.rateLimit());
        assertThat(after.budgets().subList(0, before.budgets().size()))
                .extracting(Budget::id, Budget::maxLimit, Budget::resetDuration, Budget::currentUsage)
                .containsExactlyElementsOf(before.budgets().stream()
                        .map(b -> org.assertj.core.groups.Tuple.tuple(b.id(), b.maxLimit(), b.resetDuration(),
                                b.currentUsage())).toList());
        assertThat(after.providerConfigs()).hasSameSizeAs(before.providerConfigs());
        for (int i = 0; i < before.providerConfigs().size(); i++) {
            ProviderConfig was = before.providerConfigs().get(i);
            ProviderConfig now = after.providerConfigs().get(i);
            assertThat(now.withModelBudgets(List.of())).isEqualTo(was.withModelBudgets(List.of()));
        }
        assertThat(after.mcpConfigs()).isEqualTo(before.mcpConfigs());
        assertThat(after.calendarAligned()).isEqualTo(before.calendarAligned());
        assertThat(after.expiresAt()).isEqualTo(before.expiresAt());
    }
}
