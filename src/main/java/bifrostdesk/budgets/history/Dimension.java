package bifrostdesk.budgets.history;

/** What the stacked spend chart splits by: the gateway's by-dimension histogram dimensions (LOGS.md §4.2). */
public enum Dimension {
    TEAM("team_id", "Team"),
    CUSTOMER("customer_id", "Customer"),
    PROVIDER("provider", "Provider");

    private final String query;
    private final String label;

    Dimension(String query, String label) {
        this.query = query;
        this.label = label;
    }

    /** The {@code dimension} parameter of {@code /api/logs/histogram/cost/by-dimension}. */
    public String query() {
        return query;
    }

    public String label() {
        return label;
    }
}
