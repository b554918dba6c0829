package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.sandbox.Http.Resp;
import bifrostdesk.virtualkey.model.Dialect;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's v2.2.6 setup lock, raw HTTP against REFERENCE-v2.md §11.2.1 (exact texts, public routes, setup). */
class SetupLockTest {
    private static final String TOKEN = "sandbox-setup-token-1";
    static final String MISSING = "dashboard auth is not configured; send the setup token in the "
            + "X-Bifrost-Setup-Token header";
    static final String NOT_SET = "dashboard auth is not configured and no setup token is set; set setup_token in "
            + "config.json (or the BIFROST_SETUP_TOKEN env var) and restart Bifrost";

    private static SandboxServer start(SandboxOptions o) {
        return SandboxServer.start(o.withDialect(Dialect.V2));
    }

    @Test
    void lockedWithATokenTheDecisionOrderAndTheExactTexts() {
        try (SandboxServer s = start(SandboxOptions.defaults().withSetupToken(TOKEN))) {
            Http anon = new Http(s.baseUrl());
            Resp none = anon.get("/api/governance/virtual-keys");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.message()).isEqualTo(MISSING);
            Resp wrong = anon.with("X-Bifrost-Setup-Token", "nope").get("/api/governance/virtual-keys");
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.message()).isEqualTo("invalid setup token");
            Http right = anon.with("X-Bifrost-Setup-Token", TOKEN);
            assertThat(right.get("/api/governance/virtual-keys").json().get("total_count").asInt()).isEqualTo(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
            // other non-public /api routes are locked too
            assertThat(anon.get("/api/providers").status()).isEqualTo(401);
            assertThat(anon.get("/api/governance/teams").status()).isEqualTo(401);
            assertThat(anon.post("/api/session/setup", null).status()).isEqualTo(401);
        }
    }

    @Test
    void publicRoutesStayOpenAndIsAuthEnabledTellsTheLock() {
        try (SandboxServer s = start(SandboxOptions.defaults().withSetupToken(TOKEN))) {
            Http anon = new Http(s.baseUrl());
            assertThat(anon.get("/health").status()).isEqualTo(200);
            assertThat(anon.get("/api/version").json().asText()).isEqualTo("v2.2.6");
            Resp auth = anon.get("/api/session/is-auth-enabled");
            assertThat(auth.status()).isEqualTo(200);
            assertThat(auth.json().get("is_auth_enabled").asBoolean()).isFalse();
            assertThat(auth.json().get("auth_type").asText()).isEqualTo("none");
            assertThat(auth.json().get("setup_required").asBoolean()).isTrue();
            assertThat(auth.json().get("setup_token_configured").asBoolean()).isTrue();
            assertThat(anon.post("/api/session/logout", null).status()).isEqualTo(200);
            assertThat(anon.post("/api/session/login", "{}").message()).isEqualTo("Authentication is not enabled");
            assertThat(SessionAuth.isPublic("/api/dev/pprof")).isTrue();
            assertThat(SessionAuth.isPublic("/api/governance/virtual-keys")).isFalse();
        }
    }

    @Test
    void lockedWithoutATokenEverythingButThePublicRoutesIs403() {
        try (SandboxServer s = start(SandboxOptions.defaults().withSetupLockWithoutToken())) {
            Http anon = new Http(s.baseUrl());
            for (Http h : new Http[] {anon, anon.with("X-Bifrost-Setup-Token", "anything")}) {
                Resp r = h.get("/api/governance/virtual-keys");
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.message()).isEqualTo(NOT_SET);
            }
            Resp auth = anon.get("/api/session/is-auth-enabled");
            assertThat(auth.json().get("setup_required").asBoolean()).isTrue();
            assertThat(auth.json().get("setup_token_configured").asBoolean()).isFalse();
            assertThat(anon.get("/api/version").status()).isEqualTo(200);
        }
    }

    @Test
    void setupGivesATwelveHourCookieThatOpensTheLockWithoutTheHeader() {
        try (SandboxServer s = start(SandboxOptions.defaults().withSetupToken(TOKEN))) {
            Http anon = new Http(s.baseUrl());
            Resp r = anon.with("X-Bifrost-Setup-Token", TOKEN).post("/api/session/setup", null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("expires_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            String setCookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("bifrost_setup_session=v1.").contains("HttpOnly", "SameSite=Strict",
                    "Path=/", "Max-Age=43200").doesNotContain(TOKEN);
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            assertThat(anon.with("Cookie", cookie).get("/api/governance/virtual-keys").status()).isEqualTo(200);
            // a forged cookie (same shape, other signature) does not
            String forged = cookie.substring(0, cookie.lastIndexOf('.') + 1) + "00";
            assertThat(anon.with("Cookie", forged).get("/api/governance/virtual-keys").status()).isEqualTo(401);
            // the header wins over the cookie: a wrong header is refused even with a valid cookie
            assertThat(anon.with("Cookie", cookie, "X-Bifrost-Setup-Token", "nope").get("/api/providers").status())
                    .isEqualTo(403);
            assertThat(anon.with("X-Bifrost-Setup-Token", "nope").post("/api/session/setup", null).message())
                    .isEqualTo("invalid setup token");
        }
    }

    @Test
    void withBasicAuthTheLockStepsAsideAndSetupIsNotActive() {
        try (SandboxServer s = start(SandboxOptions.defaults().withSetupToken(TOKEN).withBasicAuth("admin", "pw"))) {
            Http anon = new Http(s.baseUrl());
            Resp r = anon.get("/api/governance/virtual-keys");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).isEqualTo("Unauthorized");
            assertThat(anon.with("X-Bifrost-Setup-Token", TOKEN).get("/api/providers").status()).as("token useless")
                    .isEqualTo(401);
            Http admin = anon.with("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    "admin:pw".getBytes(StandardCharsets.UTF_8)));
            assertThat(admin.get("/api/governance/virtual-keys").status()).isEqualTo(200);
            assertThat(admin.post("/api/session/setup", null).status()).isEqualTo(409);
            Resp auth = anon.get("/api/session/is-auth-enabled");
            assertThat(auth.json().get("is_auth_enabled").asBoolean()).isTrue();
            assertThat(auth.json().get("setup_required").asBoolean()).isFalse();
        }
    }

    @Test
    void onlyV2ReportsTheLockAndAnUnlockedV2SaysSo() {
        try (SandboxServer later = SandboxServer.start(SandboxOptions.defaults()
                .withDialect(bifrostdesk.virtualkey.model.Dialect.LATER).withSetupToken(TOKEN))) {
            Http anon = new Http(later.baseUrl());
            assertThat(anon.get("/api/governance/virtual-keys").status()).as("no lock before v2").isEqualTo(200);
            assertThat(anon.get("/api/session/is-auth-enabled").json().has("setup_required")).isFalse();
        }
        try (SandboxServer open = start(SandboxOptions.defaults())) {
            Http anon = new Http(open.baseUrl());
            assertThat(anon.get("/api/governance/virtual-keys").status()).isEqualTo(200);
            Resp auth = anon.get("/api/session/is-auth-enabled");
            assertThat(auth.json().get("setup_required").asBoolean()).isFalse();
            assertThat(auth.json().get("setup_token_configured").asBoolean()).isFalse();
            assertThat(anon.post("/api/session/setup", null).status()).isEqualTo(409);
        }
    }

    @Test
    void aVersionOverrideIsWhatApiVersionSays() {
        try (SandboxServer s = start(SandboxOptions.defaults().withVersion("v2.3.0"))) {
            assertThat(new Http(s.baseUrl()).get("/api/version").json().asText()).isEqualTo("v2.3.0");
        }
    }

    @Test
    void sandboxMainTakesTheTokenFromTheOptionOrTheEnvironmentAndNeverPrintsIt() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (SandboxServer s = SandboxMain.run(new String[] {"--port", "0", "--dialect", "v2", "--setup-token", TOKEN},
                out, Map.of())) {
            Http anon = new Http(s.baseUrl());
            assertThat(anon.get("/api/providers").status()).isEqualTo(401);
            assertThat(anon.with("X-Bifrost-Setup-Token", TOKEN).get("/api/providers").status()).isEqualTo(200);
        }
        try (SandboxServer s = SandboxMain.run(new String[] {"--port", "0", "--dialect", "v2"}, out,
                Map.of("BIFROST_SETUP_TOKEN", "from-env"))) {
            Http anon = new Http(s.baseUrl());
            assertThat(anon.with("X-Bifrost-Setup-Token", "from-env").get("/api/providers").status()).isEqualTo(200);
            assertThat(anon.with("X-Bifrost-Setup-Token", TOKEN).get("/api/providers").status()).isEqualTo(403);
        }
        try (SandboxServer s = SandboxMain.run(new String[] {"--port", "0", "--dialect", "v2",
            "--setup-lock-without-token"}, out, Map.of("BIFROST_SETUP_TOKEN", "from-env"))) {
            assertThat(new Http(s.baseUrl()).get("/api/providers").message()).isEqualTo(NOT_SET);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("setup lock on", "setup lock on without a token").doesNotContain(TOKEN, "from-env");
        assertThatThrownBy(() -> SandboxMain.run(new String[] {"--port", "0", "--dialect", "later", "--setup-token", TOKEN}, out, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--dialect v2");
    }
}
