package bifrostdesk.connection;

/**
 * Calls back every few seconds while a window is offline, until stopped; the session starts it when the server is
 * lost and stops it once connected. The app's runs on the FX clock; view-model tests use {@link #NONE} and call
 * {@code tryReconnect()} themselves.
 */
public interface ReconnectTimer {
    /** Starts calling {@code tick} (on the FX thread); a timer already running keeps its rhythm. */
    void start(Runnable tick);

    void stop();

    /** No timer: nothing reconnects by itself. */
    ReconnectTimer NONE = new ReconnectTimer() {
        @Override
        public void start(Runnable tick) {
        }

        @Override
        public void stop() {
        }
    };
}
