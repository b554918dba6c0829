package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.RateLimitRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** The {@code rate_limit} update request (REFERENCE §2.6.4): merge (LEGACY, V1_5) or replace (LATER). */
final class RateLimitRules {
    private final Dialect dialect;

    RateLimitRules(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The rate limit after applying {@code req} to {@code current} (which may be null). Omitted/null request =
     * unchanged; all four fields null = removed (returns null).
     */
    RateLimitRec apply(RateLimitRec current, JsonNode req, Instant now) {
        if (req == null || req.isNull() || req.isMissingNode()) {
            return current;
        }
        Long tml = Json.given(req, "token_max_limit") ? req.get("token_max_limit").asLong() : null;
        String trd = Json.text(req, "token_reset_duration");
        Long rml = Json.given(req, "request_max_limit") ? req.get("request_max_limit").asLong() : null;
        String rrd = Json.text(req, "request_reset_duration");
        if (tml == null && trd == null && rml == null && rrd == null) {
            return null;
        }
        RateLimitRec r;
        if (current == null) {
            r = new RateLimitRec();
            r.id = UUID.randomUUID().toString();
            r.tokenLastReset = now;
            r.requestLastReset = now;
            r.createdAt = now;
            r.tokenMaxLimit = tml;
            r.tokenResetDuration = trd;
            r.requestMaxLimit = rml;
            r.requestResetDuration = rrd;
        } else if (dialect.atLeast(Dialect.LATER)) {
            r = current;
            r.tokenMaxLimit = tml;
            r.tokenResetDuration = trd;
            r.requestMaxLimit = rml;
            r.requestResetDuration = rrd;
        } else {
            r = current;
            if (tml != null) {
                r.tokenMaxLimit = tml;
            }
            if (trd != null) {
                r.tokenResetDuration = trd;
            }
            if (rml != null) {
                r.requestMaxLimit = rml;
            }
            if (rrd != null) {
                r.requestResetDuration = rrd;
            }
        }
        r.updatedAt = now;
        validate(r);
        return r;
    }

    /** validateRateLimit / BeforeSave: plain errors, so 500 inside the VK transaction. */
    static void validate(RateLimitRec r) {
        check("token", r.tokenMaxLimit, r.tokenResetDuration);
        check("request", r.requestMaxLimit, r.requestResetDuration);
    }

    private static void check(String kind, Long max, String dur) {
        if (max != null && max <= 0) {
            throw ApiException.internal("rate limit " + kind + " max limit cannot be negative or zero: " + max);
        }
        if (max != null && (dur == null || dur.isEmpty())) {
            throw ApiException.internal("rate limit " + kind + " reset duration is required");
        }
        if (dur != null) {
            Double n = GoDuration.parseNanos(dur);
            if (n == null) {
                throw ApiException.internal("invalid rate limit " + kind + " reset duration format: " + dur);
            }
            if (n <= 0) {
                throw ApiException.internal("rate limit " + kind + " reset duration must be positive: " + dur);
            }
        }
    }
}
