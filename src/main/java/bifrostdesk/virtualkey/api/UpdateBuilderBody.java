package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.AccessLists;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the JSON bodies of a save for one dialect. Every edit that cannot be expressed is recorded as a refusal
 * instead of being sent in a shape that means something else (REFERENCE §10 for legacy, §2.6 for A/B).
 * Package-private: {@link UpdateBuilder} is the API.
 * <p>
 * Over 400 lines, earned by one job: the exact JSON body of a save for every dialect, field by field.
 */
final class UpdateBuilderBody {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Dialect dialect;
    private final List<String> refusals;

    UpdateBuilderBody(Dialect dialect, List<String> refusals) {
        this.dialect = dialect;
        this.refusals = refusals;
    }

    private void refuse(String reason) {
        if (!refusals.contains(reason)) {
            refusals.add(reason);
        }
    }

    /**
     * The full desired state (REFERENCE §9): a PUT body when {@code server} is given, a POST body otherwise.
     * {@code mcp} is the MCP list with ids already resolved ({@link #resolveMcp}).
     */
    ObjectNode desired(VirtualKey vk, VirtualKey server, List<McpConfig> mcp) {
        boolean create = server == null;
        ObjectNode o = F.objectNode();
        // §2.9: the official UI always sends these three; nil would mean "unchanged", but sending them makes
        // the body state the whole key.
        o.put("name", vk.name());
        o.put("description", vk.description());
        o.put("is_active", vk.active());
        owner(o, vk.teamId(), vk.customerId(), vk.businessUnitId(), create ? null : server);

        Map<Long, ProviderConfig> serverConfigs = create ? Map.of() : byId(server.providerConfigs());
        if (dialect == Dialect.LEGACY && vk.providerConfigs().isEmpty()) {
            // §10: on v1.4 `provider_configs: []` means ALL providers. When the server copy has none either,
            // the state is unchanged: omit the field (nil = unchanged) rather than say something else.
            if (create || !server.providerConfigs().isEmpty()) {
                refuse("The key has no provider configs. This server (v1.4) reads an empty provider list as "
                        + "access to every provider; add at least one provider config.");
            }
        } else {
            ArrayNode pcs = o.putArray("provider_configs");
            Set<Long> seen = new HashSet<>();
            Set<String> providers = new HashSet<>();
            for (ProviderConfig pc : vk.providerConfigs()) {
                if (dialect.atLeast(Dialect.V2) && pc.provider() != null && !providers.add(pc.provider().trim())) {
                    // §11.4.2: v2 keeps budgets and limits per (key, provider name): two configs for one provider
                    // share one governance tier and the later one silently wins
                    refuse("Two provider configs name " + pc.provider().trim() + ". On Bifrost v2 they would share "
                            + "one set of budgets and limits and the second would silently replace the first; "
                            + "merge them into one config.");
                }
                if (pc.id() != null && !create && !seen.add(pc.id())) {
                    // the server would update one row twice and the result would depend on its loop order
                    refuse("Provider config " + pc.id() + " (" + pc.provider() + ") appears twice in the edit; "
                            + "remove one of them.");
                }
                ProviderConfig sp = pc.id() == null ? null : serverConfigs.get(pc.id());
                if (pc.id() != null && sp == null && !create) {
                    refuse("Provider config " + pc.id() + " (" + pc.provider() + ") no longer exists on the server; "
                            + "reload the key and redo the edit.");
                }
                pcs.add(providerConfig(pc, sp, create));
            }
        }

        // §2.6.2: mcp_configs is a full set too; [] deletes them all.
        ArrayNode mcps = o.putArray("mcp_configs");
        for (McpConfig m : mcp) {
            ObjectNode item = mcps.addObject();
            if (m.id() != null && !create) {
                item.put("id", m.id());
            }
            item.put("mcp_client_name", m.mcpClientName());
            item.set("tools_to_execute", allowList(m.toolsToExecute(), "MCP client " + m.mcpClientName(), "tools"));
        }

        budgets(o, vk.budgets(), create ? List.of() : server.budgets(), "the key", create);
        RateLimit srl = create ? null : server.rateLimit();
        putRateLimit(o, vk.rateLimit(), srl, create);

        boolean serverAligned = !create && server.calendarAligned();
        if (vk.calendarAligned() != serverAligned) {
            switch (dialect) {
                // §2.6.6: A's UpdateVirtualKey Select leaves calendar_aligned out, so a PUT would report success
                // and change nothing. On create it is stored.
                case V1_5 -> {
                    if (create) {
                        o.put("calendar_aligned", vk.calendarAligned());
                    } else {
                        refuse("This server (v1.5) does not store a change of the key's calendar alignment; "
                                + "undo that change, or upgrade the server.");
                    }
                }
                case LEGACY -> refuse("This server (v1.4) has no key-level calendar alignment; undo that change.");
                case LATER, V2 -> o.put("calendar_aligned", vk.calendarAligned());
            }
        }

        Instant serverExpiry = create ? null : server.expiresAt();
        if (!Objects.equals(vk.expiresAt(), serverExpiry)) {
            if (dialect.atLeast(Dialect.LATER)) {
                // §2.6.1 (B): RFC3339 sets, "" clears, omitted = unchanged.
                o.put("expires_at", vk.expiresAt() == null ? "" : vk.expiresAt().toString());
            } else {
                refuse("Key expiry exists only on Bifrost v1.5.2 and later; this server (" + dialect.label()
                        + ") cannot store it.");
            }
        }
        // Never resend an unchanged expiry: a key that already expired would get a 400 (§11.4.1).
        new UpdateBuilderV2(dialect, refusals).putV2Fields(o, vk, server);
        return o;
    }

