package bifrostdesk.connection;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * A Bifrost gateway to talk to: its base URL (e.g. {@code http://localhost:8080}, or a proxy path such as
 * {@code https://gw.example.com/bifrost}) and the credentials to use. Immutable.
 * <p>
 * User info in the URL ({@code http://user:pass@host}) is refused so a password can never hide in the URL,
 * which is shown in the UI and in messages; use {@link Credentials#basic} instead.
 */
public final class ServerEndpoint {
    private final HttpUrl baseUrl;
    private final Credentials credentials;

    public ServerEndpoint(String baseUrl, Credentials credentials) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        HttpUrl url = HttpUrl.parse(baseUrl.trim());
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl.trim());
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("Put the user name and password in the credentials, not in the URL");
        }
        this.baseUrl = url.newBuilder().query(null).fragment(null).build();
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    public static ServerEndpoint of(String baseUrl) {
        return new ServerEndpoint(baseUrl, Credentials.none());
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public Credentials credentials() {
        return credentials;
    }

    public ServerEndpoint withCredentials(Credentials value) {
        return new ServerEndpoint(baseUrl.toString(), value);
    }

    /** {@code host:port}, for messages such as "cannot reach …". */
    public String hostAndPort() {
        return baseUrl.host() + ":" + baseUrl.port();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerEndpoint other && baseUrl.equals(other.baseUrl)
                && credentials.equals(other.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, credentials);
    }

    @Override
    public String toString() {
        return baseUrl + " (" + credentials + ")";
    }
}
