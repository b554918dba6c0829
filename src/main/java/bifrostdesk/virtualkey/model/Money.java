package bifrostdesk.virtualkey.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * US dollar amounts as the app shows them everywhere: {@code $1,234.50}, two decimals, comma grouping, rounded
 * half-up. Exactly {@code String.format(Locale.ROOT, "$%,.2f", v)}, without a Formatter for the usual case: the key
 * tree formats two amounts per budget, and Formatter was most of the build time of a 1,000-config key. Same digits:
 * Formatter rounds the shortest decimal representation ({@link Double#toString}) half-up, as done here.
 */
public final class Money {
    private Money() {
    }

    public static String format(double v) {
        if (!(v >= 0 && v < 1e15) || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "$%,.2f", v); // negative (incl. -0.0), NaN, infinite, huge
        }
        String digits = new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        int dot = digits.length() - 3;
        StringBuilder out = new StringBuilder(digits.length() + 6).append('$');
        for (int i = 0; i < dot; i++) {
            if (i > 0 && (dot - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.append(digits, dot, digits.length()).toString();
    }

    /** {@link #format(double)}, or {@code whenMissing} for no amount (e.g. "(no limit)"). */
    public static String format(Double v, String whenMissing) {
        return v == null ? whenMissing : format(v.doubleValue());
    }
}