    /**
     * §2.6.5 / §11.8. A (v1.5) and v1.4: omitting both detaches, so the current owner is always resent. B and
     * later: presence-aware; the one owner the key has is resent (a team wins over the team's parent customer
     * that some v2 builds also show, a business unit is resent too), all three are omitted when neither copy has
     * an owner, and {@code "team_id": null} — which clears all three — is sent only when the user detached.
     *
     * @param server the server copy ({@code null} when creating), which tells "detach" from "never had one"
     */
    void owner(ObjectNode o, String teamId, String customerId, String businessUnitId, VirtualKey server) {
        boolean create = server == null;
        boolean presenceAware = dialect.atLeast(Dialect.LATER);
        // Some v2 builds show a team-owned key with the team's parent customer (§11.8): that shape, as read, is
        // resent as the team alone. Any other team + customer pair is a contradiction the server would refuse.
        boolean asRead = presenceAware && !create && Objects.equals(teamId, server.teamId())
                && Objects.equals(customerId, server.customerId());
        if (teamId != null && customerId != null && !asRead) {
            refuse("A key cannot belong to a team and a customer at the same time; choose one.");
            return;
        }
        if (teamId != null) {
            o.put("team_id", teamId);
        } else if (customerId != null) {
            o.put("customer_id", customerId);
        } else if (businessUnitId != null) {
            if (!dialect.atLeast(Dialect.V2)) {
                refuse("Business-unit owners exist only on Bifrost v2; this server (" + dialect.label()
                        + ") cannot store one.");
                return;
            }
            o.put("business_unit_id", businessUnitId);
        } else if (!create && presenceAware && !server.isUnowned()) {
            o.putNull("team_id");
        }
        // V1_5 / LEGACY without owner: omit both, which on those servers means "no owner".
    }

    ObjectNode providerConfig(ProviderConfig pc, ProviderConfig server, boolean create) {
        String label = UpdateBuilderWords.label(pc);
        ObjectNode p = F.objectNode();
        if (pc.id() != null && !create) {
            p.put("id", pc.id()); // §2.6.2: without id the row is deleted and re-created (usage lost)
        }
        p.put("provider", pc.provider());
        // §2.6.1: weight is overwritten; omitted = null. v1.4 needs a number (§10): sending 1.0 or the old
        // weight would silently change routing, so refuse instead.
        if (pc.weight() == null) {
            if (dialect == Dialect.LEGACY) {
                refuse(label + " has no weight. This server (v1.4) needs a weight for every provider config; "
                        + "enter one (weights are relative, e.g. 1 for an even share).");
            }
            p.putNull("weight");
        } else {
            p.put("weight", pc.weight());
        }
        p.set("allowed_models", allowList(pc.allowedModels(), label, "models"));
        // §2.6.1: from B on blacklisted_models is overwritten like allowed_models, so omitting it clears the
        // server's list; always state it there. Older servers have no such field.
        if (dialect.atLeast(Dialect.LATER)) {
            ArrayNode blocked = p.putArray("blacklisted_models");
            pc.blacklistedModels().forEach(blocked::add);
        } else if (!pc.blacklistedModels().isEmpty()) {
            refuse(label + " blocks models, which needs Bifrost v1.5.2 or later; this server (" + dialect.label()
                    + ") cannot store it.");
        }
        keys(p, pc, label);
        budgets(p, pc.budgets(), server == null ? List.of() : server.budgets(), label, server == null);
        putRateLimit(p, pc.rateLimit(), server == null ? null : server.rateLimit(), server == null);
        new UpdateBuilderV2(dialect, refusals).putModelBudgets(this, p, pc, server);
        return p;
    }

