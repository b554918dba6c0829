package bifrostdesk.virtualkey.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes Bifrost's VK admin API has had, oldest first. See ../shared/bifrost-api/REFERENCE.md §2.6 and §10,
 * and REFERENCE-v2.md §11 for {@link #V2}.
 * <p>
 * {@link #V2} keeps the whole {@link #LATER} contract (budgets by id, presence-aware owners, whole rate limits) and
 * adds fields. Which of those a given v2 server really has is not tied to a version number (several shipped in
 * releases nobody pinned down, §11.1.3); the client probes for them ({@link ServerFeatures}) and the update
 * builder follows what the last GET showed. Code that asks "budgets by id?" uses {@link #atLeast}.
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
    LATER("v1.6+"),
    /**
     * v2.x: as {@link #LATER}, plus allow-all-providers, business-unit owners, quarterly budgets with
     * {@code reset_config}, per-model budgets, overrides, Virtual MCPs, rotation cooldown and (v2.2.6) the setup lock.
     */
    V2("v2.x");

    /** The newest server release this app was checked against (REFERENCE-v2.md §11.1.2). */
    public static final String NEWEST_TESTED = "v2.2.6";

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when this dialect is {@code other} or newer (V2 speaks everything LATER does). */
    public boolean atLeast(Dialect other) {
        return compareTo(other) >= 0;
    }

    /**
     * The dialect named on the command line ({@code --dialect}, {@code --sandbox-dialect}): {@code legacy},
     * {@code v1.5}, {@code later} or {@code v2}, with their version-number aliases.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Dialect parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "legacy", "v1.4", "1.4" -> LEGACY;
            case "v1.5", "1.5", "v1_5" -> V1_5;
            case "later", "v1.6", "1.6" -> LATER;
            case "v2", "2", "current", "latest" -> V2;
            default -> throw new IllegalArgumentException("Unknown dialect '" + text + "': use legacy, v1.5, later or v2");
        };
    }

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-(\\S+))?");

    /**
     * The dialect a version string from {@code GET /api/version} speaks. v1.5.0 prereleases and v1.5.0/1.5.1
     * are {@link #V1_5}; from 1.5.2 (after PR #3600: budget ids, presence-aware ownership) {@link #LATER}; every
     * {@code v2.*} and newer is {@link #V2}. Unknown text is treated as the newest known dialect (§11.1.1).
     */
    public static Dialect fromVersion(String version) {
        int[] v = versionNumbers(version);
        if (v == null) {
            return V2;
        }
        int major = v[0];
        int minor = v[1];
        int patch = v[2];
        if (major < 1 || (major == 1 && minor < 5)) {
            return LEGACY;
        }
        if (major == 1 && minor == 5 && patch <= 1) {
            return V1_5;
        }
        return major >= 2 ? V2 : LATER;
    }

    /**
     * True when {@code version} is a release after {@link #NEWEST_TESTED} (the app then speaks the newest dialect
     * it knows, and says so). Unparsable text is not "newer": nothing is known about it.
     */
    public static boolean isNewerThanTested(String version) {
        int[] v = versionNumbers(version);
        int[] newest = versionNumbers(NEWEST_TESTED);
        if (v == null) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (v[i] != newest[i]) {
                return v[i] > newest[i];
            }
        }
        return false;
    }

    /** {@code [major, minor, patch]}, lenient about a leading {@code v}, quotes and a {@code -suffix}; or null. */
    static int[] versionNumbers(String version) {
        if (version == null) {
            return null;
        }
        Matcher m = VERSION.matcher(version.trim().replace("\"", ""));
        if (!m.find()) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
