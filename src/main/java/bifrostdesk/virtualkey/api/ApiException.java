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
        CANCELLED,
        /**
         * 401 from the v2.2.6 setup lock (REFERENCE-v2.md §11.2.1): dashboard auth is off and the request carried no
         * {@code X-Bifrost-Setup-Token}. Not a sign-in problem: asking for a user and password would not help.
         */
        SETUP_TOKEN_REQUIRED,
        /** 403 {@code invalid setup token} (§11.2.1): the setup token sent is wrong. Ask for it again. */
        SETUP_TOKEN_INVALID,
        /**
         * 403 {@code ... no setup token is set ...} (§11.2.1): the server is locked and has no token, so nothing but
         * the public routes works until the operator restarts Bifrost with one.
         */
        SETUP_TOKEN_NOT_CONFIGURED
    }

    /**
     * The stable parts of the setup lock's {@code error.message} texts (REFERENCE-v2.md §11.2.1, §11.12; from
     * {@code SetupLockMiddleware} in middlewares.go). The status alone cannot tell them apart: a 401 may be an
     * ordinary {@code Unauthorized} and a 403 an enterprise RBAC refusal.
     */
    static final String LOCK_MISSING_TEXT = "X-Bifrost-Setup-Token";
    static final String LOCK_INVALID_TEXT = "invalid setup token";
    static final String LOCK_NOT_SET_TEXT = "no setup token is set";

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

    /** The kind of an HTTP error answer: by status, and for the setup lock's 401/403 by its message too. */
    static Kind kindFor(int status, String serverMessage) {
        String m = serverMessage == null ? "" : serverMessage.toLowerCase(java.util.Locale.ROOT);
        if (status == 401 && m.contains(LOCK_MISSING_TEXT.toLowerCase(java.util.Locale.ROOT))) {
            return Kind.SETUP_TOKEN_REQUIRED;
        }
        if (status == 403 && m.contains(LOCK_NOT_SET_TEXT)) {
            return Kind.SETUP_TOKEN_NOT_CONFIGURED;
        }
        if (status == 403 && m.contains(LOCK_INVALID_TEXT)) {
            return Kind.SETUP_TOKEN_INVALID;
        }
        return kindForStatus(status);
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

    /** One of the setup lock's refusals (§11.2.1): the fix is a setup token, not a sign-in. */
    public boolean isSetupLock() {
        return kind == Kind.SETUP_TOKEN_REQUIRED || kind == Kind.SETUP_TOKEN_INVALID
                || kind == Kind.SETUP_TOKEN_NOT_CONFIGURED;
    }

    /** The setup lock wants a token and none was sent (401). */
    public boolean isSetupTokenMissing() {
        return kind == Kind.SETUP_TOKEN_REQUIRED;
    }

    /** The setup lock refused the token sent (403 {@code invalid setup token}). */
    public boolean isSetupTokenInvalid() {
        return kind == Kind.SETUP_TOKEN_INVALID;
    }

    /** The server is locked and has no setup token configured (403): it must be restarted with one. */
    public boolean isSetupTokenNotConfigured() {
        return kind == Kind.SETUP_TOKEN_NOT_CONFIGURED;
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

    /** §11.2.1: the operator sets the token; the server never generates nor logs it. */
    public static final String WHERE_THE_TOKEN_IS = "The operator set it as setup_token in config.json or the "
            + "BIFROST_SETUP_TOKEN environment variable; Bifrost never prints it.";

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
            case SETUP_TOKEN_REQUIRED -> "The gateway is locked until it is set up (401): it needs its setup token. "
                    + WHERE_THE_TOKEN_IS;
            case SETUP_TOKEN_INVALID -> "The gateway did not accept the setup token (403 invalid setup token). "
                    + WHERE_THE_TOKEN_IS;
            case SETUP_TOKEN_NOT_CONFIGURED -> "The gateway is locked and has no setup token (403), so nothing can be "
                    + "read or changed. The operator must set setup_token in config.json (or the BIFROST_SETUP_TOKEN "
                    + "environment variable) and restart Bifrost.";
        };
    }
}
