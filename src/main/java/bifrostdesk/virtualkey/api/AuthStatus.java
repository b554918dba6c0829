package bifrostdesk.virtualkey.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /api/session/is-auth-enabled} says (public on every version, also while the v2.2.6 setup lock is
 * on; REFERENCE-v2.md §11.2.1). Keys a server does not send count as {@code false}: servers before v2.2.6 have no
 * {@code setup_required} and {@code setup_token_configured}, and their {@code /api} is not locked.
 *
 * @param authEnabled          {@code is_auth_enabled}: dashboard auth is on, sign in (§11.2.2)
 * @param hasValidToken        {@code has_valid_token}: the request carried a valid session
 * @param setupRequired        {@code setup_required}: the setup lock is installed and dashboard auth is off, so every
 *                             non-public {@code /api} call needs {@code X-Bifrost-Setup-Token}
 * @param setupTokenConfigured {@code setup_token_configured}: the operator gave the server a setup token
 */
public record AuthStatus(boolean authEnabled, boolean hasValidToken, boolean setupRequired,
                         boolean setupTokenConfigured) {

    /** A server without the endpoint (404): nothing is known, nothing is locked. */
    public static final AuthStatus UNKNOWN = new AuthStatus(false, false, false, false);

    /** Locked, and the server has a token: ask the user for it and send it on every {@code /api} call. */
    public boolean needsSetupToken() {
        return setupRequired && setupTokenConfigured;
    }

    /** Locked without a token on the server: nothing but the public routes works until Bifrost is restarted. */
    public boolean lockedWithoutToken() {
        return setupRequired && !setupTokenConfigured;
    }

    /** Parses the answer; {@code null} when {@code is_auth_enabled} is missing or not a boolean. */
    static AuthStatus parse(JsonNode json) {
        if (!json.path("is_auth_enabled").isBoolean()) {
            return null;
        }
        return new AuthStatus(json.get("is_auth_enabled").asBoolean(), json.path("has_valid_token").asBoolean(false),
                json.path("setup_required").asBoolean(false), json.path("setup_token_configured").asBoolean(false));
    }
}
