package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * V2 {@code provider_configs[].model_budgets} (REFERENCE-v2 §11.6): omitted/null = untouched (the caller does not
 * call in), {@code []} = every per-model tier of the provider deleted, a list = the full set of models. Each item's
 * {@code budgets} reconcile like any other list; its {@code rate_limit} is replace/remove. The upstream validation
 * texts were not recorded, so the messages here are the sandbox's own wording of the same rules.
 */
final class ModelBudgetRules {
    static final int MAX_ENTRIES = 100;

    private final BudgetRules budgets;
    private final RateLimitRules rateLimits;

    ModelBudgetRules(BudgetRules budgets, RateLimitRules rateLimits) {
        this.budgets = budgets;
        this.rateLimits = rateLimits;
    }

    void apply(PcRec pc, JsonNode list, boolean calendar, boolean reset, Instant now) {
        String what = "model_budgets for provider " + pc.provider + ": ";
        if (!list.isArray()) {
            throw ApiException.badRequest(what + "must be a list");
        }
        if (list.size() > MAX_ENTRIES) {
            throw ApiException.badRequest(what + "at most " + MAX_ENTRIES + " entries allowed, got " + list.size());
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode item : list) {
            String name = item.path("model_name").asText("").trim();
            if (name.isEmpty()) {
                throw ApiException.badRequest(what + "model_name is required");
            }
            if (name.equals("*")) {
                throw ApiException.badRequest(what + "model_name '*' is not allowed; the provider tier is the"
                        + " config's own budgets and rate_limit");
            }
            if (!seen.add(name)) {
                throw ApiException.badRequest(what + "duplicate model_name: " + name);
            }
        }
        List<ModelBudgetRec> result = new ArrayList<>();
        for (JsonNode item : list) {
            String name = item.path("model_name").asText("").trim();
            ModelBudgetRec m = find(pc.modelBudgets, name);
            boolean isNew = m == null;
            if (isNew) {
                m = new ModelBudgetRec();
                m.id = UUID.randomUUID().toString();
                m.modelName = name;
            }
            if (Json.given(item, "budgets")) {
                budgets.prevalidate(item.get("budgets"), false);
                m.budgets = budgets.reconcile(m.budgets, item.get("budgets"), calendar, reset, now);
            }
            if (item.has("rate_limit")) {
                m.rateLimit = rateLimits.apply(m.rateLimit, item.get("rate_limit"), now);
            }
            result.add(m);
        }
        result.sort(Comparator.comparing((ModelBudgetRec m) -> m.modelName));
        pc.modelBudgets = result; // models not listed are deleted with their budgets, rate limit and usage
    }

    private static ModelBudgetRec find(List<ModelBudgetRec> list, String name) {
        for (ModelBudgetRec m : list) {
            if (m.modelName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
