package bifrostdesk.virtualkey.api;

import java.util.List;
import java.util.Locale;

/**
 * Recognises the 500 answers that follow a <em>committed</em> write (REFERENCE §2.6.6, REFERENCE-v2.md §11.12):
 * "Virtual key updated in database but failed to reload in-memory state", "… budget usage reset did not take
 * effect", "… calendar alignment did not take effect", "budget override saved but virtual key reload failed",
 * "virtual key rotated in database but …". After one of them the change is on the server: re-read, never resend
 * (a resent PUT would create new provider configs a second time, with inherited usage).
 */
public final class CommittedErrors {
    private static final List<String> MARKERS = List.of("updated in database", "did not take effect", "saved but",
            "rotated in database");

    private CommittedErrors() {
    }

    /** True when {@code e} is a 5xx whose message says the change was stored anyway. */
    public static boolean isCommitted(Throwable e) {
        if (!(e instanceof ApiException a) || a.status() < 500 || a.serverMessage() == null) {
            return false;
        }
        String m = a.serverMessage().toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(m::contains);
    }
}