    /** §2.6.1 / #7347: key_ids is overwritten and never omitted; ["*"] = all. v1.4: allowed_keys, [] = all. */
    private void keys(ObjectNode p, ProviderConfig pc, String label) {
        if (dialect == Dialect.LEGACY) {
            ArrayNode a = p.putArray("allowed_keys");
            if (pc.allowAllKeys()) {
                return; // [] = all keys on v1.4
            }
            if (pc.keys().isEmpty()) {
                refuse(label + " allows no keys. This server (v1.4) cannot express that: an empty key list "
                        + "means all keys there. Pick at least one key, or remove the provider config.");
            }
            for (KeyRef k : pc.keys()) {
                a.add(k.keyId());
            }
        } else {
            ArrayNode a = p.putArray("key_ids");
            pc.keyIds().forEach(a::add);
        }
    }

    /** Current meaning: ["*"] = all, [] = none. v1.4: [] = all, none is not expressible (§10). */
    ArrayNode allowList(List<String> values, String label, String what) {
        ArrayNode a = F.arrayNode();
        if (dialect == Dialect.LEGACY) {
            if (values.contains(AccessLists.ALL)) {
                return a;
            }
            if (values.isEmpty()) {
                refuse(label + " allows no " + what + ". This server (v1.4) cannot express that: an empty list "
                        + "means all " + what + " there.");
            }
        }
        values.forEach(a::add);
        return a;
    }

    /**
     * Budgets of one owner. A/B: the complete set in {@code budgets} (§2.6.3); B/C: with the {@code id} of
     * existing ones so a duration change keeps usage; A reconciles by duration only. v1.4: one singular
     * {@code budget} update object, {@code {}} removes it (§10).
     */
    void budgets(ObjectNode o, List<Budget> edited, List<Budget> server, String owner, boolean newOwner) {
        if (dialect == Dialect.LEGACY) {
            if (edited.size() > 1) {
                refuse(capitalize(owner) + " has " + edited.size() + " budgets, but this server allows one budget "
                        + "per key/provider config.");
                return;
            }
            if (edited.isEmpty()) {
                if (!server.isEmpty()) {
                    o.putObject("budget"); // {} removes it
                }
                return;
            }
            Budget b = edited.get(0);
            ObjectNode item = o.putObject("budget");
            budgetFields(item, b, owner);
            return;
        }
        Set<String> serverIds = new HashSet<>();
        for (Budget s : server) {
            if (s.id() != null) {
                serverIds.add(s.id());
            }
        }
        ArrayNode arr = o.putArray("budgets");
        for (Budget b : edited) {
            ObjectNode item = arr.addObject();
            if (dialect.atLeast(Dialect.LATER) && b.id() != null && !newOwner) {
                if (serverIds.contains(b.id())) {
                    item.put("id", b.id());
                } else {
                    refuse("Budget " + b.resetDuration() + " of " + owner + " no longer exists on the server; "
                            + "reload the key and redo the edit.");
                }
            }
            budgetFields(item, b, owner);
        }
    }

    private void budgetFields(ObjectNode item, Budget b, String owner) {
        if (b.maxLimit() == null) {
            refuse("Budget " + b.resetDuration() + " of " + owner + " has no limit; enter a number.");
            item.putNull("max_limit");
        } else {
            item.put("max_limit", b.maxLimit());
        }
        // the server parses durations untrimmed; VirtualKeyRules accepts surrounding spaces
        item.put("reset_duration", trim(b.resetDuration()));
        // §11.5.2: a matched budget takes reset_config from the request, so omitting it deletes the fiscal start
        // month. Resent whenever the key has one; dropped (and said so in the plan) when the duration is no
        // longer quarterly, since the server refuses reset_config on any other duration.
        if (b.quarterStartMonth() != null && b.isQuarterly()) {
            item.putObject("reset_config").put("quarter_start_month", b.quarterStartMonth());
        }
        if (b.calendarAligned() && dialect != Dialect.LEGACY) {
            item.put("calendar_aligned", true);
        }
    }

