package bifrostdesk.sandbox;

import java.math.BigDecimal;

/**
 * The sandbox's own reading of Bifrost's duration syntax (REFERENCE §3.1): a trailing {@code d}, {@code w},
 * {@code M} or {@code Y} multiplies a Go duration of "rest + h" by 24, 168, 720 or 8760; anything else is a Go
 * {@code time.ParseDuration} string ({@code ns us µs ms s m h}, compounds, optional sign).
 */
final class GoDuration {
    private GoDuration() {
    }

    /** Nanoseconds of a Bifrost duration, or {@code null} when it does not parse. No {@code Q}. */
    static Double parseNanos(String s) {
        return parseNanos(s, false);
    }

    /**
     * As {@link #parseNanos(String)}; with {@code quarter} a trailing {@code Q} is N × 90 days too (v2 budgets,
     * REFERENCE-v2 §11.5.1; documented for budgets only, so rate limits never pass {@code true}).
     */
    static Double parseNanos(String s, boolean quarter) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        char last = s.charAt(s.length() - 1);
        int factor = switch (last) {
            case 'd' -> 24;
            case 'w' -> 24 * 7;
            case 'M' -> 24 * 30;
            case 'Y' -> 24 * 365;
            case 'Q' -> quarter ? 24 * 90 : 0;
            default -> 0;
        };
        if (factor > 0) {
            Double h = parseGo(s.substring(0, s.length() - 1) + "h");
            return h == null ? null : h * factor;
        }
        return parseGo(s);
    }

    /** Go's time.ParseDuration, as nanoseconds. */
    static Double parseGo(String s) {
        int i = 0;
        int n = s.length();
        double sign = 1;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            sign = s.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        if (s.substring(i).equals("0")) {
            return 0.0;
        }
        if (i >= n) {
            return null;
        }
        double total = 0;
        while (i < n) {
            int start = i;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) {
                return null;
            }
            int u = i;
            while (i < n && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(u, i);
            double mult = switch (unit) {
                case "ns" -> 1;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> -1;
            };
            if (mult < 0) {
                return null;
            }
            total += new BigDecimal(num.startsWith(".") ? "0" + num : num).doubleValue() * mult;
        }
        return sign * total;
    }
}
