package bifrostdesk.connection;

import bifrostdesk.virtualkey.model.Dialect;
import java.util.Map;

/**
 * What the rest of a window needs to know about its connection, read on the FX thread: whether the server answers,
 * the dialect it speaks, and team and customer names (for the plans' sentences). The window's session
 * ({@code connection.ui.ConnectionSession}) implements it; the key commands and the sync read it.
 */
public interface ConnectionState {
    boolean isOnline();

    /** The dialect the server was found to speak ({@link Dialect#LATER} until connected). */
    Dialect dialect();

    /** Team and customer names by id, from the lookups. */
    Map<String, String> ownerNamesById();
}
