package bifrostdesk.virtualkey.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Rules shared by Bifrost's allow-lists ({@code allowed_models}, {@code key_ids}, {@code tools_to_execute}). */
public final class AccessLists {
    public static final String ALL = "*";

    private AccessLists() {
    }

    /** Bifrost's {@code WhiteList.Validate}: {@code *} must stand alone, no duplicates (case-insensitive). */
    public static List<String> problems(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values.contains(ALL) && values.size() > 1) {
            out.add("'*' (all) cannot be combined with other values");
        }
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                out.add("empty entry");
            } else if (!seen.add(v.toLowerCase(Locale.ROOT))) {
                out.add("duplicate value '" + v + "'");
            } else if (v.startsWith(REGEX)) {
                regexProblem(v.substring(REGEX.length())).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Prefix of a model entry that is a regular expression (Bifrost v2.2.0+, RE2 syntax). */
    public static final String REGEX = "regex:";

    /** Constructs RE2 (Go's regexp) lacks although Java has them: lookaround, backreferences, atomic/possessive. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?[=!]|\\(\\?<[=!]|\\(\\?>|\\\\[1-9]|[*+?}]\\+");

    /**
     * The gateway's rules for a {@code regex:} entry (v2.2.0): not empty, not {@code *}, and it must compile as RE2.
     * Java's engine checks the syntax; the constructs RE2 refuses but Java accepts are caught by name.
     */
    static java.util.Optional<String> regexProblem(String pattern) {
        if (pattern.isBlank()) {
            return java.util.Optional.of("'regex:' needs a pattern after it, e.g. regex:^gpt-4o.*$");
        }
        if (pattern.trim().equals(ALL)) {
            return java.util.Optional.of("'regex:*' is not allowed; use * for all models");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return java.util.Optional.of("'" + REGEX + pattern + "' is not a valid regular expression: "
                    + e.getDescription());
        }
        Matcher m = NOT_RE2.matcher(pattern);
        if (m.find()) {
            return java.util.Optional.of("'" + REGEX + pattern + "' uses '" + m.group()
                    + "', which the gateway's regular expressions (RE2) do not support");
        }
        return java.util.Optional.empty();
    }
}
