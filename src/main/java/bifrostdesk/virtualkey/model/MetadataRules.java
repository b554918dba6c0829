package bifrostdesk.virtualkey.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a key's {@code metadata} map before it is sent (REFERENCE-v2.md §11.4.1: an invalid key is a 400
 * "invalid metadata key"). What the gateway is known to refuse: a space, a {@code /}, the reserved {@code bifrost_}
 * prefix (upstream tests). Its exact pattern is not recorded, so this is a conservative one (letters, digits,
 * {@code . _ -}, up to 63 characters, starting with a letter or digit) — the same as the built-in sandbox's — that
 * every accepted key passes; a value is any text.
 */
public final class MetadataRules {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final String RESERVED = "bifrost_";

    private MetadataRules() {
    }

    /** The problem with one key, or {@code null} when the gateway takes it. */
    public static String keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return "Enter a key";
        }
        if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED)) {
            return "Keys starting with '" + RESERVED + "' are reserved by the gateway";
        }
        if (!KEY.matcher(key).matches()) {
            return key.length() > 63 ? "A key has at most 63 characters"
                    : "Use letters, digits, '.', '_' or '-' (no spaces or '/'), starting with a letter or digit";
        }
        return null;
    }

    /** Every problem of a map, as "key: problem". */
    public static List<String> problems(Map<String, String> metadata) {
        List<String> out = new ArrayList<>();
        if (metadata == null) {
            return out;
        }
        metadata.forEach((k, v) -> {
            String p = keyProblem(k);
            if (p != null) {
                out.add("'" + k + "': " + p);
            }
            if (v == null) {
                out.add("'" + k + "': enter a value");
            }
        });
        return out;
    }
}
