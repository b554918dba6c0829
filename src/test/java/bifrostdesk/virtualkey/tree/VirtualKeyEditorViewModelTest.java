package bifrostdesk.virtualkey.tree;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.ui.DialogService.ConflictChoice;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The editor's view-model without the FX thread, against the sandbox over real HTTP. */
class VirtualKeyEditorViewModelTest {
    private SandboxServer sandbox;
    private BifrostClient client;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private VirtualKeyEditorViewModel vm;

    private void start(Dialect dialect) throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect));
        client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        client.detectDialect();
        vm = new VirtualKeyEditorViewModel(new ClientEditorBackend(client, client::dialect) {
            @Override
            public java.util.Map<String, String> ownerNames() {
                return java.util.Map.of(SeedData.TEAM_PLATFORM, "Platform");
            }
        }, new DirectTaskRunner(), dialogs,
                vk -> VirtualKeyRules.validate(vk, RuleContext.basic(client.dialect())));
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private VirtualKey open(String name) throws Exception {
        VirtualKey vk = client.getVirtualKey(sandbox.vkIdByName(name));
        vm.open(vk);
        return vk;
    }

    private JsonNode stored(String name) {
        return sandbox.vkJson(sandbox.vkIdByName(name));
    }

    @Test
    void editsOfEveryNodeKindAreSavedExactly() throws Exception {
        start(Dialect.LATER);
        open("checkout-service");
        vm.setField(FieldKey.of("", Field.DESCRIPTION), "Checkout, edited");
        vm.setField(FieldKey.of("budgets/0", Field.MAX_LIMIT), "75");
        vm.setField(FieldKey.of("rate_limit", Field.REQUEST_MAX_LIMIT), "2000");
        vm.setField(FieldKey.of("provider_configs/0", Field.WEIGHT), "0.9");
        vm.setField(FieldKey.of("provider_configs/0/budgets/0", Field.MAX_LIMIT), "650");
        vm.setField(FieldKey.of("provider_configs/0/rate_limit", Field.TOKEN_MAX_LIMIT), "");
        vm.setField(FieldKey.of("provider_configs/0/rate_limit", Field.TOKEN_RESET_DURATION), "");
        vm.setKeys(0, false, List.of(new KeyRef(SeedData.keyId("openai-prod"), "openai-prod"),
                new KeyRef(SeedData.keyId("openai-batch"), "openai-batch")));
        vm.setModels(0, List.of("gpt-4o"));
        vm.setTools(0, List.of("create_issue"));
        vm.addMcpConfig("filesystem");
        vm.setTools(1, List.of("read_file"));

        vm.save();

        assertThat(dialogs.plansShown).hasSize(1);
        assertThat(vm.statusProperty().get()).startsWith("Saved");
        JsonNode s = stored("checkout-service");
        assertThat(s.get("description").asText()).isEqualTo("Checkout, edited");
        assertThat(s.get("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
        assertThat(s.at("/budgets").findValuesAsText("reset_duration")).containsExactlyInAnyOrder("1d", "1M");
        assertThat(budget(s.get("budgets"), "1d").get("max_limit").asDouble()).isEqualTo(75);
        assertThat(budget(s.get("budgets"), "1d").get("current_usage").asDouble()).isEqualTo(42);
        assertThat(s.at("/rate_limit/request_max_limit").asLong()).isEqualTo(2000);
        assertThat(s.at("/rate_limit/token_max_limit").asLong()).isEqualTo(1_000_000);
        JsonNode openai = s.get("provider_configs").get(0);
        assertThat(openai.get("weight").asDouble()).isEqualTo(0.9);
        assertThat(openai.get("allowed_models").toString()).isEqualTo("[\"gpt-4o\"]");
        assertThat(openai.get("keys").findValuesAsText("key_id"))
                .containsExactlyInAnyOrder(SeedData.keyId("openai-prod"), SeedData.keyId("openai-batch"));
        assertThat(openai.at("/budgets/0/max_limit").asDouble()).isEqualTo(650);
        assertThat(openai.at("/rate_limit/token_max_limit").isMissingNode()
                || openai.at("/rate_limit/token_max_limit").isNull()).isTrue();
        assertThat(openai.at("/rate_limit/request_max_limit").asLong()).isEqualTo(500);
        JsonNode anthropic = s.get("provider_configs").get(1);
        assertThat(anthropic.get("allow_all_keys").asBoolean()).isTrue();
        assertThat(anthropic.get("allowed_models").toString()).isEqualTo("[\"*\"]");
        assertThat(s.get("mcp_configs")).hasSize(2);
        assertThat(s.get("mcp_configs").get(1).get("tools_to_execute").toString()).isEqualTo("[\"read_file\"]");
        // the tree now shows the server's copy: nothing dirty
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.editedProperty().get()).isEqualTo(vm.baseProperty().get());
    }

    private static JsonNode budget(JsonNode budgets, String duration) {
        for (JsonNode b : budgets) {
            if (b.get("reset_duration").asText().equals(duration)) {
                return b;
            }
        }
        throw new AssertionError("no budget " + duration);
    }

    @Test
    void rawTextsGoToTheDraftAsPathHashFieldAndComeBackWithTheirProblem() throws Exception {
        start(Dialect.LATER);
        VirtualKey server = open("checkout-service");
        FieldKey limit = FieldKey.of("provider_configs/0/budgets/0", Field.MAX_LIMIT);
        vm.setField(limit, "12,5k");
        assertThat(vm.rawTexts()).containsExactly(Map.entry("provider_configs/0/budgets/0#max_limit", "12,5k"));

        Map<String, String> draft = new HashMap<>(vm.rawTexts());
        draft.put("provider_configs/99/budgets/0#max_limit", "1"); // a node this copy no longer has
        draft.put("budgets/0#max_limit_v9", "1"); // a field of a newer version
        draft.put("teams/0#name", "x"); // a node of a newer version
        vm.open(server, vm.editedProperty().get(), draft);

        assertThat(vm.text(limit)).isEqualTo("12,5k");
        assertThat(vm.problems()).anySatisfy(v -> {
            assertThat(v.key()).isEqualTo(limit);
            assertThat(v.message()).contains("not a number");
        });
        assertThat(vm.rawTexts()).containsOnlyKeys("provider_configs/0/budgets/0#max_limit");
    }

    @Test
    void invalidInputBlocksTheSaveWithTheMessageAtTheField() throws Exception {
        start(Dialect.LATER);
        VirtualKey before = open("checkout-service");
        vm.setField(FieldKey.of("provider_configs/0/budgets/0", Field.MAX_LIMIT), "12,5k");

        vm.save();

        assertThat(dialogs.plansShown).isEmpty();
        assertThat(client.getVirtualKey(before.id()).updatedAt()).isEqualTo(before.updatedAt());
        assertThat(vm.selectedPathProperty().get()).isEqualTo("provider_configs/0/budgets/0");
        assertThat(vm.problemAt(FieldKey.of("provider_configs/0/budgets/0", Field.MAX_LIMIT))).get()
                .satisfies(v -> assertThat(v.message()).contains("12,5k").contains("not a number"));
        assertThat(vm.text(FieldKey.of("provider_configs/0/budgets/0", Field.MAX_LIMIT))).isEqualTo("12,5k");
        assertThat(vm.statusProperty().get()).contains("block");
    }

    @Test
    void anUntouchedFieldIsNotMarkedUntilSaveIsAttempted() throws Exception {
        start(Dialect.LATER);
        open("checkout-service");
        vm.duplicate("budgets/0");
        // the copy has no reset duration yet: an error, but the user has not been to that field
        assertThat(vm.hasErrors()).isTrue();
        assertThat(vm.problemAt(FieldKey.of("budgets/1", Field.RESET_DURATION))).isEmpty();
        assertThat(vm.severityAt("budgets/1")).contains(Severity.ERROR);

        vm.save();

        assertThat(vm.problemAt(FieldKey.of("budgets/1", Field.RESET_DURATION))).isPresent();
        assertThat(dialogs.plansShown).isEmpty();
    }

    @Test
    void aConcurrentChangeStopsTheSaveWithAChoice() throws Exception {
        start(Dialect.LATER);
        VirtualKey opened = open("support-bot");
        vm.setField(FieldKey.of("", Field.DESCRIPTION), "mine");
        // a colleague renames the key meanwhile
        VirtualKey server = client.getVirtualKey(opened.id());
        var rename = UpdateBuilder.planUpdate(server.withName("support-bot-v2"), server, Dialect.LATER);
        assertThat(rename.refusals()).isEmpty();
        for (PlannedRequest r : rename.requests()) {
            client.execute(r);
        }

        dialogs.conflictChoice = ConflictChoice.CANCEL;
        vm.save();
        assertThat(dialogs.conflicts).singleElement().asString().contains("support-bot-v2");
        assertThat(dialogs.plansShown).isEmpty();
        assertThat(stored("support-bot-v2").get("description").asText()).isEqualTo("Customer support assistant");
        assertThat(vm.editedProperty().get().description()).isEqualTo("mine");

        dialogs.conflictChoice = ConflictChoice.TAKE_THEIRS;
        vm.save();
        assertThat(vm.editedProperty().get().name()).isEqualTo("support-bot-v2");
        vm.undo();
        assertThat(vm.editedProperty().get().description()).isEqualTo("mine");

        dialogs.conflictChoice = ConflictChoice.OVERWRITE;
        vm.save();
        assertThat(stored("support-bot").get("description").asText()).isEqualTo("mine");
    }

    @Test
    void aServerErrorAfterCommitLeavesTheTreeShowingTheServersTruth() throws Exception {
        start(Dialect.V1_5);
        VirtualKey opened = open("mobile-app");
        vm.setField(FieldKey.of("", Field.DESCRIPTION), "committed anyway");
        sandbox.failNextUpdateAfterCommit();

        vm.save();

        assertThat(stored("mobile-app").get("description").asText()).isEqualTo("committed anyway");
        VirtualKey shown = vm.editedProperty().get();
        assertThat(shown.description()).isEqualTo("committed anyway");
        assertThat(shown.updatedAt()).isNotEqualTo(opened.updatedAt());
        assertThat(vm.baseProperty().get()).isEqualTo(shown);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("committed");
        assertThat(vm.problems()).anySatisfy(v -> assertThat(v.message()).contains("failed to reload"));
    }

    @Test
    void aRefusedSaveShowsBifrostsMessageAtTheNode() throws Exception {
        start(Dialect.LATER);
        open("checkout-service");
        vm.setField(FieldKey.of("provider_configs/1", Field.PROVIDER), "mistral");

        vm.save();

        assertThat(vm.statusProperty().get()).contains("invalid provider name: mistral");
        assertThat(vm.selectedPathProperty().get()).isEqualTo("provider_configs/1");
        assertThat(vm.problemAt(FieldKey.of("provider_configs/1", Field.PROVIDER))).get()
                .satisfies(v -> assertThat(v.message()).contains("invalid provider name"));
        assertThat(stored("checkout-service").at("/provider_configs/1/provider").asText()).isEqualTo("anthropic");
    }

    @Test
    void aNameTakenOnTheServerIsReportedAtTheNameFieldWithoutSending() throws Exception {
        start(Dialect.LATER);
        VirtualKey before = open("support-bot");
        vm.setField(FieldKey.of("", Field.NAME), "checkout-service");

        vm.save();

        assertThat(dialogs.plansShown).isEmpty();
        assertThat(client.getVirtualKey(before.id()).updatedAt()).isEqualTo(before.updatedAt());
        assertThat(vm.problemAt(FieldKey.of("", Field.NAME))).get().satisfies(v -> assertThat(v.message()).contains("already called"));
    }

    @Test
    void thePlanNamesTheTeamTheKeyIsDetachedFrom() throws Exception {
        start(Dialect.LATER);
        open("checkout-service");
        vm.setOwner(null, null);
        dialogs.confirmPlans = false;

        vm.save();

        assertThat(dialogs.plansShown).singleElement().satisfies(p ->
                assertThat(p.changes()).anySatisfy(c -> assertThat(c).contains("detaches").contains("Platform")));
        assertThat(stored("checkout-service").get("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
    }

    @Test
    void anExpiryIsTypedValidatedAndSaved() throws Exception {
        start(Dialect.LATER);
        open("support-bot");
        vm.setField(FieldKey.of("", Field.EXPIRES_AT), "next week");
        assertThat(vm.problemAt(FieldKey.of("", Field.EXPIRES_AT))).get().satisfies(v -> assertThat(v.message()).contains("not a date"));
        vm.setField(FieldKey.of("", Field.EXPIRES_AT), "2031-01-31");
        assertThat(vm.problemAt(FieldKey.of("", Field.EXPIRES_AT))).isEmpty();
        vm.save();
        assertThat(stored("support-bot").get("expires_at").asText()).startsWith("2031-01-31T00:00");
    }

    @Test
    void resettingUsageZeroesEveryBudgetAfterThePlanIsShown() throws Exception {
        start(Dialect.LATER);
        open("checkout-service");
        vm.resetUsage();
        assertThat(dialogs.plansShown).singleElement().satisfies(p ->
                assertThat(p.changes()).anySatisfy(c -> assertThat(c.toLowerCase()).contains("usage")));
        JsonNode s = stored("checkout-service");
        assertThat(s.at("/budgets/0/current_usage").asDouble()).isZero();
        assertThat(s.at("/provider_configs/0/budgets/0/current_usage").asDouble()).isZero();
    }

    @Test
    void undoAndRedoWalkEveryEdit() throws Exception {
        start(Dialect.LATER);
        VirtualKey original = open("analytics-batch");
        vm.setField(FieldKey.of("", Field.NAME), "a");
        vm.setField(FieldKey.of("", Field.NAME), "an");
        vm.leaveField(FieldKey.of("", Field.NAME));
        vm.addBudget("");
        vm.remove("provider_configs/0");
        assertThat(vm.editedProperty().get().providerConfigs()).isEmpty();

        vm.undo();
        assertThat(vm.editedProperty().get().providerConfigs()).hasSize(1);
        vm.undo();
        assertThat(vm.editedProperty().get().budgets()).isEmpty();
        vm.undo();
        // typing "a" then "an" in one field is one step
        assertThat(vm.editedProperty().get()).isEqualTo(original);
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.dirtyProperty().get()).isFalse();

        vm.redo();
        vm.redo();
        assertThat(vm.editedProperty().get().name()).isEqualTo("an");
        assertThat(vm.editedProperty().get().budgets()).hasSize(1);
        assertThat(vm.canRedoProperty().get()).isTrue();
    }

    @Test
    void savingOnAV15ServerKeepsTheTeamAndEveryKeyAndModel() throws Exception {
        start(Dialect.V1_5);
        open("checkout-service");
        vm.setField(FieldKey.of("", Field.DESCRIPTION), "only this");

        vm.save();

        JsonNode s = stored("checkout-service");
        assertThat(s.get("description").asText()).isEqualTo("only this");
        assertThat(s.get("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
        assertThat(s.get("provider_configs")).hasSize(2);
        assertThat(s.at("/provider_configs/0/keys").findValuesAsText("key_id"))
                .containsExactly(SeedData.keyId("openai-prod"));
        assertThat(s.at("/provider_configs/1/allow_all_keys").asBoolean()).isTrue();
        assertThat(s.at("/provider_configs/0/budgets/0/current_usage").asDouble()).isEqualTo(120);
        assertThat(s.get("mcp_configs")).hasSize(1);
    }

    @Test
    void theDraftOfTheOpenKeyCarriesItsBaseEditsRawTextsAndQueueAndOpensAgainAsItWas() throws Exception {
        start(Dialect.LATER);
        assertThat(vm.toDraft()).as("no key open").isNull();
        VirtualKey base = open("checkout-service");
        vm.setField(FieldKey.of("", Field.DESCRIPTION), "half-done");
        vm.setField(FieldKey.of("budgets/0", Field.MAX_LIMIT), "12,5k");
        vm.queuedProperty().set(true);

        bifrostdesk.drafts.Draft d = vm.toDraft();
        assertThat(d.vkId()).isEqualTo(base.id());
        assertThat(d.base()).isEqualTo(base);
        assertThat(d.edited().description()).isEqualTo("half-done");
        assertThat(d.rawText()).containsEntry("budgets/0#max_limit", "12,5k");
        assertThat(d.queued()).isTrue();

        vm.open(client.getVirtualKey(sandbox.vkIdByName("mobile-app")));
        assertThat(vm.queuedProperty().get()).isFalse();
        vm.open(d);
        assertThat(vm.editedProperty().get().description()).isEqualTo("half-done");
        assertThat(vm.text(FieldKey.of("budgets/0", Field.MAX_LIMIT))).isEqualTo("12,5k");
        assertThat(vm.problems()).anyMatch(v -> v.path().equals("budgets/0") && "max_limit".equals(v.field()));
        assertThat(vm.queuedProperty().get()).isTrue();
        assertThat(vm.dirtyProperty().get()).isTrue();
    }
}
