package bifrostdesk.virtualkey.api;

/** Progress of a multi-page read. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    /** Called after each page: items read so far and the server's total (may grow or shrink while paging). */
    void progress(int done, int total);

    /** Checked before each page; {@code true} stops the read with {@link ApiException.Kind#CANCELLED}. */
    default boolean isCancelled() {
        return false;
    }
}
