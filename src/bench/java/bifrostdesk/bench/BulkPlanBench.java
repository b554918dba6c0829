package bifrostdesk.bench;

import bifrostdesk.bulk.BudgetScope;
import bifrostdesk.bulk.BulkOperation;
import bifrostdesk.bulk.BulkOperations;
import bifrostdesk.bulk.BulkPlanner;
import bifrostdesk.bulk.BulkReview;
import bifrostdesk.bulk.LimitChange;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target 13: the review of one bulk change over the LARGE seed's 10,009 keys ≤ 2 s: every key's monthly budgets
 * lowered by 20 % (each generated key changes; the 1,000-config router is planned too), each key validated and
 * planned with {@code UpdateBuilder.planUpdate}, consequences added up, plans dropped.
 */
@State(Scope.Benchmark)
public class BulkPlanBench extends BenchDefaults {
    @Param({"V2", "V1_5"})
    public Dialect dialect;
    private List<VirtualKey> keys;
    private BulkPlanner planner;
    private BulkOperation op;

    @Setup
    public void setUp() {
        keys = BenchData.largeSeedList(dialect);
        planner = BulkPlanner.basic(dialect);
        op = BulkOperations.changeBudget(BudgetScope.ALL, "1M", LimitChange.parse("-20%"));
    }

    @Benchmark
    public BulkReview review() {
        return planner.review(keys, op);
    }
}
