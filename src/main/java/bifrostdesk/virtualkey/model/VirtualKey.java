package bifrostdesk.virtualkey.model;

import java.time.Instant;
import java.util.List;

/**
 * A governance virtual key as the editor sees it: immutable, dialect-free.
 *
 * @param id           server id (UUID), {@code null} before creation
 * @param value        the secret key value ({@code sk-bf-…}); never logged, never written to drafts by default
 * @param teamId       owning team, or {@code null}; mutually exclusive with {@code customerId}
 * @param rateLimit    VK-level rate limit or {@code null}
 * @param configHash   set when the key is managed by the server's config.json (the file wins on restart)
 * @param updatedAt    server timestamp, the only (advisory) concurrency token Bifrost offers
 */
public record VirtualKey(String id, String name, String description, String value, boolean active,
                         String teamId, String customerId, List<Budget> budgets, RateLimit rateLimit,
                         List<ProviderConfig> providerConfigs, List<McpConfig> mcpConfigs,
                         boolean calendarAligned, String configHash, Instant createdAt, Instant updatedAt,
                         Instant expiresAt) {

    public VirtualKey {
        budgets = List.copyOf(budgets);
        providerConfigs = List.copyOf(providerConfigs);
        mcpConfigs = List.copyOf(mcpConfigs);
        description = description == null ? "" : description;
    }

    public static VirtualKey newKey(String name) {
        return new VirtualKey(null, name, "", null, true, null, null, List.of(), null, List.of(), List.of(),
                false, null, null, null, null);
    }

    /** The same key with its secret value (drafts on disk have none; it is filled back from the server's copy). */
    public VirtualKey withValue(String v) {
        return new VirtualKey(id, name, description, v, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withName(String v) {
        return new VirtualKey(id, v, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withDescription(String v) {
        return new VirtualKey(id, name, v, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withActive(boolean v) {
        return new VirtualKey(id, name, description, value, v, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    /** Sets the team and clears the customer (a key belongs to at most one of them). */
    public VirtualKey withTeam(String v) {
        return new VirtualKey(id, name, description, value, active, v, v == null ? customerId : null, budgets,
                rateLimit, providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    /** Sets the customer and clears the team. */
    public VirtualKey withCustomer(String v) {
        return new VirtualKey(id, name, description, value, active, v == null ? teamId : null, v, budgets,
                rateLimit, providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withOwner(String team, String customer) {
        return new VirtualKey(id, name, description, value, active, team, customer, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withBudgets(List<Budget> v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, v, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withRateLimit(RateLimit v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, v,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withProviderConfigs(List<ProviderConfig> v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                v, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withMcpConfigs(List<McpConfig> v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, v, calendarAligned, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withCalendarAligned(boolean v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, v, configHash, createdAt, updatedAt, expiresAt);
    }

    public VirtualKey withExpiresAt(Instant v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, v);
    }

    public boolean isConfigManaged() {
        return configHash != null && !configHash.isBlank();
    }

    /** Highest budget usage fraction across the key's own and its provider configs' budgets. */
    public double maxBudgetFraction() {
        double max = 0;
        for (Budget b : budgets) {
            max = Math.max(max, b.usedFraction());
        }
        for (ProviderConfig pc : providerConfigs) {
            for (Budget b : pc.budgets()) {
                max = Math.max(max, b.usedFraction());
            }
        }
        return max;
    }
}
