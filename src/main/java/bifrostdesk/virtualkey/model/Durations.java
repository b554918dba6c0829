package bifrostdesk.virtualkey.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bifrost's duration syntax ({@code ParseDuration} in framework/configstore/tables/utils.go): the last
 * character {@code d}, {@code w}, {@code M} (30 days), {@code Q} or {@code Y} (365 days) after a number; otherwise
 * Go's {@code time.ParseDuration} ({@code ns us µs ms s m h}, compounds such as {@code 1h30m}). Case matters:
 * {@code m} is minutes, {@code M} months. Bifrost v2 adds {@code Q} (a quarter, 90 days rolling; fiscal quarters
 * when the key is calendar-aligned), for budgets only (REFERENCE-v2.md §11.5.1): callers that validate rate
 * limits or older servers reject it ({@link #isQuarterly}).
 */
public final class Durations {
    /** The choices offered next to every duration field. */
    public static final List<String> COMMON = List.of("1m", "1h", "1d", "1w", "1M", "1Y");

    private static final Pattern LONG_UNIT = Pattern.compile("^([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([dwMQY])$");
    private static final Pattern GO_PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /** Parses a Bifrost duration; empty when the text is not one (including a bare number or {@code 1D}). */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = LONG_UNIT.matcher(text);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            double hoursPer = switch (m.group(2)) {
                case "d" -> 24;
                case "w" -> 24 * 7;
                case "M" -> 24 * 30;
                case "Q" -> 24 * 90;
                default -> 24 * 365;
            };
            return Optional.of(Duration.ofNanos((long) (n * hoursPer * 3_600_000_000_000L)));
        }
        return parseGo(text);
    }

    private static Optional<Duration> parseGo(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = GO_PART.matcher(s);
        int pos = 0;
        double nanos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return Optional.empty();
            }
            double n = Double.parseDouble(m.group(1));
            nanos += n * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            pos = m.end();
        }
        Duration d = Duration.ofNanos((long) nanos);
        return Optional.of(negative ? d.negated() : d);
    }

    /** A user-facing problem with the text as a reset duration, or empty when it is a valid positive one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Reset duration is required (e.g. 1d, 1w, 1M)");
        }
        Optional<Duration> d = parse(text.trim());
        if (d.isEmpty()) {
            String hint = text.matches(".*\\d(D|W|y|mo)$") ? " — units are case-sensitive: d, w, M (month), Y (year)"
                    : text.matches("^\\d+(\\.\\d+)?$") ? " — add a unit, e.g. " + text + "d" : "";
            return Optional.of("'" + text + "' is not a Bifrost duration" + hint);
        }
        if (d.get().isNegative() || d.get().isZero()) {
            return Optional.of("Reset duration must be greater than zero");
        }
        return Optional.empty();
    }

    /** True for a quarterly duration such as {@code 1Q} (v2 budgets only). */
    public static boolean isQuarterly(String text) {
        return text != null && text.trim().matches("^\\d+Q$");
    }

    /** Plain words for a duration, e.g. {@code 1M} → "1 month (30 days)", {@code 5m} → "5 minutes". */
    public static String describe(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = Pattern.compile("^(\\d+)(m|h|d|w|M|Q|Y|s)$").matcher(text);
        if (!m.matches()) {
            return text;
        }
        long n = Long.parseLong(m.group(1));
        String unit = switch (m.group(2)) {
            case "s" -> "second";
            case "m" -> "minute";
            case "h" -> "hour";
            case "d" -> "day";
            case "w" -> "week";
            case "M" -> "month";
            case "Q" -> "quarter";
            default -> "year";
        };
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
