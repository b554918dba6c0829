package bifrostdesk.virtualkey.model;

import java.util.List;

/**
 * Budgets and a rate limit for one model under a provider config ({@code model_budgets[]}, REFERENCE-v2.md §11.6).
 * Stored by the server per (key, provider name, model), so removing the provider config removes these too.
 */
public record ModelBudget(String modelName, List<Budget> budgets, RateLimit rateLimit) {
    public ModelBudget {
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
    }

    /** Usage of all its budgets, in USD (what removing it deletes). */
    public double usage() {
        return budgets.stream().mapToDouble(Budget::currentUsage).sum();
    }
}
