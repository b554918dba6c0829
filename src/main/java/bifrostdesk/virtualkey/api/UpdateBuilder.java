package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an edited virtual key into the request(s) that make the server hold exactly that state, for one
 * {@link Dialect}, and says in plain words what they change. Pure and deterministic: no I/O, no clock.
 * <p>
 * Why this exists (REFERENCE.md): Bifrost's VK PUT is partial at the top level but a full-set reconciliation for
 * lists (§2.6.2), overwrites a provider config's keys/models/weight when they are omitted (§2.6.1, #7347),
 * detaches the key from its team when ownership is omitted on v1.5 (§2.6.5), ignores a singular {@code budget}
 * on v1.5+ (#5673), merges rate-limit fields on v1.5 (§2.6.4) and has no version check (§5). Every PUT built here
 * therefore carries the full desired state (§9), and anything a dialect cannot express is refused rather than
 * sent in a shape that would do something else.
 * <p>
 * Per dialect:
 * <ul>
 * <li>all: name, description, is_active; every provider config with id, provider, weight (null allowed except
 *     v1.4), explicit allowed_models and keys; every MCP config with id, mcp_client_name, tools_to_execute;
 *     the owner resent; rate limits as the whole object (four keys) or {@code {}} to remove.</li>
 * <li>{@link Dialect#LATER}: {@code budgets[]} with the ids of existing budgets; detach = {@code "team_id": null};
 *     one PUT replaces a rate limit; {@code calendar_aligned}, {@code expires_at}, {@code reset_budget_usage}.</li>
 * <li>{@link Dialect#V1_5}: {@code budgets[]} without ids (matched by duration, a changed duration restarts at 0 and
 *     the plan says so); detach = omit both owner fields; clearing a rate-limit field = two PUTs; a change of
 *     {@code calendar_aligned} on an existing key, expiry and usage reset are refused.</li>
 * <li>{@link Dialect#LEGACY}: singular {@code budget} ({@code {}} removes; more than one refused),
 *     {@code allowed_keys}, and "all" = {@code []} for models/keys/tools ("none" refused); no provider configs and
 *     a null weight refused; otherwise like V1_5.</li>
 * </ul>
 */
public final class UpdateBuilder {
    public static final String BASE_PATH = "/api/governance/virtual-keys";

    private UpdateBuilder() {
    }

    /**
     * Options of an update.
     *
     * @param resetBudgetUsage           also zero the usage of every budget ({@code reset_budget_usage}, LATER only)
     * @param overwriteConcurrentChanges save even though the server copy's {@code updated_at} differs from the
     *                                   edited copy's (someone else saved in between; their changes are lost)
     * @param ownerNames                 team/customer id → display name, for the plan's sentences
     */
    /**
     * The key under which {@link SaveOptions#ownerNames} holds a Virtual MCP's name (ids are numbers, so they get
     * their own key space beside the team and customer ids), for plans that say "Virtual MCP engineering-tools (#1)".
     */
    public static String virtualMcpNameKey(long id) {
        return "virtual-mcp:" + id;
    }

    public record SaveOptions(boolean resetBudgetUsage, boolean overwriteConcurrentChanges,
                              Map<String, String> ownerNames) {
        public SaveOptions {
            ownerNames = ownerNames == null ? Map.of() : Map.copyOf(ownerNames);
        }

        public SaveOptions(boolean resetBudgetUsage) {
            this(resetBudgetUsage, false, Map.of());
        }

        public static SaveOptions defaults() {
            return new SaveOptions(false, false, Map.of());
        }

        public SaveOptions withOwnerNames(Map<String, String> names) {
            return new SaveOptions(resetBudgetUsage, overwriteConcurrentChanges, names);
        }

        public SaveOptions withOverwriteConcurrentChanges(boolean value) {
            return new SaveOptions(resetBudgetUsage, value, ownerNames);
        }
    }

    public static SavePlan planUpdate(VirtualKey edited, VirtualKey server, Dialect dialect) {
        return planUpdate(edited, server, dialect, SaveOptions.defaults());
    }

    /**
     * Plans the update of {@code server} (the server copy, re-read just before saving) to {@code edited}.
     *
     * @throws IllegalArgumentException when the two copies are not the same key
     */
    public static SavePlan planUpdate(VirtualKey edited, VirtualKey server, Dialect dialect, SaveOptions options) {
        Objects.requireNonNull(edited, "edited");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dialect, "dialect");
        SaveOptions opts = options == null ? SaveOptions.defaults() : options;
        if (server.id() == null || !server.id().equals(edited.id())) {
            throw new IllegalArgumentException("edited key " + edited.id() + " is not the server key " + server.id());
        }
        List<String> refusals = new ArrayList<>();
        // §5: no ETag; updated_at is the only (advisory) token. A full-state PUT over someone else's save would
        // silently undo it, so refuse unless the user chose to overwrite.
        // (a copy without a timestamp, e.g. from a file written by hand, cannot be checked and is not refused)
        if (!opts.overwriteConcurrentChanges() && edited.updatedAt() != null && server.updatedAt() != null
                && server.changedSince(edited)) {
            refusals.add("The key was changed on the server after you opened it (server copy updated at "
                    + server.updatedAt() + ", yours at " + edited.updatedAt() + "). Reload it, or save again "
                    + "choosing to overwrite those changes.");
        }
        if (opts.resetBudgetUsage() && !dialect.atLeast(Dialect.LATER)) {
            refusals.add("Resetting budget usage exists only on Bifrost v1.5.2 and later; this server ("
                    + dialect.label() + ") cannot do it.");
        }

        if (server.isAccessProfileManaged()) {
            return planProfileManaged(edited, server, dialect, refusals);
        }
        UpdateBuilderBody bodies = new UpdateBuilderBody(dialect, refusals);
        var mcp = bodies.resolveMcp(edited.mcpConfigs(), server.mcpConfigs(), false);
        ObjectNode desired = bodies.desired(edited, server, mcp);
        if (opts.resetBudgetUsage() && dialect.atLeast(Dialect.LATER)) {
            desired.put("reset_budget_usage", true);
        }
        List<String> changes = new UpdateBuilderWords(dialect, opts.ownerNames(), opts.resetBudgetUsage())
                .update(edited, server, mcp);

        // Safety net against "nothing to do" hiding a real difference: compare with the body the server copy
        // itself would produce (a throwaway refusal list: the server state needs no permission).
        ObjectNode current = new UpdateBuilderBody(dialect, new ArrayList<>())
                .desired(server, server, server.mcpConfigs());
        boolean differs = !desired.equals(current) || opts.resetBudgetUsage();
        // overrides and Virtual MCPs are their own endpoints, sent after the PUT (§11.14 step 6)
        List<String> stepChanges = new ArrayList<>();
        List<String> stepRefusals = new ArrayList<>();
        List<PlannedRequest> steps = new UpdateBuilderSteps(dialect, stepRefusals, stepChanges, opts.ownerNames())
                .plan(edited, server);
        boolean needsPut = differs || !changes.isEmpty();
        if (!needsPut && steps.isEmpty() && stepRefusals.isEmpty()) {
            // Nothing would be sent, so nothing needs refusing (e.g. a stale copy with no edit).
            return new SavePlan(List.of(), List.of("No changes"), List.of());
        }
        refusals.addAll(stepRefusals);
        if (!needsPut) {
            changes.addAll(stepChanges);
            return refusals.isEmpty() ? new SavePlan(steps, changes, refusals)
                    : new SavePlan(List.of(), changes, refusals);
        }
        if (changes.isEmpty()) {
            changes.add("rewrites the key's settings in the server's order (no visible change)");
        }
        changes.addAll(stepChanges);

        String path = path(server.id());
        List<PlannedRequest> requests = new ArrayList<>();
        if (!dialect.atLeast(Dialect.LATER)) {
            ObjectNode clear = clearRequest(edited, server, dialect, refusals, changes);
            if (clear != null) {
                requests.add(new PlannedRequest("PUT", path, clear,
                        "removes the rate limit(s) whose fields are cleared, because this server merges rate-limit "
                                + "fields and cannot clear one of them in place"));
            }
        }
        requests.add(new PlannedRequest("PUT", path, desired,
                requests.isEmpty() ? "saves the edited key"
                        : "saves the edited key and re-creates the rate limit(s); if this request fails after the "
                        + "first succeeded, the rate limit(s) stay removed until the key is saved again"));
        requests.addAll(steps);
        if (!refusals.isEmpty()) {
            return new SavePlan(List.of(), changes, refusals);
        }
        return new SavePlan(requests, changes, refusals);
    }

    /**
     * §11.13: an access-profile-managed key shows the profile's budgets and rate limit, whose ids are not the key's;
     * echoing them fails with 400, and sending them without ids would give the key copies of its own. Only the name
     * and description are the key's, so only they are sent; any other edit is refused with the reason.
     */
    private static SavePlan planProfileManaged(VirtualKey edited, VirtualKey server, Dialect dialect,
                                               List<String> refusals) {
        VirtualKey onlyNames = server.withName(edited.name()).withDescription(edited.description());
        ObjectNode wanted = new UpdateBuilderBody(dialect, new ArrayList<>())
                .desired(edited, server, edited.mcpConfigs());
        ObjectNode allowed = new UpdateBuilderBody(dialect, new ArrayList<>())
                .desired(onlyNames, server, onlyNames.mcpConfigs());
        if (!wanted.equals(allowed) || edited.active() != server.active()) {
            refusals.add("This key is managed by an access profile: its providers, budgets, rate limit and MCP "
                    + "tools come from the profile and can only be changed there. Only its name and description "
                    + "can be saved here; undo the other changes.");
        }
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(edited.name(), server.name())) {
            changes.add("renames the key from " + server.name() + " to " + edited.name());
        }
        if (!Objects.equals(edited.description(), server.description())) {
            changes.add(edited.description().isEmpty() ? "clears the description"
                    : "changes the description to \"" + edited.description() + "\"");
        }
        if (!refusals.isEmpty()) {
            return new SavePlan(List.of(), changes, refusals);
        }
        if (changes.isEmpty()) {
            return new SavePlan(List.of(), List.of("No changes"), List.of());
        }
        ObjectNode body = UpdateBuilderBody.F.objectNode();
        body.put("name", edited.name());
        body.put("description", edited.description());
        return new SavePlan(List.of(new PlannedRequest("PUT", path(server.id()), body,
                "saves the name and description only (the rest belongs to the access profile)")), changes, refusals);
    }

    /**
     * A (v1.5) and v1.4 merge rate-limit fields: null means "keep" (§2.6.4), so a sub-limit can only be cleared
     * by removing the whole rate limit ({@code {}}) and re-creating it in a second PUT. The first request is built
     * from the <em>server copy</em> and touches nothing else: it creates no provider config (whose new id the
     * second request could not know) and leaves budgets, MCP configs and other rate limits unchanged (omitted =
     * unchanged). It still resends name, description, is_active and the owner, which A would otherwise detach.
     */
    private static ObjectNode clearRequest(VirtualKey edited, VirtualKey server, Dialect dialect,
                                           List<String> refusals, List<String> changes) {
        boolean vkClear = UpdateBuilderBody.needsClearFirst(edited.rateLimit(), server.rateLimit());
        var serverPcs = UpdateBuilderBody.byId(server.providerConfigs());
        Set<Long> pcClear = new LinkedHashSet<>();
        for (ProviderConfig pc : edited.providerConfigs()) {
            ProviderConfig sp = pc.id() == null ? null : serverPcs.get(pc.id());
            if (sp != null && UpdateBuilderBody.needsClearFirst(pc.rateLimit(), sp.rateLimit())) {
                pcClear.add(pc.id());
            }
        }
        if (!vkClear && pcClear.isEmpty()) {
            return null;
        }
        UpdateBuilderBody b = new UpdateBuilderBody(dialect, refusals);
        ObjectNode o = UpdateBuilderBody.F.objectNode();
        o.put("name", server.name());
        o.put("description", server.description());
        o.put("is_active", server.active());
        b.owner(o, server.teamId(), server.customerId(), server.businessUnitId(), server);
        List<String> what = new ArrayList<>();
        if (vkClear) {
            o.putObject("rate_limit");
            what.add("the key's rate limit");
        }
        if (!pcClear.isEmpty()) {
            ArrayNode arr = o.putArray("provider_configs");
            for (ProviderConfig sp : server.providerConfigs()) {
                ObjectNode item = b.providerConfig(sp, sp, false);
                // nil budgets / rate_limit on an existing entry = unchanged (§2.6.1)
                item.remove("budgets");
                item.remove("budget");
                item.remove("rate_limit");
                if (pcClear.contains(sp.id())) {
                    item.putObject("rate_limit");
                    what.add("the rate limit of " + UpdateBuilderWords.label(sp));
                }
                arr.add(item);
            }
        }
        changes.add("needs two requests: this server merges rate-limit fields, so " + String.join(" and ", what)
                + (what.size() == 1 ? " is" : " are") + " removed first and then re-created without the cleared "
                + "limit (its usage counters start from zero)");
        return o;
    }

    /** Plans {@code POST /api/governance/virtual-keys} for a new key. */
    public static SavePlan planCreate(VirtualKey edited, Dialect dialect) {
        return planCreate(edited, dialect, Map.of());
    }

    /** As {@link #planCreate(VirtualKey, Dialect)}, with team/customer display names for the sentences. */
    public static SavePlan planCreate(VirtualKey edited, Dialect dialect, Map<String, String> ownerNames) {
        Objects.requireNonNull(edited, "edited");
        Objects.requireNonNull(dialect, "dialect");
        List<String> refusals = new ArrayList<>();
        UpdateBuilderBody bodies = new UpdateBuilderBody(dialect, refusals);
        var mcp = bodies.resolveMcp(edited.mcpConfigs(), List.of(), true);
        ObjectNode body = bodies.desired(edited, null, mcp);
        List<String> changes = new UpdateBuilderWords(dialect, ownerNames == null ? Map.of() : ownerNames, false)
                .create(edited);
        if (!refusals.isEmpty()) {
            return new SavePlan(List.of(), changes, refusals);
        }
        return new SavePlan(List.of(new PlannedRequest("POST", BASE_PATH, body, "creates the key")), changes,
                refusals);
    }

    /** Plans {@code DELETE /api/governance/virtual-keys/{id}}; the server removes configs, budgets and limits too (§2.7). */
    public static SavePlan planDelete(VirtualKey server) {
        Objects.requireNonNull(server, "server");
        if (server.id() == null) {
            return new SavePlan(List.of(), List.of(), List.of("The key is not on the server; there is nothing to delete."));
        }
        List<String> changes = new ArrayList<>();
        changes.add("deletes the key " + server.name() + " for good (there is no undo)");
        int budgets = server.budgets().size();
        double used = server.budgets().stream().mapToDouble(b -> b.currentUsage()).sum();
        for (ProviderConfig pc : server.providerConfigs()) {
            budgets += pc.budgets().size();
            used += pc.budgets().stream().mapToDouble(b -> b.currentUsage()).sum();
        }
        if (!server.providerConfigs().isEmpty() || budgets > 0 || !server.mcpConfigs().isEmpty()) {
            changes.add("also deletes its " + server.providerConfigs().size() + " provider config(s), " + budgets
                    + " budget(s) (" + UpdateBuilderWords.money(used) + " used) and " + server.mcpConfigs().size()
                    + " MCP attachment(s)");
        }
        RateLimit rl = server.rateLimit();
        if (rl != null && !rl.isEmpty()) {
            changes.add("also deletes its rate limit");
        }
        changes.add("applications using this key's value stop working at once");
        return new SavePlan(List.of(new PlannedRequest("DELETE", path(server.id()), null, "deletes the key")),
                changes, List.of());
    }

    /** The rotate request of a key (Bifrost v1.5.2+): a new value, nothing else changes. */
    public static PlannedRequest planRotate(VirtualKey server) {
        return new PlannedRequest("POST", path(server.id()) + "/rotate", null,
                "gives " + server.name() + " a new value; the current one stops working (on Bifrost v2.1+ "
                        + "after the gateway's rotation cooldown, if one is set)");
    }

    /** {@code /api/governance/virtual-keys/{id}} with the id percent-encoded as a path segment. */
    static String path(String id) {
        return BASE_PATH + "/" + segment(id);
    }

    /** A value percent-encoded as one path segment. */
    static String segment(String id) {
        StringBuilder sb = new StringBuilder();
        for (byte c : id.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                    || u == '-' || u == '_' || u == '.' || u == '~') {
                sb.append((char) u);
            } else {
                sb.append('%').append(String.format("%02X", u));
            }
        }
        return sb.toString();
    }
}
