package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The steps of a save that are not part of the key's PUT (REFERENCE-v2.md §11.14 step 6): budget overrides
 * ({@code PUT|DELETE …/budgets/{id}/override}, §11.5.6) and Virtual MCP assignments
 * ({@code POST|DELETE /api/mcp/virtual-mcps/{id}/virtual-keys/{vk}}, §11.7.1).
 * <p>
 * They run <em>after</em> the PUT: the PUT keeps every budget id (so an override lands on the budget the admin
 * sees), and a failure of a later step leaves the key itself saved. Because the draft is the full desired state, a
 * retry after a partial failure re-plans against the server's copy and sends only what is still missing.
 * Package-private, used by {@link UpdateBuilder}.
 */
final class UpdateBuilderSteps {
    private final Dialect dialect;
    private final List<String> refusals;
    private final List<String> changes;

    /** Names by id for the plan's words; Virtual MCPs under {@link UpdateBuilder#virtualMcpNameKey}. */
    private final Map<String, String> names;

    UpdateBuilderSteps(Dialect dialect, List<String> refusals, List<String> changes) {
        this(dialect, refusals, changes, Map.of());
    }

    UpdateBuilderSteps(Dialect dialect, List<String> refusals, List<String> changes, Map<String, String> names) {
        this.names = names == null ? Map.of() : names;
        this.dialect = dialect;
        this.refusals = refusals;
        this.changes = changes;
    }

    private void refuse(String reason) {
        if (!refusals.contains(reason)) {
            refusals.add(reason);
        }
    }

    List<PlannedRequest> plan(VirtualKey edited, VirtualKey server) {
        List<PlannedRequest> out = new ArrayList<>();
        overrides(edited, server, out);
        virtualMcps(edited, server, out);
        return out;
    }

    // ---- overrides -------------------------------------------------------------------------------------------

    private record Owned(String owner, Budget budget) {
    }

    private static List<Owned> budgets(VirtualKey vk) {
        List<Owned> out = new ArrayList<>();
        vk.budgets().forEach(b -> out.add(new Owned("the key", b)));
        for (ProviderConfig pc : vk.providerConfigs()) {
            String label = UpdateBuilderWords.label(pc);
            pc.budgets().forEach(b -> out.add(new Owned(label, b)));
            for (ModelBudget mb : pc.modelBudgets()) {
                mb.budgets().forEach(b -> out.add(new Owned("model " + mb.modelName() + " of " + label, b)));
            }
        }
        return out;
    }

    private void overrides(VirtualKey edited, VirtualKey server, List<PlannedRequest> out) {
        Map<String, Budget> serverById = new HashMap<>();
        budgets(server).forEach(o -> {
            if (o.budget().id() != null) {
                serverById.put(o.budget().id(), o.budget());
            }
        });
        for (Owned o : budgets(edited)) {
            Budget e = o.budget();
            Budget s = e.id() == null ? null : serverById.get(e.id());
            if (s != null && Objects.equals(e.override(), s.override())) {
                continue; // as the server has it (also an expired grant carried through unchanged)
            }
            BudgetOverride want = e.override(); // what the admin set; validated below
            BudgetOverride have = s == null ? null : live(s.override());
            if (sameGrant(want, have)) {
                continue;
            }
            String what = "budget " + e.resetDuration() + " of " + o.owner();
            if (!dialect.atLeast(Dialect.V2)) {
                refuse("Budget overrides need Bifrost v2 here; this server (" + dialect.label() + ") cannot set one.");
                continue;
            }
            if (s == null) {
                refuse("The override on the new " + what + " can be set once the budget exists: save the key "
                        + "first, then set the override.");
                continue;
            }
            String path = UpdateBuilder.path(server.id()) + "/budgets/" + UpdateBuilder.segment(e.id()) + "/override";
            if (want == null) {
                out.add(new PlannedRequest("DELETE", path, null, "removes the override on " + what));
                changes.add("removes the override of " + UpdateBuilderWords.money(have.amount()) + " on " + what
                        + " (its limit goes back to " + UpdateBuilderWords.money(e.maxLimit()) + ")");
                continue;
            }
            String problem = problem(want);
            if (problem != null) {
                refuse("The override on " + what + ": " + problem);
                continue;
            }
            ObjectNode body = UpdateBuilderBody.F.objectNode();
            body.put("amount", want.amount());
            body.put("mode", want.mode());
            if (BudgetOverride.CYCLES.equals(want.mode())) {
                body.put("cycles", want.cyclesTotal());
            }
            out.add(new PlannedRequest("PUT", path, body, "sets the override on " + what));
            double base = e.maxLimit() == null ? 0 : e.maxLimit();
            changes.add((have == null ? "adds" : "replaces") + " an override on " + what + ": +"
                    + UpdateBuilderWords.money(want.amount()) + " (effective limit "
                    + UpdateBuilderWords.money(base + want.amount()) + ") "
                    + (BudgetOverride.FOREVER.equals(want.mode()) ? "until removed"
                    : "for " + want.cyclesTotal() + " reset window" + (want.cyclesTotal() == 1 ? "" : "s")
                    + ", counting the current one"));
        }
    }

