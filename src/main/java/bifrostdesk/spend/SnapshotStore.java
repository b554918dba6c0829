package bifrostdesk.spend;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.drafts.AtomicFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * This app's own history of every budget's and rate limit's usage: one compact snapshot per refresh of the budget
 * review, so trends exist when the gateway keeps no logs (LOGS.md §7.1), while offline, and for rate limits, which
 * no endpoint keeps (§6). Format in docs/workspace-format.md ("Spend snapshots"):
 * <ul>
 *   <li>{@code spend/series.jsonl}: one line per limit (and per new limit value): short id, stable key, kind, names,
 *   limit, duration. Snapshot lines refer to the short ids.</li>
 *   <li>{@code spend/YYYY-MM-DD.jsonl}: today's snapshots (UTC), appended: the day's first snapshot lists every
 *   value, later ones only what changed (and what is gone). A line torn by a crash is skipped, and the next append
 *   starts on a fresh line.</li>
 *   <li>Older days are gzipped ({@code .jsonl.gz}) with full detail for {@value #FULL_DAYS} days, then thinned to
 *   the last snapshot of each hour, and deleted after {@value #KEEP_DAYS} days. Rewrites are atomic
 *   ({@link AtomicFiles}).</li>
 * </ul>
 * No secrets: ids, names, owner chains and numbers only. Blocking file I/O: call it off the FX thread. One writer per
 * workspace (the app); readers may run alongside.
 * <p>
 * Over 400 lines, earned by one job: the usage snapshot file — append, bound, compact and read back.
 */
public final class SnapshotStore {
    public static final int FORMAT = 1;
    /** Days kept with every snapshot. */
    public static final int FULL_DAYS = 7;
    /** Days kept at all (hourly after {@link #FULL_DAYS}). */
    public static final int KEEP_DAYS = 90;
    static final String SERIES = "series.jsonl";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final String server;
    /** key → declaration currently in force. */
    private final Map<String, Declaration> declared = new HashMap<>();
    /** id → value as of the last snapshot written to today's file. */
    private final Map<String, Double> written = new HashMap<>();
    private LocalDate day;
    private boolean loaded;
    private int nextId;

    /** One limit as declared in {@code series.jsonl}. */
    public record Declaration(String id, String key, String kind, String vkId, String vkName, String owner,
                              double limit, String duration) {
    }

    /** One snapshot's values, by key. */
    public record Snapshot(Instant at, Map<String, Sample> values) {
    }

    /** A value of one limit at a snapshot, with the limit in force. */
    public record Sample(double usage, double limit) {
        public double fraction() {
            return limit <= 0 ? 0 : usage / limit;
        }
    }

    public SnapshotStore(Path dir, String server) {
        this.dir = dir;
        this.server = server;
    }

    /** The store of a workspace: {@code <workspace>/spend}. */
    public static SnapshotStore of(bifrostdesk.drafts.Workspace ws) {
        return new SnapshotStore(ws.root().resolve("spend"), ws.server());
    }

    public Path dir() {
        return dir;
    }

    // ---- writing --------------------------------------------------------------------------------------------

    /**
     * Appends the review's rows as the snapshot at {@code at} (usage as the review shows it: 0 for a window that is
     * over). Compacts older days first when the UTC day changed.
     */
    public synchronized void append(Instant at, List<BudgetRow> rows) throws IOException {
        LocalDate today = at.atZone(ZoneOffset.UTC).toLocalDate();
        if (!loaded) {
            loadDeclarations();
        }
        if (!today.equals(day)) {
            day = today;
            written.clear();
            restoreToday();
            compact(at);
        }
        Map<String, Double> now = new LinkedHashMap<>();
        StringBuilder newSeries = new StringBuilder();
        for (BudgetRow r : rows) {
            String key = SeriesKey.of(r);
            Declaration d = declared.get(key);
            if (d == null || d.limit() != r.limit()) {
                d = new Declaration(Integer.toString(nextId++, 36), key, r.kind().name(), r.vkId(), r.vkName(),
                        r.ownerChain(), r.limit(), r.resetDuration());
                declared.put(key, d);
                newSeries.append(declarationLine(d)).append('\n');
            }
            now.put(d.id(), round(r.usage()));
        }
        if (!newSeries.isEmpty()) {
            appendLine(dir.resolve(SERIES), newSeries.toString());
        }
        Path file = dayFile(today, false);
        boolean full = written.isEmpty();
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file)) {
            text.append(header(today, "full")).append('\n');
        }
        text.append(snapshotLine(at, now, full ? Map.of() : written, full)).append('\n');
        appendLine(file, text.toString());
        written.clear();
        written.putAll(now);
    }

    /** Usage kept to a tenth of a cent (tokens and requests are whole numbers anyway). */
    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * Enforces the bounds: days before today are gzipped; gzipped days older than {@value #FULL_DAYS} days are
     * thinned to hourly; days older than {@value #KEEP_DAYS} are deleted, and with them the series no file uses.
     */
    public synchronized void compact(Instant now) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean deleted = false;
        Set<String> subHourly = null;
        for (LocalDate d : days()) {
            Path plain = dayFile(d, false);
            Path gz = dayFile(d, true);
            if (d.isBefore(today.minusDays(KEEP_DAYS - 1))) {
                Files.deleteIfExists(plain);
                Files.deleteIfExists(gz);
                deleted = true;
                continue;
            }
            boolean thin = d.isBefore(today.minusDays(FULL_DAYS - 1));
            if (thin && subHourly == null) {
                subHourly = subHourly();
            }
            if (Files.exists(plain) && d.isBefore(today)) {
                List<Parsed> snaps = SnapshotReader.read(plain, Long.MIN_VALUE, Long.MAX_VALUE, null);
                AtomicFiles.write(gz, gzip(rewrite(d, thin ? hourly(snaps, subHourly) : snaps,
                        thin ? "hourly" : "full")));
                Files.delete(plain);
            } else if (thin && Files.exists(gz) && !"hourly".equals(SnapshotReader.detail(gz))) {
                List<Parsed> snaps = SnapshotReader.read(gz, Long.MIN_VALUE, Long.MAX_VALUE, null);
                AtomicFiles.write(gz, gzip(rewrite(d, hourly(snaps, subHourly), "hourly")));
            }
        }
        if (deleted) {
            pruneSeries();
        }
    }

    /**
     * The last snapshot of each UTC hour, without the counters that reset within the hour (a per-minute request
     * limit sampled hourly shows no trend, only noise; the full-detail week keeps them).
     */
    static List<Parsed> hourly(List<Parsed> snaps, Set<String> dropped) {
        Map<Long, Parsed> last = new LinkedHashMap<>();
        for (Parsed p : snaps) {
            last.put(Math.floorDiv(p.t(), 3600), p);
        }
        List<Parsed> out = new ArrayList<>(last.size());
        for (Parsed p : last.values()) {
            Map<String, Double> state = new HashMap<>(p.state());
            state.keySet().removeAll(dropped);
            out.add(new Parsed(p.t(), state));
        }
        return out;
    }

    /** Ids of the series whose window is shorter than an hour. */
    private Set<String> subHourly() throws IOException {
        Set<String> out = new HashSet<>();
        for (Declaration d : SnapshotReader.declarations(dir.resolve(SERIES)).values()) {
            java.util.Optional<java.time.Duration> len = bifrostdesk.virtualkey.model.Durations.parse(d.duration());
            if (len.isPresent() && len.get().compareTo(java.time.Duration.ofHours(1)) < 0) {
                out.add(d.id());
            }
        }
        return out;
    }

    private String rewrite(LocalDate d, List<Parsed> snaps, String detail) throws IOException {
        StringBuilder sb = new StringBuilder(header(d, detail)).append('\n');
        Map<String, Double> before = Map.of();
        boolean first = true;
        for (Parsed p : snaps) {
            sb.append(snapshotLine(Instant.ofEpochSecond(p.t()), p.state(), before, first)).append('\n');
            before = p.state();
            first = false;
        }
        return sb.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Rewrites {@code series.jsonl} with the series some remaining file (or today's state) still uses. */
    private void pruneSeries() throws IOException {
        Set<String> used = new HashSet<>(written.keySet());
        for (LocalDate d : days()) {
            for (Path f : List.of(dayFile(d, false), dayFile(d, true))) {
                if (Files.exists(f)) {
                    SnapshotReader.read(f, Long.MIN_VALUE, Long.MAX_VALUE, null)
                            .forEach(p -> used.addAll(p.state().keySet()));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Declaration d : SnapshotReader.declarations(dir.resolve(SERIES)).values()) {
            if (used.contains(d.id())) {
                sb.append(declarationLine(d)).append('\n');
            }
        }
        AtomicFiles.write(dir.resolve(SERIES), sb.toString().getBytes(StandardCharsets.UTF_8));
        // a key seen again later is declared afresh
        declared.values().removeIf(d -> !used.contains(d.id()));
    }

    private void loadDeclarations() throws IOException {
        Map<String, Declaration> byId = SnapshotReader.declarations(dir.resolve(SERIES));
        int max = -1;
        for (Declaration d : byId.values()) {
            declared.put(d.key(), d); // later lines win: the newest limit of a key
            try {
                max = Math.max(max, Integer.parseInt(d.id(), 36));
            } catch (NumberFormatException ignored) {
                // not one of ours
            }
        }
        nextId = max + 1;
        loaded = true;
    }

    /** After a restart: today's last good state, so the next line is a change against what the file holds. */
    private void restoreToday() throws IOException {
        Path f = dayFile(day, false);
        if (Files.exists(f)) {
            Parsed last = SnapshotReader.last(f);
            if (last != null) {
                written.putAll(last.state());
            }
        }
    }

    /**
     * Appends and flushes; when the file does not end with a newline (a line torn by a crash), a newline comes
     * first so the torn line stays alone and is skipped by readers.
     */
    static void appendLine(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = ch.size();
            String out = text;
            if (size > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, size - 1);
                if (last.get(0) != '\n') {
                    out = "\n" + text;
                }
            }
            ch.position(size);
            ByteBuffer buf = ByteBuffer.wrap(out.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
    }

    private String header(LocalDate d, String detail) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("kind", "spend-snapshots");
            g.writeStringField("server", server);
            g.writeStringField("day", d.toString());
            g.writeStringField("detail", detail);
            g.writeEndObject();
        }
        return w.toString();
    }

    static String declarationLine(Declaration d) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeStringField("key", d.key());
            g.writeStringField("kind", d.kind());
            if (d.vkId() != null) {
                g.writeStringField("vk", d.vkId());
                g.writeStringField("vk_name", d.vkName());
            }
            g.writeStringField("owner", d.owner());
            g.writeNumberField("limit", d.limit());
            if (d.duration() != null) {
                g.writeStringField("duration", d.duration());
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    /** A full line lists every value; a change line the values that differ from {@code before}, and what is gone. */
    static String snapshotLine(Instant at, Map<String, Double> values, Map<String, Double> before, boolean full)
            throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("t", at.getEpochSecond());
            if (full) {
                g.writeNumberField("full", 1);
            }
            g.writeObjectFieldStart("u");
            for (Map.Entry<String, Double> e : values.entrySet()) {
                Double old = full ? null : before.get(e.getKey());
                if (full || old == null || old.doubleValue() != e.getValue().doubleValue()) {
                    g.writeFieldName(e.getKey());
                    writeNumber(g, e.getValue());
                }
            }
            g.writeEndObject();
            if (!full) {
                List<String> gone = new ArrayList<>();
                before.keySet().forEach(k -> {
                    if (!values.containsKey(k)) {
                        gone.add(k);
                    }
                });
                if (!gone.isEmpty()) {
                    g.writeArrayFieldStart("gone");
                    for (String k : gone) {
                        g.writeString(k);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    private static void writeNumber(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** Every declared limit, by id. */
    public synchronized Map<String, Declaration> declarations() throws IOException {
        return SnapshotReader.declarations(dir.resolve(SERIES));
    }

    /**
     * The usage samples of the given keys between {@code from} and {@code to} (inclusive), oldest first; a key
     * whose limit changed keeps one list across its declarations.
     */
    public synchronized Map<String, List<SpendSeries.UsagePoint>> usage(Collection<String> keys, Instant from,
                                                                     Instant to) throws IOException {
        Map<String, Declaration> byId = SnapshotReader.declarations(dir.resolve(SERIES));
        Map<String, String> wanted = new HashMap<>();
        // a set: the charts ask for thousands of keys at once, and a list's contains would make this quadratic
        Set<String> asked = new HashSet<>(keys);
        byId.values().forEach(d -> {
            if (asked.contains(d.key())) {
                wanted.put(d.id(), d.key());
            }
        });
        Map<String, List<SpendSeries.UsagePoint>> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, new ArrayList<>()));
        for (Parsed p : readRange(from, to, wanted.keySet())) {
            Instant at = Instant.ofEpochSecond(p.t());
            p.state().forEach((id, v) -> out.get(wanted.get(id)).add(new SpendSeries.UsagePoint(at, v)));
        }
        return out;
    }

    /** The newest snapshot on disk, every value with its limit; null when there is none. */
    public synchronized Snapshot latest() throws IOException {
        List<LocalDate> all = days();
        for (int i = all.size() - 1; i >= 0; i--) {
            LocalDate d = all.get(i);
            Path f = Files.exists(dayFile(d, false)) ? dayFile(d, false) : dayFile(d, true);
            Parsed last = SnapshotReader.last(f);
            if (last != null) {
                Map<String, Declaration> byId = SnapshotReader.declarations(dir.resolve(SERIES));
                Map<String, Sample> values = new LinkedHashMap<>();
                last.state().forEach((id, v) -> {
                    Declaration dec = byId.get(id);
                    if (dec != null) {
                        values.put(dec.key(), new Sample(v, dec.limit()));
                    }
                });
                return new Snapshot(Instant.ofEpochSecond(last.t()), values);
            }
        }
        return null;
    }

    private List<Parsed> readRange(Instant from, Instant to, Set<String> ids) throws IOException {
        List<Parsed> out = new ArrayList<>();
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d : days()) {
            if (d.isBefore(first) || d.isAfter(last)) {
                continue;
            }
            for (Path f : List.of(dayFile(d, true), dayFile(d, false))) {
                if (Files.exists(f)) {
                    out.addAll(SnapshotReader.read(f, from.getEpochSecond(), to.getEpochSecond(), ids));
                }
            }
        }
        return out;
    }

    /** The days with a file, oldest first. */
    List<LocalDate> days() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        java.util.TreeSet<LocalDate> out = new java.util.TreeSet<>();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                String n = f.getFileName().toString();
                if (n.matches("\\d{4}-\\d{2}-\\d{2}\\.jsonl(\\.gz)?")) {
                    out.add(LocalDate.parse(n.substring(0, 10)));
                }
            });
        }
        return new ArrayList<>(out);
    }

    Path dayFile(LocalDate d, boolean gz) {
        return dir.resolve(d + (gz ? ".jsonl.gz" : ".jsonl"));
    }

    /** A snapshot as read back: epoch second and the full state (id → value). */
    record Parsed(long t, Map<String, Double> state) {
    }

    /** Bytes on disk (for the size statement in docs/workspace-format.md). */
    public long sizeOnDisk() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long total = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
        }
        return total;
    }

    static JsonParser parser(String line) throws IOException {
        return JSON.createParser(line);
    }
}
