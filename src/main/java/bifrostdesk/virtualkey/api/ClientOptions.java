package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and an optional dialect override for a {@link BifrostClient}.
 *
 * @param connectTimeout TCP/TLS connect
 * @param readTimeout    longest silence while reading an answer (and writing a request)
 * @param callTimeout    the whole call including retries; {@link Duration#ZERO} = none
 * @param dialect        fixed dialect, or {@code null} to use {@link BifrostClient#detectDialect()}
 * @param trustedCa      a PEM file to trust besides the system's CAs, or {@code null}
 * @param setupToken     the gateway's v2.2.6 setup token, sent as {@code X-Bifrost-Setup-Token} on every {@code /api}
 *                       call (REFERENCE-v2.md §11.2.1), or {@code null}; never shown by {@link #toString()}
 */
public record ClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout, Dialect dialect,
                            java.nio.file.Path trustedCa, String setupToken) {

    public ClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        setupToken = setupToken == null || setupToken.isBlank() ? null : setupToken.trim();
    }

    public ClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout, Dialect dialect) {
        this(connectTimeout, readTimeout, callTimeout, dialect, null, null);
    }

    public ClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout, Dialect dialect,
                         java.nio.file.Path trustedCa) {
        this(connectTimeout, readTimeout, callTimeout, dialect, trustedCa, null);
    }

    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60), null, null, null);
    }

    public ClientOptions withTimeouts(Duration connect, Duration read, Duration call) {
        return new ClientOptions(connect, read, call, dialect, trustedCa, setupToken);
    }

    public ClientOptions withDialect(Dialect value) {
        return new ClientOptions(connectTimeout, readTimeout, callTimeout, value, trustedCa, setupToken);
    }

    /** Trust this PEM certificate file in addition to the system's CAs (gateways with their own CA). */
    public ClientOptions withTrustedCa(java.nio.file.Path value) {
        return new ClientOptions(connectTimeout, readTimeout, callTimeout, dialect, value, setupToken);
    }

    /** Sends this setup token on every {@code /api} call (blank or {@code null}: none). */
    public ClientOptions withSetupToken(String value) {
        return new ClientOptions(connectTimeout, readTimeout, callTimeout, dialect, trustedCa, value);
    }

    /** Never shows the setup token: options end up in logs and exception texts. */
    @Override
    public String toString() {
        return "ClientOptions[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout="
                + callTimeout + ", dialect=" + dialect + ", trustedCa=" + trustedCa + ", setupToken="
                + (setupToken == null ? "none" : "***") + "]";
    }
}
