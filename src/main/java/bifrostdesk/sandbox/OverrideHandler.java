package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.VkRec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * {@code PUT|DELETE /api/governance/virtual-keys/{vk_id}/budgets/{budget_id}/override} (REFERENCE-v2 §11.5.6):
 * temporary ({@code cycles}) or permanent ({@code forever}) headroom on top of a budget's base {@code max_limit}.
 * Caller holds the store lock.
 */
final class OverrideHandler {
    private final SandboxStore store;
    private final VkJson json;
    private final CommitFaults faults;

    OverrideHandler(SandboxStore store, VkJson json, CommitFaults faults) {
        this.store = store;
        this.json = json;
        this.faults = faults;
    }

    /** A budget with the owner key its JSON carries. */
    private record Found(BudgetRec budget, String ownerField, Object ownerId) {
    }

    void handle(Exchange ex, String vkId, String budgetId) throws IOException {
        if (!ex.method.equals("PUT") && !ex.method.equals("DELETE")) {
            ex.error(405, "Method not allowed");
            return;
        }
        VkRec v = store.vks.get(vkId);
        if (v == null) {
            ex.error(404, "virtual key or budget not found");
            return;
        }
        Found f = find(v, budgetId); // any budget the VK owns: VK-level, provider config or per-model
        if (f == null) {
            ex.error(404, "budget not found");
            return;
        }
        if (ex.method.equals("DELETE")) {
            clear(f.budget);
        } else {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(ex.body());
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                body = null;
            }
            if (body == null || !body.isObject() || !typesOk(body)) {
                ex.error(400, "invalid request body");
                return;
            }
            String problem = set(f.budget, body.path("amount").asDouble(0), body.path("mode").asText(""),
                    body.path("cycles").asInt(0));
            if (problem != null) {
                ex.error(400, problem);
                return;
            }
        }
        if (faults.take(CommitFault.OVERRIDE_RELOAD)) {
            ex.error(500, CommitFault.OVERRIDE_RELOAD.message()); // stored: a re-GET shows it
            return;
        }
        ObjectNode o = Json.obj();
        o.set("budget", json.budget(f.budget, f.ownerField, f.ownerId));
        o.put("effective_max_limit", f.budget.effectiveMaxLimit());
        ex.ok(o);
    }

    private static boolean typesOk(JsonNode body) {
        return (!Json.given(body, "amount") || body.get("amount").isNumber())
                && (!Json.given(body, "mode") || body.get("mode").isTextual())
                && (!Json.given(body, "cycles") || body.get("cycles").canConvertToInt());
    }

    /** BUD validateOverride + SetOverrideAt; returns the 400 message or null when applied. */
    private static String set(BudgetRec b, double amount, String mode, int cycles) {
        if (Double.isNaN(amount) || Double.isInfinite(amount)) {
            return "budget override_amount must be finite";
        }
        switch (mode) {
            case "cycles" -> {
                if (amount <= 0) {
                    return "budget override_amount must be > 0 for cycles mode";
                }
                if (cycles <= 0) {
                    return "budget override_cycles_remaining must be > 0 for cycles mode";
                }
            }
            case "forever" -> {
                if (amount <= 0) {
                    return "budget override_amount must be > 0 for forever mode";
                }
                if (cycles != 0) {
                    return "budget override_cycles_remaining must be 0 for forever mode";
                }
            }
            case "" -> {
                if (amount != 0 || cycles != 0) {
                    return "budget override fields require override_mode";
                }
                clear(b);
                return null;
            }
            default -> {
                return "invalid budget override_mode: " + mode;
            }
        }
        // a PUT replaces any override; a cycles grant is anchored at the current window, which counts as cycle 1
        b.overrideAmount = amount;
        b.overrideMode = mode;
        b.overrideCyclesRemaining = cycles;
        b.overrideCyclesTotal = cycles;
        b.overrideAnchorReset = b.lastReset;
        return null;
    }

    static void clear(BudgetRec b) {
        b.overrideAmount = 0;
        b.overrideMode = null;
        b.overrideCyclesRemaining = 0;
        b.overrideCyclesTotal = 0;
        b.overrideAnchorReset = null;
    }

    private static Found find(VkRec v, String budgetId) {
        for (BudgetRec b : v.budgets) {
            if (b.id.equals(budgetId)) {
                return new Found(b, "virtual_key_id", v.id);
            }
        }
        for (PcRec p : v.providerConfigs) {
            for (BudgetRec b : p.budgets) {
                if (b.id.equals(budgetId)) {
                    return new Found(b, "provider_config_id", p.id);
                }
            }
            for (ModelBudgetRec m : p.modelBudgets) {
                for (BudgetRec b : m.budgets) {
                    if (b.id.equals(budgetId)) {
                        return new Found(b, "model_config_id", m.id);
                    }
                }
            }
        }
        return null;
    }
}
