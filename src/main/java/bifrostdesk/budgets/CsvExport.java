package bifrostdesk.budgets;

import bifrostdesk.common.csv.Csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes review rows as CSV (RFC 4180: comma separated, CRLF, fields quoted when needed). Text that a spreadsheet
 * would run as a formula ({@code = + - @} first) is prefixed with {@code '}: key and team names come from the
 * server and are not trusted.
 */
public final class CsvExport {
    public static final List<String> HEADER = List.of("customer", "team", "virtual_key", "virtual_key_id",
            "key_active", "provider", "kind", "unit", "limit", "used", "remaining", "percent", "reset_duration",
            "calendar_aligned", "last_reset", "next_reset", "time_left_seconds", "editor_path");

    private CsvExport() {
    }

    public static String toCsv(List<BudgetRow> rows) {
        StringWriter w = new StringWriter();
        try {
            write(rows, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    public static void write(List<BudgetRow> rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(rows, w);
        }
    }

    public static void write(List<BudgetRow> rows, Writer w) throws IOException {
        line(w, HEADER);
        for (BudgetRow r : rows) {
            line(w, List.of(text(r.customerName()), text(r.teamName()), text(r.vkName()), text(r.vkId()),
                    r.vkId() == null ? "" : Boolean.toString(r.vkActive()), text(r.provider()), r.kind().label(),
                    r.kind().unit().name().toLowerCase(Locale.ROOT), number(r.limit()), number(r.usage()),
                    number(r.remaining()), String.format(Locale.ROOT, "%.1f", r.fraction() * 100),
                    text(r.resetDuration()), Boolean.toString(r.calendarAligned()),
                    r.lastReset() == null ? "" : r.lastReset().toString(),
                    r.nextReset() == null ? "" : r.nextReset().toString(),
                    r.timeLeft() == null ? "" : Long.toString(r.timeLeft().getSeconds()), r.nodePath()));
        }
    }

    private static String text(String s) {
        return Csv.text(s);
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "");
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        Csv.line(w, fields);
    }

    static String quote(String f) {
        return Csv.quote(f);
    }
}
