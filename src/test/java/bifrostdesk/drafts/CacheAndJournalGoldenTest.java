package bifrostdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.VirtualKeyJson;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key cache and the journal as this version writes them, pinned by golden files, so a renamed record component
 * or JSON field fails here instead of silently dropping what users have on disk. Files written by this version must
 * load with every value. {@code -Dgolden.update=true} rewrites the golden files after a deliberate format change
 * (then update docs/workspace-format.md too).
 */
class CacheAndJournalGoldenTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final Path DIR = Paths.get("src/test/resources/bifrostdesk/drafts");

    @TempDir
    Path dir;

    private static VirtualKey v2Key() throws Exception {
        try (InputStream in = VirtualKeyJson.class.getResourceAsStream("/bifrostdesk/virtualkey/api/vk-v2.json")) {
            return VirtualKeyJson.readOne(M.readTree(in), Dialect.V2);
        }
    }

    private static void golden(String name, JsonNode actual) throws Exception {
        Path f = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(f, actual.toPrettyString() + "\n");
        }
        assertThat(actual).isEqualTo(M.readTree(f.toFile()));
    }

    @Test
    void theKeyCacheIsWrittenAsTheGoldenFileSaysAndReadsBackWhole() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", false);
        VirtualKey key = v2Key();
        ws.cacheKeys(List.of(key));
        ObjectNode written = (ObjectNode) M.readTree(dir.resolve("cache").resolve("keys.json").toFile());
        written.remove("written");
        golden("keys-cache.golden.json", written);
        assertThat(ws.cachedKeys().value()).containsExactly(key.withValue(null));
    }

    @Test
    void theGoldenKeyCacheLoadsWithEveryValue() throws Exception {
        ObjectNode golden = (ObjectNode) M.readTree(DIR.resolve("keys-cache.golden.json").toFile());
        golden.put("written", "2026-12-02T08:00:00Z");
        Files.createDirectories(dir.resolve("cache"));
        Files.write(dir.resolve("cache").resolve("keys.json"), M.writeValueAsBytes(golden));
        VirtualKey back = new Workspace(dir, "http://gw:8080", false).cachedKeys().value().get(0);
        assertThat(back).isEqualTo(v2Key().withValue(null));
    }

    @Test
    void aJournalLineIsWrittenAsTheGoldenFileSaysAndReadsBack() throws Exception {
        Journal j = new Journal(dir.resolve("journal.jsonl"), "http://gw:8080");
        JsonNode body = M.readTree("{\"name\":\"finance-bots\",\"business_unit_id\":\"bu-emea\"}");
        j.record("save", "vk-v2", "finance-bots", List.of(new PlannedRequest("PUT",
                "/api/governance/virtual-keys/vk-v2", body, "saves the edited key")), true, "saved");
        String line = Files.readAllLines(dir.resolve("journal.jsonl"), StandardCharsets.UTF_8).get(0);
        ObjectNode n = (ObjectNode) M.readTree(line);
        assertThat(n.path("at").asText()).isNotBlank();
        n.remove("at");
        golden("journal-line.golden.json", n);
        Journal.Entry e = j.entries().get(0);
        assertThat(e.action()).isEqualTo("save");
        assertThat(e.vkName()).isEqualTo("finance-bots");
        assertThat(e.ok()).isTrue();
        assertThat(e.requests()).containsExactly("PUT /api/governance/virtual-keys/vk-v2 " + body);
    }

    @Test
    void theGoldenJournalLineLoads() throws Exception {
        ObjectNode golden = (ObjectNode) M.readTree(DIR.resolve("journal-line.golden.json").toFile());
        golden.put("at", "2026-12-02T08:00:00Z");
        Path f = dir.resolve("journal.jsonl");
        Files.writeString(f, M.writeValueAsString(golden) + "\n");
        Journal.Entry e = new Journal(f, "http://gw:8080").entries().get(0);
        assertThat(e.server()).isEqualTo("http://gw:8080");
        assertThat(e.vkId()).isEqualTo("vk-v2");
        assertThat(e.result()).isEqualTo("saved");
        assertThat(e.requests()).hasSize(1);
    }
}
