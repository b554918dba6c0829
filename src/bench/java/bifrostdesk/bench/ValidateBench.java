package bifrostdesk.bench;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target 3: validating the key whole ≤ 10 ms; re-validating after one field edit ≤ 1 ms. The context is the
 * editor's real one on the LARGE seed: 10,000 other key names, the known providers and MCP clients, the base.
 */
@State(Scope.Benchmark)
public class ValidateBench extends BenchDefaults {
    @Param({"10", "100", "1000"})
    public int pcs;
    private VirtualKey edited;
    private VirtualKey editedAgain;
    private List<Violation> previous;
    private RuleContext ctx;

    @Setup
    public void setUp() {
        VirtualKey base = BenchData.router(pcs, Dialect.LATER);
        edited = BenchData.editBudget(base, pcs / 2, 5.0);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            names.add(String.format("gen-vk-%05d", i));
        }
        Set<String> providers = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            providers.add(bifrostdesk.sandbox.SyntheticData.providerName(i));
        }
        Set<String> clients = new HashSet<>();
        for (int i = 0; i < BenchData.MCPS; i++) {
            clients.add(bifrostdesk.sandbox.SyntheticData.mcpClientName(i));
        }
        ctx = new RuleContext(names, providers, clients, base, Dialect.LATER);
        previous = VirtualKeyRules.validate(edited, ctx);
        editedAgain = BenchData.editWeight(edited, pcs / 3, -1.0); // one more edit, an invalid weight
    }

    @Benchmark
    public List<Violation> full() {
        return VirtualKeyRules.validate(edited, ctx);
    }

    /** The editor after one more field edit: only the changed config is re-checked. */
    @Benchmark
    public List<Violation> afterEdit() {
        return VirtualKeyRules.revalidate(edited, previous, editedAgain, ctx);
    }

    /** Reference for afterEdit: the same edit validated whole. */
    @Benchmark
    public List<Violation> afterEditFull() {
        return VirtualKeyRules.validate(editedAgain, ctx);
    }
}