    /** An override the server would treat as live; an expired or zero one counts as none. */
    private static BudgetOverride live(BudgetOverride o) {
        return o != null && o.isActive() ? o : null;
    }

    /** Same grant as far as the endpoint is concerned (amount, mode, granted cycles). */
    private static boolean sameGrant(BudgetOverride a, BudgetOverride b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.amount() == b.amount() && Objects.equals(a.mode(), b.mode())
                && (!BudgetOverride.CYCLES.equals(a.mode()) || Objects.equals(a.cyclesTotal(), b.cyclesTotal()));
    }

    /** §11.5.6's validation, so nothing is sent that the server refuses. */
    static String problem(BudgetOverride o) {
        if (Double.isNaN(o.amount()) || Double.isInfinite(o.amount())) {
            return "the amount must be a number";
        }
        if (o.amount() <= 0) {
            return "the amount must be greater than zero";
        }
        if (BudgetOverride.CYCLES.equals(o.mode())) {
            return o.cyclesTotal() == null || o.cyclesTotal() <= 0 ? "give the number of reset windows (1 or more)"
                    : null;
        }
        return BudgetOverride.FOREVER.equals(o.mode()) ? null : "choose for how many windows, or until removed";
    }

    // ---- Virtual MCPs ----------------------------------------------------------------------------------------

    private void virtualMcps(VirtualKey edited, VirtualKey server, List<PlannedRequest> out) {
        List<Long> want = edited.v2().virtualMcpIds();
        List<Long> have = server.v2().virtualMcpIds();
        if (want == null || have == null || new LinkedHashSet<>(want).equals(new LinkedHashSet<>(have))) {
            return; // unknown on either side: nothing to say, nothing to send
        }
        if (server.isAccessProfileManaged()) {
            refuse("This key is managed by an access profile: assign Virtual MCPs through that access profile "
                    + "(the server answers 409 otherwise).");
            return;
        }
        Set<Long> remove = new LinkedHashSet<>(have);
        remove.removeAll(want);
        Set<Long> add = new LinkedHashSet<>(want);
        add.removeAll(have);
        // detach first: a failure then leaves the key with fewer tools, never with more than the admin chose
        for (Long id : remove) {
            out.add(new PlannedRequest("DELETE", vmcpPath(id, server.id()), null,
                    "detaches the key from Virtual MCP " + vmcp(id)));
            changes.add("detaches the key from Virtual MCP " + vmcp(id));
        }
        for (Long id : add) {
            out.add(new PlannedRequest("POST", vmcpPath(id, server.id()), null,
                    "attaches the key to Virtual MCP " + vmcp(id)));
            changes.add("attaches the key to Virtual MCP " + vmcp(id) + " (its tools become usable with this key)");
        }
    }

    /** "engineering-tools (#1)" where the server's list named it, else "1". */
    private String vmcp(long id) {
        String name = names.get(UpdateBuilder.virtualMcpNameKey(id));
        return name == null || name.isBlank() ? String.valueOf(id) : name + " (#" + id + ")";
    }

    private static String vmcpPath(long vmcpId, String vkId) {
        return "/api/mcp/virtual-mcps/" + vmcpId + "/virtual-keys/" + UpdateBuilder.segment(vkId);
    }
}
