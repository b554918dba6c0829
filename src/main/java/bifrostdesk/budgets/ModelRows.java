package bifrostdesk.budgets;

import bifrostdesk.budgets.BudgetAggregation.Owner;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import java.time.Instant;
import java.util.List;

/**
 * The review rows of per-model budgets and rate limits (REFERENCE-v2.md §11.6): owner chain
 * "… › key › provider › model", node path {@code provider_configs/N/model_budgets/M/budgets/K}. Part of
 * {@link BudgetAggregation}.
 */
final class ModelRows {
    private ModelRows() {
    }

    static void add(List<BudgetRow> out, ProviderConfig pc, int pcIndex, Owner o, boolean aligned, String pcChain,
                    Instant now) {
        List<ModelBudget> models = pc.modelBudgets();
        for (int m = 0; m < models.size(); m++) {
            ModelBudget mb = models.get(m);
            String owner = NodePath.modelBudget(pcIndex, m);
            String chain = pcChain + BudgetAggregation.SEP + mb.modelName();
            List<Budget> budgets = mb.budgets();
            for (int i = 0; i < budgets.size(); i++) {
                out.add(BudgetAggregation.budgetRow(budgets.get(i), aligned, BudgetKind.MODEL_BUDGET, o.customerId(),
                        o.customerName(), o.teamId(), o.teamName(), o.vkId(), o.vkName(), o.active(), pc.id(),
                        pc.provider(), NodePath.budget(owner, i), chain, mb.modelName(), now));
            }
            int before = out.size();
            BudgetAggregation.addRateLimit(out, mb.rateLimit(), aligned, o, pc.id(), pc.provider(),
                    NodePath.rateLimit(owner), chain, BudgetKind.MODEL_TOKEN_LIMIT, BudgetKind.MODEL_REQUEST_LIMIT,
                    now);
            for (int i = before; i < out.size(); i++) {
                out.set(i, out.get(i).withModel(mb.modelName(), ""));
            }
        }
    }
}
