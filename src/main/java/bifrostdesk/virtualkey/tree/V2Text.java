package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Durations;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain words for what Bifrost v2 added to a key (REFERENCE-v2.md §11.5–§11.13), shared by the tree and the forms
 * so both say the same thing. Pure; no JavaFX.
 */
public final class V2Text {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What {@code allow_all_providers} means, in one sentence (§11.9). */
    public static final String ALL_PROVIDERS = "Every provider configured on the gateway is allowed, including ones "
            + "added later. Unlisted providers get all models and all keys, with no per-provider budgets or rate "
            + "limits and no weight (they are not part of weighted routing). Listed provider configs keep their "
            + "model lists, keys, budgets, rate limits and weight.";

    /** Why an access-profile-managed key is read-only here (§11.13). */
    public static final String ACCESS_PROFILE = "This key is managed by an access profile: only its name and "
            + "description can be changed here. The budgets and rate limit shown are the access profile's, not the "
            + "key's own, and provider configs, MCP configs and the other settings come from the profile too; "
            + "change them in the access profile.";

    private V2Text() {
    }

    public static String when(Instant t) {
        return t == null ? "" : WHEN.format(t);
    }

    /** "April" for 4; January for 0 or {@code null} (the server's "unset"). */
    public static String month(Integer m) {
        return Month.of(m == null || m < 1 || m > 12 ? 1 : m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /**
     * How a budget resets, e.g. "resets every 1 month" or, for a quarterly one, "resets every quarter, fiscal year
     * from April". {@code aligned} is the key's calendar alignment: without it a quarter is a rolling 90 days and
     * the fiscal start month has no effect (§11.5.1).
     */
    public static String resets(Budget b, boolean aligned) {
        if (!b.isQuarterly()) {
            return "resets every " + Durations.describe(b.resetDuration());
        }
        String n = b.resetDuration().trim();
        n = n.substring(0, n.length() - 1);
        String every = n.equals("1") ? "quarter" : n + " quarters";
        String fiscal = "fiscal year from " + month(b.quarterStartMonth());
        return aligned ? "resets every " + every + ", " + fiscal
                : "resets every " + every + " (rolling 90-day windows; " + fiscal + " applies when calendar-aligned)";
    }

    /**
     * The override of a budget in a few words, or "" without one: "+$50.00 override, 2 of 3 cycles left, on a base
     * of $100.00", "+$50.00 override for good, …", "+$50.00 override ended (no cycles left), not applied".
     */
    public static String override(Budget b) {
        BudgetOverride o = b.override();
        if (o == null) {
            return "";
        }
        String amount = "+" + bifrostdesk.virtualkey.model.Money.format(o.amount()) + " override";
        String base = b.maxLimit() == null ? "" : ", on a base of " + bifrostdesk.virtualkey.model.Money.format(b.maxLimit());
        if (!o.isActive()) {
            return amount + " ended (" + (BudgetOverride.CYCLES.equals(o.mode()) ? "no cycles left" : "inactive")
                    + "), not applied";
        }
        if (BudgetOverride.FOREVER.equals(o.mode())) {
            return amount + " with no end" + base;
        }
        int left = o.cyclesRemaining() == null ? 0 : o.cyclesRemaining();
        String total = o.cyclesTotal() == null ? "" : " of " + o.cyclesTotal();
        return amount + ", " + left + total + " cycle" + (left == 1 && total.isEmpty() ? "" : "s") + " left" + base;
    }

    /** {@code disable_content_logging}: null = inherit, true = off, false = on. */
    public static String contentLogging(Boolean disable) {
        if (disable == null) {
            return "inherit (the gateway's logging setting)";
        }
        return disable ? "off: request and response content of this key is not logged"
                : "on: content is logged for this key";
    }

    /** {@code delete_after_expire}: null = inherit the gateway's default, true/false = on/off for this key. */
    public static String deleteAfterExpire(Boolean v, Instant expiresAt) {
        String when = expiresAt == null ? "" : " (expires " + when(expiresAt) + ")";
        if (v == null) {
            return "inherit (the gateway's delete_expired_virtual_keys default)" + when;
        }
        return v ? "on: the key is deleted after it expires" + when : "off: the key is kept after it expires" + when;
    }

    /**
     * The rotation cooldown (§11.10): "the old value keeps working until …" while it does, or "" when no previous
     * value works (never rotated, no cooldown, or the cooldown is over).
     */
    public static String rotation(V2Fields v2, Instant now) {
        Instant until = v2.previousValueExpiresAt();
        if (until == null || !until.isAfter(now)) {
            return "";
        }
        return "the old value keeps working until " + when(until);
    }

    /** When the value was last rotated, or "". */
    public static String rotatedAt(V2Fields v2) {
        return v2.rotatedAt() == null ? "" : "rotated " + when(v2.rotatedAt());
    }

    /** The business unit owning the key by name, falling back to its id; {@code null} when none does. */
    public static String businessUnit(VirtualKey vk) {
        V2Fields v = vk.v2();
        if (v.businessUnitId() == null) {
            return null;
        }
        return v.businessUnitName() != null && !v.businessUnitName().isBlank() ? v.businessUnitName()
                : v.businessUnitId();
    }

    public static String virtualMcp(long id) {
        return "Virtual MCP #" + id;
    }

    /** "env=prod, team=payments" for up to three entries, "5 entries" beyond. */
    public static String metadata(Map<String, String> m) {
        if (m == null || m.isEmpty()) {
            return "none";
        }
        if (m.size() > 3) {
            return m.size() + " entries";
        }
        return m.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** True when the server sent any v2 field for this key (so "inherit" lines say something true). */
    public static boolean fromV2Server(VirtualKey vk) {
        V2Fields v = vk.v2();
        return v.allowAllProviders() != null || v.agentGrants() != null || v.metadata() != null
                || v.virtualMcpIds() != null || v.deleteAfterExpire() != null || v.disableContentLogging() != null
                || v.businessUnitId() != null || v.rotatedAt() != null || v.accessProfileManaged();
    }
}
