package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.TeamRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.sandbox.SyntheticHistory.Plan;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's synthetic spend history (shared/bifrost-api/LOGS.md §6): every budget's logged spend since its
 * {@code last_reset} adds up to its {@code current_usage}; some keys speed up, some are idle; retention is kept.
 */
class LogsHistoryTest {
    private static final double TOLERANCE = 1e-6;

    /** A budget and the filter that finds its spend. */
    record Owned(String label, BudgetRec budget, String vkId, String teamId, String provider, String model) {
    }

    static List<Owned> budgets(SandboxStore store) {
        List<Owned> out = new ArrayList<>();
        for (VkRec v : store.vks.values()) {
            Records.AccessProfileRec ap = v.accessProfileId == null ? null : store.accessProfiles.get(v.accessProfileId);
            for (BudgetRec b : ap != null ? ap.budgets : v.budgets) {
                out.add(new Owned(v.name + " " + b.resetDuration, b, v.id, null, null, null));
            }
            for (PcRec pc : v.providerConfigs) {
                for (BudgetRec b : pc.budgets) {
                    out.add(new Owned(v.name + "/" + pc.provider + " " + b.resetDuration, b, v.id, null, pc.provider,
                            null));
                }
                for (ModelBudgetRec m : pc.modelBudgets) {
                    for (BudgetRec b : m.budgets) {
                        out.add(new Owned(v.name + "/" + pc.provider + "/" + m.modelName + " " + b.resetDuration, b,
                                v.id, null, pc.provider, m.modelName));
                    }
                }
            }
        }
        for (TeamRec t : store.teams.values()) {
            for (BudgetRec b : t.budgets) {
                out.add(new Owned("team " + t.name + " " + b.resetDuration, b, null, t.id, null, null));
            }
        }
        return out;
    }

