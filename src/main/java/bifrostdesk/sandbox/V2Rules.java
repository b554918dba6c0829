package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.AgentGrantRec;
import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.VkRec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The top-level VK fields that only V2 has, and V2's three-owner rule (REFERENCE-v2 §11.4.1, §11.4.6, §11.8,
 * §11.9). Everything works on the caller's copy of the VK; errors are thrown before it is stored.
 */
final class V2Rules {
    static final String OWNERS = "VirtualKey cannot be attached to more than one of Team, Customer or Business Unit";
    static final String[] OWNER_FIELDS = {"team_id", "customer_id", "business_unit_id"};
    private static final Pattern AGENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private V2Rules() {
    }

    /** Blank (or whitespace) counts as not named, as in applyVirtualKeyOwnershipUpdate. */
    private static String named(JsonNode req, String field) {
        String s = Json.text(req, field);
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** More than one owner named → 400 (POST and PUT alike). */
    static void checkOwners(JsonNode req) {
        int n = 0;
        for (String f : OWNER_FIELDS) {
            n += named(req, f) == null ? 0 : 1;
        }
        if (n > 1) {
            throw ApiException.bare(400, OWNERS);
        }
    }

    /**
     * Tri-state owners on PUT (§11.8): all omitted = unchanged; one named = that one, the others cleared; none
     * named but any present ({@code null}, {@code ""}) = all three cleared. The trap: {@code "team_id": null}
     * from a client that knows only teams and customers detaches a business-unit key.
     */
    static void applyOwners(VkRec v, JsonNode req) {
        boolean anyPresent = false;
        for (String f : OWNER_FIELDS) {
            anyPresent |= req.has(f);
        }
        if (!anyPresent) {
            return;
        }
        v.teamId = named(req, "team_id");
        v.customerId = named(req, "customer_id");
        v.businessUnitId = named(req, "business_unit_id");
    }

    /** RFC3339 and in the future (§11.4.1); null when omitted, null-valued or {@code ""}. */
    static Instant parseExpires(JsonNode req) {
        String s = Json.text(req, "expires_at");
        if (s == null || s.isEmpty()) {
            return null;
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.bare(400, "expires_at must be an RFC3339 timestamp");
        }
        if (!t.isAfter(Instant.now())) {
            throw ApiException.bare(400, "expires_at must be a future timestamp");
        }
        return t;
    }

    /** PUT: expiry, delete-after-expire, content logging, allow-all-providers, grants, metadata. */
    static void applyUpdate(VkRec v, JsonNode req, Instant expires, Instant now) {
        checkTypes(req);
        if (Json.given(req, "expires_at")) {
            v.expiresAt = expires;
            if (expires == null) {
                v.deleteAfterExpire = null; // "" clears the expiry and sends the flag back to inherit
            }
        }
        if (req.has("delete_after_expire")) {
            JsonNode d = req.get("delete_after_expire");
            v.deleteAfterExpire = d.isNull() ? null : d.asBoolean();
        }
        if (v.deleteAfterExpire != null && req.has("delete_after_expire") && v.expiresAt == null) {
            // whether a stored expiry suffices without expires_at in the request is UNVERIFIED (§11.15 #8): here it does
            throw ApiException.badRequest("delete_after_expire requires expires_at");
        }
        if (req.has("disable_content_logging")) {
            JsonNode d = req.get("disable_content_logging");
            v.disableContentLogging = d.isNull() ? null : d.asBoolean();
        }
        if (Json.given(req, "allow_all_providers")) {
            v.allowAllProviders = req.get("allow_all_providers").asBoolean();
        }
        if (Json.given(req, "agent_grants")) {
            v.agentGrants = grants(v.agentGrants, req.get("agent_grants"), now);
        }
        if (Json.given(req, "metadata")) {
            v.metadata = metadata(req.get("metadata"));
        }
    }

    /** POST: the same fields with create defaults (§11.4.6). */
    static void applyCreate(VkRec v, JsonNode req, Instant now) {
        checkTypes(req);
        v.teamId = named(req, "team_id");
        v.customerId = named(req, "customer_id");
        v.businessUnitId = named(req, "business_unit_id");
        v.allowAllProviders = req.path("allow_all_providers").asBoolean(false);
        if (Json.given(req, "delete_after_expire")) {
            if (v.expiresAt == null) {
                throw ApiException.badRequest("delete_after_expire requires expires_at");
            }
            v.deleteAfterExpire = req.get("delete_after_expire").asBoolean();
        }
        if (Json.given(req, "disable_content_logging")) {
            v.disableContentLogging = req.get("disable_content_logging").asBoolean();
        }
        if (Json.given(req, "agent_grants")) {
            v.agentGrants = grants(null, req.get("agent_grants"), now);
        }
        if (Json.given(req, "metadata")) {
            v.metadata = metadata(req.get("metadata"));
        }
    }

    /** Go decodes into typed fields: a wrong JSON type fails the whole body with "Invalid JSON". */
    private static void checkTypes(JsonNode req) {
        for (String f : new String[] {"delete_after_expire", "disable_content_logging", "allow_all_providers",
            "reset_budget_usage"}) {
            if (Json.given(req, f) && !req.get(f).isBoolean()) {
                throw ApiException.bare(400, "Invalid JSON");
            }
        }
        if (Json.given(req, "metadata")) {
            JsonNode m = req.get("metadata");
            if (!m.isObject()) {
                throw ApiException.bare(400, "Invalid JSON");
            }
            m.elements().forEachRemaining(val -> {
                if (!val.isTextual()) {
                    throw ApiException.bare(400, "Invalid JSON"); // map[string]string
                }
            });
        }
        if (Json.given(req, "agent_grants") && !req.get("agent_grants").isArray()) {
            throw ApiException.bare(400, "Invalid JSON");
        }
    }

    /** A list is the full set; {@code []} removes all; created_at survives for names kept. */
    private static List<AgentGrantRec> grants(List<AgentGrantRec> current, JsonNode list, Instant now) {
        Set<String> seen = new HashSet<>();
        List<AgentGrantRec> out = new ArrayList<>();
        for (JsonNode item : list) {
            String name = item.path("agent_name").asText("").trim();
            if (!AGENT_NAME.matcher(name).matches()) {
                throw ApiException.bare(400, "invalid agent grant: agent_name must be 1-128 letters, digits, '.',"
                        + " '_' or '-', got: '" + name + "'");
            }
            if (!seen.add(name)) {
                throw ApiException.bare(400, "duplicate agent_name: " + name);
            }
            Instant created = now;
            if (current != null) {
                for (AgentGrantRec g : current) {
                    if (g.agentName().equals(name)) {
                        created = g.createdAt();
                    }
                }
            }
            out.add(new AgentGrantRec(name, created));
        }
        return out;
    }

    /** An object replaces the whole map; {@code {}} clears it (M: governance_vkmetadata_test). */
    private static Map<String, String> metadata(JsonNode obj) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (!METADATA_KEY.matcher(k).matches() || k.toLowerCase(Locale.ROOT).startsWith("bifrost_")) {
                throw ApiException.bare(400, "invalid metadata key \"" + k + "\": use letters, digits, '.', '_' or"
                        + " '-' (max 63), not the reserved bifrost_ prefix");
            }
            out.put(k, e.getValue().asText());
        }
        return out;
    }

    /**
     * The VK-level calendar flag is stamped onto every budget and rate limit the VK owns (BUD
     * StampCalendarAlignment); with {@code adopt} (switched on) calendar-alignable budgets move {@code last_reset}
     * to the current period start and keep their usage (§11.5.4).
     */
    static void stampCalendar(VkRec v, boolean aligned, boolean adopt, Instant now) {
        Consumer<BudgetRec> stamp = b -> {
            b.calendarAligned = aligned;
            char unit = b.resetDuration.isEmpty() ? ' ' : b.resetDuration.charAt(b.resetDuration.length() - 1);
            if (adopt && "dwMQY".indexOf(unit) >= 0) {
                b.lastReset = BudgetRules.lastReset(true, b.resetDuration, now, b.quarterStartMonth);
            }
        };
        v.budgets.forEach(stamp);
        if (v.rateLimit != null) {
            v.rateLimit.calendarAligned = aligned;
        }
        for (PcRec p : v.providerConfigs) {
            p.budgets.forEach(stamp);
            for (ModelBudgetRec m : p.modelBudgets) {
                m.budgets.forEach(stamp);
            }
        }
    }
}