    /**
     * §2.6.4: none → omit (or {@code {}} when the server has one: remove); otherwise the whole object with all
     * four keys, null where unused. On B/C that replaces; on A it merges, which is why clearing a sub-limit is
     * planned as two requests by {@link UpdateBuilder}.
     */
    static void putRateLimit(ObjectNode o, RateLimit edited, RateLimit server, boolean newOwner) {
        boolean none = edited == null || edited.isEmpty();
        boolean serverNone = newOwner || server == null || server.isEmpty();
        if (none) {
            if (!serverNone) {
                o.putObject("rate_limit");
            }
            return;
        }
        o.set("rate_limit", rateLimitObject(edited));
    }

    static ObjectNode rateLimitObject(RateLimit r) {
        ObjectNode n = F.objectNode();
        if (r.tokenMaxLimit() == null) {
            n.putNull("token_max_limit");
        } else {
            n.put("token_max_limit", r.tokenMaxLimit());
        }
        n.put("token_reset_duration", trim(r.tokenResetDuration()));
        if (r.requestMaxLimit() == null) {
            n.putNull("request_max_limit");
        } else {
            n.put("request_max_limit", r.requestMaxLimit());
        }
        n.put("request_reset_duration", trim(r.requestResetDuration()));
        return n;
    }

    /**
     * True when going from {@code server} to {@code edited} clears a field that A's merge would keep
     * (null = "keep" there, §2.6.4), while a rate limit remains: needs remove-then-create.
     */
    static boolean needsClearFirst(RateLimit edited, RateLimit server) {
        if (edited == null || edited.isEmpty() || server == null || server.isEmpty()) {
            return false;
        }
        return (server.tokenMaxLimit() != null && edited.tokenMaxLimit() == null)
                || (server.tokenResetDuration() != null && edited.tokenResetDuration() == null)
                || (server.requestMaxLimit() != null && edited.requestMaxLimit() == null)
                || (server.requestResetDuration() != null && edited.requestResetDuration() == null);
    }

    /**
     * The MCP list with the ids the server must see (§2.6.2): an existing id whose client name changed is
     * dropped (the server ignores a name change on an existing id), and a new entry for a client that the server
     * copy already has attached (and that no kept entry claims) reuses that id, because a second row for the
     * same client hits the unique index. Entries with an id unknown to the server are refused (stale copy).
     */
    List<McpConfig> resolveMcp(List<McpConfig> edited, List<McpConfig> server, boolean create) {
        if (create) {
            List<McpConfig> out = new ArrayList<>();
            for (McpConfig m : edited) {
                out.add(new McpConfig(null, m.mcpClientName(), m.toolsToExecute()));
            }
            return out;
        }
        Map<Long, McpConfig> serverById = new HashMap<>();
        Map<String, McpConfig> serverByName = new LinkedHashMap<>();
        for (McpConfig s : server) {
            if (s.id() != null) {
                serverById.put(s.id(), s);
            }
            serverByName.putIfAbsent(s.mcpClientName(), s);
        }
        List<Long> ids = new ArrayList<>();
        Set<Long> claimed = new HashSet<>();
        for (McpConfig m : edited) {
            Long id = m.id();
            if (id != null) {
                McpConfig s = serverById.get(id);
                if (claimed.contains(id)) {
                    refuse("MCP client " + m.mcpClientName() + " (attachment " + id + ") appears twice in the edit; "
                            + "remove one of them.");
                } else if (s == null) {
                    refuse("MCP client " + m.mcpClientName() + " (attachment " + id + ") is no longer attached on "
                            + "the server; reload the key and redo the edit.");
                } else if (!Objects.equals(s.mcpClientName(), m.mcpClientName())) {
                    id = null;
                }
            }
            ids.add(id);
            if (id != null) {
                claimed.add(id);
            }
        }
        List<McpConfig> out = new ArrayList<>();
        for (int i = 0; i < edited.size(); i++) {
            McpConfig m = edited.get(i);
            Long id = ids.get(i);
            if (id == null) {
                McpConfig s = serverByName.get(m.mcpClientName());
                if (s != null && s.id() != null && claimed.add(s.id())) {
                    id = s.id();
                }
            }
            out.add(new McpConfig(id, m.mcpClientName(), m.toolsToExecute()));
        }
        return out;
    }

    static Map<Long, ProviderConfig> byId(List<ProviderConfig> configs) {
        Map<Long, ProviderConfig> m = new HashMap<>();
        for (ProviderConfig pc : configs) {
            if (pc.id() != null) {
                m.put(pc.id(), pc);
            }
        }
        return m;
    }

    static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
