package bifrostdesk.virtualkey.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
            }
        }
        return out;
    }
}
