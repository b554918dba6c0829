package bifrostdesk.spend;

import bifrostdesk.budgets.BudgetAggregation;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.OwnedBudget;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the budget review without JavaFX (the command line, snapshots, the watch): every key, team and customer and
 * the team and customer budgets, flattened by {@link BudgetAggregation#rows}, as the Budgets tab does.
 */
public final class ReviewLoader {
    private ReviewLoader() {
    }

    /** One load: the rows and what they were built from. */
    public record Review(List<BudgetRow> rows, List<VirtualKey> keys, List<Lookups.Team> teams,
                         List<Lookups.Customer> customers, Instant at) {
    }

    public static Review load(BifrostClient c, ProgressListener progress, Instant now) throws ApiException {
        List<VirtualKey> keys = c.listAllVirtualKeys(VkQuery.firstPage(), progress);
        List<Lookups.Team> teams = c.teams();
        List<Lookups.Customer> customers = c.customers();
        List<OwnedBudget> owned = new ArrayList<>();
        for (OwnedBudget b : c.budgets()) {
            if (b.virtualKeyId() == null && b.providerConfigId() == null
                    && (b.teamId() != null || b.customerId() != null)) {
                owned.add(b);
            }
        }
        return new Review(BudgetAggregation.rows(keys, teams, customers, owned, now), keys, teams, customers, now);
    }
}
