package bifrostdesk.connection.ui;

import bifrostdesk.virtualkey.api.ApiException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a connection failed, in words that say what to do: nothing answers, the certificate is not trusted, the
 * gateway wants a sign-in or its setup token, or what answered is not a Bifrost. The profile editor's test and the
 * offline reason use it. Pure.
 */
public final class ConnectionProblems {
    private ConnectionProblems() {
    }

    /** {@code e} explained for someone connecting to {@code url}; {@code triedSignIn} when credentials were sent. */
    public static String explain(Throwable e, String url, boolean triedSignIn) {
        if (!(e instanceof ApiException api)) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String where = hostAndPort(url);
        if (api.isSetupLock()) {
            return (api.isSetupTokenNotConfigured() ? "" : "Setup token needed. ") + api.userMessage()
                    + (api.isSetupTokenNotConfigured() ? "" : " Choose \"setup token\" under Sign-in and paste it.");
        }
        return switch (api.kind()) {
            case UNREACHABLE -> unreachable(api, where, url);
            case TIMEOUT -> "No answer from " + where + " in time. The host may be wrong, or a firewall or proxy "
                    + "drops the connection.";
            case UNAUTHORIZED -> triedSignIn
                    ? "Sign-in refused: the gateway did not accept the user name or password."
                    : "Sign-in needed: this gateway has its admin sign-in on. Choose \"user and password\" under "
                    + "Sign-in and enter the admin user and password.";
            case NOT_JSON, NOT_FOUND, MALFORMED_JSON -> "Not a Bifrost: " + where + " answered, but not as a Bifrost "
                    + "gateway does. Check the port, and the path if the gateway sits behind a proxy. (" + api.userMessage()
                    + ")";
            case CONNECTION_DROPPED -> "The connection to " + where + " broke off. If the address starts with "
                    + "https, the gateway may speak plain http (or the other way round).";
            case HTTP -> api.status() >= 500
                    ? "The gateway at " + where + " is there but reports a problem: " + api.userMessage()
                    : api.userMessage();
            default -> api.userMessage();
        };
    }

    private static String unreachable(ApiException api, String where, String url) {
        Throwable cause = api.getCause();
        if (has(cause, SSLPeerUnverifiedException.class)) {
            return "TLS: the certificate of " + where + " is for another host name. Use the name the certificate "
                    + "was made for.";
        }
        if (has(cause, SSLException.class) || has(cause, CertificateException.class)) {
            return "TLS: the certificate of " + where + " is not trusted. If the gateway uses your own certificate "
                    + "authority, choose its PEM file under Trusted CA"
                    + (url.startsWith("https://") ? "; if the gateway speaks plain http, use http:// instead." : ".");
        }
        if (has(cause, UnknownHostException.class)) {
            return "Unknown host: there is no machine named " + where.replaceFirst(":\\d+$", "")
                    + ". Check the address.";
        }
        if (has(cause, ConnectException.class)) {
            return "Nothing answers at " + where + ". Is Bifrost running there, and is the port right?";
        }
        return api.userMessage();
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The host and port of a URL, for sentences. */
    private static String hostAndPort(String url) {
        try {
            java.net.URI u = java.net.URI.create(url.trim());
            if (u.getHost() == null) {
                return url;
            }
            int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            return u.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
