package bifrostdesk.virtualkey.api;

/**
 * Every failure of a {@link BifrostClient} call. The message names the method, path, kind and status but never
 * a request or response body: VK responses carry key values and MCP connection strings.
 */
public final class ApiException extends Exception {

    public enum Kind {
        /** Any HTTP error status not covered by a more specific kind; see {@link #status()}. */
        HTTP,
        /** 401: no or wrong credentials, or the session expired. */
        UNAUTHORIZED,
        /** 404. */
        NOT_FOUND,
        /** 409, e.g. a duplicate virtual-key name on v1.5.2+. */
        CONFLICT,
        /** The answer was not JSON (typically an HTML page from a proxy or a web server). */
        NOT_JSON,
        /** A success answer that is broken or unexpected JSON. */
        MALFORMED_JSON,
        /** The connection broke off before the whole answer arrived. */
        CONNECTION_DROPPED,
        /** Connect, read or whole-call timeout. */
        TIMEOUT,
        /** Connection refused, unknown host, no route, TLS handshake failure. */
        UNREACHABLE,
        /** Cancelled by {@link BifrostClient#cancelAll()}, a {@link CancelToken} or thread interruption. */
        CANCELLED
    }

    private final Kind kind;
    private final int status;
    private final String serverMessage;
    private final String method;

    /**
     * Public so fakes of the client (view-model tests, the sandbox) can raise the same failures.
     *
     * @param status 0 when no HTTP answer arrived
     * @param path   the request path, shown in {@link #getMessage()}; never put a body or secret here
     */
    public ApiException(Kind kind, int status, String serverMessage, String method, String path, Throwable cause) {
        super(describe(kind, status, serverMessage, method, path), cause);
        this.kind = kind;
        this.status = status;
        this.serverMessage = serverMessage;
        this.method = method;
    }

    private static String describe(Kind kind, int status, String serverMessage, String method, String path) {
        StringBuilder sb = new StringBuilder().append(method).append(' ').append(path).append(": ").append(kind);
        if (status != 0) {
            sb.append(' ').append(status);
        }
        if (serverMessage != null) {
            sb.append(" — ").append(serverMessage);
        }
        return sb.toString();
    }

    static Kind kindForStatus(int status) {
        return switch (status) {
            case 401 -> Kind.UNAUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            default -> Kind.HTTP;
        };
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** Bifrost's {@code error.message}, or {@code null}. */
    public String serverMessage() {
        return serverMessage;
    }

    /**
     * Whether trying the same call again may help. Transient faults count only for reads: a POST or PUT that
     * dropped or timed out may have been applied (Bifrost commits before answering), so reload before repeating it.
     * An unreachable server never got the request, so that is retryable for every method.
     */
    public boolean isRetryable() {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return switch (kind) {
            case UNREACHABLE -> true;
            case TIMEOUT, CONNECTION_DROPPED -> read;
            case HTTP, NOT_JSON -> (status == 502 || status == 503 || status == 504) && read;
            default -> false;
        };
    }

    /** Plain words for the user. */
    public String userMessage() {
        String detail = serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage;
        return switch (kind) {
            case UNAUTHORIZED -> "The server did not accept the login (401)" + detail
                    + ". Log in again or check the user name and password.";
            case NOT_FOUND -> "Not found on the server (404)" + detail
                    + ". It may have been deleted, or the URL is not a Bifrost gateway.";
            case CONFLICT -> "The server refused the change because of a conflict (409)" + detail + ".";
            case HTTP -> status == 403 ? "The server does not allow this (403)" + detail + "."
                    : status >= 500 ? "The server reported an error (" + status + ")" + detail
                    + ". For a save, reload the key: the change may have been applied anyway."
                    : "The server rejected the request (" + status + ")" + detail + ".";
            case NOT_JSON -> "The server answered" + (status >= 300 ? " " + status : "")
                    + " with an HTML page instead of JSON — is the URL a Bifrost gateway, or is a proxy in the way?";
            case MALFORMED_JSON -> "The server's answer could not be understood (broken or unexpected JSON).";
            case CONNECTION_DROPPED -> "The connection broke off before the server finished answering."
                    + " For a save, reload the key to see whether it was applied.";
            case TIMEOUT -> "The server did not answer in time.";
            case UNREACHABLE -> "Cannot reach the server — is Bifrost running, and are the address and port right?";
            case CANCELLED -> "Cancelled.";
        };
    }
}
