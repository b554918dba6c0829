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
 */
public record ClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout, Dialect dialect,
                            java.nio.file.Path trustedCa) {

    public ClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    public ClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout, Dialect dialect) {
        this(connectTimeout, readTimeout, callTimeout, dialect, null);
    }

    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60), null, null);
    }

    public ClientOptions withTimeouts(Duration connect, Duration read, Duration call) {
        return new ClientOptions(connect, read, call, dialect, trustedCa);
    }

    public ClientOptions withDialect(Dialect value) {
        return new ClientOptions(connectTimeout, readTimeout, callTimeout, value, trustedCa);
    }

    /** Trust this PEM certificate file in addition to the system's CAs (gateways with their own CA). */
    public ClientOptions withTrustedCa(java.nio.file.Path value) {
        return new ClientOptions(connectTimeout, readTimeout, callTimeout, dialect, value);
    }
}
