package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.api.Dialect;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.model.VirtualKey;

/** What the editor needs from the server: read a key, send one planned request. Blocking; run off the FX thread. */
public interface EditorBackend {
    VirtualKey fetch(String id) throws Exception;

    /** Sends one request; returns the key from the response, or null when the response has none. */
    VirtualKey send(PlannedRequest request) throws Exception;

    Dialect dialect();
}
