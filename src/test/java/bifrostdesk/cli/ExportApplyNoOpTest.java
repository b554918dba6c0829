package bifrostdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An unchanged export → apply is a no-op for every key the sandbox seeds, on every dialect: nothing is sent and
 * the server's stored copy is byte-for-byte what it was (v2 keys included: owners, reset_config, per-model budgets,
 * overrides, grants and metadata survive because none of them is sent).
 */
class ExportApplyNoOpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String run(SandboxServer s, Path ws, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", s.baseUrl(), "--workspace", ws.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(String.join(" ", args) + "\n" + text).isZero();
        return text;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUnchangedExportAppliesAsNothing(Dialect dialect) throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect))) {
            Path ws = tmp.resolve(dialect.name());
            JsonNode list = JSON.readTree(run(s, ws, "list", "--json"));
            assertThat(list.size()).isGreaterThan(3);
            for (JsonNode row : list) {
                String id = row.path("id").asText();
                JsonNode before = s.vkJson(id);
                Path file = tmp.resolve(dialect.name() + "-" + id + ".json");
                run(s, ws, "export", id, "-o", file.toString());
                String applied = run(s, ws, "apply", file.toString(), "--yes");
                assertThat(applied).as(row.path("name").asText()).contains("Nothing to apply");
                assertThat(s.vkJson(id)).as(row.path("name").asText()).isEqualTo(before);
            }
        }
    }

    /**
     * The same from the command line on v2: each v2 key exported, its description edited in the file, applied —
     * the server's copy differs only by that edit (owner, reset_config, per-model budgets, overrides, grants,
     * metadata and flags untouched; an access-profile key saves its name and description only).
     */
    @org.junit.jupiter.api.Test
    void anEditedExportChangesOnlyThatOnAV2Server() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults())) {
            Path ws = tmp.resolve("v2-edit");
            for (JsonNode row : JSON.readTree(run(s, ws, "list", "--json"))) {
                String id = row.path("id").asText();
                com.fasterxml.jackson.databind.node.ObjectNode before = s.vkJson(id).deepCopy();
                Path file = tmp.resolve("edit-" + id + ".json");
                run(s, ws, "export", id, "-o", file.toString());
                com.fasterxml.jackson.databind.node.ObjectNode doc =
                        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(file.toFile());
                com.fasterxml.jackson.databind.node.ObjectNode edited =
                        (com.fasterxml.jackson.databind.node.ObjectNode) doc.path("draft").path("edited");
                edited.put("description", edited.path("description").asText() + " (cli)");
                JSON.writeValue(file.toFile(), doc);
                run(s, ws, "apply", file.toString(), "--yes");
                com.fasterxml.jackson.databind.node.ObjectNode after = s.vkJson(id).deepCopy();
                before.put("description", before.path("description").asText() + " (cli)");
                stripUpdatedAt(before);
                stripUpdatedAt(after);
                assertThat(after).as(row.path("name").asText()).isEqualTo(before);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aPlanOnAServerNewerThanTestedSaysSo() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withVersion("v2.3.0"))) {
            Path ws = tmp.resolve("newer");
            String id = JSON.readTree(run(s, ws, "list", "--json")).get(0).path("id").asText();
            Path file = tmp.resolve("newer.json");
            run(s, ws, "export", id, "-o", file.toString());
            assertThat(run(s, ws, "plan", file.toString())).contains("Bifrost v2.3.0 (newer than tested)",
                    "tested up to Bifrost v2.2.6");
        }
    }

    /** A save stamps {@code updated_at} on every row it rewrites; nothing else may change. */
    private static void stripUpdatedAt(JsonNode n) {
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.remove("updated_at");
        }
        n.forEach(ExportApplyNoOpTest::stripUpdatedAt);
    }
}
