package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.model.VirtualKey;

/** What the editor needs from the server: read a key, send one planned request. Blocking; run off the FX thread. */
public interface EditorBackend {
    VirtualKey fetch(String id) throws Exception;

    /** Sends one request; returns the key from the response, or null when the response has none. */
    VirtualKey send(PlannedRequest request) throws Exception;

    Dialect dialect();

    /**
     * Whether another key on the server already has this name. Bifrost reports a clash only as a unique-index
     * error that may name "value hash" instead (REFERENCE §2.6.6), so the editor asks first.
     */
    default boolean nameTaken(String name, String exceptId) throws Exception {
        return false;
    }

    /**
     * The server could not be reached for a save: keep the edit as a draft queued for sync. Returns true when it
     * was queued (the app has a workspace), false when the edit can only stay open.
     */
    default boolean queueForSync(VirtualKey base, VirtualKey edited) {
        return false;
    }

    /**
     * Records what a save sent and how it ended (the sync journal). Called on the background thread that sent it.
     */
    default void journal(String action, VirtualKey key, java.util.List<PlannedRequest> sent, boolean ok,
                         String result) {
    }

    /**
     * The server answered 401 in the middle of work: ask the user to sign in again. {@code signedIn} runs (on the
     * FX thread) once they did. Returns false when the app cannot sign in (then the error is shown as is).
     */
    default boolean signInAgain(Runnable signedIn) {
        return false;
    }

    /** Team and customer names by id, so the plan can say "detaches the key from team Platform". */
    default java.util.Map<String, String> ownerNames() {
        return java.util.Map.of();
    }
}
