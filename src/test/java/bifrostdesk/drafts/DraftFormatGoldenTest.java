package bifrostdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.api.VirtualKeyJson;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draft file format with the v2 fields, pinned by a golden file (docs/workspace-format.md), and drafts written
 * before those fields existed still load. Run with {@code -Dgolden.update=true} to rewrite the golden file after a
 * deliberate format change (and update the docs with it).
 */
class DraftFormatGoldenTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final Path GOLDEN = Paths.get("src/test/resources/bifrostdesk/drafts/draft-v2.golden.json");

    @TempDir
    Path dir;

    private static VirtualKey v2Key() throws Exception {
        try (InputStream in = VirtualKeyJson.class.getResourceAsStream("/bifrostdesk/virtualkey/api/vk-v2.json")) {
            return VirtualKeyJson.readOne(M.readTree(in), Dialect.V2);
        }
    }

    private static JsonNode withoutWriteTime(byte[] bytes) throws Exception {
        ObjectNode n = (ObjectNode) M.readTree(bytes);
        n.remove("written");
        return n;
    }

    @Test
    void aDraftWithV2FieldsIsWrittenAsTheGoldenFileSays() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", false);
        VirtualKey base = v2Key();
        Draft d = new Draft(base.id(), base, base.withName("finance-bots-renamed"), Map.of(), true,
                Instant.parse("2026-12-02T08:00:00Z"));
        JsonNode actual = withoutWriteTime(ws.draftFileBytes(d));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual.toPrettyString() + "\n");
        }
        assertThat(actual).isEqualTo(M.readTree(GOLDEN.toFile()));
    }

    @Test
    void theGoldenDraftReadsBackWithEveryV2Field() throws Exception {
        Path f = dir.resolve("vk-v2.json");
        ObjectNode golden = (ObjectNode) M.readTree(GOLDEN.toFile());
        golden.put("written", "2026-12-02T08:00:00Z");
        Files.write(f, M.writeValueAsBytes(golden));
        Draft d = Workspace.readDraft(f);
        VirtualKey expected = v2Key();
        assertThat(d.base()).isEqualTo(expected.withValue(null));
        assertThat(d.edited().v2()).isEqualTo(expected.v2());
        assertThat(d.edited().budgets().get(0).quarterStartMonth()).isEqualTo(4);
        assertThat(d.edited().providerConfigs().get(0).modelBudgets()).hasSize(1);
    }

    @Test
    void aDraftWrittenBeforeV2StillLoads() throws Exception {
        Path f = dir.resolve("old.json");
        try (InputStream in = getClass().getResourceAsStream("/bifrostdesk/drafts/draft-v1.json")) {
            Files.write(f, in.readAllBytes());
        }
        Draft d = Workspace.readDraft(f);
        assertThat(d.edited().name()).isEqualTo("alpha");
        assertThat(d.edited().v2()).isEqualTo(bifrostdesk.virtualkey.model.V2Fields.NONE);
        assertThat(d.edited().budgets().get(0).quarterStartMonth()).isNull();
        assertThat(d.edited().budgets().get(0).override()).isNull();
        assertThat(d.edited().providerConfigs().get(0).modelBudgets()).isEmpty();
    }
}
