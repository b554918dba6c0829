package bifrostdesk.budgets;

import bifrostdesk.virtualkey.model.Money;
import java.util.Locale;

/** What a {@link BudgetRow} limits, and who owns it. */
public enum BudgetKind {
    CUSTOMER_BUDGET(Scope.CUSTOMER, Unit.USD, "Customer budget"),
    TEAM_BUDGET(Scope.TEAM, Unit.USD, "Team budget"),
    VK_BUDGET(Scope.VIRTUAL_KEY, Unit.USD, "Key budget"),
    PROVIDER_CONFIG_BUDGET(Scope.PROVIDER_CONFIG, Unit.USD, "Provider config budget"),
    VK_TOKEN_LIMIT(Scope.VIRTUAL_KEY, Unit.TOKENS, "Key token rate limit"),
    VK_REQUEST_LIMIT(Scope.VIRTUAL_KEY, Unit.REQUESTS, "Key request rate limit"),
    PROVIDER_CONFIG_TOKEN_LIMIT(Scope.PROVIDER_CONFIG, Unit.TOKENS, "Provider config token rate limit"),
    PROVIDER_CONFIG_REQUEST_LIMIT(Scope.PROVIDER_CONFIG, Unit.REQUESTS, "Provider config request rate limit"),
    TEAM_TOKEN_LIMIT(Scope.TEAM, Unit.TOKENS, "Team token rate limit"),
    TEAM_REQUEST_LIMIT(Scope.TEAM, Unit.REQUESTS, "Team request rate limit"),
    CUSTOMER_TOKEN_LIMIT(Scope.CUSTOMER, Unit.TOKENS, "Customer token rate limit"),
    CUSTOMER_REQUEST_LIMIT(Scope.CUSTOMER, Unit.REQUESTS, "Customer request rate limit"),
    /** v2 per-model budgets and rate limits under a provider config (REFERENCE-v2.md §11.6). */
    MODEL_BUDGET(Scope.MODEL, Unit.USD, "Per-model budget"),
    MODEL_TOKEN_LIMIT(Scope.MODEL, Unit.TOKENS, "Per-model token rate limit"),
    MODEL_REQUEST_LIMIT(Scope.MODEL, Unit.REQUESTS, "Per-model request rate limit");

    /** Who owns a limit; {@link #MODEL} is one model under a key's provider config. */
    public enum Scope { CUSTOMER, TEAM, VIRTUAL_KEY, PROVIDER_CONFIG, MODEL }

    public enum Unit { USD, TOKENS, REQUESTS }

    private final Scope scope;
    private final Unit unit;
    private final String label;

    BudgetKind(Scope scope, Unit unit, String label) {
        this.scope = scope;
        this.unit = unit;
        this.label = label;
    }

    public Scope scope() {
        return scope;
    }

    public Unit unit() {
        return unit;
    }

    public String label() {
        return label;
    }

    public boolean isBudget() {
        return unit == Unit.USD;
    }

    public String format(double amount) {
        return switch (unit) {
            case USD -> Money.format(amount);
            case TOKENS -> String.format(Locale.ROOT, "%,d tokens", Math.round(amount));
            case REQUESTS -> String.format(Locale.ROOT, "%,d requests", Math.round(amount));
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
