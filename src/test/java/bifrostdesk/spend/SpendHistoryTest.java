package bifrostdesk.spend;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.CancelToken;
import bifrostdesk.virtualkey.api.LogsStatus;
import bifrostdesk.virtualkey.api.SpendClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a row's history comes from: the logs (only what is asked, cached), else the snapshots, saying so. */
class SpendHistoryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String HISTOGRAM = "{\"buckets\":[{\"timestamp\":\"2026-12-01T11:00:00Z\",\"total_cost\":4,"
            + "\"by_model\":{\"gpt-4o\":4}}],\"bucket_size_seconds\":3600,\"models\":[\"gpt-4o\"]}";

    @StartStop
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path tmp;

    private void json(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private SpendHistory history(SnapshotStore store) {
        SpendClient c = new SpendClient(new BifrostClient(ServerEndpoint.of(server.url("/").toString())));
        return new SpendHistory(c, store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(2));
    }

    static BudgetRow pcRow() {
        return new BudgetRow(null, null, null, null, "vk1", "checkout", true, 7L, "openai",
                BudgetKind.PROVIDER_CONFIG_BUDGET, 500, 120, "1M", true, NOW.minus(Duration.ofDays(1)),
                NOW.minus(Duration.ofDays(1)), Instant.parse("2027-01-01T00:00:00Z"), Duration.ofDays(30), false,
                "provider_configs/0/budgets/0", "checkout › openai");
    }

    static BudgetRow tokenRow() {
        return new BudgetRow(null, null, null, null, "vk1", "checkout", true, null, null, BudgetKind.VK_TOKEN_LIMIT,
                100_000, 5_000, "1h", false, NOW.minusSeconds(600), NOW.minusSeconds(600), NOW.plusSeconds(3000),
                Duration.ofMinutes(50), false, "rate_limit", "checkout");
    }

    @Test
    void aProviderConfigBudgetAsksForItsKeyAndProviderOnceWhileCached() throws Exception {
        json(200, "{\"client_config\":{\"enable_logging\":true},\"is_logs_connected\":true}");
        json(200, HISTOGRAM);
        json(200, HISTOGRAM);
        SpendHistory h = history(null);
        SpendHistory.Result r = h.forRow(pcRow(), NOW.minus(Duration.ofHours(24)), NOW, new CancelToken());
        assertThat(r.series().source()).isEqualTo(SpendSeries.Source.GATEWAY_LOGS);
        assertThat(r.series().total()).isEqualTo(4);
        assertThat(r.histogram().models()).containsExactly("gpt-4o");
        h.forRow(pcRow(), NOW.minus(Duration.ofHours(24)), NOW, new CancelToken());
        assertThat(server.getRequestCount()).as("config, probe, one histogram; the repeat came from the cache")
                .isEqualTo(3);
        server.takeRequest(1, TimeUnit.SECONDS);
        server.takeRequest(1, TimeUnit.SECONDS);
        RecordedRequest q = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(q.getUrl().queryParameter("virtual_key_ids")).isEqualTo("vk1");
        assertThat(q.getUrl().queryParameter("providers")).isEqualTo("openai");
    }

    @Test
    void withoutLogsTheSnapshotsAnswerAndTheNoteSaysWhy() throws Exception {
        json(200, "{\"client_config\":{\"enable_logging\":false}}");
        SnapshotStore store = new SnapshotStore(tmp.resolve("spend"), "x");
        BudgetRow r = pcRow();
        store.append(NOW.minusSeconds(7200), List.of(r));
        store.append(NOW.minusSeconds(3600), List.of(withUsage(r, 130)));
        SpendHistory.Result res = history(store).forRow(r, NOW.minus(Duration.ofHours(24)), NOW, new CancelToken());
        assertThat(res.status().availability()).isEqualTo(LogsStatus.Availability.LOGGING_DISABLED);
        assertThat(res.series().source()).isEqualTo(SpendSeries.Source.SNAPSHOTS);
        assertThat(res.series().total()).isEqualTo(10);
        assertThat(res.note()).contains("this app's own snapshots");
        assertThat(res.histogram()).isNull();
    }

    @Test
    void aRouteThatDisappearedFallsBackToSnapshots() throws Exception {
        json(200, "{}");
        json(200, HISTOGRAM);
        json(404, "{\"error\":{\"message\":\"Route not found: /api/logs/histogram/cost\"}}");
        SpendHistory h = history(null);
        SpendHistory.Result r = h.forRow(pcRow(), NOW.minus(Duration.ofHours(24)), NOW, new CancelToken());
        assertThat(r.series().source()).isEqualTo(SpendSeries.Source.SNAPSHOTS);
        assertThat(h.status(new CancelToken()).availability()).isEqualTo(LogsStatus.Availability.ROUTES_MISSING);
    }

    @Test
    void rateLimitsComeFromSnapshotsEvenWithLogs() throws Exception {
        json(200, "{\"client_config\":{\"enable_logging\":true},\"is_logs_connected\":true}");
        json(200, HISTOGRAM);
        SpendHistory.Result r = history(null).forRow(tokenRow(), NOW.minus(Duration.ofHours(1)), NOW,
                new CancelToken());
        assertThat(r.series().source()).isEqualTo(SpendSeries.Source.SNAPSHOTS);
        assertThat(r.note()).startsWith("Rate limits keep no history on the gateway");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private static BudgetRow withUsage(BudgetRow r, double usage) {
        return new BudgetRow(r.customerId(), r.customerName(), r.teamId(), r.teamName(), r.vkId(), r.vkName(),
                r.vkActive(), r.providerConfigId(), r.provider(), r.kind(), r.limit(), usage, r.resetDuration(),
                r.calendarAligned(), r.lastReset(), r.windowStart(), r.nextReset(), r.timeLeft(), r.windowExpired(),
                r.nodePath(), r.ownerChain());
    }
}
