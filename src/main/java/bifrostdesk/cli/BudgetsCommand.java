package bifrostdesk.cli;

import bifrostdesk.budgets.BudgetAggregation;
import bifrostdesk.budgets.BudgetMath;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.CsvExport;
import bifrostdesk.spend.ReviewLoader;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.ProgressListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bifrost-desk budgets [--over PERCENT] [--json|--csv] [--record]}: the budget review as a table, JSON or the
 * Budgets tab's CSV, closest to exhaustion first. {@code --record} also appends the review to the workspace's usage
 * snapshots, so a cron job builds history for a gateway that keeps no logs.
 */
final class BudgetsCommand {
    static final String HELP = """
            Usage: bifrost-desk budgets [--over PERCENT] [--json | --csv] [--record] [common options]
            The budget review: every budget and rate limit of every key, team and customer with its usage, closest
            to exhaustion first (as the Budgets tab).
              --over PERCENT   only limits used at least PERCENT % (e.g. 80)
              --json           one JSON array
              --csv            the Budgets tab's CSV export (RFC 4180)
              --record         also append this review to the workspace's usage snapshots (for history without
                               gateway logs, e.g. from cron)
            """;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    BudgetsCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    static CliArgs parse(List<String> args, Set<String> valued, Set<String> flags, int maxPositional)
            throws CliException {
        Set<String> all = new HashSet<>(Set.of("--server", "--dialect", "--workspace"));
        all.addAll(valued);
        CliArgs a = CliArgs.parse(args, all, flags, Map.of());
        if (a.positional().size() > maxPositional) {
            throw CliException.usage("Unexpected argument '" + a.positional().get(maxPositional) + "'");
        }
        if (a.flag("--json") && a.flag("--csv")) {
            throw CliException.usage("--json and --csv cannot be combined");
        }
        return a;
    }

    int run(List<String> args) throws CliException, ApiException, IOException {
        CliArgs a = parse(args, Set.of("--over"), Set.of("--json", "--csv", "--record"), 0);
        double over = -1;
        if (a.value("--over") != null) {
            try {
                over = Double.parseDouble(a.value("--over").replace("%", ""));
            } catch (NumberFormatException e) {
                throw CliException.usage("--over needs a number of percent, e.g. --over 80");
            }
            if (over < 0) {
                throw CliException.usage("--over needs a percentage of 0 or more");
            }
        }
        Connection c = Connection.open(a, env);
        Instant now = Instant.now();
        ReviewLoader.Review review = ReviewLoader.load(c.client, ProgressListener.NONE, now);
        if (a.flag("--record")) {
            SnapshotStore store = SnapshotStore.of(c.workspace());
            store.append(now, review.rows());
            err.println("Recorded " + review.rows().size() + " limits in " + store.dir());
        }
        List<BudgetRow> rows = new ArrayList<>();
        for (BudgetRow r : review.rows()) {
            if (over < 0 || r.fraction() * 100 >= over) {
                rows.add(r);
            }
        }
        rows.sort(BudgetAggregation.CLOSEST_TO_EXHAUSTION);
        if (a.flag("--csv")) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvExport.write(rows, w);
            w.flush();
        } else if (a.flag("--json")) {
            out.println(JSON.writeValueAsString(json(rows, now)));
        } else {
            table(rows, now);
        }
        err.println(rows.size() + " of " + review.rows().size() + " limits" + (over >= 0
                ? " used at least " + fmt(over) + " %" : "") + " on " + review.keys().size() + " keys");
        return Cli.EXIT_OK;
    }

    private void table(List<BudgetRow> rows, Instant now) {
        TextTable t = new TextTable(new boolean[] {false, false, false, true, true, true, false},
                "OWNER", "KIND", "RESET", "LIMIT", "USED", "%", "RESETS IN");
        for (BudgetRow r : rows) {
            t.add(r.ownerChain(), r.kind().label(), r.resetDuration() == null ? "-" : r.resetDuration(),
                    r.format(r.limit()), r.format(r.usage()), String.format(Locale.ROOT, "%.0f", r.fraction() * 100),
                    r.nextReset() == null ? "never" : BudgetMath.compact(BudgetMath.timeLeft(r.nextReset(), now)));
        }
        t.print(out);
    }

    private static ArrayNode json(List<BudgetRow> rows, Instant now) {
        ArrayNode arr = JSON.createArrayNode();
        for (BudgetRow r : rows) {
            ObjectNode n = arr.addObject();
            n.put("owner", r.ownerChain());
            n.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
            n.put("unit", r.kind().unit().name().toLowerCase(Locale.ROOT));
            n.put("customer_id", r.customerId());
            n.put("team_id", r.teamId());
            n.put("virtual_key_id", r.vkId());
            n.put("virtual_key", r.vkName());
            n.put("provider", r.provider());
            n.put("model", r.model());
            n.put("limit", r.limit());
            n.put("used", r.usage());
            n.put("percent", Math.round(r.fraction() * 1000) / 10.0);
            n.put("reset_duration", r.resetDuration());
            n.put("last_reset", r.lastReset() == null ? null : r.lastReset().toString());
            n.put("next_reset", r.nextReset() == null ? null : r.nextReset().toString());
            if (r.timeLeft() == null) {
                n.putNull("time_left_seconds");
            } else {
                n.put("time_left_seconds", r.timeLeft().getSeconds());
            }
            n.put("editor_path", r.nodePath());
        }
        return arr;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
