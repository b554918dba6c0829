package bifrostdesk.bulk.ui;

import bifrostdesk.bulk.BudgetScope;
import bifrostdesk.bulk.BulkOperation;
import bifrostdesk.bulk.BulkOperations;
import bifrostdesk.bulk.LimitChange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The operations the bulk dialog offers, each with the labels of the (at most three) text fields its small form
 * needs, and how those texts become a {@link BulkOperation}. Pure; the view shows the fields a kind names.
 */
public enum OperationKind {
    DEACTIVATE("Deactivate"),
    ACTIVATE("Activate"),
    CHANGE_BUDGET("Change a budget's limit", "Reset duration (e.g. 1d)", "New limit: USD or percent (e.g. -20%)"),
    ADD_BUDGET("Add a budget", "Reset duration (e.g. 1w)", "Limit in USD"),
    REMOVE_BUDGET("Remove a budget", "Reset duration (e.g. 1M)"),
    SET_RATE_LIMIT("Set the rate limit", "Tokens per duration (e.g. 100000/1h)", "Requests per duration (e.g. 500/1m)"),
    REMOVE_RATE_LIMIT("Remove the rate limit"),
    ADD_PROVIDER("Add a provider", "Provider (e.g. anthropic)", "Models, comma-separated (* = every model)",
            "Weight (empty = none)"),
    REMOVE_PROVIDER("Remove a provider", "Provider"),
    REPLACE_MODELS("Replace a provider's models", "Provider", "Models, comma-separated"),
    EXTEND_MODELS("Allow more models", "Provider", "Models to add, comma-separated"),
    ATTACH_MCP("Attach an MCP client", "MCP client", "Tools, comma-separated (* = every tool)"),
    DETACH_MCP("Detach an MCP client", "MCP client"),
    CHANGE_OWNER("Change the owner", "Owner: team id, customer id or business unit id (empty = none)"),
    SET_EXPIRY("Set the expiry", "Date (e.g. 2027-01-31)"),
    CLEAR_EXPIRY("Clear the expiry"),
    RESET_USAGE("Reset budget usage"),
    ROTATE("Rotate the values"),
    DELETE("Delete the keys");

    /** What kind of owner an id names, for the owner operation. */
    public enum OwnerKind {
        TEAM, CUSTOMER, BUSINESS_UNIT;

        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** An owner the owner operation can name. */
    public record Owner(OwnerKind kind, String name) {
    }

    private final String label;
    private final List<String> fields;

    OperationKind(String label, String... fields) {
        this.label = label;
        this.fields = List.of(fields);
    }

    public String label() {
        return label;
    }

    /** The labels of the text fields this kind's form shows, in order. */
    public List<String> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The operation for the texts of the form.
     *
     * @param texts  the fields' texts, in {@link #fields()} order
     * @param scope  whose budgets or rate limits: the key's, the provider configs' or both
     * @param owners id → what kind of owner it is and its name, for the owner operation
     * @throws IllegalArgumentException with a plain message when a text does not fit
     */
    public BulkOperation build(List<String> texts, BudgetScope scope, java.util.Map<String, Owner> owners) {
        String a = text(texts, 0);
        String b = text(texts, 1);
        String c = text(texts, 2);
        return switch (this) {
            case DEACTIVATE -> BulkOperations.setActive(false);
            case ACTIVATE -> BulkOperations.setActive(true);
            case CHANGE_BUDGET -> BulkOperations.changeBudget(scope, need(a, 0), LimitChange.parse(b));
            case ADD_BUDGET -> BulkOperations.addBudget(scope, need(a, 0), LimitChange.parse(b).value());
            case REMOVE_BUDGET -> BulkOperations.removeBudget(scope, need(a, 0));
            case SET_RATE_LIMIT -> {
                String[] t = perDuration(a);
                String[] r = perDuration(b);
                if (t == null && r == null) {
                    throw new IllegalArgumentException("Give a token or a request limit, e.g. 100000/1h");
                }
                yield BulkOperations.setRateLimit(scope, t == null ? null : Long.parseLong(t[0]),
                        t == null ? null : t[1], r == null ? null : Long.parseLong(r[0]), r == null ? null : r[1]);
            }
            case REMOVE_RATE_LIMIT -> BulkOperations.removeRateLimit(scope);
            case ADD_PROVIDER -> BulkOperations.addProvider(need(a, 0), list(b.isEmpty() ? "*" : b),
                    c.isEmpty() ? null : number(c));
            case REMOVE_PROVIDER -> BulkOperations.removeProvider(need(a, 0));
            case REPLACE_MODELS -> BulkOperations.setModels(need(a, 0), list(need(b, 1)), false);
            case EXTEND_MODELS -> BulkOperations.setModels(need(a, 0), list(need(b, 1)), true);
            case ATTACH_MCP -> BulkOperations.attachMcp(need(a, 0), list(b.isEmpty() ? "*" : b));
            case DETACH_MCP -> BulkOperations.detachMcp(need(a, 0));
            case CHANGE_OWNER -> {
                if (a.isEmpty()) {
                    yield BulkOperations.changeOwner(null, null, null, null);
                }
                Owner o = owners.get(a);
                if (o == null) {
                    throw new IllegalArgumentException("No team, customer or business unit with the id " + a);
                }
                yield BulkOperations.changeOwner(o.kind() == OwnerKind.TEAM ? a : null,
                        o.kind() == OwnerKind.CUSTOMER ? a : null, o.kind() == OwnerKind.BUSINESS_UNIT ? a : null,
                        o.kind().words() + " " + o.name());
            }
            case SET_EXPIRY -> BulkOperations.setExpiry(date(need(a, 0)));
            case CLEAR_EXPIRY -> BulkOperations.setExpiry(null);
            case RESET_USAGE -> BulkOperations.resetUsage();
            case ROTATE -> BulkOperations.rotate();
            case DELETE -> BulkOperations.delete();
        };
    }

    private static String text(List<String> texts, int i) {
        return i < texts.size() && texts.get(i) != null ? texts.get(i).trim() : "";
    }

    private String need(String v, int i) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Fill in: " + fields.get(i));
        }
        return v;
    }

    private static String[] perDuration(String v) {
        if (v.isEmpty()) {
            return null;
        }
        String[] p = v.split("/");
        if (p.length != 2 || !p[0].trim().matches("\\d{1,18}") || p[1].isBlank()) {
            throw new IllegalArgumentException("'" + v + "' is not a limit per duration, e.g. 100000/1h");
        }
        return new String[] {p[0].trim(), p[1].trim()};
    }

    private static double number(String v) {
        if (!v.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("'" + v + "' is not a weight, e.g. 0.5");
        }
        return Double.parseDouble(v);
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant date(String v) {
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a date — use 2027-01-31");
        }
    }
}
