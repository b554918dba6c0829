package bifrostdesk.bench;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.VirtualKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Target 4: request(s) and plan for a one-field edit of the 1,000-config key ≤ 20 ms, LATER and V1_5. */
@State(Scope.Benchmark)
public class PlanBench extends BenchDefaults {
    @Param({"LATER", "V1_5"})
    public Dialect dialect;
    @Param({"1000"})
    public int pcs;
    private VirtualKey server;
    private VirtualKey edited;

    @Setup
    public void setUp() {
        server = BenchData.router(pcs, dialect);
        edited = BenchData.editBudget(server, pcs / 2, 123.0);
    }

    @Benchmark
    public SavePlan planUpdate() {
        return UpdateBuilder.planUpdate(edited, server, dialect);
    }
}
