package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.ServerEndpoint;

/** What one server connection learns while running, shared by every view of a {@link BifrostClient}. */
final class Session {
    private volatile String token;
    private volatile Dialect detected;
    private volatile String setupToken;
    private volatile AuthStatus authStatus;
    private volatile bifrostdesk.virtualkey.model.ServerFeatures features;

    Session(ServerEndpoint endpoint, String setupToken) {
        if (endpoint.credentials() instanceof Credentials.SessionToken t) {
            token = t.token();
        }
        setupToken(setupToken);
    }

    /** The v2.2.6 setup token sent on every {@code /api} call (§11.2.1), or null. */
    String setupToken() {
        return setupToken;
    }

    void setupToken(String value) {
        setupToken = value == null || value.isBlank() ? null : value.trim();
    }

    /** The last answer of {@code is-auth-enabled}, or null. */
    AuthStatus authStatus() {
        return authStatus;
    }

    void authStatus(AuthStatus value) {
        authStatus = value;
    }

    bifrostdesk.virtualkey.model.ServerFeatures features() {
        return features;
    }

    void features(bifrostdesk.virtualkey.model.ServerFeatures value) {
        features = value;
    }

    String token() {
        return token;
    }

    void token(String value) {
        token = value;
    }

    Dialect detected() {
        return detected;
    }

    void detected(Dialect value) {
        detected = value;
    }
}
