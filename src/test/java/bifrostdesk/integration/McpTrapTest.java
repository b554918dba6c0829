package bifrostdesk.integration;

import static bifrostdesk.integration.TrapHarness.array;
import static bifrostdesk.integration.TrapHarness.assertOnlyChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * REFERENCE §2.6.2: {@code mcp_configs} is a full set keyed by id; an entry without id for a client that is
 * already attached hits the unique index (virtual_key_id, mcp_client_id) → 400 "already exists". Seed
 * "checkout-service" has github with tools create_issue + list_issues.
 */
class McpTrapTest {
    private static final String VK = "checkout-service";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reAddingAnMcpClientWithoutItsIdFailsButTheBuilderResendsTheId(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(VK);
            McpConfig github = vk.mcpConfigs().get(0);
            assertThat(github.mcpClientName()).isEqualTo("github");
            ObjectNode before = h.stored(VK);

            // naive: the attachment as the user sees it (client name + tools), no id → 400, nothing changed
            assertThatThrownBy(() -> h.naivePut(VK, "{\"team_id\": \"" + SeedData.TEAM_PLATFORM
                    + "\", \"mcp_configs\": [{\"mcp_client_name\": \"github\", \"tools_to_execute\": [\"list_issues\"]}]}"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.serverMessage()).contains("already exists");
                    });
            assertThat(h.stored(VK)).isEqualTo(before);

            // builder: a tools edit resends the id; the row keeps its id
            VirtualKey edited = vk.withMcpConfigs(List.of(github.withTools(List.of("list_issues"))));
            SavePlan plan = h.plan(edited, vk);
            JsonNode item = plan.requests().get(0).body().get("mcp_configs").get(0);
            assertThat(item.get("id").asLong()).isEqualTo(github.id());
            h.execute(plan);
            assertOnlyChanged(before, h.stored(VK), e -> ((ObjectNode) e.path("mcp_configs").get(0))
                    .set("tools_to_execute", array("list_issues")));
            assertThat(h.read(VK)).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void removingAndReAddingTheSameMcpClientInOneEditIsSaved(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(VK);
            McpConfig github = vk.mcpConfigs().get(0);
            ObjectNode before = h.stored(VK);
            // the editor removed the attachment and added github again: a new entry without id
            VirtualKey edited = vk.withMcpConfigs(List.of(new McpConfig(null, "github", List.of("create_issue"))));
            SavePlan plan = h.plan(edited, vk);
            assertThat(plan.requests().get(0).body().get("mcp_configs").get(0).get("id").asLong())
                    .isEqualTo(github.id());
            VirtualKey after = h.save(edited);
            assertOnlyChanged(before, h.stored(VK), e -> ((ObjectNode) e.path("mcp_configs").get(0))
                    .set("tools_to_execute", array("create_issue")));
            assertThat(after.mcpConfigs()).containsExactly(new McpConfig(github.id(), "github", List.of("create_issue")));
        }
    }
}
