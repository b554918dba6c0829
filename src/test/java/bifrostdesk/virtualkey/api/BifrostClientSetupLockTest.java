package bifrostdesk.virtualkey.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.ServerFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The v2.2.6 setup lock from the client's side (REFERENCE-v2.md §11.2.1, §11.12): the header on every {@code /api}
 * call, the four shapes of {@code is-auth-enabled}, the lock's 401/403 told apart from an ordinary 401, and the
 * server features (version, dialect, newer than tested, lock).
 */
class BifrostClientSetupLockTest {
    private static final String TOKEN = "s3tup-t0ken-for-tests";
    private static final String LOCK_401 = "dashboard auth is not configured; send the setup token in the "
            + "X-Bifrost-Setup-Token header";
    private static final String LOCK_403_NONE = "dashboard auth is not configured and no setup token is set; set "
            + "setup_token in config.json (or the BIFROST_SETUP_TOKEN env var) and restart Bifrost";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private BifrostClient client(String token) {
        return new BifrostClient(ServerEndpoint.of(server.url("/").toString()),
                ClientOptions.defaults().withSetupToken(token));
    }

    private void reply(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private static String envelope(int code, String message) {
        return "{\"is_bifrost_error\":false,\"status_code\":" + code + ",\"error\":{\"message\":\"" + message
                + "\"},\"extra_fields\":{}}";
    }

    private List<RecordedRequest> taken(int n) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
            assertThat(r).as("request %d reached the server", i).isNotNull();
            out.add(r);
        }
        return out;
    }

    private static ApiException failure(ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("an ApiException").isNotNull();
        return e;
    }

    @Test
    void theTokenGoesOnEveryApiCallButNotToHealth() throws Exception {
        BifrostClient c = client(TOKEN);
        reply(200, "{\"status\":\"ok\"}");
        reply(200, "\"v2.2.6\"");
        reply(200, "{\"is_auth_enabled\":false,\"setup_required\":true,\"setup_token_configured\":true}");
        reply(200, "{\"virtual_keys\":[],\"total_count\":0}");
        reply(200, "{\"virtual_key\":" + TestJson.tree("vk-current.json").get("virtual_key") + "}");
        reply(200, "{\"expires_at\":\"2026-12-01T12:00:00Z\"}");
        c.health();
        c.version();
        c.authStatus();
        c.using(new CancelToken()).listVirtualKeys(VkQuery.firstPage());
        c.updateVirtualKey("vk-1", Json.mapper().createObjectNode().put("name", "x"));
        assertThat(c.checkSetupToken()).isTrue();

        List<RecordedRequest> rs = taken(6);
        assertThat(rs.get(0).getUrl().encodedPath()).isEqualTo("/health");
        assertThat(rs.get(0).getHeaders().get("X-Bifrost-Setup-Token")).isNull();
        for (RecordedRequest r : rs.subList(1, 6)) {
            assertThat(r.getHeaders().get("X-Bifrost-Setup-Token")).as(r.getMethod() + " " + r.getUrl())
                    .isEqualTo(TOKEN);
        }
        assertThat(rs.get(5).getMethod()).isEqualTo("POST");
        assertThat(rs.get(5).getUrl().encodedPath()).isEqualTo("/api/session/setup");
    }

    @Test
    void noHeaderAtAllWithoutAToken() throws Exception {
        BifrostClient c = client(null);
        reply(200, "\"v2.2.6\"");
        reply(200, "{\"virtual_keys\":[],\"total_count\":0}");
        c.version();
        c.listVirtualKeys(VkQuery.firstPage());
        for (RecordedRequest r : taken(2)) {
            assertThat(r.getHeaders().names()).doesNotContain("X-Bifrost-Setup-Token");
        }
        assertThat(c.hasSetupToken()).isFalse();
        assertThat(client("   ").hasSetupToken()).as("blank = none").isFalse();
    }

    @Test
    void aTokenGivenLaterIsUsedByEveryViewAndCanBeDropped() throws Exception {
        BifrostClient c = client(null);
        BifrostClient view = c.using(new CancelToken());
        c.useSetupToken(TOKEN);
        reply(200, "\"v2.2.6\"");
        view.version();
        c.useSetupToken(null);
        reply(200, "\"v2.2.6\"");
        c.version();
        List<RecordedRequest> rs = taken(2);
        assertThat(rs.get(0).getHeaders().get("X-Bifrost-Setup-Token")).isEqualTo(TOKEN);
        assertThat(rs.get(1).getHeaders().get("X-Bifrost-Setup-Token")).isNull();
    }

    @Test
    void behindAProxyPrefixTheTokenGoesToThePrefixedApiOnly() throws Exception {
        BifrostClient c = new BifrostClient(ServerEndpoint.of(server.url("/bifrost").toString()),
                ClientOptions.defaults().withSetupToken(TOKEN));
        reply(200, "{\"status\":\"ok\"}");
        reply(200, "\"v2.2.6\"");
        c.health();
        c.version();
        List<RecordedRequest> rs = taken(2);
        assertThat(rs.get(0).getUrl().encodedPath()).isEqualTo("/bifrost/health");
        assertThat(rs.get(0).getHeaders().get("X-Bifrost-Setup-Token")).isNull();
        assertThat(rs.get(1).getUrl().encodedPath()).isEqualTo("/bifrost/api/version");
        assertThat(rs.get(1).getHeaders().get("X-Bifrost-Setup-Token")).isEqualTo(TOKEN);
    }

    @Test
    void isAuthEnabledHasFourShapes() throws Exception {
        BifrostClient c = client(null);
        reply(200, "{\"is_auth_enabled\": false, \"has_valid_token\": false, \"auth_type\": \"none\", "
                + "\"inference_auth_enforced\": true, \"setup_required\": true, \"setup_token_configured\": true}");
        reply(200, "{\"is_auth_enabled\":false,\"setup_required\":true,\"setup_token_configured\":false}");
        reply(200, "{\"is_auth_enabled\":true,\"has_valid_token\":true,\"setup_required\":false}");
        reply(200, "{\"is_auth_enabled\":false}");
        reply(200, "{\"auth\":\"none\"}");

        AuthStatus locked = c.authStatus();
        assertThat(locked).isEqualTo(new AuthStatus(false, false, true, true));
        assertThat(locked.needsSetupToken()).isTrue();
        assertThat(locked.lockedWithoutToken()).isFalse();
        AuthStatus noToken = c.authStatus();
        assertThat(noToken.needsSetupToken()).isFalse();
        assertThat(noToken.lockedWithoutToken()).isTrue();
        assertThat(c.authStatus()).isEqualTo(new AuthStatus(true, true, false, false));
        // pre-v2.2.6 servers omit both keys: not locked
        AuthStatus old = c.authStatus();
        assertThat(old).isEqualTo(AuthStatus.UNKNOWN);
        assertThat(old.needsSetupToken() || old.lockedWithoutToken()).isFalse();
        assertThat(failure(c::authStatus).kind()).isEqualTo(ApiException.Kind.MALFORMED_JSON);
    }

    @Test
    void theLocksRefusalsAreTheirOwnKindsAndAnOrdinary401StaysUnauthorized() {
        BifrostClient c = client(null);
        reply(401, envelope(401, LOCK_401));
        reply(403, envelope(403, "invalid setup token"));
        reply(403, envelope(403, LOCK_403_NONE));
        reply(401, envelope(401, "Unauthorized"));
        reply(403, envelope(403, "Forbidden by RBAC"));

        ApiException missing = failure(() -> c.listVirtualKeys(VkQuery.firstPage()));
        assertThat(missing.kind()).isEqualTo(ApiException.Kind.SETUP_TOKEN_REQUIRED);
        assertThat(missing.isSetupTokenMissing()).isTrue();
        assertThat(missing.isSetupLock()).isTrue();
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.userMessage()).contains("setup token").contains("BIFROST_SETUP_TOKEN")
                .doesNotContain("Log in again");

        ApiException wrong = failure(() -> c.getVirtualKey("vk-1"));
        assertThat(wrong.kind()).isEqualTo(ApiException.Kind.SETUP_TOKEN_INVALID);
        assertThat(wrong.isSetupTokenInvalid()).isTrue();
        assertThat(wrong.userMessage()).contains("did not accept the setup token");

        ApiException none = failure(() -> c.teams());
        assertThat(none.kind()).isEqualTo(ApiException.Kind.SETUP_TOKEN_NOT_CONFIGURED);
        assertThat(none.isSetupTokenNotConfigured()).isTrue();
        assertThat(none.userMessage()).contains("restart Bifrost");

        ApiException plain = failure(() -> c.providers());
        assertThat(plain.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
        assertThat(plain.isSetupLock()).isFalse();

        ApiException rbac = failure(() -> c.providers());
        assertThat(rbac.kind()).isEqualTo(ApiException.Kind.HTTP);
        assertThat(rbac.isSetupLock()).isFalse();
        for (ApiException e : List.of(missing, wrong, none)) {
            assertThat(e.isRetryable()).isFalse();
        }
    }

    @Test
    void checkingTheTokenTellsAcceptedNotNeededAndWrong() throws Exception {
        BifrostClient c = client(TOKEN);
        reply(200, "{\"expires_at\":\"2026-12-01T12:00:00Z\"}");
        reply(409, envelope(409, "the setup lock is not active"));
        reply(403, envelope(403, "invalid setup token"));
        assertThat(c.checkSetupToken()).isTrue();
        assertThat(c.checkSetupToken()).isFalse();
        assertThat(failure(c::checkSetupToken).kind()).isEqualTo(ApiException.Kind.SETUP_TOKEN_INVALID);
    }

    @Test
    void aV230ServerIsV2AndNewerThanTested() throws Exception {
        BifrostClient c = client(TOKEN);
        reply(200, "{\"is_auth_enabled\":false,\"setup_required\":true,\"setup_token_configured\":true}");
        reply(200, "\"v2.3.0\"");
        c.authStatus();
        assertThat(c.detectDialect()).isEqualTo(Dialect.V2);
        ServerFeatures f = c.features();
        assertThat(f.version()).isEqualTo("v2.3.0");
        assertThat(f.dialect()).isEqualTo(Dialect.V2);
        assertThat(f.newerThanTested()).isTrue();
        assertThat(f.setupLock()).isTrue();
        assertThat(f.describe()).isEqualTo("Bifrost v2.3.0 (newer than tested)");
    }

    @Test
    void theNewestTestedReleaseIsNotNewerAndAnOldServerHasNoLock() throws Exception {
        BifrostClient c = client(null);
        reply(200, "\"v2.2.6\"");
        c.detectDialect();
        assertThat(c.features().newerThanTested()).isFalse();
        assertThat(c.features().setupLock()).isFalse();
        assertThat(c.features().describe()).isEqualTo("Bifrost v2.2.6");
        reply(200, "\"v1.6.10\"");
        assertThat(c.detectDialect()).isEqualTo(Dialect.LATER);
        assertThat(c.features().dialect()).isEqualTo(Dialect.LATER);
        assertThat(c.withDialect(Dialect.V1_5).features().dialect()).as("an override wins").isEqualTo(Dialect.V1_5);
    }

    @Test
    void theTokenIsNeverInAMessageOrInTheOptionsText() {
        ClientOptions o = ClientOptions.defaults().withSetupToken(TOKEN);
        assertThat(o.setupToken()).isEqualTo(TOKEN);
        assertThat(o.toString()).doesNotContain(TOKEN).contains("setupToken=***");
        assertThat(o.withTimeouts(o.connectTimeout(), o.readTimeout(), o.callTimeout()).setupToken()).isEqualTo(TOKEN);
        BifrostClient c = new BifrostClient(ServerEndpoint.of(server.url("/").toString()), o);
        reply(403, envelope(403, "invalid setup token"));
        ApiException e = failure(() -> c.listVirtualKeys(VkQuery.firstPage()));
        assertThat(e.getMessage() + e.userMessage()).doesNotContain(TOKEN);
    }
}
