package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.ServerEndpoint;

/** What one server connection learns while running, shared by every view of a {@link BifrostClient}. */
final class Session {
    private volatile String token;
    private volatile Dialect detected;

    Session(ServerEndpoint endpoint) {
        if (endpoint.credentials() instanceof Credentials.SessionToken t) {
            token = t.token();
        }
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
