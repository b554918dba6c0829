package bifrostdesk.bulk;

import java.util.Locale;

/**
 * A new budget limit: an absolute amount in USD, or a percentage of the current limit ({@code -20%} lowers it by a
 * fifth). Results are rounded to cents, because the editor's money fields hold cents.
 *
 * @param value   USD, or the percentage
 * @param percent true for a percentage
 */
public record LimitChange(double value, boolean percent) {

    /** Parses {@code 250}, {@code $250}, {@code -20%}, {@code +15 %}. */
    public static LimitChange parse(String text) {
        String t = text == null ? "" : text.trim().replace(" ", "");
        boolean pct = t.endsWith("%");
        if (pct) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.startsWith("$")) {
            t = t.substring(1);
        }
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            throw new IllegalArgumentException("'" + text + "' is not an amount (e.g. 250) or a percentage "
                    + "(e.g. -20%)");
        }
        double v = Double.parseDouble(t);
        if (!pct && v <= 0) {
            throw new IllegalArgumentException("A budget limit must be more than 0 (got " + text + ")");
        }
        if (pct && v <= -100) {
            throw new IllegalArgumentException("A change of " + text + " leaves no budget; remove it instead");
        }
        return new LimitChange(v, pct);
    }

    /** The new limit for a budget whose limit is {@code current} ({@code null} stays {@code null} for a percentage). */
    public Double apply(Double current) {
        if (!percent) {
            return value;
        }
        if (current == null) {
            return null;
        }
        return Math.round(current * (100 + value)) / 100.0;
    }

    public String words() {
        if (!percent) {
            return "to " + String.format(Locale.ROOT, "$%,.2f", value);
        }
        String n = value == Math.rint(value) ? Long.toString(Math.abs((long) value))
                : String.format(Locale.ROOT, "%s", Math.abs(value));
        return (value < 0 ? "lowered by " : "raised by ") + n + " %";
    }
}
