package bifrostdesk.bench;

import bifrostdesk.budgets.BudgetAggregation;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target 6: the budget view's aggregation ({@link BudgetAggregation#rows}) over the LARGE seed's 10,000+ keys,
 * sorted by used fraction as the table shows it first, ≤ 200 ms.
 */
@State(Scope.Benchmark)
public class AggregationBench extends BenchDefaults {
    private List<VirtualKey> keys;
    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Setup
    public void setUp() {
        keys = BenchData.largeSeedList(Dialect.LATER);
    }

    @Benchmark
    public List<BudgetRow> rows() {
        List<BudgetRow> rows = new ArrayList<>(BudgetAggregation.rows(keys, List.<Lookups.Team>of(),
                List.<Lookups.Customer>of(), List.of(), now));
        rows.sort((a, b) -> Double.compare(b.fraction(), a.fraction()));
        return rows;
    }
}
