package bifrostdesk.sandbox;

/**
 * An error a handler answers with Bifrost's error envelope. {@code wrapped} errors happen "inside the
 * transaction" and get the handler's prefix ("Failed to update virtual key: ...").
 */
final class ApiException extends RuntimeException {
    final int status;
    final boolean wrapped;

    private ApiException(int status, String message, boolean wrapped) {
        super(message, null, false, false);
        this.status = status;
        this.wrapped = wrapped;
    }

    /** A plain error reported with its message as is. */
    static ApiException bare(int status, String message) {
        return new ApiException(status, message, false);
    }

    /** A badRequestError raised inside the update transaction (400 with the handler prefix). */
    static ApiException badRequest(String message) {
        return new ApiException(400, message, true);
    }

    /** A plain error inside the transaction (500 with the handler prefix). */
    static ApiException internal(String message) {
        return new ApiException(500, message, true);
    }

    /** Message as sent, with the prefix when wrapped. */
    String render(String prefix) {
        return wrapped ? prefix + getMessage() : getMessage();
    }
}
