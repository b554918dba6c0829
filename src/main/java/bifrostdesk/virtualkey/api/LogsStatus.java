package bifrostdesk.virtualkey.api;

/**
 * Whether the gateway keeps request logs, so that spend history can come from it (LOGS.md §7.1, §10 step 1), and
 * how far back (§7.2). {@link #sentence()} says it in words for the Budgets tab and the command line.
 *
 * @param retentionDays {@code client_config.log_retention_days}, 365 when the server does not say (§7.2)
 */
public record LogsStatus(Availability availability, int retentionDays) {
    /** Bifrost's default {@code log_retention_days} (§7.2). */
    public static final int DEFAULT_RETENTION_DAYS = 365;

    public enum Availability {
        /** The cost histogram answered with JSON. */
        AVAILABLE,
        /** {@code client_config.enable_logging} is false: the logging plugin is not loaded (§7.1). */
        LOGGING_DISABLED,
        /** {@code is_logs_connected} is false: no logs store, so no plugin and no routes (§7.1). */
        NO_LOGS_STORE,
        /** The logs routes are not registered: the router's JSON 404 "Route not found" (§7.1, current builds). */
        ROUTES_MISSING,
        /** An HTML page with status 200 instead of JSON: an older build's UI catch-all (§7.1). */
        OLD_BUILD_HTML
    }

    public boolean available() {
        return availability == Availability.AVAILABLE;
    }

    /** Plain words: what the gateway keeps and where history comes from instead. */
    public String sentence() {
        String fallback = " — history comes from this app's own snapshots.";
        return switch (availability) {
            case AVAILABLE -> "This gateway keeps request logs for " + retentionDays + " day"
                    + (retentionDays == 1 ? "" : "s") + ": spend history comes from them.";
            case LOGGING_DISABLED -> "This gateway keeps no request logs (logging is turned off)" + fallback;
            case NO_LOGS_STORE -> "This gateway keeps no request logs (no logs store is configured)" + fallback;
            case ROUTES_MISSING -> "This gateway keeps no request logs (its logs endpoints are not there)" + fallback;
            case OLD_BUILD_HTML -> "This gateway keeps no request logs that this app can read (it answered with a web"
                    + " page, as older builds do when logging is off)" + fallback;
        };
    }
}
