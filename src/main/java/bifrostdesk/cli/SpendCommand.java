package bifrostdesk.cli;

import bifrostdesk.budgets.BudgetAggregation;
import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.common.csv.Csv;
import bifrostdesk.spend.BurnRate;
import bifrostdesk.spend.Projection;
import bifrostdesk.spend.Projector;
import bifrostdesk.spend.SeriesKey;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.spend.SpendHistory;
import bifrostdesk.spend.SpendQueries;
import bifrostdesk.spend.SpendSeries;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.CancelToken;
import bifrostdesk.virtualkey.api.CostHistogram;
import bifrostdesk.virtualkey.api.CostQuery;
import bifrostdesk.virtualkey.api.LogsStatus;
import bifrostdesk.virtualkey.api.SpendClient;
import bifrostdesk.virtualkey.model.Durations;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bifrost-desk spend KEY [--period 24h|7d|30d] [--json|--csv]}: one key's spend over time and where each of its
 * budgets is heading at the observed pace. From the gateway's cost histogram (LOGS.md §4.1; the gateway picks the
 * bucket size, §3.3), or, when it keeps no logs (§7.1), from the workspace's usage snapshots.
 */
final class SpendCommand {
    static final String HELP = """
            Usage: bifrost-desk spend KEY [--period 24h|7d|30d] [--json | --csv] [common options]
            One virtual key's spend (KEY: name or id) over the period, per bucket with the running total, then
            where each of its budgets is heading at the observed pace ("At the last 24 h's pace this 1M budget
            ($1,000.00) runs out on Dec 19, 13 days before it resets."). The gateway chooses the bucket size: an
            hour for 24h, a day for 7d and 30d. Times are UTC.
            The numbers are the gateway's logged spend (its request logs). A gateway that keeps no logs says so on
            stderr, and the history comes from the workspace's usage snapshots instead (written by the app's
            Budgets tab, or by 'bifrost-desk budgets --record'); exit 1 when there are none.
              --period P   24h, 7d (default) or 30d
              --json       buckets, total and projections as one JSON object
              --csv        the buckets as CSV: start, end, spend, cumulative
            """;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    SpendCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> args) throws CliException, ApiException, IOException {
        CliArgs a = BudgetsCommand.parse(args, Set.of("--period"), Set.of("--json", "--csv"), 1);
        if (a.positional().isEmpty()) {
            throw CliException.usage("spend needs the name or id of a virtual key\n" + HELP);
        }
        SpendQueries.Period period;
        try {
            period = SpendQueries.Period.parse(a.value("--period") == null ? "7d" : a.value("--period"));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Connection c = Connection.open(a, env);
        VirtualKey vk = c.find(a.positional().get(0));
        Instant now = Instant.now();
        Instant from = now.minus(period.length());
        List<BudgetRow> rows = BudgetAggregation.rows(List.of(vk), c.client.teams(), c.client.customers(),
                List.of(), now);

        SpendClient logs = new SpendClient(c.client);
        SnapshotStore store = SnapshotStore.of(c.workspace());
        SpendHistory history = new SpendHistory(logs, store, Clock.systemUTC(), Duration.ZERO);
        CancelToken token = new CancelToken();
        LogsStatus status = history.status(token);
        List<SpendSeries.Span> buckets;
        CostHistogram histogram = null;
        String source;
        if (status.available()) {
            histogram = logs.costHistogram(CostQuery.between(from, now).forVirtualKey(vk.id()));
            buckets = new ArrayList<>();
            for (CostHistogram.Bucket b : histogram.buckets()) {
                buckets.add(new SpendSeries.Span(b.start(), b.start().plusSeconds(histogram.bucketSizeSeconds()),
                        b.total()));
            }
            source = "gateway_logs";
        } else {
            err.println(status.sentence());
            SpendSeries s = fromSnapshots(store, rows, from, now);
            if (s.spans().isEmpty()) {
                throw CliException.error("No spend history for " + vk.name() + ": the gateway keeps no request logs"
                        + " and the workspace has no snapshots of its budgets over the last " + period.label()
                        + " (record them with 'bifrost-desk budgets --record', e.g. from cron).");
            }
            buckets = s.rebucket(from, now, Duration.ofSeconds(period == SpendQueries.Period.LAST_24H ? 3600
                    : 86_400));
            source = "snapshots";
        }

        List<Projected> projections = new ArrayList<>();
        Projector projector = new Projector(ZoneOffset.UTC);
        for (BudgetRow r : rows) {
            if (!r.kind().isBudget()) {
                continue;
            }
            Duration basis = BurnRate.defaultBasis(Durations.parse(r.resetDuration()).orElse(null));
            SpendSeries pace = history.forRow(r, now.minus(basis), now, token).series();
            projections.add(new Projected(r, projector.project(r, pace, now, basis)));
        }

        if (a.flag("--csv")) {
            csv(buckets);
        } else if (a.flag("--json")) {
            out.println(JSON.writeValueAsString(json(vk, period, status, source, histogram, buckets, projections)));
        } else {
            table(buckets, projections);
        }
        double total = buckets.stream().mapToDouble(SpendSeries.Span::amount).sum();
        err.println((source.equals("snapshots") ? "Spend from snapshots" : "Logged spend") + " of " + vk.name()
                + " over the last " + period.label() + ": " + BudgetKind.VK_BUDGET.format(total) + " in "
                + buckets.size() + " buckets of " + bucketWords(buckets));
        return Cli.EXIT_OK;
    }

    private record Projected(BudgetRow row, Projection projection) {
    }

    /**
     * Without logs, the key's spend from its snapshots: its own longest budget (every key budget sees the same
     * spend), else the sum of each provider config's longest budget.
     */
    static SpendSeries fromSnapshots(SnapshotStore store, List<BudgetRow> rows, Instant from, Instant to)
            throws IOException {
        BudgetRow best = null;
        for (BudgetRow r : rows) {
            if (r.kind() == BudgetKind.VK_BUDGET && (best == null || length(r) > length(best))) {
                best = r;
            }
        }
        List<BudgetRow> chosen = new ArrayList<>();
        if (best != null) {
            chosen.add(best);
        } else {
            java.util.Map<Long, BudgetRow> perPc = new java.util.LinkedHashMap<>();
            for (BudgetRow r : rows) {
                if (r.kind() == BudgetKind.PROVIDER_CONFIG_BUDGET) {
                    perPc.merge(r.providerConfigId(), r, (x, y) -> length(x) >= length(y) ? x : y);
                }
            }
            chosen.addAll(perPc.values());
        }
        List<SpendSeries.Span> spans = new ArrayList<>();
        for (BudgetRow r : chosen) {
            String key = SeriesKey.of(r);
            spans.addAll(SpendSeries.fromUsage(store.usage(List.of(key), from, to).get(key)).spans());
        }
        return new SpendSeries(spans, SpendSeries.Source.SNAPSHOTS);
    }

    private static long length(BudgetRow r) {
        return Durations.parse(r.resetDuration()).map(Duration::toSeconds).orElse(0L);
    }

    private static String bucketWords(List<SpendSeries.Span> buckets) {
        if (buckets.isEmpty()) {
            return "-";
        }
        long s = buckets.get(0).length().toSeconds();
        return s % 86_400 == 0 ? (s / 86_400 == 1 ? "1 day" : s / 86_400 + " days")
                : s % 3600 == 0 ? (s / 3600 == 1 ? "1 hour" : s / 3600 + " hours") : s / 60 + " minutes";
    }

    private void table(List<SpendSeries.Span> buckets, List<Projected> projections) {
        TextTable t = new TextTable(new boolean[] {false, true, true}, "START (UTC)", "SPEND", "CUMULATIVE");
        double cumulative = 0;
        for (SpendSeries.Span b : buckets) {
            cumulative += b.amount();
            t.add(b.start().toString(), money(b.amount()), money(cumulative));
        }
        t.print(out);
        if (!projections.isEmpty()) {
            out.println();
            for (Projected p : projections) {
                out.println(p.row().breakdownLabel() + ": " + p.projection().sentence());
            }
        }
    }

    private void csv(List<SpendSeries.Span> buckets) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Csv.line(w, List.of("start", "end", "spend", "cumulative"));
        double cumulative = 0;
        for (SpendSeries.Span b : buckets) {
            cumulative += b.amount();
            Csv.line(w, List.of(b.start().toString(), b.end().toString(), number(b.amount()), number(cumulative)));
        }
        w.flush();
    }

    private static ObjectNode json(VirtualKey vk, SpendQueries.Period period, LogsStatus status, String source,
                                   CostHistogram h, List<SpendSeries.Span> buckets, List<Projected> projections) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("virtual_key").put("id", vk.id()).put("name", vk.name());
        o.put("period", period.label());
        o.put("source", source);
        o.putObject("logs").put("availability", status.availability().name().toLowerCase(Locale.ROOT))
                .put("retention_days", status.retentionDays()).put("sentence", status.sentence());
        o.put("bucket_size_seconds", buckets.isEmpty() ? 0 : buckets.get(0).length().toSeconds());
        ArrayNode arr = o.putArray("buckets");
        double cumulative = 0;
        for (int i = 0; i < buckets.size(); i++) {
            SpendSeries.Span b = buckets.get(i);
            cumulative += b.amount();
            ObjectNode n = arr.addObject().put("start", b.start().toString()).put("end", b.end().toString())
                    .put("spend", b.amount()).put("cumulative", cumulative);
            if (h != null) {
                ObjectNode m = n.putObject("by_model");
                h.buckets().get(i).byModel().forEach(m::put);
            }
        }
        o.put("total", cumulative);
        ArrayNode ps = o.putArray("projections");
        for (Projected p : projections) {
            Projection pr = p.projection();
            ObjectNode n = ps.addObject();
            n.put("budget", p.row().breakdownLabel());
            n.put("editor_path", p.row().nodePath());
            n.put("outcome", pr.outcome().name().toLowerCase(Locale.ROOT));
            n.put("used", pr.usage());
            n.put("limit", pr.limit());
            n.put("next_reset", pr.nextReset() == null ? null : pr.nextReset().toString());
            n.put("exhausts_at", pr.exhaustsAt() == null ? null : pr.exhaustsAt().toString());
            if (pr.rate().known()) {
                n.put("rate_per_hour", pr.rate().perHour());
            } else {
                n.putNull("rate_per_hour");
            }
            n.put("rate_basis_seconds", pr.rate().basis().toSeconds());
            n.put("trend", pr.rate().trend().name().toLowerCase(Locale.ROOT));
            n.put("sentence", pr.sentence());
        }
        return o;
    }

    private static String money(double d) {
        return String.format(Locale.ROOT, "$%,.4f", d);
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.6f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
