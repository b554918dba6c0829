package bifrostdesk.bench;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.spend.SeriesKey;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.spend.SpendSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Targets 9–11: the usage snapshots of 10,000 keys (20,000 limits). Appending one refresh; reading one key's 7 and
 * 90 days back (what a chart needs when the gateway keeps no logs); the latest snapshot (what primes the watch). The
 * 90-day store is the busy case of docs/workspace-format.md (30 % of keys moving at every 15-minute refresh),
 * built once through {@link SnapshotStore#append} under target/bench-snapshots and reused.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SnapshotBench extends BenchDefaults {
    /** Share of the keys whose values changed since the previous refresh. */
    @Param({"0.1", "1.0"})
    public double changed;

    private SnapshotStore history;
    private String key;
    private SnapshotStore appendStore;
    private List<BudgetRow> even;
    private List<BudgetRow> odd;
    private Instant t;
    private boolean flip;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        history = SnapshotData.store(Path.of("target/bench-snapshots/busy"), SnapshotData.KEYS, SnapshotStore.KEEP_DAYS,
                15, 0.3);
        key = SeriesKey.of(SnapshotData.rows(1, 0, 0.3, SnapshotData.END).get(0));
        Path dir = Files.createTempDirectory("bench-snapshot-append");
        appendStore = new SnapshotStore(dir, "http://127.0.0.1:8080");
        t = SnapshotData.END;
        even = SnapshotData.rows(SnapshotData.KEYS, 2, changed, t);
        odd = SnapshotData.rows(SnapshotData.KEYS, 3, changed, t);
        appendStore.append(t, even);
    }

    /** One refresh appended (a change line of the changed share, flushed to the disk). */
    @Benchmark
    public void append() throws IOException {
        t = t.plusMillis(1000);
        flip = !flip;
        appendStore.append(t, flip ? odd : even);
    }

    @Benchmark
    public Map<String, List<SpendSeries.UsagePoint>> loadOneKey7Days() throws IOException {
        return history.usage(List.of(key), SnapshotData.END.minus(Duration.ofDays(7)), SnapshotData.END);
    }

    @Benchmark
    public Map<String, List<SpendSeries.UsagePoint>> loadOneKey90Days() throws IOException {
        return history.usage(List.of(key), SnapshotData.END.minus(Duration.ofDays(90)), SnapshotData.END);
    }

    @Benchmark
    public SnapshotStore.Snapshot latest() throws IOException {
        return history.latest();
    }
}
