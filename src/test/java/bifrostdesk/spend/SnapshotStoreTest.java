package bifrostdesk.spend;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own usage snapshots: compact lines, read back exactly, bounded, and a torn last line tolerated. */
class SnapshotStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path tmp;

    static BudgetRow row(String vk, double limit, double usage) {
        return new BudgetRow(null, null, null, null, vk, vk + "-name", true, null, null, BudgetKind.VK_BUDGET, limit,
                usage, "1M", true, T0.minus(Duration.ofDays(1)), T0.minus(Duration.ofDays(1)), T0.plus(
                Duration.ofDays(30)), Duration.ofDays(30), false, "budgets/0", "Acme › " + vk);
    }

    static BudgetRow perMinute(String vk, double used) {
        return new BudgetRow(null, null, null, null, vk, vk + "-name", true, null, null, BudgetKind.VK_REQUEST_LIMIT,
                600, used, "1m", false, T0, T0, T0.plusSeconds(60), Duration.ofSeconds(60), false, "rate_limit", vk);
    }

    private SnapshotStore store() {
        return new SnapshotStore(tmp.resolve("spend"), "http://gw:8080");
    }

    private List<Double> usage(SnapshotStore s, BudgetRow r, Instant from, Instant to) throws IOException {
        String key = SeriesKey.of(r);
        return s.usage(List.of(key), from, to).get(key).stream().map(SpendSeries.UsagePoint::usage).toList();
    }

    @Test
    void snapshotsAreReadBackAndLaterLinesHoldOnlyChanges() throws IOException {
        SnapshotStore s = store();
        s.append(T0, List.of(row("a", 100, 10), row("b", 50, 0)));
        s.append(T0.plusSeconds(300), List.of(row("a", 100, 12.5), row("b", 50, 0)));
        s.append(T0.plusSeconds(600), List.of(row("a", 100, 12.5)));

        assertThat(usage(s, row("a", 100, 0), T0, T0.plusSeconds(600))).containsExactly(10.0, 12.5, 12.5);
        assertThat(usage(s, row("b", 50, 0), T0, T0.plusSeconds(600))).as("gone after the second")
                .containsExactly(0.0, 0.0);
        List<String> lines = Files.readAllLines(s.dir().resolve("2026-12-01.jsonl"));
        assertThat(lines.get(0)).contains("\"format\":1").contains("\"kind\":\"spend-snapshots\"")
                .contains("\"detail\":\"full\"");
        assertThat(lines.get(1)).isEqualTo("{\"t\":1796112000,\"full\":1,\"u\":{\"0\":10,\"1\":0}}");
        assertThat(lines.get(2)).isEqualTo("{\"t\":1796112300,\"u\":{\"0\":12.5}}");
        assertThat(lines.get(3)).isEqualTo("{\"t\":1796112600,\"u\":{},\"gone\":[\"1\"]}");
        assertThat(Files.readString(s.dir().resolve("series.jsonl"))).contains("\"key\":\"k:a|-|-|VK_BUDGET|1M\"")
                .contains("\"owner\":\"Acme › a\"").contains("\"limit\":100");

        SnapshotStore.Snapshot latest = s.latest();
        assertThat(latest.at()).isEqualTo(T0.plusSeconds(600));
        assertThat(latest.values()).containsOnlyKeys(SeriesKey.of(row("a", 1, 0)));
        assertThat(latest.values().values().iterator().next().fraction()).isEqualTo(0.125);
    }

    @Test
    void aNewLimitIsANewDeclarationOfTheSameKey() throws IOException {
        SnapshotStore s = store();
        s.append(T0, List.of(row("a", 100, 90)));
        s.append(T0.plusSeconds(60), List.of(row("a", 200, 91)));
        assertThat(usage(s, row("a", 1, 0), T0, T0.plusSeconds(60))).containsExactly(90.0, 91.0);
        assertThat(s.latest().values().get(SeriesKey.of(row("a", 1, 0))).limit()).isEqualTo(200);
        assertThat(s.declarations()).hasSize(2);
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextAppendStartsAFreshLine() throws IOException {
        SnapshotStore s = store();
        s.append(T0, List.of(row("a", 100, 10)));
        s.append(T0.plusSeconds(60), List.of(row("a", 100, 11)));
        Path file = s.dir().resolve("2026-12-01.jsonl");
        // the process died in the middle of writing the third snapshot
        Files.writeString(file, "{\"t\":1764576120,\"u\":{\"0\":1", StandardOpenOption.APPEND);
        assertThat(usage(s, row("a", 1, 0), T0, T0.plusSeconds(600))).containsExactly(10.0, 11.0);

        SnapshotStore restarted = store();
        restarted.append(T0.plusSeconds(180), List.of(row("a", 100, 13)));
        assertThat(usage(restarted, row("a", 1, 0), T0, T0.plusSeconds(600))).containsExactly(10.0, 11.0, 13.0);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(lines.size() - 2)).isEqualTo("{\"t\":1764576120,\"u\":{\"0\":1");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"t\":1796112180,\"u\":{\"0\":13}}");
        assertThat(restarted.declarations()).as("the restart reuses the declared series").hasSize(1);
    }

    @Test
    void aTornSeriesLineIsSkippedToo() throws IOException {
        SnapshotStore s = store();
        s.append(T0, List.of(row("a", 100, 10)));
        Files.writeString(s.dir().resolve("series.jsonl"), "{\"id\":\"9\",\"key\":\"k:x|", StandardOpenOption.APPEND);
        SnapshotStore restarted = store();
        restarted.append(T0.plusSeconds(60), List.of(row("a", 100, 10), row("b", 5, 1)));
        assertThat(restarted.declarations()).hasSize(2);
        assertThat(usage(restarted, row("b", 1, 0), T0, T0.plusSeconds(60))).containsExactly(1.0);
    }

    @Test
    void boundedToFullDetailForSevenDaysHourlyForNinetyThenDropped() throws IOException {
        SnapshotStore s = store();
        Instant start = T0.minus(Duration.ofDays(100));
        Instant end = T0;
        int i = 0;
        for (Instant t = start; !t.isAfter(end); t = t.plus(Duration.ofMinutes(20)), i++) {
            s.append(t, List.of(row("a", 1000, i % 500), row("b", 10, 1), perMinute("a", i % 600)));
        }
        List<LocalDate> days = s.days();
        LocalDate today = LocalDate.parse("2026-12-01");
        assertThat(days.get(0)).isEqualTo(today.minusDays(SnapshotStore.KEEP_DAYS - 1));
        assertThat(days).hasSize(SnapshotStore.KEEP_DAYS);
        for (LocalDate d : days) {
            Path gz = s.dayFile(d, true);
            if (d.equals(today)) {
                assertThat(s.dayFile(d, false)).exists();
                assertThat(gz).doesNotExist();
                continue;
            }
            assertThat(gz).as(d.toString()).exists();
            List<String> lines = gunzip(gz);
            boolean recent = !d.isBefore(today.minusDays(SnapshotStore.FULL_DAYS - 1));
            assertThat(lines.get(0)).contains(recent ? "\"detail\":\"full\"" : "\"detail\":\"hourly\"");
            assertThat(lines).as(d + " snapshot lines").hasSize(1 + (recent ? 72 : 24));
            assertThat(lines.get(1)).as("each file starts with a full snapshot").contains("\"full\":1");
        }
        // the hourly days keep each hour's last value exactly
        List<Double> hourly = usage(s, row("a", 1, 0), Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-01T02:59:59Z"));
        assertThat(hourly).hasSize(3);
        String rl = SeriesKey.of(perMinute("a", 0));
        assertThat(s.usage(List.of(rl), Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-01T23:59:59Z"))
                .get(rl)).as("a per-minute counter is not kept hourly").isEmpty();
        assertThat(s.usage(List.of(rl), T0.minus(Duration.ofDays(2)), T0).get(rl)).as("but in the full-detail week")
                .hasSize(2 * 72 + 1);
        assertThat(s.declarations()).hasSize(3);
        assertThat(s.sizeOnDisk()).isLessThan(200_000);
    }

    @Test
    void droppedSeriesArePrunedFromTheDictionary() throws IOException {
        SnapshotStore s = store();
        s.append(T0.minus(Duration.ofDays(120)), List.of(row("old", 10, 1)));
        s.append(T0, List.of(row("new", 10, 1)));
        assertThat(s.declarations().values()).extracting(SnapshotStore.Declaration::vkId).containsExactly("new");
    }

    @Test
    void aFileOfAnotherFormatIsNotMisread() throws IOException {
        SnapshotStore s = store();
        s.append(T0, List.of(row("a", 100, 10)));
        Path file = s.dir().resolve("2026-12-01.jsonl");
        Files.writeString(file, Files.readString(file).replace("\"format\":1", "\"format\":2"));
        assertThat(usage(s, row("a", 1, 0), T0, T0)).isEmpty();
    }

    private static List<String> gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String l : text.split("\n")) {
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    @Test
    void usageOfUnknownKeysIsEmpty() throws IOException {
        assertThat(store().usage(List.of("k:none|-|-|VK_BUDGET|1M"), T0, T0)).isEqualTo(
                Map.of("k:none|-|-|VK_BUDGET|1M", List.of()));
        assertThat(store().latest()).isNull();
    }
}
