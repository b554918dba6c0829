package bifrostdesk.bench;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.TreeBuilder;
import bifrostdesk.virtualkey.tree.TreeNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Target 2: the tree view-model data of the key (with change marks against the server copy) ≤ 100 ms. */
@State(Scope.Benchmark)
public class TreeBench extends BenchDefaults {
    @Param({"10", "100", "1000"})
    public int pcs;
    private VirtualKey base;
    private VirtualKey edited;

    @Setup
    public void setUp() {
        base = BenchData.router(pcs, Dialect.LATER);
        edited = BenchData.editWeight(base, pcs / 2, 0.5);
    }

    @Benchmark
    public TreeNode build() {
        return TreeBuilder.build(edited, base);
    }
}
