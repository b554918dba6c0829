package bifrostdesk.bench;

import bifrostdesk.virtualkey.api.Dialect;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target 6: the budget view's aggregation over the LARGE seed's 10,000+ keys ≤ 200 ms.
 * <p>
 * TODO: {@code bifrostdesk.budgets.BudgetAggregation.rows(...)} is not on main yet; this benchmarks an equivalent
 * linear flattening (one row per budget and per rate-limit sub-limit, with owner chain and used fraction). Switch
 * to {@code BudgetAggregation.rows} once the budgets branch is merged.
 */
@State(Scope.Benchmark)
public class AggregationBench extends BenchDefaults {
    private List<VirtualKey> keys;

    public record Row(String chain, String kind, String path, Double limit, double usage, double fraction,
                      String reset) {
    }

    @Setup
    public void setUp() {
        keys = BenchData.largeSeedList(Dialect.LATER);
    }

    @Benchmark
    public List<Row> rows() {
        List<Row> out = new ArrayList<>(keys.size() * 3);
        for (VirtualKey vk : keys) {
            String owner = vk.teamId() != null ? vk.teamId() : vk.customerId() != null ? vk.customerId() : "";
            String keyChain = owner.isEmpty() ? vk.name() : owner + " › " + vk.name();
            budgets(out, keyChain, "budgets/", vk.budgets());
            rateLimit(out, keyChain, "rate_limit", vk.rateLimit());
            List<ProviderConfig> pcs = vk.providerConfigs();
            for (int p = 0; p < pcs.size(); p++) {
                ProviderConfig pc = pcs.get(p);
                String chain = keyChain + " › " + pc.provider();
                budgets(out, chain, "provider_configs/" + p + "/budgets/", pc.budgets());
                rateLimit(out, chain, "provider_configs/" + p + "/rate_limit", pc.rateLimit());
            }
        }
        out.sort((a, b) -> Double.compare(b.fraction(), a.fraction()));
        return out;
    }

    private static void budgets(List<Row> out, String chain, String prefix, List<Budget> budgets) {
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            out.add(new Row(chain, "budget", prefix + i, b.maxLimit(), b.currentUsage(), b.usedFraction(),
                    b.resetDuration()));
        }
    }

    private static void rateLimit(List<Row> out, String chain, String path, RateLimit r) {
        if (r == null) {
            return;
        }
        if (r.tokenMaxLimit() != null) {
            out.add(new Row(chain, "tokens", path, r.tokenMaxLimit().doubleValue(), r.tokenCurrentUsage(),
                    r.tokenMaxLimit() > 0 ? (double) r.tokenCurrentUsage() / r.tokenMaxLimit() : 0,
                    r.tokenResetDuration()));
        }
        if (r.requestMaxLimit() != null) {
            out.add(new Row(chain, "requests", path, r.requestMaxLimit().doubleValue(), r.requestCurrentUsage(),
                    r.requestMaxLimit() > 0 ? (double) r.requestCurrentUsage() / r.requestMaxLimit() : 0,
                    r.requestResetDuration()));
        }
    }
}
