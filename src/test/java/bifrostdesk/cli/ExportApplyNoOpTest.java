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
}
