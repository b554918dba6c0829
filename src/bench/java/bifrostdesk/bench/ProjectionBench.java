package bifrostdesk.bench;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.spend.Projection;
import bifrostdesk.spend.Projector;
import bifrostdesk.spend.SpendSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Target 12: the projection of one budget over a 90-day history: usage samples turned into spend
 * ({@link SpendSeries#fromUsage}) and projected at the weighted pace of the last 24 h ({@link Projector}). Samples
 * every 5 minutes (25,920, the most the snapshots hold) or every hour (2,160, the thinned tier or hourly logs).
 */
@State(Scope.Benchmark)
public class ProjectionBench extends BenchDefaults {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Param({"5", "60"})
    public int sampleMinutes;

    private List<SpendSeries.UsagePoint> samples;
    private final Projector projector = new Projector(ZoneOffset.UTC);

    @Setup
    public void setUp() {
        samples = new ArrayList<>();
        int n = 90 * 24 * 60 / sampleMinutes;
        double usage = 0;
        for (int i = 0; i <= n; i++) {
            Instant t = NOW.minus(Duration.ofMinutes((long) (n - i) * sampleMinutes));
            if (t.atZone(ZoneOffset.UTC).getDayOfMonth() == 1 && t.atZone(ZoneOffset.UTC).getHour() == 0
                    && t.atZone(ZoneOffset.UTC).getMinute() < sampleMinutes) {
                usage = 0; // a monthly reset
            }
            usage += (i % 7) * 0.01 * sampleMinutes / 5.0;
            samples.add(new SpendSeries.UsagePoint(t, usage));
        }
    }

    @Benchmark
    public Projection project90Days() {
        SpendSeries s = SpendSeries.fromUsage(samples);
        return projector.project(samples.get(samples.size() - 1).usage(), 1000, "1M",
                Instant.parse("2027-01-01T00:00:00Z"), BudgetKind.VK_BUDGET, s, NOW, Duration.ofHours(24));
    }
}
