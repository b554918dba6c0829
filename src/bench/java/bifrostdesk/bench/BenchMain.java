package bifrostdesk.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH suite (same command-line options as {@code org.openjdk.jmh.Main}); JMH prints its results table,
 * then this prints each target with the measured value, including the parse ratio from the same run.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions opts = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Double> ms = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst("^.*\\.bench\\.", "");
            StringBuilder key = new StringBuilder(name);
            for (String p : r.getParams().getParamsKeys()) {
                key.append(' ').append(p).append('=').append(r.getParams().getParam(p));
            }
            ms.put(key.toString(), r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("Targets (ms/op unless noted)");
        Double tree = ms.get("ParseBench.jacksonTree pcs=1000");
        Double model = ms.get("ParseBench.toModel pcs=1000");
        if (tree != null && model != null) {
            row("1 parse 1000 configs: toModel / jacksonTree", model / tree, 3.0, "x");
        }
        check(ms, "2 TreeBuilder.build 1000", "TreeBench.build pcs=1000", 100);
        check(ms, "3 validate whole 1000", "ValidateBench.full pcs=1000", 10);
        check(ms, "3 re-validate after one edit 1000", "ValidateBench.afterEdit pcs=1000", 1);
        check(ms, "4 planUpdate LATER 1000", "PlanBench.planUpdate dialect=LATER pcs=1000", 20);
        check(ms, "4 planUpdate V1_5 1000", "PlanBench.planUpdate dialect=V1_5 pcs=1000", 20);
        check(ms, "5 three-way merge 1000", "MergeBench.merge pcs=1000", 20);
        check(ms, "6 budget aggregation 10k keys", "AggregationBench.rows", 200);
        check(ms, "9 snapshot append 10k keys, 10 % changed", "SnapshotBench.append changed=0.1", 100);
        check(ms, "9 snapshot append 10k keys, all changed", "SnapshotBench.append changed=1.0", 250);
        check(ms, "10 snapshot load one key, 7 days", "SnapshotBench.loadOneKey7Days changed=0.1", 1000);
        check(ms, "10 snapshot load one key, 90 days", "SnapshotBench.loadOneKey90Days changed=0.1", 5000);
        check(ms, "11 latest snapshot (primes the watch)", "SnapshotBench.latest changed=0.1", 1000);
        check(ms, "12 projection over 90 days, 5-min samples", "ProjectionBench.project90Days sampleMinutes=5", 10);
        check(ms, "12 projection over 90 days, hourly samples", "ProjectionBench.project90Days sampleMinutes=60", 10);
        check(ms, "13 bulk review 10k keys, v2", "BulkPlanBench.review dialect=V2", 2000);
        check(ms, "13 bulk review 10k keys, v1.5", "BulkPlanBench.review dialect=V1_5", 2000);
    }

    private static void check(Map<String, Double> ms, String label, String key, double target) {
        Double v = ms.get(key);
        if (v != null) {
            row(label, v, target, "ms");
        }
    }

    private static void row(String label, double v, double target, String unit) {
        System.out.printf(Locale.ROOT, "%-45s %10.3f %-2s  target <= %-6s %s%n", label, v, unit,
                (target == Math.rint(target) ? String.valueOf((long) target) : String.valueOf(target)),
                v <= target ? "met" : "MISSED");
    }
}
