package bifrostdesk.virtualkey.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import bifrostdesk.connection.ServerEndpoint;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The logs client against canned answers (shared/bifrost-api/LOGS.md §4, §7.1): typed parsing of the histograms and
 * rankings, the parameters sent, and every way a gateway says it keeps no logs.
 */
class SpendClientTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-06-08T00:00:00Z");
    private static final String ROUTE_NOT_FOUND = "{\"is_bifrost_error\":false,\"status_code\":404,"
            + "\"error\":{\"message\":\"Route not found: /api/logs/histogram/cost\"}}";
    private static final String INDEX_HTML = "<!DOCTYPE html><html><head><title>Bifrost</title></head>"
            + "<body><div id=\"root\"></div></body></html>";
    private static final String EMPTY_HISTOGRAM = "{\"buckets\":[{\"timestamp\":\"2026-06-01T00:00:00Z\","
            + "\"total_cost\":0,\"by_model\":{}}],\"bucket_size_seconds\":60,\"models\":[]}";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private SpendClient client() {
        return new SpendClient(new BifrostClient(ServerEndpoint.of(server.url("/").toString())));
    }

    private void json(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private void html(int code) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html; charset=utf-8")
                .body(INDEX_HTML).build());
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(r).as("a request").isNotNull();
        return r;
    }

    private static ApiException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("an ApiException").isNotNull();
        return e;
    }

    // ---- parsing -------------------------------------------------------------------------------------------

    @Test
    void costHistogramIsParsedWithBucketsModelsAndSize() throws Exception {
        json(200, """
                {"buckets":[
                  {"timestamp":"2026-06-01T00:00:00Z","total_cost":1.8342,"by_model":{"gpt-4o":1.5,"claude-sonnet-4":0.3342}},
                  {"timestamp":"2026-06-02T00:00:00Z","total_cost":0,"by_model":{}},
                  {"timestamp":"2026-06-03T02:00:00+02:00","total_cost":2.5,"by_model":{"gpt-4o":2.5}}],
                 "bucket_size_seconds":86400,"models":["gpt-4o","claude-sonnet-4"],
                 "aggregation_info":{"coverage":"complete","archived_resolution_seconds":3600}}""");
        CostHistogram h = client().costHistogram(CostQuery.between(START, END).forVirtualKey("vk-1"));

        assertThat(h.bucketSizeSeconds()).isEqualTo(86_400);
        assertThat(h.models()).containsExactly("gpt-4o", "claude-sonnet-4");
        assertThat(h.buckets()).hasSize(3);
        assertThat(h.buckets().get(0).start()).isEqualTo(START);
        assertThat(h.buckets().get(0).byModel()).containsEntry("claude-sonnet-4", 0.3342);
        assertThat(h.buckets().get(1).total()).isZero();
        assertThat(h.buckets().get(2).start()).isEqualTo(Instant.parse("2026-06-03T00:00:00Z"));
        assertThat(h.total()).isEqualTo(1.8342 + 2.5);

        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/logs/histogram/cost");
        assertThat(r.getUrl().queryParameter("start_time")).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(r.getUrl().queryParameter("end_time")).isEqualTo("2026-06-08T00:00:00Z");
        assertThat(r.getUrl().queryParameter("virtual_key_ids")).isEqualTo("vk-1");
        assertThat(r.getUrl().queryParameter("period")).as("period would override the range (§3.2)").isNull();
    }

    @Test
    void filtersAreCommaListsAndSubSecondBoundsAreDropped() throws Exception {
        json(200, EMPTY_HISTOGRAM);
        client().costHistogram(new CostQuery(START.plusMillis(999), END.plusNanos(5), java.util.List.of("a", "b"),
                java.util.List.of("t"), java.util.List.of(), java.util.List.of("openai"), java.util.List.of("gpt-4o")));
        RecordedRequest r = taken();
        assertThat(r.getUrl().queryParameter("start_time")).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(r.getUrl().queryParameter("end_time")).isEqualTo("2026-06-08T00:00:00Z");
        assertThat(r.getUrl().queryParameter("virtual_key_ids")).isEqualTo("a,b");
        assertThat(r.getUrl().queryParameter("team_ids")).isEqualTo("t");
        assertThat(r.getUrl().queryParameter("customer_ids")).isNull();
        assertThat(r.getUrl().queryParameter("providers")).isEqualTo("openai");
        assertThat(r.getUrl().queryParameter("models")).isEqualTo("gpt-4o");
    }

    @Test
    void numericTimestampsOfOddBuildsAreAccepted() throws Exception {
        json(200, "{\"buckets\":[{\"timestamp\":1780272000,\"total_cost\":3}],\"bucket_size_seconds\":3600}");
        CostHistogram h = client().costHistogram(CostQuery.between(START, END));
        assertThat(h.buckets().get(0).start()).isEqualTo(Instant.ofEpochSecond(1_780_272_000L));
        assertThat(h.buckets().get(0).byModel()).isEmpty();
        assertThat(h.models()).isEmpty();
    }

    @Test
    void byDimensionIsParsedAndAsksForTheDimension() throws Exception {
        json(200, """
                {"buckets":[{"timestamp":"2026-06-01T00:00:00Z","total_cost":3.2,
                             "by_dimension":{"team-uuid-1":2.0,"unassigned":1.2}}],
                 "bucket_size_seconds":86400,"dimension":"team_id","dimension_values":["team-uuid-1","unassigned"]}""");
        DimensionHistogram h = client().costByDimension("team_id", CostQuery.between(START, END));
        assertThat(h.dimension()).isEqualTo("team_id");
        assertThat(h.values()).containsExactly("team-uuid-1", DimensionHistogram.UNASSIGNED);
        assertThat(h.buckets().get(0).byValue()).containsEntry("unassigned", 1.2);
        assertThat(h.buckets().get(0).total()).isEqualTo(3.2);
        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/logs/histogram/cost/by-dimension");
        assertThat(r.getUrl().queryParameter("dimension")).isEqualTo("team_id");
    }

    @Test
    void byProviderIsParsed() throws Exception {
        json(200, """
                {"buckets":[{"timestamp":"2026-06-01T00:00:00Z","total_cost":4,"by_provider":{"openai":3,"anthropic":1}}],
                 "bucket_size_seconds":86400,"providers":["openai","anthropic"]}""");
        DimensionHistogram h = client().costByProvider(CostQuery.between(START, END));
        assertThat(h.dimension()).isEqualTo("provider");
        assertThat(h.values()).containsExactly("openai", "anthropic");
        assertThat(h.buckets().get(0).byValue()).containsEntry("openai", 3.0);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/logs/histogram/cost/by-provider");
    }

    @Test
    void rankingsAreParsedWithTrendAndAskForAllOrALimit() throws Exception {
        String body = """
                {"rankings":[{"id":"vk-uuid","name":"prod-backend","total_requests":532,"total_tokens":1204000,
                  "total_cost":18.4,"trend":{"has_previous_period":true,"requests_trend":12.5,"tokens_trend":3.1,
                  "cost_trend":-4.2}},{"id":"unassigned","name":"","total_requests":1,"total_tokens":0,"total_cost":0}],
                 "dimension":"virtual_key","total_actual_requests":600,"total_attributed_requests":600}""";
        json(200, body);
        json(200, body);
        Ranking r = client().rankings("virtual_key", CostQuery.between(START, END), 0);
        assertThat(r.dimension()).isEqualTo("virtual_key");
        assertThat(r.entries()).hasSize(2);
        Ranking.Entry e = r.entries().get(0);
        assertThat(e.name()).isEqualTo("prod-backend");
        assertThat(e.requests()).isEqualTo(532);
        assertThat(e.tokens()).isEqualTo(1_204_000);
        assertThat(e.cost()).isEqualTo(18.4);
        assertThat(e.trend().costPercent()).isEqualTo(-4.2);
        assertThat(r.entries().get(1).trend()).isNull();
        RecordedRequest all = taken();
        assertThat(all.getUrl().queryParameter("all")).isEqualTo("true");
        assertThat(all.getUrl().queryParameter("dimension")).isEqualTo("virtual_key");

        client().rankings("virtual_key", CostQuery.between(START, END), 10);
        RecordedRequest top = taken();
        assertThat(top.getUrl().queryParameter("limit")).isEqualTo("10");
        assertThat(top.getUrl().queryParameter("all")).isNull();
    }

    @Test
    void jsonThatIsNotAHistogramIsMalformed() {
        json(200, "{\"status\":\"ok\"}");
        ApiException e = failure(() -> client().costHistogram(CostQuery.between(START, END)));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.MALFORMED_JSON);
        assertThat(SpendClient.meansNoLogs(e)).isFalse();
    }

    // ---- "no logs" -----------------------------------------------------------------------------------------

    @Test
    void availableWhenConfigSaysSoAndTheProbeAnswersJson() throws Exception {
        json(200, "{\"client_config\":{\"enable_logging\":true,\"log_retention_days\":30},\"is_logs_connected\":true}");
        json(200, EMPTY_HISTOGRAM);
        LogsStatus s = client().logsStatus(END);
        assertThat(s.available()).isTrue();
        assertThat(s.retentionDays()).isEqualTo(30);
        assertThat(s.sentence()).contains("30 days");
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/config");
        RecordedRequest probe = taken();
        assertThat(probe.getUrl().encodedPath()).isEqualTo("/api/logs/histogram/cost");
        assertThat(probe.getUrl().queryParameter("start_time")).isEqualTo("2026-06-07T23:59:00Z");
    }

    @Test
    void loggingDisabledInConfigNeedsNoProbe() {
        json(200, "{\"client_config\":{\"enable_logging\":false},\"is_logs_connected\":true}");
        LogsStatus s = assertStatus(LogsStatus.Availability.LOGGING_DISABLED);
        assertThat(s.sentence()).contains("keeps no request logs").contains("this app's own snapshots");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void noLogsStoreNeedsNoProbe() {
        json(200, "{\"client_config\":{},\"is_logs_connected\":false}");
        assertStatus(LogsStatus.Availability.NO_LOGS_STORE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void routeNotFoundJson404MeansTheRoutesAreMissing() {
        json(200, "{\"client_config\":{\"enable_logging\":true}}");
        json(404, ROUTE_NOT_FOUND);
        LogsStatus s = assertStatus(LogsStatus.Availability.ROUTES_MISSING);
        assertThat(s.retentionDays()).isEqualTo(LogsStatus.DEFAULT_RETENTION_DAYS);
    }

    @Test
    void htmlWithStatus200IsAnOldBuildsCatchAll() {
        json(200, "{\"client_config\":{\"enable_logging\":true},\"is_logs_connected\":true}");
        html(200);
        LogsStatus s = assertStatus(LogsStatus.Availability.OLD_BUILD_HTML);
        assertThat(s.sentence()).contains("web page");
    }

    @Test
    void anOldBuildWithoutReadableConfigIsStillProbed() {
        html(200);
        html(200);
        assertStatus(LogsStatus.Availability.OLD_BUILD_HTML);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void missingConfigRouteThenWorkingLogsIsAvailable() {
        json(404, "{\"error\":{\"message\":\"Not found\"}}");
        json(200, EMPTY_HISTOGRAM);
        assertStatus(LogsStatus.Availability.AVAILABLE);
    }

    @Test
    void authFailuresAreNotMistakenForMissingLogs() {
        json(401, "{\"error\":{\"message\":\"Unauthorized\"}}");
        ApiException e = failure(() -> client().logsStatus(END));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
        assertThat(SpendClient.meansNoLogs(e)).isFalse();
    }

    @Test
    void aLogsStoreErrorIsAServerErrorNotMissingLogs() {
        json(500, "{\"error\":{\"message\":\"Cost histogram calculation failed: db closed\"}}");
        ApiException e = failure(() -> client().costHistogram(CostQuery.between(START, END)));
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.serverMessage()).contains("Cost histogram calculation failed");
        assertThat(SpendClient.meansNoLogs(e)).isFalse();
    }

    @Test
    void histogramCallsMeetingEitherNoLogsAnswerSayNoLogs() {
        json(404, ROUTE_NOT_FOUND);
        html(200);
        assertThat(SpendClient.meansNoLogs(failure(() -> client().costHistogram(CostQuery.between(START, END)))))
                .isTrue();
        ApiException html = failure(() -> client().costByDimension("team_id", CostQuery.between(START, END)));
        assertThat(html.kind()).isEqualTo(ApiException.Kind.NOT_JSON);
        assertThat(SpendClient.meansNoLogs(html)).isTrue();
    }

    @Test
    void setupTokenAndBasicAuthGoWithLogsCalls() throws Exception {
        json(200, EMPTY_HISTOGRAM);
        BifrostClient c = new BifrostClient(new ServerEndpoint(server.url("/").toString(),
                bifrostdesk.connection.Credentials.basic("admin", "pw")),
                ClientOptions.defaults().withSetupToken("tok-123"));
        new SpendClient(c).costHistogram(CostQuery.between(START, END));
        RecordedRequest r = taken();
        assertThat(r.getHeaders().get("X-Bifrost-Setup-Token")).isEqualTo("tok-123");
        assertThat(r.getHeaders().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void aCancelledTokenStopsTheCall() {
        CancelToken token = new CancelToken();
        token.cancel();
        ApiException e = failure(() -> client().using(token).costHistogram(CostQuery.between(START, END)));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.CANCELLED);
        assertThat(server.getRequestCount()).isZero();
    }

    private LogsStatus assertStatus(LogsStatus.Availability expected) {
        try {
            LogsStatus s = client().logsStatus(END);
            assertThat(s.availability()).isEqualTo(expected);
            assertThat(s.available()).isEqualTo(expected == LogsStatus.Availability.AVAILABLE);
            return s;
        } catch (ApiException e) {
            throw new AssertionError("unexpected " + e.getMessage(), e);
        }
    }
}
