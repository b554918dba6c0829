package bifrostdesk.virtualkey.model;

import java.time.Instant;
import java.util.List;

/**
 * A governance virtual key as the editor sees it: immutable, dialect-free.
 *
 * @param id           server id (UUID), {@code null} before creation
 * @param value        the secret key value ({@code sk-bf-…}); never logged, never written to drafts by default
 * @param teamId       owning team, or {@code null}; a key has one owner (team, customer or business unit), except that
 *                     some v2 builds show a team-owned key with the team's parent customer too (§11.8)
 * @param rateLimit    VK-level rate limit or {@code null}
 * @param configHash   set when the key is managed by the server's config.json (the file wins on restart)
 * @param updatedAt    server timestamp, the only (advisory) concurrency token Bifrost offers
 * @param v2           what Bifrost v2 added ({@link V2Fields#NONE} for older servers and old drafts)
 */
public record VirtualKey(String id, String name, String description, String value, boolean active,
                         String teamId, String customerId, List<Budget> budgets, RateLimit rateLimit,
                         List<ProviderConfig> providerConfigs, List<McpConfig> mcpConfigs,
                         boolean calendarAligned, String configHash, Instant createdAt, Instant updatedAt,
                         Instant expiresAt, V2Fields v2) {

    /** A key without the v2 additions (older servers, older drafts). */
    public VirtualKey(String id, String name, String description, String value, boolean active,
                      String teamId, String customerId, List<Budget> budgets, RateLimit rateLimit,
                      List<ProviderConfig> providerConfigs, List<McpConfig> mcpConfigs,
                      boolean calendarAligned, String configHash, Instant createdAt, Instant updatedAt,
                      Instant expiresAt) {
        this(id, name, description, value, active, teamId, customerId, budgets, rateLimit, providerConfigs,
                mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, V2Fields.NONE);
    }

    public VirtualKey {
        v2 = v2 == null ? V2Fields.NONE : v2;
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
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withName(String v) {
        return new VirtualKey(id, v, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withDescription(String v) {
        return new VirtualKey(id, name, v, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withActive(boolean v) {
        return new VirtualKey(id, name, description, value, v, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    /** Sets the team and clears the customer and business unit (a key belongs to at most one owner). */
    public VirtualKey withTeam(String v) {
        return new VirtualKey(id, name, description, value, active, v, v == null ? customerId : null, budgets,
                rateLimit, providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt,
                v == null ? v2 : v2.withBusinessUnit(null, null));
    }

    /** Sets the customer and clears the team and business unit. */
    public VirtualKey withCustomer(String v) {
        return new VirtualKey(id, name, description, value, active, v == null ? teamId : null, v, budgets,
                rateLimit, providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt,
                v == null ? v2 : v2.withBusinessUnit(null, null));
    }

    /** Sets team and customer as given and clears the business unit when either is named. */
    public VirtualKey withOwner(String team, String customer) {
        return new VirtualKey(id, name, description, value, active, team, customer, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt,
                team == null && customer == null ? v2 : v2.withBusinessUnit(null, null));
    }

    public VirtualKey withV2(V2Fields v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v);
    }

    /**
     * This key (a write response) with the GET-only v2 fields of {@code read} where the response left them out:
     * PUT, POST and rotate answers lack them, which means "not sent", not "none" (REFERENCE-v2.md §11.11.3).
     */
    public VirtualKey keepGetOnlyFrom(VirtualKey read) {
        return read == null ? this : withV2(v2.keepGetOnlyFrom(read.v2()));
    }

    /**
     * True when this copy (the server's, just read) was saved after {@code base} was read: {@code updated_at} is the
     * only, advisory, concurrency token Bifrost has (REFERENCE §5). The one place that question is answered.
     */
    public boolean changedSince(VirtualKey base) {
        return base != null && !java.util.Objects.equals(updatedAt, base.updatedAt());
    }

    /** The business unit owning the key, or {@code null}. */
    public String businessUnitId() {
        return v2.businessUnitId();
    }

    /** True when the key has no owner at all (no team, customer or business unit). */
    public boolean isUnowned() {
        return teamId == null && customerId == null && v2.businessUnitId() == null;
    }

    /** True when access-profile-managed: only name and description are the key's own (§11.13). */
    public boolean isAccessProfileManaged() {
        return v2.accessProfileManaged();
    }

    public VirtualKey withBudgets(List<Budget> v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, v, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withRateLimit(RateLimit v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, v,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withProviderConfigs(List<ProviderConfig> v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                v, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withMcpConfigs(List<McpConfig> v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, v, calendarAligned, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withCalendarAligned(boolean v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, v, configHash, createdAt, updatedAt, expiresAt, v2);
    }

    public VirtualKey withExpiresAt(Instant v) {
        return new VirtualKey(id, name, description, value, active, teamId, customerId, budgets, rateLimit,
                providerConfigs, mcpConfigs, calendarAligned, configHash, createdAt, updatedAt, v, v2);
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
            for (ModelBudget mb : pc.modelBudgets()) {
                for (Budget b : mb.budgets()) {
                    max = Math.max(max, b.usedFraction());
                }
            }
        }
        return max;
    }
}
