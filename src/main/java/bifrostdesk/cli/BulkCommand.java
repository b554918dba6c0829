package bifrostdesk.cli;

import bifrostdesk.bulk.BulkJournal;
import bifrostdesk.bulk.BulkOperation;
import bifrostdesk.bulk.BulkPlanner;
import bifrostdesk.bulk.BulkReport;
import bifrostdesk.bulk.BulkReview;
import bifrostdesk.bulk.BulkSender;
import bifrostdesk.bulk.BulkUndo;
import bifrostdesk.bulk.DraftFilesOperation;
import bifrostdesk.bulk.KeyOutcome;
import bifrostdesk.bulk.KeyResult;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bulk}: one change over many keys (selected by search, team, customer or a file of ids), and
 * {@code apply FOLDER}: a folder of exported draft files as one bulk change. Both print the review, ask once (or
 * take {@code --yes}), send a few keys at a time with progress on stderr, print the report and journal it as one
 * entry. Exit 1 when a key failed, 3 when a key changed on the server meanwhile, 2 when a key could not be changed.
 */
final class BulkCommand {
    static final String HELP = """
            Usage: bifrost-desk bulk SELECTION OPERATION [--plan] [--json] [--yes] [--concurrency N] [common options]
                   bifrost-desk apply FOLDER [--plan] [--json] [--yes]   (every draft file in FOLDER, as one change)
            One change across many keys: reviewed as a whole (summary, consequences, keys that cannot be changed),
            then sent a few keys at a time. Each key is re-read just before it is sent; a key changed on the server
            since the review is not sent (exit 3, run again). Recorded in the journal as one entry.
            Selection (one):
              --search TEXT       keys whose name contains TEXT
              --team NAME_OR_ID   keys of a team;  --customer NAME_OR_ID   keys of a customer
              --ids FILE          key ids (or names), one per line
              --undo ID|last      the reverse of a bulk change in the journal (no operation then)
            Operation (one):
              --activate | --deactivate
              --budget DUR=CHANGE      change existing budgets of that reset duration: 1d=-20%, 1M=+10%, 1w=250
              --add-budget DUR=USD     add a budget where there is none;  --remove-budget DUR
              --scope key|providers|provider:NAME|all   whose budgets or rate limits (default all)
              --rate-limit TOKENS/DUR[,REQUESTS/DUR]   e.g. 100000/1h,500/1m;  --remove-rate-limit
              --add-provider NAME [--models a,b] [--weight W]   (default: every model);  --remove-provider NAME
              --only-models NAME --models a,b   replace a provider's allowed models;  --add-models NAME --models a,b
              --attach-mcp CLIENT [--tools a,b]  (default: every tool);  --detach-mcp CLIENT
              --owner team:NAME | customer:NAME | business-unit:NAME | none
              --expires DATE | --clear-expiry
              --reset-usage | --rotate
              --delete            asks you to type the number of keys; with --yes needs --confirm-count N
            Output:
              --plan              print the review only, send nothing
              --json              also print every key's requests (method, path, JSON body)
              -y, --yes           do not ask
              --concurrency N     keys sent at the same time (default 4)
            Exit 0 when every key was sent or already as asked; 1 when any key failed; 3 when a key changed on the
            server meanwhile; 2 when a key could not be changed (invalid, refused by this server, unsaved draft).
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final Map<String, String> env;

    BulkCommand(PrintStream out, PrintStream err, BufferedReader in, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    /** True when {@code apply}'s argument is a folder (a bulk apply) rather than one draft file. */
    static boolean isFolderApply(List<String> args) {
        return !args.isEmpty() && !args.get(0).startsWith("-") && Files.isDirectory(Path.of(args.get(0)));
    }

    private static CliArgs parse(List<String> args, Set<String> valued, Set<String> flags, int positional)
            throws CliException {
        Set<String> all = new HashSet<>(Set.of("--server", "--dialect", "--workspace", "--concurrency",
                "--confirm-count"));
        all.addAll(valued);
        Set<String> f = new HashSet<>(Set.of("--plan", "--json", "--yes"));
        f.addAll(flags);
        CliArgs a = CliArgs.parse(args, all, f, Map.of("-y", "--yes"));
        if (a.positional().size() > positional) {
            throw CliException.usage("Unexpected argument '" + a.positional().get(positional) + "'");
        }
        return a;
    }

    int run(List<String> args) throws CliException, ApiException, IOException {
        Set<String> valued = new HashSet<>(BulkOptions.VALUED);
        valued.addAll(Set.of("--search", "--team", "--customer", "--ids", "--undo"));
        CliArgs a = parse(args, valued, BulkOptions.FLAGS, 0);
        Connection c = Connection.open(a, env);
        Lookups.Snapshot lookups = withOwners(c);
        if (a.value("--undo") != null) {
            return undo(a, c, lookups);
        }
        BulkOperation op = BulkOptions.operation(a, lookups);
        List<VirtualKey> keys = select(a, c, lookups);
        return review(a, c, op, keys, lookups);
    }

    int applyFolder(List<String> args) throws CliException, ApiException, IOException {
        CliArgs a = parse(args, Set.of(), Set.of(), 1);
        Connection c = Connection.open(a, env);
        List<Draft> drafts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(a.positional().get(0)))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Draft d = Workspace.readDraft(f);
                if (d.edited() == null || d.edited().id() == null || d.base() == null) {
                    throw CliException.usage(f + " is not an exported key's draft (no base, or a new key)");
                }
                if (!d.rawText().isEmpty()) {
                    throw CliException.usage(f + " has fields that did not parse in the editor");
                }
                drafts.add(d);
            }
        }
        if (drafts.isEmpty()) {
            throw CliException.usage("No draft files (*.json) in " + a.positional().get(0));
        }
        List<VirtualKey> keys = new ArrayList<>();
        for (Draft d : drafts) {
            try {
                keys.add(c.client.getVirtualKey(d.vkId()));
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.NOT_FOUND) {
                    throw e;
                }
                err.println("'" + d.edited().name() + "' (" + d.vkId() + ") no longer exists on the server; skipped.");
            }
        }
        return review(a, c, new DraftFilesOperation(drafts), keys, c.lookups());
    }

    /** The connection's lookups plus teams, customers and business units, which selection and --owner name. */
    private static Lookups.Snapshot withOwners(Connection c) throws ApiException {
        Lookups.Snapshot l = c.lookups();
        List<Lookups.BusinessUnit> units;
        try {
            units = c.client.businessUnits();
        } catch (ApiException e) {
            units = List.of(); // servers without business units
        }
        return new Lookups.Snapshot(l.providers(), l.keys(), l.mcpClients(), c.client.teams(), c.client.customers(),
                units, l.virtualMcps());
    }

    /** {@code --undo ID|last}: the reverse of a journaled bulk change, re-read and reviewed like any other. */
    private int undo(CliArgs a, Connection c, Lookups.Snapshot l) throws CliException, ApiException, IOException {
        String id = a.value("--undo");
        List<Journal.BulkEntry> entries = Journal.of(c.workspace()).bulkEntries().stream()
                .filter(e -> !e.operation().startsWith("reverts ")).toList();
        Journal.BulkEntry entry = id.equals("last") ? (entries.isEmpty() ? null : entries.get(entries.size() - 1))
                : entries.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
        if (entry == null) {
            throw CliException.usage("No bulk change '" + id + "' in the journal of " + c.workspace().root());
        }
        boolean irreversible = entry.keys().stream().flatMap(k -> k.requests().stream())
                .anyMatch(r -> r.method().equals("DELETE") || r.path().endsWith("/rotate"));
        BulkUndo undo;
        try {
            undo = BulkUndo.of(entry.operation(), irreversible ? BulkOperation.Kind.DELETE : BulkOperation.Kind.UPDATE,
                    BulkJournal.sentKeys(entry));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("Cannot undo \"" + entry.operation() + "\": it deleted or rotated keys.");
        }
        List<VirtualKey> keys = new ArrayList<>();
        for (String vkId : undo.keyIds()) {
            try {
                keys.add(c.client.getVirtualKey(vkId));
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.NOT_FOUND) {
                    throw e;
                }
                err.println(vkId + " no longer exists on the server; skipped.");
            }
        }
        return review(a, c, undo, keys, l);
    }

    private List<VirtualKey> select(CliArgs a, Connection c, Lookups.Snapshot l) throws CliException, ApiException,
            IOException {
        List<String> given = Stream.of("--search", "--team", "--customer", "--ids").filter(o -> a.value(o) != null)
                .toList();
        if (given.size() != 1) {
            throw CliException.usage("bulk needs one selection: --search, --team, --customer or --ids");
        }
        VkQuery q = VkQuery.firstPage();
        switch (given.get(0)) {
            case "--search" -> q = q.withSearch(a.value("--search"));
            case "--team" -> q = q.withTeam(l.teams().stream().filter(t -> t.id().equals(a.value("--team"))
                    || t.name().equals(a.value("--team"))).map(Lookups.Team::id).findFirst()
                    .orElseThrow(() -> CliException.usage("No team '" + a.value("--team") + "'")));
            case "--customer" -> q = q.withCustomer(l.customers().stream().filter(t -> t.id().equals(
                    a.value("--customer")) || t.name().equals(a.value("--customer"))).map(Lookups.Customer::id)
                    .findFirst().orElseThrow(() -> CliException.usage("No customer '" + a.value("--customer") + "'")));
            default -> {
                List<VirtualKey> out = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(a.value("--ids")))) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(c.find(line.trim()));
                    }
                }
                return out;
            }
        }
        return c.client.listAllVirtualKeys(q, ProgressListener.NONE);
    }

    private int review(CliArgs a, Connection c, BulkOperation op, List<VirtualKey> keys, Lookups.Snapshot l)
            throws CliException, ApiException, IOException {
        Workspace ws = c.workspace();
        Set<String> drafts = ws.loadDrafts().stream().map(Draft::vkId).collect(Collectors.toSet());
        BulkPlanner planner = new BulkPlanner(c.dialect, c.ownerNames(),
                l.providers().stream().map(Lookups.Provider::name).collect(Collectors.toSet()),
                l.mcpClients().stream().map(Lookups.McpClient::name).collect(Collectors.toSet()), drafts);
        BulkReview review = planner.review(keys, op);
        out.println("Bulk change on " + c.url + " [" + c.dialect.label() + "]: " + op.describe());
        out.println(review.summary());
        for (String s : review.consequences().sentences()) {
            out.println("  - " + s);
        }
        for (String s : review.reasonsApart()) {
            out.println("  ! " + s);
        }
        if (a.flag("--json")) {
            for (VirtualKey k : review.toSend()) {
                SavePlan p = review.planOf(k.id());
                out.println("== '" + k.name() + "' (" + k.id() + ")");
                p.changes().forEach(ch -> out.println("  - " + ch));
                out.println(p.json());
            }
        }
        boolean apart = review.count(KeyOutcome.Status.CHANGE) + review.count(KeyOutcome.Status.UNCHANGED)
                < review.size();
        int code = review.count(KeyOutcome.Status.CHANGED_SINCE) > 0 ? Cli.EXIT_CONFLICT
                : apart ? Cli.EXIT_INVALID : Cli.EXIT_OK;
        List<VirtualKey> toSend = review.toSend();
        if (a.flag("--plan") || toSend.isEmpty()) {
            if (toSend.isEmpty()) {
                out.println("Nothing to send.");
            }
            return code;
        }
        confirm(a, op, toSend.size(), c.url);
        int n = Math.max(1, parseInt(a.value("--concurrency"), BulkSender.DEFAULT_CONCURRENCY));
        int step = Math.max(1, toSend.size() / 10);
        BulkReport report;
        try {
            report = new BulkSender(c.client, planner, n).send(UUID.randomUUID().toString(), op, toSend,
                    () -> false, p -> {
                        if (p.done() % step == 0 || p.done() == p.total()) {
                            err.println(p.words());
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.error("Interrupted.");
        }
        BulkJournal.record(Journal.of(ws), report);
        for (KeyResult r : report.results()) {
            if (!r.ok()) {
                err.println(r.status().name().toLowerCase(Locale.ROOT) + ": '" + r.vkName() + "' (" + r.vkId() + "): "
                        + r.message());
            }
        }
        out.println("Sent: " + report.summary() + ". Journal entry " + report.id() + ".");
        return report.anyFailed() ? Cli.EXIT_ERROR : report.count(KeyResult.Status.STALE) > 0 ? Cli.EXIT_CONFLICT
                : code;
    }

    private void confirm(CliArgs a, BulkOperation op, int count, String url) throws CliException, IOException {
        if (op.kind() == BulkOperation.Kind.DELETE) {
            String typed;
            if (a.flag("--yes")) {
                typed = a.value("--confirm-count");
            } else {
                err.print("This deletes " + count + " keys for good. Type " + count + " to go on: ");
                err.flush();
                typed = in.readLine();
            }
            if (typed == null || !typed.trim().equals(Integer.toString(count))) {
                throw CliException.error("Not deleted: the count was not confirmed (" + count + " keys; with --yes "
                        + "pass --confirm-count " + count + ").");
            }
            return;
        }
        if (a.flag("--yes")) {
            return;
        }
        err.print("Send this change to " + count + " keys on " + url + "? [y/N] ");
        err.flush();
        String line = in.readLine();
        String answer = line == null ? "" : line.trim().toLowerCase(Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw CliException.error("Not sent: not confirmed (pass --yes to send without asking).");
        }
    }

    private static int parseInt(String v, int fallback) throws CliException {
        if (v == null) {
            return fallback;
        }
        if (!v.matches("\\d{1,3}")) {
            throw CliException.usage("--concurrency takes a whole number, e.g. 4");
        }
        return Integer.parseInt(v);
    }
}
