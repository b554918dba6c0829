package bifrostdesk.spend;

import bifrostdesk.budgets.BudgetRow;

/**
 * The stable identity of one limit across refreshes, for snapshots and the watch: owner, provider config id, model,
 * kind and reset duration (an owner has at most one budget per duration, and one token and one request limit). Not
 * the editor's node path: indexes shift when a sibling budget is removed.
 */
public final class SeriesKey {
    private SeriesKey() {
    }

    /** E.g. {@code k:<vk id>|17|gpt-4o|MODEL_BUDGET|1M}, {@code t:<team id>|-|-|TEAM_BUDGET|1M}. */
    public static String of(BudgetRow r) {
        String owner = switch (r.kind().scope()) {
            case CUSTOMER -> "c:" + r.customerId();
            case TEAM -> "t:" + r.teamId();
            default -> "k:" + r.vkId();
        };
        return owner + '|' + (r.providerConfigId() == null ? "-" : r.providerConfigId()) + '|'
                + (r.model() == null ? "-" : r.model()) + '|' + r.kind().name() + '|'
                + (r.resetDuration() == null ? "-" : r.resetDuration());
    }
}
