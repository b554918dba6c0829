package bifrostdesk.virtualkey.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Bifrost v2 added to a virtual key (REFERENCE-v2.md §11.4, §11.11). Each field records what the last GET
 * showed, including "the server did not send it" ({@code null}), because a save must treat "absent" and "empty"
 * differently: absent fields are omitted from the PUT, so an older server is never sent a field it does not know,
 * and a newer one never has a setting cleared that this app did not show.
 *
 * @param allowAllProviders      {@code allow_all_providers}; {@code null} when the server has no such field (pre-v2.1)
 * @param businessUnitId         owning business unit ({@code business_unit_id}); a key has at most one owner
 * @param businessUnitName       its name where the (enterprise) GET includes {@code business_unit}
 * @param deleteAfterExpire      {@code delete_after_expire}; {@code null} = inherit the gateway's default
 * @param disableContentLogging  {@code disable_content_logging}; {@code null} = inherit the gateway's setting
 * @param agentGrants            {@code agent_grants}; {@code null} when the server has no such field
 * @param metadata               {@code metadata}; {@code null} when the server has no such field
 * @param virtualMcpIds          Virtual MCPs assigned to the key (GET one only); {@code null} when not known
 * @param assignedUser           the assigned (enterprise) user, {@code null} for nobody or not known
 * @param accessProfileManaged   {@code is_access_profile_managed}: budgets and limits come from an access profile,
 *                               and only the name and description may be saved (§11.13)
 * @param previousValueExpiresAt end of a rotation cooldown: the old value keeps working until then (§11.10)
 * @param rotatedAt              when the value was last rotated
 */
public record V2Fields(Boolean allowAllProviders, String businessUnitId, String businessUnitName,
                       Boolean deleteAfterExpire, Boolean disableContentLogging, List<AgentGrant> agentGrants,
                       Map<String, String> metadata, List<Long> virtualMcpIds, AssignedUser assignedUser,
                       boolean accessProfileManaged, Instant previousValueExpiresAt, Instant rotatedAt) {

    /** A key from a server before v2, or a new key: nothing known, nothing to send. */
    public static final V2Fields NONE = new V2Fields(null, null, null, null, null, null, null, null, null, false,
            null, null);

    public V2Fields {
        agentGrants = agentGrants == null ? null : List.copyOf(agentGrants);
        metadata = metadata == null ? null : Map.copyOf(metadata);
        virtualMcpIds = virtualMcpIds == null ? null : List.copyOf(virtualMcpIds);
        businessUnitId = businessUnitId == null || businessUnitId.isBlank() ? null : businessUnitId;
    }

    public boolean allowsAllProviders() {
        return Boolean.TRUE.equals(allowAllProviders);
    }

    public V2Fields withAllowAllProviders(Boolean v) {
        return new V2Fields(v, businessUnitId, businessUnitName, deleteAfterExpire, disableContentLogging,
                agentGrants, metadata, virtualMcpIds, assignedUser, accessProfileManaged, previousValueExpiresAt,
                rotatedAt);
    }

    public V2Fields withBusinessUnit(String id, String name) {
        return new V2Fields(allowAllProviders, id, name, deleteAfterExpire, disableContentLogging,
                agentGrants, metadata, virtualMcpIds, assignedUser, accessProfileManaged, previousValueExpiresAt,
                rotatedAt);
    }

    public V2Fields withDeleteAfterExpire(Boolean v) {
        return new V2Fields(allowAllProviders, businessUnitId, businessUnitName, v, disableContentLogging,
                agentGrants, metadata, virtualMcpIds, assignedUser, accessProfileManaged, previousValueExpiresAt,
                rotatedAt);
    }

    public V2Fields withVirtualMcpIds(List<Long> v) {
        return new V2Fields(allowAllProviders, businessUnitId, businessUnitName, deleteAfterExpire,
                disableContentLogging, agentGrants, metadata, v, assignedUser, accessProfileManaged,
                previousValueExpiresAt, rotatedAt);
    }

    public V2Fields withDisableContentLogging(Boolean v) {
        return new V2Fields(allowAllProviders, businessUnitId, businessUnitName, deleteAfterExpire, v,
                agentGrants, metadata, virtualMcpIds, assignedUser, accessProfileManaged, previousValueExpiresAt,
                rotatedAt);
    }

    public V2Fields withAgentGrants(List<AgentGrant> v) {
        return new V2Fields(allowAllProviders, businessUnitId, businessUnitName, deleteAfterExpire,
                disableContentLogging, v, metadata, virtualMcpIds, assignedUser, accessProfileManaged,
                previousValueExpiresAt, rotatedAt);
    }

    public V2Fields withMetadata(Map<String, String> v) {
        return new V2Fields(allowAllProviders, businessUnitId, businessUnitName, deleteAfterExpire,
                disableContentLogging, agentGrants, v, virtualMcpIds, assignedUser, accessProfileManaged,
                previousValueExpiresAt, rotatedAt);
    }

    /**
     * These fields with the GET-only ones ({@code virtual_mcp_ids}, {@code assigned_user},
     * {@code is_access_profile_managed}, {@code business_unit}'s name) taken from {@code read} where a write
     * response left them out (§11.11.3: their absence there means "not sent", not "none").
     */
    public V2Fields keepGetOnlyFrom(V2Fields read) {
        if (read == null) {
            return this;
        }
        String buName = businessUnitName != null ? businessUnitName
                : businessUnitId != null && businessUnitId.equals(read.businessUnitId) ? read.businessUnitName : null;
        return new V2Fields(allowAllProviders, businessUnitId, buName, deleteAfterExpire, disableContentLogging,
                agentGrants, metadata, virtualMcpIds != null ? virtualMcpIds : read.virtualMcpIds,
                assignedUser != null ? assignedUser : read.assignedUser,
                accessProfileManaged || read.accessProfileManaged, previousValueExpiresAt, rotatedAt);
    }
}
