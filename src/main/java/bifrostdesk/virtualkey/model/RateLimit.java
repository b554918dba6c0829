package bifrostdesk.virtualkey.model;

import java.time.Instant;

/**
 * A rate limit with an optional token and an optional request sub-limit. Each maximum is {@code null}
 * when that sub-limit is unused; a maximum needs its reset duration.
 */
public record RateLimit(String id,
                        Long tokenMaxLimit, String tokenResetDuration, long tokenCurrentUsage, Instant tokenLastReset,
                        Long requestMaxLimit, String requestResetDuration, long requestCurrentUsage,
                        Instant requestLastReset) {

    public static RateLimit of(Long tokenMax, String tokenDuration, Long requestMax, String requestDuration) {
        return new RateLimit(null, tokenMax, tokenDuration, 0, null, requestMax, requestDuration, 0, null);
    }

    public RateLimit withTokens(Long max, String duration) {
        return new RateLimit(id, max, duration, tokenCurrentUsage, tokenLastReset,
                requestMaxLimit, requestResetDuration, requestCurrentUsage, requestLastReset);
    }

    public RateLimit withRequests(Long max, String duration) {
        return new RateLimit(id, tokenMaxLimit, tokenResetDuration, tokenCurrentUsage, tokenLastReset,
                max, duration, requestCurrentUsage, requestLastReset);
    }

    /** The four fields the user edits, ignoring ids and counters: what a save must reproduce. */
    public boolean sameSettings(RateLimit other) {
        return other != null
                && java.util.Objects.equals(tokenMaxLimit, other.tokenMaxLimit)
                && java.util.Objects.equals(tokenResetDuration, other.tokenResetDuration)
                && java.util.Objects.equals(requestMaxLimit, other.requestMaxLimit)
                && java.util.Objects.equals(requestResetDuration, other.requestResetDuration);
    }

    public boolean isEmpty() {
        return tokenMaxLimit == null && tokenResetDuration == null
                && requestMaxLimit == null && requestResetDuration == null;
    }
}
