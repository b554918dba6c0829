package bifrostdesk.virtualkey.model;

/**
 * One problem found by {@link VirtualKeyRules} (or reported by the server, or a field that does not parse).
 *
 * @param key      the field it is about: a node of the editor tree ({@code ""} = the key itself, {@code budgets/0},
 *                 {@code provider_configs/2/keys}, …) and a field on it, {@link Field#NODE} when the problem is
 *                 about the node as a whole
 * @param severity error (blocks saving) or warning
 * @param message  a sentence for the user
 */
public record Violation(FieldKey key, Severity severity, String message) {
    /** A problem at the field {@code field} of the node at {@code path}. */
    public static Violation at(String path, Field field, Severity severity, String message) {
        return new Violation(FieldKey.of(path, field), severity, message);
    }

    /** The node's path as text: {@code ""}, {@code budgets/0}, {@code provider_configs/2/rate_limit}, … */
    public String path() {
        return key.path();
    }

    /** The field's id ({@code name}, {@code max_limit}, …), or {@code ""} for the node as a whole. */
    public String field() {
        return key.field().id();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
