package bifrostdesk.drafts.merge;

import bifrostdesk.virtualkey.model.AccessLists;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short human-readable renderings of values for the side-by-side merge view. */
final class Render {
    static final String DELETED = "(deleted)";
    static final String NONE = "(none)";
    private static final int MAX = 100;

    private Render() {
    }

    static String text(String s) {
        return s == null || s.isEmpty() ? "(empty)" : cut(s);
    }

    static String money(Double v) {
        return bifrostdesk.virtualkey.model.Money.format(v, "(no limit)");
    }

    static String duration(String d) {
        return d == null || d.isBlank() ? "(no duration)" : d;
    }

    static String budget(Budget b) {
        if (b == null) {
            return NONE;
        }
        return money(b.maxLimit()) + " / " + duration(b.resetDuration()) + (b.calendarAligned() ? ", calendar aligned" : "");
    }

    static String active(boolean v) {
        return v ? "active" : "inactive";
    }

    static String aligned(boolean v) {
        return v ? "calendar aligned" : "not calendar aligned";
    }

    static String expiry(Instant t) {
        return t == null ? "never" : t.toString();
    }

    static String owner(Merger.Owner o) {
        if (o.team() != null) {
            return "team " + o.team();
        }
        return o.customer() != null ? "customer " + o.customer() : "(no owner)";
    }

    static String weight(Double w) {
        if (w == null) {
            return "(no weight)";
        }
        if (w.isNaN() || w.isInfinite()) {
            return w.toString();
        }
        return new BigDecimal(w.toString()).stripTrailingZeros().toPlainString();
    }

    static String sub(Merger.Sub s, String unit) {
        if (s.max() == null && s.duration() == null) {
            return NONE;
        }
        String max = s.max() == null ? "(no max)" : String.format(Locale.US, "%,d", s.max());
        return max + " " + unit + " / " + duration(s.duration());
    }

    /** Allowed models or tools: {@code ["*"]} as "all …", empty as "no …". */
    static String access(List<String> values, String what) {
        if (values == null) {
            return NONE;
        }
        if (values.size() == 1 && AccessLists.ALL.equals(values.get(0))) {
            return "all " + what;
        }
        return values.isEmpty() ? "no " + what : cut(String.join(", ", values));
    }

    static String blocked(List<String> values) {
        return values.isEmpty() ? "none blocked" : cut(String.join(", ", values));
    }

    static String keys(boolean all, List<KeyRef> keys) {
        if (all) {
            return "all keys";
        }
        if (keys.isEmpty()) {
            return "no keys";
        }
        List<String> labels = new ArrayList<>(keys.size());
        for (KeyRef k : keys) {
            labels.add(k.label());
        }
        return cut(String.join(", ", labels));
    }

    static String providerConfig(ProviderConfig pc) {
        if (pc == null) {
            return DELETED;
        }
        String s = (pc.provider() == null ? "(no provider)" : pc.provider())
                + (pc.weight() == null ? "" : ", weight " + weight(pc.weight()))
                + ", " + access(pc.allowedModels(), "models")
                + ", " + keys(pc.allowAllKeys(), pc.keys())
                + (pc.budgets().isEmpty() ? "" : ", " + pc.budgets().size() + (pc.budgets().size() == 1 ? " budget" : " budgets"))
                + (pc.rateLimit() == null || pc.rateLimit().isEmpty() ? "" : ", rate limit");
        return cut(s);
    }

    static String mcp(McpConfig m) {
        if (m == null) {
            return DELETED;
        }
        return cut((m.mcpClientName() == null ? "(no client)" : m.mcpClientName()) + ": " + access(m.toolsToExecute(), "tools"));
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }
}
