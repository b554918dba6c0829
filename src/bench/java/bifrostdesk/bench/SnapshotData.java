package bifrostdesk.bench;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.spend.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Review rows and a 90-day snapshot store for 10,000 keys, for the snapshot benchmarks and the size statement in
 * docs/workspace-format.md. Each key has a monthly key budget and a per-minute request limit (20,000 series). A
 * share of the keys is active: their budget grows and their request counter moves at every refresh; the others
 * change once a day. Deterministic (fixed seed and clock).
 */
public final class SnapshotData {
    public static final Instant END = Instant.parse("2026-12-01T12:00:00Z");
    public static final int KEYS = 10_000;

    private SnapshotData() {
    }

    /** The rows of one refresh: key i's budget usage and request count at step {@code step}. */
    public static List<BudgetRow> rows(int keys, int step, double activeShare, Instant at) {
        List<BudgetRow> out = new ArrayList<>(keys * 2);
        Instant reset = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < keys; i++) {
            boolean active = (i % 100) < activeShare * 100;
            int moves = active ? step : step / 96;
            String vk = String.format("6f0c2a1e-0000-4000-8000-%012d", i);
            String name = String.format("gen-vk-%05d", i);
            double limit = 50 + (i % 10) * 25;
            double usage = Math.round(((moves * 0.137 + i % 7) % limit) * 1000) / 1000.0;
            out.add(new BudgetRow(null, null, null, null, vk, name, true, null, null, BudgetKind.VK_BUDGET, limit,
                    usage, "1M", true, reset, reset, reset.plus(Duration.ofDays(31)), Duration.ofDays(30), false,
                    "budgets/0", name));
            out.add(new BudgetRow(null, null, null, null, vk, name, true, null, null, BudgetKind.VK_REQUEST_LIMIT,
                    600, active ? (moves * 37L + i) % 600 : 0, "1m", false, at, at, at.plusSeconds(60),
                    Duration.ofSeconds(60), false, "rate_limit", name));
        }
        return out;
    }

    /**
     * A store in {@code dir} with {@code days} days of refreshes every {@code minutes} minutes up to {@link #END},
     * written through {@link SnapshotStore#append} (so compaction and thinning run as in the app). Reused when the
     * folder already holds one (marker file).
     */
    public static SnapshotStore store(Path dir, int keys, int days, int minutes, double activeShare)
            throws IOException {
        SnapshotStore store = new SnapshotStore(dir, "http://127.0.0.1:8080");
        Path marker = dir.resolve(".complete");
        if (Files.exists(marker)) {
            return store;
        }
        Instant start = END.minus(Duration.ofDays(days));
        int step = 0;
        // days older than the full-detail week are thinned to hourly anyway: write them hourly to save time
        for (Instant t = start; !t.isAfter(END); step++) {
            store.append(t, rows(keys, step, activeShare, t));
            boolean recent = t.isAfter(END.minus(Duration.ofDays(SnapshotStore.FULL_DAYS)));
            t = t.plus(Duration.ofMinutes(recent ? minutes : 60));
        }
        Files.writeString(marker, "ok");
        return store;
    }

    /** Prints the size of a 90-day store for 10,000 keys: {@code SnapshotData DIR [activeShare] [minutes]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-snapshots/size");
        double share = args.length > 1 ? Double.parseDouble(args[1]) : 0.3;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        long t0 = System.nanoTime();
        SnapshotStore s = store(dir, KEYS, SnapshotStore.KEEP_DAYS, minutes, share);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long total = s.sizeOnDisk();
        long series = Files.size(dir.resolve("series.jsonl"));
        System.out.printf("keys=%d days=%d refresh=%d min active=%.0f%%: %.1f MB on disk (series.jsonl %.1f MB,"
                        + " %d files), written in %d s%n", KEYS, SnapshotStore.KEEP_DAYS, minutes, share * 100,
                total / 1e6, series / 1e6, Files.list(dir).count(), ms / 1000);
    }
}
