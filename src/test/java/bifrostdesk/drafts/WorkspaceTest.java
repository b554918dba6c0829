package bifrostdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    static VirtualKey sample(String description) {
        return new VirtualKey("vk-1", "checkout", description, "sk-bf-secret-value-123", true, "team-1", null,
                List.of(new Budget("b1", 50.0, "1d", 42, Instant.parse("2026-11-26T00:00:00Z"), false)),
                RateLimit.of(1000L, "1h", null, null),
                List.of(new ProviderConfig(12L, "openai", 0.7, List.of("gpt-4o"), false,
                        List.of(new KeyRef("key-uuid", "openai-prod")), List.of(), null, List.of("o1"))),
                List.of(new McpConfig(3L, "github", List.of("create_issue"))), false, null,
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-26T10:00:00Z"), null);
    }

    @Test
    void aDraftRoundTripsWithRawTextAndQueueFlag() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", false);
        Draft d = new Draft("vk-1", sample("base"), sample("mine"), Map.of("budgets/0#max_limit", "12,5k"), true,
                Instant.parse("2026-11-26T11:00:00Z"));
        ws.saveDraft(d);

        Draft back = ws.loadDrafts().get(0);

        assertThat(back.edited().description()).isEqualTo("mine");
        assertThat(back.base().description()).isEqualTo("base");
        assertThat(back.edited().providerConfigs().get(0).blacklistedModels()).containsExactly("o1");
        assertThat(back.edited().budgets().get(0).currentUsage()).isEqualTo(42);
        assertThat(back.rawText()).containsEntry("budgets/0#max_limit", "12,5k");
        assertThat(back.queued()).isTrue();
        // the secret value is not kept unless the user opted in
        assertThat(back.edited().value()).isNull();
        String text = Files.readString(dir.resolve("drafts").resolve("vk-1.json"));
        assertThat(text).doesNotContain("sk-bf-secret-value-123").contains("\"format\" : 1").contains("\"kind\" : \"draft\"");
    }

    @Test
    void keyValuesAreKeptOnlyWhenTheUserOptsIn() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", true);
        ws.cacheKeys(List.of(sample("x")));
        assertThat(ws.cachedKeys().value().get(0).value()).isEqualTo("sk-bf-secret-value-123");
    }

    @Test
    void cachedKeysAndLookupsComeBackWithTheirAge() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", false);
        ws.cacheKeys(List.of(sample("a")));
        ws.cacheLookups(new Lookups.Snapshot(List.of(new Lookups.Provider("openai", "active")),
                List.of(new Lookups.ProviderKey("key-uuid", "openai-prod", "openai", List.of("gpt-4o"))),
                List.of(new Lookups.McpClient("github", "gh", "connected", List.of(new Lookups.McpTool("create_issue", "")))),
                List.of(new Lookups.Team("team-1", "Platform", null)), List.of()));

        assertThat(ws.cachedKeys().value()).extracting(VirtualKey::description).containsExactly("a");
        assertThat(ws.cachedKeys().written()).isNotNull();
        assertThat(ws.cachedLookups().value().mcpClients().get(0).tools()).extracting(Lookups.McpTool::name)
                .containsExactly("create_issue");
    }

    @Test
    void aFileOfAnotherFormatIsRefusedNotMisread() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", false);
        Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(dir.resolve("drafts").resolve("x.json"), "{\"format\": 99, \"kind\": \"draft\"}");
        assertThatThrownBy(ws::loadDrafts).hasMessageContaining("not a format-1 draft file");
    }

    @Test
    void slugsAreSafeFolderNames() {
        assertThat(Workspace.slug("http://127.0.0.1:8080/")).isEqualTo("127.0.0.1_8080");
        assertThat(Workspace.slug("Production (EU)")).isEqualTo("production_eu_");
    }

    @Test
    void theAutosaverWritesSoonWithoutBeingAsked() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", false);
        List<Draft> saved = new CopyOnWriteArrayList<>();
        try (Autosaver a = new Autosaver(ws, e -> { }, saved::add)) {
            a.changed(new Draft("vk-1", sample("b"), sample("one"), Map.of(), false, Instant.now()));
            a.changed(new Draft("vk-1", sample("b"), sample("two"), Map.of(), false, Instant.now()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (saved.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // the two quick edits were written once, with the newer state
            assertThat(saved).extracting(d -> d.edited().description()).containsExactly("two");
            assertThat(ws.loadDrafts().get(0).edited().description()).isEqualTo("two");
            a.discard("vk-1");
            a.flush();
            assertThat(ws.loadDrafts()).isEmpty();
        }
    }

    @Test
    void aFailedWriteIsReportedAndThePreviousDraftStays() throws Exception {
        Workspace ws = new Workspace(dir, "http://gw:8080", false);
        ws.saveDraft(new Draft("vk-1", sample("b"), sample("good"), Map.of(), false, Instant.now()));
        byte[] before = Files.readAllBytes(dir.resolve("drafts").resolve("vk-1.json"));
        // a disk that refuses the write: the temporary file cannot be created where the draft lives (a file
        // stands where the folder for new drafts should be — permissions alone would not stop root)
        Workspace broken = new Workspace(dir.resolve("drafts").resolve("vk-1.json"), "http://gw:8080", false);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Autosaver a = new Autosaver(broken, errors::add, d -> { })) {
            a.changed(new Draft("vk-1", sample("b"), sample("lost?"), Map.of(), false, Instant.now()));
            a.flush();
        }
        assertThat(errors).isNotEmpty();
        assertThat(Files.readAllBytes(dir.resolve("drafts").resolve("vk-1.json"))).isEqualTo(before);
        assertThat(ws.loadDrafts().get(0).edited().description()).isEqualTo("good");
    }
}
