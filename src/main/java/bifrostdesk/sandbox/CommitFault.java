package bifrostdesk.sandbox;

/**
 * The "saved but" failures of a real server: the change is committed, then a later step fails and the request
 * answers 500 (REFERENCE §2.6.6, REFERENCE-v2 §11.12). Arm one with {@link SandboxServer#failNextAfterCommit}; it
 * fires once, on the next request that reaches that step, and stays armed while requests fail validation first.
 */
public enum CommitFault {
    /** Next successful VK PUT: committed, in-memory reload failed. */
    RELOAD("Virtual key updated in database but failed to reload in-memory state"),
    /** Next VK PUT with {@code reset_budget_usage: true}: committed, but usage is not reset. */
    USAGE_RESET("Virtual key updated but budget usage reset did not take effect"),
    /** Next VK PUT that switches {@code calendar_aligned} on: flag committed, {@code last_reset} not adopted. */
    CALENDAR("Virtual key updated but calendar alignment did not take effect"),
    /** Next single-key rotate: the new value is stored. */
    ROTATE_RELOAD("Failed to rotate virtual key: virtual key rotated in database but failed to reload in-memory state"),
    /** Next budget override PUT or DELETE: the override change is stored. */
    OVERRIDE_RELOAD("budget override saved but virtual key reload failed");

    private final String message;

    CommitFault(String message) {
        this.message = message;
    }

    /** The exact {@code error.message} the server sends. */
    public String message() {
        return message;
    }
}
