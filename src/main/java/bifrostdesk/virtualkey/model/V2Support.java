package bifrostdesk.virtualkey.model;

/**
 * Which v2 settings a server has, so the editor shows a control only where the server can store it (absent, not
 * disabled, elsewhere). Several of them shipped in releases nobody pinned down (REFERENCE-v2.md §11.1.3), so the
 * answer comes from what the key's last GET showed, with the dialect as the floor:
 * <ul>
 *   <li>{@code allow_all_providers} is always emitted from v2.1.0 on: its presence is the probe.</li>
 *   <li>{@code agent_grants} is always emitted by the builds that also have {@code delete_after_expire},
 *   {@code disable_content_logging} and business units: its presence (even {@code null}) is the probe for them.</li>
 *   <li>{@code metadata} is {@code omitempty}, so a key without metadata cannot show it; it is offered where the
 *   key shows metadata, or where the key shows the {@code agent_grants} generation (its release is open, §11.15.2;
 *   a server without it ignores the field, and the re-read after the save shows that nothing was stored).</li>
 *   <li>Virtual MCPs: the GET of one key answered {@code virtual_mcp_ids}.</li>
 *   <li>Quarterly budgets, per-model budgets and overrides: the v2 dialect.</li>
 * </ul>
 */
public final class V2Support {
    private V2Support() {
    }

    /** The v2 dialect: quarterly budgets ({@code 1Q} with a fiscal start month), per-model budgets, overrides. */
    public static boolean v2(Dialect dialect) {
        return dialect != null && dialect.atLeast(Dialect.V2);
    }

    /** The "all providers" switch. */
    public static boolean allProviders(VirtualKey vk) {
        return vk != null && vk.v2().allowAllProviders() != null;
    }

    /** Content logging, delete-after-expiry and agent grants (the {@code agent_grants} generation). */
    public static boolean keyOptions(VirtualKey vk) {
        if (vk == null) {
            return false;
        }
        V2Fields v = vk.v2();
        return v.agentGrants() != null || v.deleteAfterExpire() != null || v.disableContentLogging() != null;
    }

    /** The metadata table. */
    public static boolean metadata(VirtualKey vk) {
        return vk != null && (vk.v2().metadata() != null || keyOptions(vk));
    }

    /** Attaching the key to Virtual MCPs. */
    public static boolean virtualMcps(VirtualKey vk) {
        return vk != null && vk.v2().virtualMcpIds() != null;
    }

    /** Business units as owners: a v2 server that lists some, or a key already owned by one. */
    public static boolean businessUnits(VirtualKey vk, Dialect dialect, Lookups.Snapshot lookups) {
        return v2(dialect) && (vk != null && vk.businessUnitId() != null
                || lookups != null && !lookups.businessUnits().isEmpty());
    }
}
