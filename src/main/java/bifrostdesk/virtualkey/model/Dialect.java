package bifrostdesk.virtualkey.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three shapes Bifrost's VK admin API has had. See ../shared/bifrost-api/REFERENCE.md §2.6 and §10.
 */
public enum Dialect {
    /** v1.4.x: singular {@code budget} update objects, {@code allowed_keys}, empty lists mean "all". */
    LEGACY("legacy (v1.4)"),
    /**
     * v1.5.0 era: {@code budgets[]} reconciled by reset_duration, {@code key_ids}, omitting both team and customer
     * detaches the key, rate-limit fields merge (one sub-limit cannot be cleared in one request).
     */
    V1_5("v1.5"),
    /** later: budgets matched by id, presence-aware ownership, rate limit replaced whole, expires_at, reset usage. */
    LATER("v1.6+");

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-(\\S+))?");

    /**
     * The dialect a version string from {@code GET /api/version} speaks. v1.5.0 prereleases and v1.5.0/1.5.1
     * are {@link #V1_5}; from 1.5.2 (after PR #3600: budget ids, presence-aware ownership) {@link #LATER}.
     * Unknown text falls back to {@link #LATER}, the current servers.
     */
    public static Dialect fromVersion(String version) {
        if (version == null) {
            return LATER;
        }
        Matcher m = VERSION.matcher(version.trim().replace("\"", ""));
        if (!m.find()) {
            return LATER;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = Integer.parseInt(m.group(3));
        if (major < 1 || (major == 1 && minor < 5)) {
            return LEGACY;
        }
        if (major == 1 && minor == 5 && patch <= 1) {
            return V1_5;
        }
        return LATER;
    }
}
