package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;

/** Each node kind edited through its form with the robot, saved with Ctrl+S, checked in the sandbox's store. */
@ExtendWith(ApplicationExtension.class)
class NodeFormsWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static List<String> keyIds(JsonNode pc) {
        List<String> out = new ArrayList<>();
        pc.path("keys").forEach(k -> out.add(k.path("key_id").asText()));
        return out;
    }

    @Test
    void keyFormEditsNameDescriptionActiveAndOwner(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "");
        typeInto(robot, "#keyName", "co-v2");
        typeInto(robot, "#keyDescription", "v2");
        robot.clickOn("#keyActive");
        robot.clickOn("#keyOwner").clickOn("Team · Data Science");
        List<String> plan = saveThroughPlan(robot);

        assertThat(plan).isNotEmpty();
        assertThat(stored("checkout-service")).isNull();
        JsonNode vk = stored("co-v2");
        assertThat(vk.path("description").asText()).isEqualTo("v2");
        assertThat(vk.path("is_active").asBoolean()).isFalse();
        assertThat(vk.path("team_id").asText()).isEqualTo(SeedData.TEAM_DATA);
        assertThat(vk.has("customer_id")).isFalse();
        // the rest of the key is untouched
        assertThat(vk.at("/provider_configs").size()).isEqualTo(2);
        assertThat(keyIds(vk.at("/provider_configs/0"))).containsExactly(SeedData.keyId("openai-prod"));
        assertThat(vk.at("/budgets/0/current_usage").asDouble()).isEqualTo(42);
        assertThat(vk.at("/budgets/1/current_usage").asDouble()).isEqualTo(640);
        assertThat(vk.at("/rate_limit/request_max_limit").asLong()).isEqualTo(1000);
        assertThat(texts(vk.at("/mcp_configs/0/tools_to_execute"))).containsExactly("create_issue", "list_issues");
        // the form shows the saved state
        assertThat(robot.lookup("#keyName").queryTextInputControl().getText()).isEqualTo("co-v2");
    }

    @Test
    void budgetsAndRateLimitThroughTheirForms(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "budgets/0");
        typeInto(robot, "#budgetMaxLimit", "75");
        typeInto(robot, "#budgetResetDurationText", "1w");
        clickNode(robot, "budgets");
        robot.clickOn("#addBudget");
        await(() -> "budgets/2".equals(selectedPath()));
        typeInto(robot, "#budgetMaxLimit", "12.5");
        clickNode(robot, "rate_limit");
        typeInto(robot, "#tokenMaxLimit", "9000");
        typeInto(robot, "#requestResetDurationText", "1h");
        saveThroughPlan(robot);

        JsonNode vk = stored("checkout-service");
        JsonNode budgets = vk.at("/budgets");
        assertThat(budgets.size()).isEqualTo(3);
        assertThat(byField(budgets, "reset_duration", "1w").path("max_limit").asDouble()).isEqualTo(75);
        JsonNode monthly = byField(budgets, "reset_duration", "1M");
        assertThat(monthly.path("max_limit").asDouble()).isEqualTo(1000);
        assertThat(monthly.path("current_usage").asDouble()).isEqualTo(640);
        JsonNode added = byField(budgets, "reset_duration", "1d");
        assertThat(added.path("max_limit").asDouble()).isEqualTo(12.5);
        assertThat(added.path("current_usage").asDouble()).isZero();
        JsonNode rl = vk.at("/rate_limit");
        assertThat(rl.path("token_max_limit").asLong()).isEqualTo(9000);
        assertThat(rl.path("token_reset_duration").asText()).isEqualTo("1h");
        assertThat(rl.path("request_max_limit").asLong()).isEqualTo(1000);
        assertThat(rl.path("request_reset_duration").asText()).isEqualTo("1h");
        // the provider config's own budget and the team are untouched
        assertThat(vk.at("/provider_configs/0/budgets/0/current_usage").asDouble()).isEqualTo(120);
        assertThat(vk.path("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
    }

    @Test
    void providerConfigWeightAndANewProviderConfig(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "provider_configs/0");
        typeInto(robot, "#providerWeight", "0.6");
        clickNode(robot, "provider_configs");
        robot.clickOn("#providerPicker").clickOn("azure");
        robot.clickOn("#addProviderConfig");
        await(() -> "provider_configs/2".equals(selectedPath()));
        saveThroughPlan(robot);

        JsonNode pcs = stored("checkout-service").at("/provider_configs");
        assertThat(pcs.size()).isEqualTo(3);
        JsonNode openai = byField(pcs, "provider", "openai");
        assertThat(openai.path("weight").asDouble()).isEqualTo(0.6);
        assertThat(texts(openai.path("allowed_models"))).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(keyIds(openai)).containsExactly(SeedData.keyId("openai-prod"));
        assertThat(openai.at("/budgets/0/current_usage").asDouble()).isEqualTo(120);
        assertThat(byField(pcs, "provider", "anthropic").path("weight").asDouble()).isEqualTo(0.3);
        JsonNode azure = byField(pcs, "provider", "azure");
        assertThat(texts(azure.path("allowed_models"))).containsExactly("*");
        assertThat(azure.path("allow_all_keys").asBoolean()).isTrue();
    }

    @Test
    void keysAndModelsThroughCheckboxesAndChips(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "provider_configs/1/keys");
        robot.clickOn("#allKeys");
        robot.clickOn("#key-" + SeedData.keyId("anthropic-prod"));
        clickNode(robot, "provider_configs/0/models");
        robot.clickOn("#model-gpt-4o-mini");
        typeInto(robot, "#modelEntryText", "o3-mini");
        robot.clickOn("#addModel");
        List<String> plan = saveThroughPlan(robot);

        assertThat(plan).isNotEmpty();
        JsonNode pcs = stored("checkout-service").at("/provider_configs");
        JsonNode anthropic = byField(pcs, "provider", "anthropic");
        assertThat(anthropic.path("allow_all_keys").asBoolean()).isFalse();
        assertThat(keyIds(anthropic)).containsExactly(SeedData.keyId("anthropic-prod"));
        assertThat(texts(anthropic.path("allowed_models"))).containsExactly("*");
        JsonNode openai = byField(pcs, "provider", "openai");
        assertThat(texts(openai.path("allowed_models"))).containsExactly("gpt-4o", "o3-mini");
        assertThat(keyIds(openai)).containsExactly(SeedData.keyId("openai-prod"));
        assertThat(openai.path("weight").asDouble()).isEqualTo(0.7);
    }

    @Test
    void mcpConfigsAndToolsThroughPickerAndCheckboxes(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "mcp_configs");
        robot.clickOn("#mcpClientPicker").clickOn("filesystem");
        robot.clickOn("#addMcpConfig");
        await(() -> "mcp_configs/1".equals(selectedPath()));
        clickNode(robot, "mcp_configs/1/tools");
        robot.clickOn("#allTools");
        robot.clickOn("#tool-read_file");
        robot.clickOn("#tool-write_file");
        robot.clickOn("#tool-read_file");
        clickNode(robot, "mcp_configs/0/tools");
        robot.clickOn("#tool-list_issues");
        robot.clickOn("#tool-search_code");
        saveThroughPlan(robot);

        JsonNode mcps = stored("checkout-service").at("/mcp_configs");
        assertThat(mcps.size()).isEqualTo(2);
        JsonNode github = null;
        JsonNode fs = null;
        for (JsonNode m : mcps) {
            if (m.at("/mcp_client/name").asText().equals("github")) {
                github = m;
            } else if (m.at("/mcp_client/name").asText().equals("filesystem")) {
                fs = m;
            }
        }
        assertThat(github).isNotNull();
        assertThat(fs).isNotNull();
        assertThat(texts(github.path("tools_to_execute"))).containsExactlyInAnyOrder("create_issue", "search_code");
        assertThat(texts(fs.path("tools_to_execute"))).containsExactly("write_file");
    }

    @Test
    void allToolsCheckboxAllowsEveryTool(FxRobot robot) throws Exception {
        openKey(robot, "checkout-service");
        clickNode(robot, "mcp_configs/0/tools");
        robot.clickOn("#allTools");
        assertThat(robot.lookup("#tool-list_issues").queryAs(javafx.scene.control.CheckBox.class).isDisabled()).isTrue();
        saveThroughPlan(robot);
        assertThat(texts(stored("checkout-service").at("/mcp_configs/0/tools_to_execute"))).containsExactly("*");
    }
}
