package bifrostdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** {@code /api/session/*}. */
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
                ex.ok(o);
            }
            case "POST /api/session/login" -> login(ex);
            case "POST /api/session/logout" -> {
                auth.endSession(SessionAuth.sessionToken(ex));
                ex.http.getResponseHeaders().add("Set-Cookie", "token=; Path=/; Max-Age=0; HttpOnly");
                ex.ok(Json.obj().put("message", "Logout successful"));
            }
            default -> {
                return false;
            }
        }
        return true;
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
