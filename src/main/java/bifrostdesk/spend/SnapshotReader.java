package bifrostdesk.spend;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads the snapshot files of {@link SnapshotStore} with Jackson's streaming parser (a line can hold tens of
 * thousands of values). A line that does not parse (torn by a crash) is skipped; so is a file of another format.
 */
final class SnapshotReader {
    private SnapshotReader() {
    }

    private static BufferedReader open(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        if (f.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** {@code id → declaration} in file order; a later line for the same id wins. */
    static Map<String, SnapshotStore.Declaration> declarations(Path f) throws IOException {
        Map<String, SnapshotStore.Declaration> out = new LinkedHashMap<>();
        if (!Files.exists(f)) {
            return out;
        }
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (BufferedReader r = open(f)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    var n = mapper.readTree(line);
                    if (!n.path("id").isTextual() || !n.path("key").isTextual()) {
                        continue;
                    }
                    out.put(n.get("id").asText(), new SnapshotStore.Declaration(n.get("id").asText(),
                            n.get("key").asText(), n.path("kind").asText(), text(n, "vk"), text(n, "vk_name"),
                            n.path("owner").asText(""), n.path("limit").asDouble(0), text(n, "duration")));
                } catch (IOException torn) {
                    // a torn line: skip it
                }
            }
        }
        return out;
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String f) {
        return n.path(f).isTextual() ? n.get(f).asText() : null;
    }

    /** The header's {@code detail}: "full" or "hourly"; null when unreadable. */
    static String detail(Path f) throws IOException {
        try (BufferedReader r = open(f)) {
            String first = r.readLine();
            if (first == null) {
                return null;
            }
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first);
            return n.path("detail").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The snapshots of one day file with {@code from <= t <= to}, each with its full state, limited to {@code ids}
     * when not null (a full line resets the state of every id, so tracking only the wanted ones is exact).
     */
    static List<SnapshotStore.Parsed> read(Path f, long from, long to, Set<String> ids) throws IOException {
        return read(f, from, to, ids, false);
    }

    /** The last snapshot of the file with its full state, or null; no per-line copies. */
    static SnapshotStore.Parsed last(Path f) throws IOException {
        List<SnapshotStore.Parsed> one = read(f, Long.MIN_VALUE, Long.MAX_VALUE, null, true);
        return one.isEmpty() ? null : one.get(0);
    }

    private static List<SnapshotStore.Parsed> read(Path f, long from, long to, Set<String> ids, boolean lastOnly)
            throws IOException {
        List<SnapshotStore.Parsed> out = new ArrayList<>();
        long lastT = Long.MIN_VALUE;
        List<String> quoted = ids == null ? null : ids.stream().map(id -> '"' + id + '"').toList();
        Map<String, Double> state = new HashMap<>();
        boolean formatOk = false;
        try (BufferedReader r = open(f)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (!formatOk) {
                    // the header: a file of another format version is not read (never misread)
                    formatOk = line.contains("\"kind\":\"spend-snapshots\"") && line.contains("\"format\":"
                            + SnapshotStore.FORMAT + ",");
                    if (!formatOk) {
                        return out;
                    }
                    continue;
                }
                // most change lines do not mention the few ids asked for: read only their time and full flag
                Line l = quoted != null && quoted.stream().noneMatch(line::contains) ? prefix(line)
                        : parse(line, ids);
                if (l == null) {
                    continue; // torn
                }
                if (l.full) {
                    state.clear();
                }
                state.putAll(l.values);
                l.gone.forEach(state::remove);
                if (lastOnly) {
                    lastT = l.t;
                } else if (l.t >= from && l.t <= to) {
                    out.add(new SnapshotStore.Parsed(l.t, new HashMap<>(state)));
                }
            }
        } catch (java.io.EOFException truncatedGzip) {
            // a gzip file cut short cannot happen with atomic rewrites; keep what was read
        }
        if (lastOnly && lastT != Long.MIN_VALUE) {
            out.add(new SnapshotStore.Parsed(lastT, state));
        }
        return out;
    }

    private static final java.util.regex.Pattern PREFIX =
            java.util.regex.Pattern.compile("^\\{\"t\":(-?\\d+)(,\"full\":1)?,\"u\":\\{");

    /**
     * The time and full flag of a line known not to mention the ids asked for. Such a line must still be whole
     * (a torn one is skipped like any other), so its end is checked too.
     */
    private static Line prefix(String line) {
        java.util.regex.Matcher m = PREFIX.matcher(line);
        if (!m.find() || !line.endsWith("}")) {
            return null;
        }
        return new Line(Long.parseLong(m.group(1)), m.group(2) != null, Map.of(), List.of());
    }

    private record Line(long t, boolean full, Map<String, Double> values, List<String> gone) {
    }

    /** One line; with {@code ids}, only their values are kept (the others are tokenised, not stored). */
    private static Line parse(String line, Set<String> ids) {
        try (JsonParser p = SnapshotStore.parser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            long t = Long.MIN_VALUE;
            boolean full = false;
            Map<String, Double> values = new HashMap<>();
            List<String> gone = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "t" -> t = p.getLongValue();
                    case "full" -> full = p.getIntValue() == 1;
                    case "u" -> {
                        if (v != JsonToken.START_OBJECT) {
                            return null;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String id = p.currentName();
                            p.nextToken();
                            if (ids == null || ids.contains(id)) {
                                values.put(id, p.getDoubleValue());
                            }
                        }
                    }
                    case "gone" -> {
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            if (ids == null || ids.contains(p.getText())) {
                                gone.add(p.getText());
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || t == Long.MIN_VALUE) {
                return null;
            }
            return new Line(t, full, values, gone);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
