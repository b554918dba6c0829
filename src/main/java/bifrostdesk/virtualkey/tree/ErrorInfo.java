package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.api.ApiException;

/** The status and words of a failure, whatever threw it. */
record ErrorInfo(int status, String message, boolean unreachable) {
    static ErrorInfo of(Throwable t) {
        Throwable e = t;
        while (!(e instanceof ApiException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ApiException api) {
            String server = api.serverMessage();
            boolean down = api.kind() == ApiException.Kind.UNREACHABLE || api.kind() == ApiException.Kind.TIMEOUT
                    || api.kind() == ApiException.Kind.CONNECTION_DROPPED;
            return new ErrorInfo(api.status(), server != null && !server.isBlank() ? server : api.userMessage(), down);
        }
        return new ErrorInfo(0, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), false);
    }
}
