package bifrostdesk.virtualkey.list;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyListCsvTest {
    @Test
    void theSeedKeysExportWithOwnerNamesAndWithoutTheirValues() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
            List<VirtualKey> keys = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()))
                    .listAllVirtualKeys(VkQuery.firstPage(), ProgressListener.NONE);
            String csv = KeyListCsv.toCsv(keys, Map.of(SeedData.TEAM_PLATFORM, "Platform"));
            List<String> lines = csv.lines().toList();
            assertThat(lines).hasSize(keys.size() + 1);
            assertThat(lines.get(0)).isEqualTo(String.join(",", KeyListCsv.HEADER));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("checkout-service,").contains(",Platform,")
                    .contains("openai anthropic").contains(",84.0,"));
            for (VirtualKey k : keys) {
                assertThat(csv).doesNotContain(k.value());
            }
        }
    }

    @Test
    void aNameThatLooksLikeAFormulaIsDefused() {
        String csv = KeyListCsv.toCsv(List.of(VirtualKey.newKey("=HYPERLINK(\"x\")")), Map.of());
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
