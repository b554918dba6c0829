package bifrostdesk.virtualkey.model;

import java.util.Objects;

/**
 * One field of one node: where the editor keeps raw text, parse problems and "touched" marks, and where a
 * {@link Violation} points. Its text form is {@code <node path>#<field id>}, e.g. {@code budgets/0#max_limit}: the
 * key of a draft's {@code rawText} map on disk (docs/workspace-format.md). {@link #parse} and {@link #toString}
 * are the only places that know that form.
 */
public record FieldKey(NodePath node, Field field) {
    private static final char SEPARATOR = '#';

    public FieldKey {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(field, "field");
    }

    /** The field {@code field} of the node at {@code path} ({@code ""} for the key). */
    public static FieldKey of(String path, Field field) {
        return new FieldKey(NodePath.parse(path), field);
    }

    /**
     * Reads the text form, {@code budgets/0#max_limit}.
     *
     * @throws IllegalArgumentException when it names no node or no field this version knows
     */
    public static FieldKey parse(String text) {
        int at = text.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a field key: " + text);
        }
        return new FieldKey(NodePath.parse(text.substring(0, at)), Field.of(text.substring(at + 1)));
    }

    /** The node's path as text ({@code ""} for the key). */
    public String path() {
        return node.toString();
    }

    @Override
    public String toString() {
        return node.toString() + SEPARATOR + field.id();
    }
}
