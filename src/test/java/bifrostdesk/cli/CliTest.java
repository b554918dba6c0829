package bifrostdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the sandbox over real HTTP, through {@link Cli#run} with captured streams. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SEED = List.of("checkout-service", "support-bot", "analytics-batch",
            "legacy-integration", "config-managed-gateway", "research-sandbox", "marketing-assistant", "mobile-app");

    @TempDir
    Path tmp;
    private SandboxServer sandbox;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void start() {
        // the eight classic seed keys (SEED); the default V2 seed adds twelve more
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(bifrostdesk.virtualkey.model.Dialect.LATER));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Result raw(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command with this sandbox and a temporary workspace. */
    private Result cli(String... args) {
        return cliIn("", args);
    }

    private Result cliIn(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", sandbox.baseUrl(), "--workspace", tmp.resolve("ws").toString()));
        return raw(stdin, Map.of(), all.toArray(String[]::new));
    }

    private Path export(String name, String file) {
        Path f = tmp.resolve(file);
        Result r = cli("export", name, "-o", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return f;
    }

    /** Changes the file's edited part. */
    private static void edit(Path file, Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        change.accept((ObjectNode) root.path("draft").path("edited"));
        Files.writeString(file, JSON.writeValueAsString(root));
    }

    private static ObjectNode budget(ObjectNode edited, String duration) {
        for (JsonNode b : edited.path("budgets")) {
            if (duration.equals(b.path("resetDuration").asText())) {
                return (ObjectNode) b;
            }
        }
        throw new AssertionError("no budget " + duration);
    }

    private ObjectNode serverBudget(String vkId, String duration) {
        for (JsonNode b : sandbox.vkJson(vkId).path("budgets")) {
            if (duration.equals(b.path("reset_duration").asText())) {
                return (ObjectNode) b;
            }
        }
        throw new AssertionError("no server budget " + duration);
    }

    /** A copy without any {@code updated_at}. */
    private static JsonNode settings(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("updated_at");
        }
        n.forEach(CliTest::strip);
    }

    @Test
    void listPrintsTheEightSeedKeys() throws Exception {
        Result r = cli("list");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(1 + SEED.size());
        assertThat(lines[0]).contains("NAME", "ID", "ACTIVE", "OWNER", "PROVIDERS", "BUDGET USED");
        for (String name : SEED) {
            assertThat(r.out()).contains(name).contains(sandbox.vkIdByName(name));
        }
        String checkout = r.out().lines().filter(l -> l.startsWith("checkout-service")).findFirst().orElseThrow();
        // team owner, 2 provider configs, 1d budget 42 of 50 = 84 % is the highest
        assertThat(checkout).contains("yes", "team ", " 2 ", "84%");

        Result json = cli("list", "--json", "--search", "bot");
        assertThat(json.code()).isZero();
        JsonNode arr = JSON.readTree(json.out());
        assertThat(arr).hasSize(1);
        assertThat(arr.get(0).path("name").asText()).isEqualTo("support-bot");
        assertThat(arr.get(0).path("customer_id").isTextual()).isTrue();
    }

    @Test
    void exportEditPlanApplyStoresTheChangeAndKeepsTheRest() throws Exception {
        String id = sandbox.vkIdByName("checkout-service");
        JsonNode before = sandbox.vkJson(id);
        Path f = export("checkout-service", "checkout.json");
        JsonNode file = JSON.readTree(f.toFile());
        assertThat(file.path("kind").asText()).isEqualTo("draft");
        assertThat(file.path("draft").path("edited").path("value").isNull()).isTrue(); // no secret in the file
        assertThat(Files.readString(f)).doesNotContain(before.path("value").asText());

        edit(f, e -> {
            e.put("description", "Checkout v2");
            budget(e, "1d").put("maxLimit", 75.0);
        });

        Result plan = cli("plan", f.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("changes the description to \"Checkout v2\"").contains("$75");
        assertThat(plan.out()).doesNotContain("PUT /api");

        Result planJson = cli("plan", f.toString(), "--json");
        assertThat(planJson.code()).as(planJson.err()).isZero();
        assertThat(planJson.out()).contains("PUT /api/governance/virtual-keys/" + id)
                .contains("\"description\" : \"Checkout v2\"").contains("\"max_limit\" : 75");
        assertThat(sandbox.vkJson(id).path("description").asText()).isEqualTo("Payments checkout flow");

        Result apply = cli("apply", f.toString(), "--yes");
        assertThat(apply.code()).as(apply.err()).isZero();
        JsonNode after = sandbox.vkJson(id);
        assertThat(apply.out()).contains("updated_at " + after.path("updated_at").asText().substring(0, 19));
        assertThat(after.path("description").asText()).isEqualTo("Checkout v2");
        assertThat(serverBudget(id, "1d").path("max_limit").asDouble()).isEqualTo(75.0);
        assertThat(serverBudget(id, "1M").path("max_limit").asDouble()).isEqualTo(1000.0);
        assertThat(after.path("team_id").asText()).isEqualTo(before.path("team_id").asText()).isNotEmpty();
        assertThat(after.path("provider_configs")).hasSize(2);
        assertThat(after.path("provider_configs").toString()).contains("anthropic", "gpt-4o-mini");
        // a full-state save touches the sub-objects' updated_at; everything else is as it was
        assertThat(settings(after.path("provider_configs"))).isEqualTo(settings(before.path("provider_configs")));
        assertThat(settings(after.path("mcp_configs"))).isEqualTo(settings(before.path("mcp_configs")));
        assertThat(settings(after.path("rate_limit"))).isEqualTo(settings(before.path("rate_limit")));

        List<Journal.Entry> journal = Journal.of(new Workspace(tmp.resolve("ws"), sandbox.baseUrl(), false))
                .entries();
        assertThat(journal).hasSize(1);
        assertThat(journal.get(0).ok()).isTrue();
        assertThat(journal.get(0).vkId()).isEqualTo(id);
    }

    @Test
    void applyAsksUnlessYes() throws Exception {
        String id = sandbox.vkIdByName("support-bot");
        Path f = export("support-bot", "s.json");
        edit(f, e -> e.put("description", "asked"));
        Result no = cliIn("n\n", "apply", f.toString());
        assertThat(no.code()).isEqualTo(1);
        assertThat(no.err()).contains("[y/N]", "not confirmed");
        assertThat(sandbox.vkJson(id).path("description").asText()).isEqualTo("Customer support assistant");

        Result yes = cliIn("y\n", "apply", f.toString());
        assertThat(yes.code()).as(yes.err()).isZero();
        assertThat(yes.out()).contains("changes the description");
        assertThat(sandbox.vkJson(id).path("description").asText()).isEqualTo("asked");
    }

    @Test
    void applyRefusesWhenAnotherWriterChangedTheKeyAfterExport() throws Exception {
        String id = sandbox.vkIdByName("support-bot");
        Path mine = export("support-bot", "mine.json");
        Path theirs = export("support-bot", "theirs.json");
        edit(theirs, e -> e.put("active", false));
        assertThat(cli("apply", theirs.toString(), "--yes").code()).isZero();

        edit(mine, e -> e.put("description", "mine"));
        Result r = cli("apply", mine.toString(), "--yes");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("changed on the server", "--merge");
        JsonNode server = sandbox.vkJson(id);
        assertThat(server.path("description").asText()).isEqualTo("Customer support assistant");
        assertThat(server.path("is_active").asBoolean()).isFalse();
        assertThat(cli("plan", mine.toString()).code()).isEqualTo(3);
    }

    @Test
    void mergeAppliesANonOverlappingChangeAndStopsOnAConflict() throws Exception {
        String id = sandbox.vkIdByName("mobile-app");
        Path mine = export("mobile-app", "mine.json");
        Path theirs = export("mobile-app", "theirs.json");
        edit(theirs, e -> e.put("active", false));
        assertThat(cli("apply", theirs.toString(), "--yes").code()).isZero();

        edit(mine, e -> e.put("description", "merged mine"));
        Result merged = cli("apply", mine.toString(), "--merge", "--yes");
        assertThat(merged.code()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("Merged");
        JsonNode server = sandbox.vkJson(id);
        assertThat(server.path("description").asText()).isEqualTo("merged mine");
        assertThat(server.path("is_active").asBoolean()).isFalse(); // their change survives

        // now both change the description differently
        Path mine2 = export("mobile-app", "mine2.json");
        Path theirs2 = export("mobile-app", "theirs2.json");
        edit(theirs2, e -> e.put("description", "their text"));
        assertThat(cli("apply", theirs2.toString(), "--yes").code()).isZero();
        edit(mine2, e -> e.put("description", "my text"));
        Result conflict = cli("apply", mine2.toString(), "--merge", "--yes");
        assertThat(conflict.code()).isEqualTo(3);
        assertThat(conflict.err()).contains("conflict:").contains("base:   ").contains("merged mine")
                .contains("my text").contains("their text");
        assertThat(sandbox.vkJson(id).path("description").asText()).isEqualTo("their text");
    }

    @Test
    void invalidEditedStateExitsTwoWithTheMessagesAndSendsNothing() throws Exception {
        String id = sandbox.vkIdByName("checkout-service");
        JsonNode before = sandbox.vkJson(id);
        Path f = export("checkout-service", "bad.json");
        edit(f, e -> {
            budget(e, "1d").put("maxLimit", 0.0);
            budget(e, "1M").put("resetDuration", "1D");
        });
        for (String command : List.of("plan", "apply")) {
            Result r = cli(command, f.toString(), command.equals("apply") ? "--yes" : "--json");
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err()).contains("invalid", "max_limit", "greater than zero", "reset_duration",
                    "'1D' is not a Bifrost duration");
            assertThat(r.out()).doesNotContain("PUT");
        }
        assertThat(sandbox.vkJson(id)).isEqualTo(before);
    }

    @Test
    void brokenFileAndUsageErrorsExitTwo() throws Exception {
        Path f = tmp.resolve("broken.json");
        Files.writeString(f, "{ not json");
        Result broken = cli("plan", f.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("not valid draft JSON");

        Result unknown = raw("", Map.of(), "frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown command 'frobnicate'", "Usage:", "export", "apply");

        Result badOption = cli("list", "--colour");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option --colour", "Usage: bifrost-desk list");

        Result noServer = raw("", Map.of(), "list");
        assertThat(noServer.code()).isEqualTo(2);
        assertThat(noServer.err()).contains("BIFROST_DESK_SERVER");

        Result fromEnv = raw("", Map.of("BIFROST_DESK_SERVER", sandbox.baseUrl()), "cli", "list", "--json");
        assertThat(fromEnv.code()).as(fromEnv.err()).isZero();
        assertThat(JSON.readTree(fromEnv.out())).hasSize(SEED.size());

        Result noKey = cli("export", "no-such-key");
        assertThat(noKey.code()).isEqualTo(2);
        assertThat(noKey.err()).contains("No virtual key named");

        Result help = raw("", Map.of(), "apply", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--merge", "--yes", "BIFROST_DESK_USER");
    }

    @Test
    void unreachableServerExitsOne() {
        Result r = raw("", Map.of(), "list", "--server", "http://127.0.0.1:1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot reach the server");
    }

    @Test
    void basicCredentialsComeFromTheEnvironment() {
        try (SandboxServer secured = SandboxServer.start(SandboxOptions.defaults().withBasicAuth("admin", "s3cret"))) {
            Result denied = raw("", Map.of(), "list", "--server", secured.baseUrl(), "--dialect", "later");
            assertThat(denied.code()).isEqualTo(1);
            assertThat(denied.err()).contains("did not accept the login");
            Result ok = raw("", Map.of("BIFROST_DESK_USER", "admin", "BIFROST_DESK_PASSWORD", "s3cret"),
                    "list", "--server", secured.baseUrl());
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("checkout-service");
        }
    }

    @Test
    void syncSendsAQueuedDraftAndKeepsAConflictingOne() throws Exception {
        Workspace ws = new Workspace(tmp.resolve("ws"), sandbox.baseUrl(), false);
        String id = sandbox.vkIdByName("research-sandbox");
        Path f = export("research-sandbox", "r.json");
        Draft d = Workspace.readDraft(f);
        ws.saveDraft(new Draft(d.vkId(), d.base(), d.edited().withDescription("synced from the queue"), Map.of(),
                true, d.savedAt()));

        // a second queued draft whose base is stale and overlaps a server change
        String otherId = sandbox.vkIdByName("analytics-batch");
        Path o = export("analytics-batch", "o.json");
        Draft od = Workspace.readDraft(o);
        Path theirs = export("analytics-batch", "o2.json");
        edit(theirs, e -> e.put("description", "server text"));
        assertThat(cli("apply", theirs.toString(), "--yes").code()).isZero();
        ws.saveDraft(new Draft(od.vkId(), od.base(), od.edited().withDescription("queued text"), Map.of(), true,
                od.savedAt()));

        Result r = cli("sync", "--yes");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.out()).contains("research-sandbox", "changes the description", "Sent: updated_at");
        assertThat(r.err()).contains("conflict:", "queued text", "server text", "draft kept");
        assertThat(sandbox.vkJson(id).path("description").asText()).isEqualTo("synced from the queue");
        assertThat(sandbox.vkJson(otherId).path("description").asText()).isEqualTo("server text");
        assertThat(ws.loadDrafts()).extracting(Draft::vkId).containsExactly(otherId);
        assertThat(Journal.of(ws).entries()).extracting(Journal.Entry::action).contains("sync");

        Result again = cli("sync", "--yes");
        assertThat(again.code()).isEqualTo(3);
    }

    @Test
    void applyOfAWorkspaceDraftRemovesIt() throws Exception {
        Workspace ws = new Workspace(tmp.resolve("ws"), sandbox.baseUrl(), false);
        String id = sandbox.vkIdByName("marketing-assistant");
        Draft d = Workspace.readDraft(export("marketing-assistant", "m.json"));
        ws.saveDraft(new Draft(d.vkId(), d.base(), d.edited().withDescription("from a draft"), Map.of(), false,
                d.savedAt()));
        Result plan = cli("plan", "--draft", "marketing-assistant");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("sets the description to \"from a draft\"");
        Result apply = cli("apply", "--draft", id, "--yes");
        assertThat(apply.code()).as(apply.err()).isZero();
        assertThat(sandbox.vkJson(id).path("description").asText()).isEqualTo("from a draft");
        assertThat(ws.loadDrafts()).isEmpty();
    }
}
