package bifrostdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedDataV2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a v2 server: an exported key carries the v2 fields, an edit of them plans the PUT and the
 * steps after it (override, Virtual MCP) with every request under {@code plan --json}, and apply stores them; a
 * second provider config for the same provider is refused with the reason.
 */
class CliV2Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SandboxServer sandbox;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Result cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--server", sandbox.baseUrl(), "--workspace", tmp.resolve("ws").toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path export(String name) {
        Path f = tmp.resolve(name + ".json");
        Result r = cli("export", name, "-o", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return f;
    }

    private static void edit(Path file, Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        change.accept((ObjectNode) root.path("draft").path("edited"));
        Files.writeString(file, JSON.writeValueAsString(root));
    }

    @Test
    void planJsonListsThePutAndEveryStepAndApplyStoresThem() throws Exception {
        String id = sandbox.vkIdByName("checkout-service");
        Path f = export("checkout-service");
        String budgetId = JSON.readTree(f.toFile()).at("/draft/edited/budgets/0/id").asText();
        edit(f, e -> {
            ObjectNode v2 = (ObjectNode) e.path("v2");
            v2.put("allowAllProviders", true);
            v2.putObject("metadata").put("env", "prod").put("cost_center", "cc-4410");
            ((ArrayNode) v2.putArray("virtualMcpIds")).add(SeedDataV2.VMCP_READ_ONLY);
            ObjectNode o = ((ObjectNode) e.path("budgets").get(0)).putObject("override");
            o.put("amount", 25.0).put("mode", "cycles").put("cyclesRemaining", 2).put("cyclesTotal", 2);
        });

        Result plan = cli("plan", f.toString(), "--json");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("3 requests:")
                .contains("PUT /api/governance/virtual-keys/" + id + "\n")
                .contains("PUT /api/governance/virtual-keys/" + id + "/budgets/" + budgetId + "/override")
                .contains("\"cycles\" : 2")
                .contains("POST /api/mcp/virtual-mcps/" + SeedDataV2.VMCP_READ_ONLY + "/virtual-keys/" + id)
                .contains("\"allow_all_providers\" : true", "\"cost_center\" : \"cc-4410\"");

        Result apply = cli("apply", f.toString(), "--yes");
        assertThat(apply.code()).as(apply.err() + apply.out()).isZero();
        JsonNode s = sandbox.vkJson(id);
        assertThat(s.path("allow_all_providers").asBoolean()).isTrue();
        assertThat(s.at("/metadata/env").asText()).isEqualTo("prod");
        assertThat(s.at("/budgets/0/override_cycles_total").asInt()).isEqualTo(2);

        Path again = export("checkout-service");
        JsonNode v2 = JSON.readTree(again.toFile()).at("/draft/edited/v2");
        assertThat(v2.path("virtualMcpIds").toString()).isEqualTo("[" + SeedDataV2.VMCP_READ_ONLY + "]");
        assertThat(cli("plan", again.toString()).out()).contains("No changes");
    }

    @Test
    void aSecondConfigForTheSameProviderIsRefusedWithTheReason() throws Exception {
        String id = sandbox.vkIdByName("checkout-service");
        JsonNode before = sandbox.vkJson(id);
        Path f = export("checkout-service");
        edit(f, e -> {
            ArrayNode pcs = (ArrayNode) e.path("providerConfigs");
            ObjectNode copy = pcs.get(0).deepCopy();
            copy.putNull("id");
            pcs.add(copy);
        });
        Result apply = cli("apply", f.toString(), "--yes");
        assertThat(apply.code()).isNotZero();
        assertThat(apply.err() + apply.out()).contains("is also for openai", "merge them into one config");
        assertThat(sandbox.vkJson(id).path("provider_configs")).hasSameSizeAs(before.path("provider_configs"));
    }
}