    private static double logged(Map<String, Plan> plans, Owned o, long from, long to) {
        double sum = 0;
        for (Plan p : plans.values()) {
            boolean key = o.vkId() != null ? o.vkId().equals(p.vk.id) : o.teamId().equals(p.vk.teamId);
            if (!key) {
                continue;
            }
            double[] s = {0};
            p.events(from, to, (t, st, cost) -> {
                if ((o.provider() == null || o.provider().equals(st.provider()))
                        && (o.model() == null || o.model().equals(st.model()))) {
                    s[0] += cost;
                }
            });
            sum += s[0];
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void spendSinceEachResetAddsUpToItsUsage(Dialect dialect) {
        SandboxStore store = SeedData.build(Seed.SMALL, dialect);
        Instant now = Instant.now();
        Map<String, Plan> plans = new SyntheticHistory(store, 365).plans(now);
        List<Owned> all = budgets(store);
        assertThat(all).hasSizeGreaterThan(5);
        for (Owned o : all) {
            double spent = logged(plans, o, o.budget().lastReset.getEpochSecond(), now.getEpochSecond());
            assertThat(spent).as(o.label()).isCloseTo(o.budget().currentUsage,
                    within(TOLERANCE * Math.max(1, o.budget().currentUsage)));
        }
    }

    @Test
    void theLargeSeedsKeyBudgetsAddUpToo() {
        SandboxStore store = SeedData.build(Seed.LARGE, Dialect.LATER);
        Instant now = Instant.now();
        SyntheticHistory h = new SyntheticHistory(store, 365);
        int checked = 0;
        for (VkRec v : store.vks.values()) {
            if (!v.name.startsWith("gen-vk-") || checked >= 300) {
                continue;
            }
            Plan p = h.plan(v, now.getEpochSecond());
            BudgetRec b = v.budgets.get(0);
            double[] s = {0};
            p.events(b.lastReset.getEpochSecond(), now.getEpochSecond(), (t, st, c) -> s[0] += c);
            assertThat(s[0]).as(v.name).isCloseTo(b.currentUsage, within(TOLERANCE * Math.max(1, b.currentUsage)));
            checked++;
        }
        assertThat(checked).isEqualTo(300);
    }

    @Test
    void theSameStoreAndInstantGiveTheSameHistory() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SandboxStore store = SeedData.build(Seed.SMALL, Dialect.V2);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        new SyntheticHistory(store, 365).plans(now).values().forEach(p -> p.events(0, now.getEpochSecond(),
                (t, st, c) -> a.add(p.vk.name + t + st + c)));
        new SyntheticHistory(store, 365).plans(now).values().forEach(p -> p.events(0, now.getEpochSecond(),
                (t, st, c) -> b.add(p.vk.name + t + st + c)));
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void someKeysSpeedUpSomeAreIdle() {
        SandboxStore store = SeedData.build(Seed.SMALL, Dialect.V2);
        Instant now = Instant.now();
        Map<String, Plan> plans = new SyntheticHistory(store, 365).plans(now);
        long t = now.getEpochSecond();
        Plan research = plans.get(store.vkByName("research-sandbox").id);
        double lastDay = research.sum(t - 86_400, t, s -> true);
        double lastMonth = research.sum(t - 30 * 86_400L, t, s -> true);
        assertThat(lastDay).as("accelerating: the last day runs well above the month's average")
                .isGreaterThan(1.5 * lastMonth / 30);

        Plan support = plans.get(store.vkByName("support-bot").id);
        assertThat(support.sum(t - 86_400, t, s -> true)).as("idle for the last day").isZero();
        assertThat(support.sum(t - 60 * 86_400L, t, s -> true)).as("but it spent before").isPositive();

        Plan marketing = plans.get(store.vkByName("marketing-assistant").id);
        assertThat(marketing.sum(0, t, s -> true)).as("no provider configs, no spend").isZero();
    }

    @Test
    void nothingOlderThanTheRetention() {
        SandboxStore store = SeedData.build(Seed.SMALL, Dialect.V2);
        Instant now = Instant.now();
        long cutoff = now.minus(Duration.ofDays(10)).getEpochSecond();
        long[] earliest = {Long.MAX_VALUE};
        new SyntheticHistory(store, 10).plans(now).values().forEach(p -> p.events(Long.MIN_VALUE,
                now.getEpochSecond(), (t, st, c) -> earliest[0] = Math.min(earliest[0], t)));
        assertThat(earliest[0]).isGreaterThanOrEqualTo(cutoff);
    }

    // ---- over HTTP ---------------------------------------------------------------------------------------------

    @Test
    void histogramsOverHttpAddUpToEveryBudgetAndHaveTheServersBucketSize() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults())) {
            Http http = new Http(server.baseUrl());
            SandboxStore store = storeOf(server);
            String end = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString();
            for (Owned o : budgets(store)) {
                StringBuilder q = new StringBuilder("/api/logs/histogram/cost?start_time=")
                        .append(o.budget().lastReset).append("&end_time=").append(end);
                if (o.vkId() != null) {
                    q.append("&virtual_key_ids=").append(o.vkId());
                } else {
                    q.append("&team_ids=").append(o.teamId());
                }
                if (o.provider() != null) {
                    q.append("&providers=").append(o.provider());
                }
                if (o.model() != null) {
                    q.append("&models=").append(o.model());
                }
                Http.Resp r = http.get(q.toString());
                assertThat(r.status()).isEqualTo(200);
                double sum = 0;
                for (JsonNode b : r.json().get("buckets")) {
                    sum += b.get("total_cost").asDouble();
                    assertThat(b.get("timestamp").asText()).endsWith("Z");
                }
                assertThat(sum).as(o.label()).isCloseTo(o.budget().currentUsage,
                        within(TOLERANCE * Math.max(1, o.budget().currentUsage)));
                long size = r.json().get("bucket_size_seconds").asLong();
                assertThat(size).isEqualTo(LogsHandler.bucketSizeFor(o.budget().lastReset, Instant.parse(end)));
            }
        }
    }

    private static SandboxStore storeOf(SandboxServer server) {
        try {
            var f = SandboxServer.class.getDeclaredField("store");
            f.setAccessible(true);
            return (SandboxStore) f.get(server);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bucketSizesFollowTheServersTable() {
        Instant end = Instant.parse("2026-06-30T12:00:00Z");
        long[][] cases = {{3_600, 60}, {7_199, 60}, {7_200, 600}, {86_399, 600}, {86_400, 3_600},
            {3 * 86_400 - 1, 3_600}, {3 * 86_400, 28_800}, {7 * 86_400, 86_400}, {31 * 86_400, 86_400},
            {31 * 86_400 + 1, 259_200}, {90 * 86_400, 604_800}, {365 * 86_400, 2_592_000}};
        for (long[] c : cases) {
            assertThat(LogsHandler.bucketSizeFor(end.minusSeconds(c[0]), end)).as(c[0] + " s").isEqualTo(c[1]);
        }
    }

    @Test
    void bucketsAreAlignedZeroFilledAndUnboundedQueriesAreHourlyWithoutZeros() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults())) {
            Http http = new Http(server.baseUrl());
            Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant start = end.minus(Duration.ofDays(7)).minusSeconds(3_723);
            JsonNode week = http.get("/api/logs/histogram/cost?start_time=" + start + "&end_time=" + end).json();
            assertThat(week.get("bucket_size_seconds").asLong()).isEqualTo(86_400);
            List<JsonNode> buckets = new ArrayList<>();
            week.get("buckets").forEach(buckets::add);
            assertThat(buckets.get(0).get("timestamp").asText()).endsWith("T00:00:00Z");
            assertThat(Instant.parse(buckets.get(0).get("timestamp").asText())).isBefore(start);
            long first = Math.floorDiv(start.getEpochSecond(), 86_400) * 86_400;
            int expected = (int) ((end.getEpochSecond() - first) / 86_400) + 1;
            assertThat(buckets).hasSize(expected);

            String id = server.vkIdByName("marketing-assistant");
            JsonNode none = http.get("/api/logs/histogram/cost?virtual_key_ids=" + id + "&start_time=" + start
                    + "&end_time=" + end).json();
            assertThat(none.get("buckets")).hasSize(expected);
            none.get("buckets").forEach(b -> assertThat(b.get("total_cost").asDouble()).isZero());

            JsonNode open = http.get("/api/logs/histogram/cost?virtual_key_ids=" + server.vkIdByName("checkout-service")
                    + "&start_time=not-a-time").json();
            assertThat(open.get("bucket_size_seconds").asLong()).as("§3.3 unbounded").isEqualTo(3_600);
            open.get("buckets").forEach(b -> assertThat(b.get("total_cost").asDouble()).isPositive());
        }
    }

    @Test
    void byDimensionByProviderAndRankings() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults())) {
            Http http = new Http(server.baseUrl());
            Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String range = "start_time=" + end.minus(Duration.ofDays(30)) + "&end_time=" + end;
            JsonNode teams = http.get("/api/logs/histogram/cost/by-dimension?dimension=team_id&" + range).json();
            assertThat(teams.get("dimension").asText()).isEqualTo("team_id");
            List<String> values = new ArrayList<>();
            teams.get("dimension_values").forEach(v -> values.add(v.asText()));
            assertThat(values).contains(SeedData.TEAM_PLATFORM, "unassigned");
            assertThat(http.get("/api/logs/histogram/cost/by-dimension?" + range).status()).isEqualTo(400);
            assertThat(http.get("/api/logs/histogram/cost/by-dimension?dimension=virtual_key&" + range).status())
                    .as("§4.2: no VK dimension").isEqualTo(400);

            JsonNode providers = http.get("/api/logs/histogram/cost/by-provider?" + range).json();
            List<String> ps = new ArrayList<>();
            providers.get("providers").forEach(v -> ps.add(v.asText()));
            assertThat(ps).contains("openai", "anthropic", "azure");

            JsonNode ranks = http.get("/api/logs/rankings/by-dimension?dimension=virtual_key&all=true&" + range)
                    .json();
            List<Double> costs = new ArrayList<>();
            ranks.get("rankings").forEach(r -> costs.add(r.get("total_cost").asDouble()));
            assertThat(costs).isSortedAccordingTo((a, b) -> Double.compare(b, a)).isNotEmpty();
            assertThat(ranks.get("rankings").get(0).get("name").asText()).isNotBlank();
            assertThat(ranks.get("rankings").get(0).get("trend").get("has_previous_period").asBoolean()).isTrue();
            JsonNode top2 = http.get("/api/logs/rankings/by-dimension?dimension=virtual_key&limit=2&" + range).json();
            assertThat(top2.get("rankings")).hasSize(2);
        }
    }

    @Test
    void rankingsAreMissingOnBuildsBeforeThem() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.LEGACY))) {
            Http http = new Http(server.baseUrl());
            assertThat(http.get("/api/logs/rankings/by-dimension?dimension=virtual_key").status()).isEqualTo(404);
            assertThat(http.get("/api/logs/histogram/cost?period=24h").status()).isEqualTo(200);
        }
    }

    // ---- logs off ---------------------------------------------------------------------------------------------

    @Test
    void logsOnConfigSaysSo() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withLogRetentionDays(30))) {
            JsonNode c = new Http(server.baseUrl()).get("/api/config").json();
            assertThat(c.get("client_config").get("enable_logging").asBoolean()).isTrue();
            assertThat(c.get("client_config").get("log_retention_days").asInt()).isEqualTo(30);
            assertThat(c.get("is_logs_connected").asBoolean()).isTrue();
        }
    }

    @Test
    void logsOffAnswersJson404AndConfigSaysLoggingIsOff() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withLogs(SandboxOptions.Logs.OFF))) {
            Http http = new Http(server.baseUrl());
            Http.Resp r = http.get("/api/logs/histogram/cost?period=24h");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(r.message()).isEqualTo("Route not found: /api/logs/histogram/cost");
            JsonNode c = http.get("/api/config").json();
            assertThat(c.get("client_config").get("enable_logging").asBoolean()).isFalse();
            assertThat(c.get("is_logs_connected").asBoolean()).isFalse();
            assertThat(http.get("/api/governance/virtual-keys").status()).as("the rest works").isEqualTo(200);
        }
    }

    @Test
    void anOldBuildAnswersHtmlWithStatus200() {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults()
                .withLogs(SandboxOptions.Logs.OLD_BUILD))) {
            Http http = new Http(server.baseUrl());
            var raw = http.send("GET", "/api/config", null);
            assertThat(raw.json().get("client_config").has("enable_logging")).isFalse();
            var client = java.net.http.HttpClient.newHttpClient();
            try {
                var resp = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl()
                        + "/api/logs/histogram/cost?period=24h")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(resp.statusCode()).isEqualTo(200);
                assertThat(resp.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(resp.body()).startsWith("<!DOCTYPE html>");
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(http.get("/api/governance/virtual-keys").status()).as("the rest works").isEqualTo(200);
        }
    }

    @Test
    void sandboxMainTakesTheLogsOptions() {
        var out = new java.io.ByteArrayOutputStream();
        SandboxServer s = SandboxMain.run(new String[] {"--port", "0", "--logs", "old-build",
            "--log-retention-days", "7"}, new java.io.PrintStream(out, true));
        try {
            assertThat(out.toString()).contains("request logs off (old build)");
        } finally {
            s.close();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.run(new String[] {"--logs", "maybe"},
                System.out)).hasMessageContaining("--logs");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.run(new String[] {
            "--log-retention-days", "0"}, System.out)).hasMessageContaining("at least 1");
    }
}
