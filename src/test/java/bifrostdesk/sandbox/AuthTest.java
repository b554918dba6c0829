package bifrostdesk.sandbox;

import static bifrostdesk.sandbox.Http.j;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
    static SandboxServer server;
    static Http anon;
    static final String BASIC = Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() {
        server = SandboxServer.start(SandboxOptions.defaults().withBasicAuth("admin", "secret"));
        anon = new Http(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutCredentials401() {
        Resp r = anon.get("/api/governance/virtual-keys");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.message()).isEqualTo("Unauthorized");
        assertThat(anon.get("/api/version").status()).isEqualTo(401);
        assertThat(anon.with("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes()))
                .get("/api/providers").status()).isEqualTo(401);
    }

    @Test
    void exemptRoutes() {
        assertThat(anon.get("/health").status()).isEqualTo(200);
        Resp r = anon.get("/api/session/is-auth-enabled");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("is_auth_enabled").asBoolean()).isTrue();
        assertThat(r.json().get("has_valid_token").asBoolean()).isFalse();
    }

    @Test
    void basicAndBearerBase64Work() {
        assertThat(anon.with("Authorization", "Basic " + BASIC).get("/api/governance/virtual-keys").status())
                .isEqualTo(200);
        assertThat(anon.with("Authorization", "Bearer " + BASIC).get("/api/providers").status()).isEqualTo(200);
    }

    @Test
    void loginCookieAndBearerSession() {
        Resp bad = anon.post("/api/session/login", j("{'username':'admin','password':'nope'}"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.message()).isEqualTo("Invalid username or password");
        Resp ok = anon.post("/api/session/login", j("{'username':'admin','password':'secret'}"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("message").asText()).isEqualTo("Login successful");
        String cookie = ok.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("token=").contains("HttpOnly");
        String token = cookie.substring(6, cookie.indexOf(';'));
        assertThat(anon.with("Cookie", "token=" + token).get("/api/governance/virtual-keys").status()).isEqualTo(200);
        assertThat(anon.with("Authorization", "Bearer " + token).get("/api/governance/virtual-keys").status())
                .isEqualTo(200);
        assertThat(anon.with("Cookie", "token=" + token).get("/api/session/is-auth-enabled").json()
                .get("has_valid_token").asBoolean()).isTrue();
        assertThat(anon.with("Cookie", "token=" + token).post("/api/session/logout", "{}").status()).isEqualTo(200);
        assertThat(anon.with("Cookie", "token=" + token).get("/api/governance/virtual-keys").status()).isEqualTo(401);
    }

    @Test
    void loginWhenAuthDisabledIs403() {
        try (SandboxServer open = SandboxServer.start(SandboxOptions.defaults().withSeed(Seed.EMPTY))) {
            Http h = new Http(open.baseUrl());
            Resp r = h.post("/api/session/login", j("{'username':'a','password':'b'}"));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.message()).isEqualTo("Authentication is not enabled");
            assertThat(h.get("/api/governance/virtual-keys").status()).isEqualTo(200);
            assertThat(h.get("/api/session/is-auth-enabled").json().get("is_auth_enabled").asBoolean()).isFalse();
        }
    }
}
