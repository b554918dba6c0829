package bifrostdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bifrostdesk.budgets.CsvExport;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code budgets} and {@code spend} against the sandbox over real HTTP, with logs on, off and on an old build. */
class SpendCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private SandboxServer sandbox;

    record Result(int code, String out, String err) {
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void start(SandboxOptions.Logs logs) {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withLogs(logs));
    }

    private Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", sandbox.baseUrl(), "--workspace", tmp.resolve("ws").toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    // ---- budgets --------------------------------------------------------------------------------------------

    @Test
    void budgetsPrintsTheReviewClosestToExhaustionFirst() {
        start(SandboxOptions.Logs.ON);
        Result r = cli("budgets");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("OWNER").contains("KIND", "LIMIT", "USED", "%", "RESETS IN");
        assertThat(lines.get(1)).as("125 %, the highest").contains("research-sandbox").contains("125");
        assertThat(r.out()).contains("research-sandbox", "Team budget", "checkout-service");
        assertThat(r.err()).contains(" limits on ").contains(" keys");
    }

    @Test
    void budgetsOverAPercentageAsJson() throws IOException {
        start(SandboxOptions.Logs.ON);
        Result r = cli("budgets", "--over", "100", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode arr = JSON.readTree(r.out());
        assertThat(arr.size()).isPositive();
        List<String> owners = new ArrayList<>();
        for (JsonNode n : arr) {
            assertThat(n.get("percent").asDouble()).isGreaterThanOrEqualTo(100);
            owners.add(n.get("owner").asText());
        }
        assertThat(owners).anyMatch(o -> o.contains("research-sandbox")).anyMatch(o -> o.contains("support-bot"));
        assertThat(arr.get(0).has("next_reset")).isTrue();
        assertThat(r.err()).contains("used at least 100 %");
    }

    @Test
    void budgetsAsTheTabsCsv() {
        start(SandboxOptions.Logs.ON);
        Result r = cli("budgets", "--csv", "--over=80");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(String.join(",", CsvExport.HEADER) + "\r\n");
    }

    @Test
    void budgetsUsageErrorsExitTwo() {
        start(SandboxOptions.Logs.ON);
        assertThat(cli("budgets", "--json", "--csv").code()).isEqualTo(Cli.EXIT_INVALID);
        Result bad = cli("budgets", "--over", "lots");
        assertThat(bad.code()).isEqualTo(Cli.EXIT_INVALID);
        assertThat(bad.err()).contains("--over");
        assertThat(cli("budgets", "extra").code()).isEqualTo(Cli.EXIT_INVALID);
        assertThat(cli("budgets", "--help").out()).contains("--record");
    }

    @Test
    void budgetsRecordWritesSnapshotsWithoutSecrets() throws IOException {
        start(SandboxOptions.Logs.ON);
        Result r = cli("budgets", "--record", "--over", "999");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Recorded");
        Path spend = tmp.resolve("ws").resolve("spend");
        assertThat(spend.resolve("series.jsonl")).exists();
        String all = allText(spend);
        assertThat(all).contains("checkout-service").contains("\"full\":1");
        String value = sandbox.vkJson(sandbox.vkIdByName("checkout-service")).get("value").asText();
        assertThat(value).startsWith("sk-bf-");
        assertThat(all).doesNotContain(value).doesNotContain("sk-bf-").doesNotContain("sk-openai");
    }

    // ---- spend ----------------------------------------------------------------------------------------------

    @Test
    void spendAsJsonFromTheGatewaysLogs() throws IOException {
        start(SandboxOptions.Logs.ON);
        Result r = cli("spend", "checkout-service", "--period", "7d", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("source").asText()).isEqualTo("gateway_logs");
        assertThat(o.get("logs").get("availability").asText()).isEqualTo("available");
        assertThat(o.get("bucket_size_seconds").asLong()).isEqualTo(86_400);
        double sum = 0;
        for (JsonNode b : o.get("buckets")) {
            sum += b.get("spend").asDouble();
            assertThat(b.get("cumulative").asDouble()).isCloseTo(sum, within(1e-9));
        }
        assertThat(sum).isPositive();
        assertThat(o.get("total").asDouble()).isCloseTo(sum, within(1e-9));
        assertThat(o.get("projections")).hasSize(3); // key 1d, key 1M, openai 1M
        for (JsonNode p : o.get("projections")) {
            assertThat(p.get("sentence").asText()).isNotBlank();
            assertThat(p.get("outcome").asText()).isIn("exhausted", "runs_out_before_reset", "lasts_until_reset",
                    "idle", "no_data");
        }
        assertThat(r.err()).contains("Logged spend of checkout-service over the last 7d");
    }

    @Test
    void spendTableHasBucketsAndProjectionSentences() {
        start(SandboxOptions.Logs.ON);
        Result r = cli("spend", sandbox.vkIdByName("research-sandbox"), "--period", "24h");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("START (UTC)").contains("CUMULATIVE");
        assertThat(r.out()).contains("key · 1M: Exhausted: $250.00 of $200.00 used; it resets on");
        assertThat(r.err()).contains("buckets of 1 hour");
    }

    @Test
    void spendCsvAndUsageErrors() {
        start(SandboxOptions.Logs.ON);
        Result csv = cli("spend", "mobile-app", "--csv", "--period", "30d");
        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("start,end,spend,cumulative\r\n");
        assertThat(cli("spend").code()).isEqualTo(Cli.EXIT_INVALID);
        assertThat(cli("spend", "mobile-app", "--period", "2h").code()).isEqualTo(Cli.EXIT_INVALID);
        Result missing = cli("spend", "no-such-key");
        assertThat(missing.code()).isEqualTo(Cli.EXIT_INVALID);
        assertThat(missing.err()).contains("no-such-key");
    }

    @Test
    void withLogsOffAndNoSnapshotsSpendSaysSoAndExitsOne() {
        start(SandboxOptions.Logs.OFF);
        Result r = cli("spend", "checkout-service");
        assertThat(r.code()).isEqualTo(Cli.EXIT_ERROR);
        assertThat(r.err()).contains("This gateway keeps no request logs (logging is turned off)")
                .contains("budgets --record");
    }

    @Test
    void anOldBuildsHtmlAnswerIsNamedToo() {
        start(SandboxOptions.Logs.OLD_BUILD);
        Result r = cli("spend", "checkout-service");
        assertThat(r.code()).isEqualTo(Cli.EXIT_ERROR);
        assertThat(r.err()).contains("web page");
    }

    @Test
    void withLogsOffTheHistoryComesFromRecordedSnapshots() throws Exception {
        start(SandboxOptions.Logs.OFF);
        assertThat(cli("budgets", "--record").code()).isZero();
        Thread.sleep(1_100); // snapshots are kept to the second
        String vk = sandbox.vkIdByName("checkout-service");
        // the key's budgets: 1d (42) and 1M (640); spend 10 more
        for (String id : sandbox.vkBudgetIds(vk)) {
            sandbox.setUsage(id, id.equals(sandbox.vkBudgetIds(vk).get(0)) ? 52 : 650);
        }
        assertThat(cli("budgets", "--record").code()).isZero();
        Result r = cli("spend", "checkout-service", "--json", "--period", "24h");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("source").asText()).isEqualTo("snapshots");
        assertThat(o.get("total").asDouble()).isCloseTo(10, within(1e-6));
        assertThat(o.get("logs").get("availability").asText()).isEqualTo("logging_disabled");
        assertThat(r.err()).contains("history comes from this app's own snapshots");
    }

    private static String allText(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (f.toString().endsWith(".gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                        sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } else {
                    sb.append(Files.readString(f));
                }
            }
        }
        return sb.toString();
    }
}
