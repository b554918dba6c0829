package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.api.ApiException;

/** The status and words of a failure, whatever threw it. */
record ErrorInfo(int status, String message) {
    static ErrorInfo of(Throwable t) {
        Throwable e = t;
        while (!(e instanceof ApiException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ApiException api) {
            String server = api.serverMessage();
            return new ErrorInfo(api.status(), server != null && !server.isBlank() ? server : api.userMessage());
        }
        return new ErrorInfo(0, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
}
