package bifrostdesk.budgets.history;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.csv.Csv;
import bifrostdesk.spend.SpendSeries;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data behind each chart of the Budgets tab as a CSV table (RFC 4180 through {@link Csv}; names from the server
 * are guarded against spreadsheet formulas). The table is taken on the FX thread from what the chart shows; only
 * the writing runs in the task runner.
 */
public final class ChartCsv {
    private ChartCsv() {
    }

    /** The charts of the tab. */
    public enum Chart { EXHAUSTION, BREAKDOWN, SPEND, BY_DIMENSION, TOP }

    /** A chart's data, ready to write. */
    public record Table(String fileName, List<String> header, List<List<String>> rows) {
        public void write(Path file) throws IOException {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(w);
            }
        }

        void write(Writer w) throws IOException {
            Csv.line(w, header);
            for (List<String> r : rows) {
                Csv.line(w, r);
            }
        }

        public String text() {
            StringWriter w = new StringWriter();
            try {
                write(w);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return w.toString();
        }
    }

    /** The table of {@code chart} as it is shown now; null when the chart has nothing. */
    static Table table(Chart chart, BudgetsViewModel review, SpendViewModel spend) {
        return switch (chart) {
            case EXHAUSTION -> limits("closest-to-exhaustion.csv", review.topConsumers());
            case BREAKDOWN -> limits("key-budgets.csv", review.selectedKeyBudgets());
            case SPEND -> spend(spend.selectedProperty().get());
            case BY_DIMENSION -> stacked(spend.stackedProperty().get());
            case TOP -> top(spend.topProperty().get());
        };
    }

    private static Table limits(String file, List<BudgetRow> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        List<List<String>> out = new ArrayList<>();
        for (BudgetRow r : rows) {
            out.add(List.of(Csv.text(r.ownerChain()), r.kind().label(), r.kind().unit().name().toLowerCase(Locale.ROOT),
                    number(r.usage()), number(r.limit()), String.format(Locale.ROOT, "%.1f", r.fraction() * 100),
                    r.nextReset() == null ? "" : r.nextReset().toString()));
        }
        return new Table(file, List.of("limit_of", "kind", "unit", "used", "limit", "percent", "next_reset"), out);
    }

    static Table spend(HistoryChart c) {
        if (c == null || c.buckets().isEmpty()) {
            return null;
        }
        List<List<String>> out = new ArrayList<>();
        for (SpendSeries.Span s : c.buckets()) {
            Double usage = null;
            for (HistoryChart.Point p : c.usage()) {
                if (!p.at().isAfter(s.end())) {
                    usage = p.value();
                }
            }
            out.add(List.of(s.start().toString(), s.end().toString(), number(s.amount()),
                    usage == null ? "" : number(usage), number(c.row().limit())));
        }
        return new Table("spend-over-time.csv", List.of("bucket_start", "bucket_end", "spent", "window_usage_at_end",
                "limit"), out);
    }

    static Table stacked(StackedSpend s) {
        if (s == null || s.layers().isEmpty()) {
            return null;
        }
        List<String> header = new ArrayList<>(List.of("bucket_start"));
        s.layers().forEach(l -> header.add(Csv.text(l.name())));
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < s.starts().size(); i++) {
            List<String> row = new ArrayList<>(List.of(s.starts().get(i).toString()));
            for (StackedSpend.Layer l : s.layers()) {
                row.add(number(l.amounts().get(i)));
            }
            out.add(row);
        }
        return new Table("spend-by-" + s.dimension().label().toLowerCase(Locale.ROOT) + ".csv", header, out);
    }

    static Table top(TopSpenders t) {
        if (t == null || t.entries().isEmpty()) {
            return null;
        }
        List<List<String>> out = new ArrayList<>();
        for (TopSpenders.Entry e : t.entries()) {
            out.add(List.of(Csv.text(e.name()), Csv.text(e.vkId()), number(e.cost()),
                    Double.isNaN(e.trendPercent()) ? "" : String.format(Locale.ROOT, "%.1f", e.trendPercent())));
        }
        return new Table("top-consumers.csv", List.of("virtual_key", "virtual_key_id", "spent_usd", "change_percent"),
                out);
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "");
    }
}
