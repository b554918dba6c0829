package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Budget;

/**
 * A row of {@code GET /api/governance/budgets}: the budget and the owner foreign key the server gave
 * (one of them is usually set; all {@code null} for an orphan or an owner kind this desk does not know).
 */
public record OwnedBudget(Budget budget, String virtualKeyId, Long providerConfigId, String teamId,
                          String customerId) {
}
