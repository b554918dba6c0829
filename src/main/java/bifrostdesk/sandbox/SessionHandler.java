package bifrostdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** {@code /api/session/*}, with the v2.2.6 setup lock's additions (REFERENCE-v2.md §11.2.1). */
final class SessionHandler {
    private final SessionAuth auth;

    SessionHandler(SessionAuth auth) {
        this.auth = auth;
    }

    /** Returns false when the path is not a session route. */
    boolean handle(Exchange ex) throws IOException {
        switch (ex.method + " " + ex.path) {
            case "GET /api/session/is-auth-enabled" -> {
                ObjectNode o = Json.obj();
                o.put("is_auth_enabled", auth.enabled());
                o.put("has_valid_token", auth.enabled() && auth.hasValidSession(ex));
                if (auth.reportsSetupLock()) {
                    // v2.2.6 shape (S:handlers/session.go); older servers omit these keys
                    o.put("auth_type", auth.enabled() ? "password" : "none");
                    o.put("setup_required", auth.setupRequired());
                    o.put("setup_token_configured", auth.setupTokenConfigured());
                }
                ex.ok(o);
            }
            case "POST /api/session/setup" -> setup(ex);
            case "POST /api/session/login" -> login(ex);
            case "POST /api/session/logout" -> {
                auth.endSession(SessionAuth.sessionToken(ex));
                ex.http.getResponseHeaders().add("Set-Cookie", "token=; Path=/; Max-Age=0; HttpOnly");
                // §11.2.1: logout also clears the setup session
                ex.http.getResponseHeaders().add("Set-Cookie", SessionAuth.SETUP_COOKIE
                        + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
                ex.ok(Json.obj().put("message", "Logout successful"));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code POST /api/session/setup} (§11.2.1). Not public: the lock has already checked the request. 409 when the
     * lock is not active; 403 unless the header holds the token; else the 12-hour setup session cookie.
     */
    private void setup(Exchange ex) throws IOException {
        if (!auth.setupRequired()) {
            ex.error(409, "the setup lock is not active");
            return;
        }
        if (!auth.setupTokenMatches(ex.header(SessionAuth.SETUP_HEADER))) {
            ex.error(403, SessionAuth.LOCK_INVALID);
            return;
        }
        java.time.Instant expires = java.time.Instant.now().plusSeconds(SessionAuth.SETUP_SESSION_SECONDS)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ex.http.getResponseHeaders().add("Set-Cookie", SessionAuth.SETUP_COOKIE + "="
                + auth.newSetupSession(expires.getEpochSecond()) + "; Path=/; Max-Age="
                + SessionAuth.SETUP_SESSION_SECONDS + "; HttpOnly; SameSite=Strict");
        ex.ok(Json.obj().put("expires_at", expires.toString()));
    }

    private void login(Exchange ex) throws IOException {
        if (!auth.enabled()) {
            ex.error(403, "Authentication is not enabled");
            return;
        }
        JsonNode body = ex.jsonBody();
        String u = body.path("username").asText("");
        String p = body.path("password").asText("");
        if (!auth.credentialsMatch(u, p)) {
            ex.error(401, "Invalid username or password");
            return;
        }
        String token = auth.newSession();
        ex.http.getResponseHeaders().add("Set-Cookie",
                "token=" + token + "; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax");
        ex.ok(Json.obj().put("message", "Login successful"));
    }
}
