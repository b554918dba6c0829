package bifrostdesk.bench;

import bifrostdesk.drafts.merge.MergeResult;
import bifrostdesk.drafts.merge.ThreeWayMerge;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Target 5: three-way merge of two drafts of the 1,000-config key ≤ 20 ms (edits on different configs). */
@State(Scope.Benchmark)
public class MergeBench extends BenchDefaults {
    @Param({"1000"})
    public int pcs;
    private VirtualKey base;
    private VirtualKey mine;
    private VirtualKey theirs;

    @Setup
    public void setUp() {
        base = BenchData.router(pcs, Dialect.LATER);
        mine = BenchData.editWeight(base, 1, 0.25).withDescription("mine");
        theirs = BenchData.editBudget(base, pcs - 2, 77.0);
    }

    @Benchmark
    public MergeResult merge() {
        return ThreeWayMerge.merge(base, mine, theirs);
    }
}
