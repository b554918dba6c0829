package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.RateLimit;

/**
 * A row of {@code GET /api/governance/rate-limits}. Bifrost's rate-limit rows (v1.5) carry no owner column:
 * owners point at them through {@code rate_limit_id}. The owner fields are filled only when a server sends them,
 * so usually they are {@code null}; join on {@code RateLimit.id()} against the owners instead.
 */
public record OwnedRateLimit(RateLimit rateLimit, String virtualKeyId, Long providerConfigId, String teamId,
                             String customerId) {
}
