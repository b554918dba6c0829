/**
 * The connection's desktop side: {@link bifrostdesk.connection.ui.ConnectionSession} (one window's connection:
 * sign-in, the setup lock, online and offline with the reconnect timer, the server's facts and lookups), the profiles
 * window with its {@link bifrostdesk.connection.ui.ProfilesViewModel}, and the sign-in and setup-token dialogs.
 * <p>
 * Invariants: the session and the view-models use JavaFX properties but no controls; every profiles-file and
 * keychain call, and every call to the gateway, runs in the task runner, never on the FX thread. The rest of
 * {@code connection} has no JavaFX (the command line uses it).
 */
package bifrostdesk.connection.ui;
