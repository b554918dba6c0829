package bifrostdesk.cli;

import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.SyncService;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.drafts.merge.Conflict;
import bifrostdesk.drafts.merge.MergeResult;
import bifrostdesk.drafts.merge.ThreeWayMerge;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import bifrostdesk.virtualkey.model.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The commands themselves; {@link Cli} parses the command word and maps failures to exit codes.
 * <p>
 * Over 400 lines, earned by one job: one method per command of the command line, each short.
 */
final class Commands {
    private static final Set<String> CONNECTION = Set.of("--server", "--dialect", "--workspace");
    private static final Map<String, String> ALIASES = Map.of("--output", "-o", "-y", "--yes");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final Map<String, String> env;

    Commands(PrintStream out, PrintStream err, BufferedReader in, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    private static CliArgs parse(List<String> args, Set<String> valued, Set<String> flags, int maxPositional)
            throws CliException {
        Set<String> all = new HashSet<>(CONNECTION);
        all.addAll(valued);
        CliArgs a = CliArgs.parse(args, all, flags, ALIASES);
        if (a.positional().size() > maxPositional) {
            throw CliException.usage("Unexpected argument '" + a.positional().get(maxPositional) + "'");
        }
        return a;
    }

    // ---- list ----------------------------------------------------------------------------------------------

    int list(List<String> args) throws CliException, ApiException {
        CliArgs a = parse(args, Set.of("--search"), Set.of("--json"), 0);
        Connection c = Connection.open(a, env);
        VkQuery q = VkQuery.firstPage();
        if (a.value("--search") != null) {
            q = q.withSearch(a.value("--search"));
        }
        List<VirtualKey> keys = c.client.listAllVirtualKeys(q, ProgressListener.NONE);
        if (a.flag("--json")) {
            ArrayNode arr = JSON.createArrayNode();
            for (VirtualKey vk : keys) {
                ObjectNode n = arr.addObject();
                n.put("name", vk.name());
                n.put("id", vk.id());
                n.put("active", vk.active());
                n.put("team_id", vk.teamId());
                n.put("customer_id", vk.customerId());
                n.put("provider_configs", vk.providerConfigs().size());
                if (hasBudgets(vk)) {
                    n.put("max_budget_used_percent", Math.round(vk.maxBudgetFraction() * 1000) / 10.0);
                } else {
                    n.putNull("max_budget_used_percent");
                }
            }
            out.println(text(arr));
            return Cli.EXIT_OK;
        }
        TextTable table = new TextTable(new boolean[6], "NAME", "ID", "ACTIVE", "OWNER", "PROVIDERS", "BUDGET USED");
        for (VirtualKey vk : keys) {
            String owner = vk.teamId() != null ? "team " + vk.teamId()
                    : vk.customerId() != null ? "customer " + vk.customerId() : "-";
            table.add(vk.name(), vk.id(), vk.active() ? "yes" : "no", owner,
                    Integer.toString(vk.providerConfigs().size()),
                    hasBudgets(vk) ? Math.round(vk.maxBudgetFraction() * 100) + "%" : "-");
        }
        table.print(out);
        err.println(keys.size() + " virtual key" + (keys.size() == 1 ? "" : "s"));
        return Cli.EXIT_OK;
    }

    private static boolean hasBudgets(VirtualKey vk) {
        return !vk.budgets().isEmpty() || vk.providerConfigs().stream().anyMatch(pc -> !pc.budgets().isEmpty());
    }

    // ---- export --------------------------------------------------------------------------------------------

    int export(List<String> args) throws CliException, ApiException, IOException {
        CliArgs a = parse(args, Set.of("-o"), Set.of(), 1);
        if (a.positional().isEmpty()) {
            throw CliException.usage("export needs the name or id of a virtual key\n" + Cli.HELP.get("export"));
        }
        Connection c = Connection.open(a, env);
        VirtualKey vk = c.find(a.positional().get(0));
        Draft d = new Draft(vk.id(), vk, vk, Map.of(), false, Instant.now());
        byte[] bytes = c.workspace().draftFileBytes(d);
        String file = a.value("-o");
        if (file == null || file.equals("-")) {
            out.write(bytes);
            out.println();
            out.flush();
        } else {
            Path p = Path.of(file);
            if (p.toAbsolutePath().getParent() != null) {
                Files.createDirectories(p.toAbsolutePath().getParent());
            }
            Files.write(p, bytes);
            err.println("Exported '" + vk.name() + "' (" + vk.id() + ", updated_at " + vk.updatedAt() + ") to " + p);
        }
        return Cli.EXIT_OK;
    }

    // ---- plan and apply ------------------------------------------------------------------------------------

    /** A draft and where it came from. */
    private record Source(Draft draft, String label, boolean inWorkspace) {
    }

    int plan(List<String> args, boolean apply) throws CliException, ApiException, IOException {
        Set<String> flags = apply ? Set.of("--json", "--merge", "--yes") : Set.of("--json", "--merge");
        CliArgs a = parse(args, Set.of("--draft"), flags, 1);
        String command = apply ? "apply" : "plan";
        if (a.positional().isEmpty() == (a.value("--draft") == null)) {
            throw CliException.usage(command + " needs a draft FILE or --draft ID (one of them)\n"
                    + Cli.HELP.get(command));
        }
        Connection c = Connection.open(a, env);
        Workspace ws = c.workspace();
        Source src = a.value("--draft") != null ? fromWorkspace(ws, a.value("--draft"))
                : fromFile(Path.of(a.positional().get(0)));
        Draft d = src.draft();
        VirtualKey edited = d.edited();
        if (edited == null) {
            throw CliException.usage(src.label() + " has no edited state");
        }
        if (!d.rawText().isEmpty()) {
            throw CliException.usage(src.label() + " has fields that did not parse in the editor ("
                    + String.join(", ", d.rawText().keySet()) + "); fix them in the app or in the file's edited part");
        }
        Map<String, String> names = c.ownerNames();
        if (edited.id() == null) {
            return create(c, ws, src, edited, names, a, apply);
        }
        if (d.base() == null) {
            throw CliException.usage(src.label() + " has no base (the server copy it was edited from)");
        }
        validate(c, edited, d.base());

        VirtualKey server;
        try {
            server = c.client.getVirtualKey(edited.id());
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                throw CliException.conflict("The key '" + edited.name() + "' (" + edited.id()
                        + ") no longer exists on " + c.url + ": it was deleted after the draft was made.");
            }
            throw e;
        }
        VirtualKey toSave = edited;
        if (server.changedSince(d.base())) {
            if (!a.flag("--merge")) {
                throw CliException.conflict("The key '" + server.name() + "' was changed on the server after the "
                        + "draft's base was read (server updated_at " + server.updatedAt() + ", base "
                        + d.base().updatedAt() + "). Nothing was sent. Export it again and redo your edits, or use "
                        + "--merge to merge your edits with the server's changes.");
            }
            MergeResult merge = ThreeWayMerge.merge(d.base(), edited, server);
            if (!merge.clean()) {
                printConflicts(merge.conflicts());
                throw CliException.conflict(merge.conflicts().size() + " conflict"
                        + (merge.conflicts().size() == 1 ? "" : "s") + " with the server's changes (updated_at "
                        + server.updatedAt() + "); nothing was sent. Edit the file (or export again) and retry.");
            }
            toSave = merge.merged();
            out.println("Merged your edits with the server's changes (server updated_at " + server.updatedAt()
                    + ").");
            validate(c, toSave, server);
        }
        SavePlan plan = UpdateBuilder.planUpdate(toSave, server, c.dialect, UpdateBuilder.SaveOptions.defaults()
                .withOverwriteConcurrentChanges(true).withOwnerNames(names));
        printPlan(c, server.name(), server.id(), plan, a.flag("--json"));
        if (!apply) {
            return Cli.EXIT_OK;
        }
        if (plan.isEmpty()) {
            if (src.inWorkspace()) {
                ws.deleteDraft(d.vkId());
            }
            out.println("Nothing to apply: the server already holds this (updated_at " + server.updatedAt() + ").");
            return Cli.EXIT_OK;
        }
        confirm(a, "Apply " + plan.requests().size() + " request" + (plan.requests().size() == 1 ? "" : "s")
                + " to '" + server.name() + "' on " + c.url + "?");
        VirtualKey after = send(c, ws, plan, toSave, names, "save");
        if (src.inWorkspace()) {
            ws.deleteDraft(d.vkId());
        }
        out.println("Applied: '" + after.name() + "' (" + after.id() + ") updated_at " + after.updatedAt());
        return Cli.EXIT_OK;
    }

    private int create(Connection c, Workspace ws, Source src, VirtualKey edited, Map<String, String> names,
                       CliArgs a, boolean apply) throws CliException, ApiException, IOException {
        validate(c, edited, null);
        SavePlan plan = UpdateBuilder.planCreate(edited, c.dialect, names);
        printPlan(c, edited.name(), "new key", plan, a.flag("--json"));
        if (!apply) {
            return Cli.EXIT_OK;
        }
        confirm(a, "Create '" + edited.name() + "' on " + c.url + "?");
        VirtualKey after = send(c, ws, plan, edited, names, "create");
        if (src.inWorkspace()) {
            ws.deleteDraft(src.draft().vkId());
        }
        out.println("Created: '" + edited.name() + "'" + (after == null ? ""
                : " (" + after.id() + ") updated_at " + after.updatedAt()));
        return Cli.EXIT_OK;
    }

    private Source fromFile(Path file) throws CliException, IOException {
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("No such draft file: " + file);
        }
        try {
            return new Source(Workspace.readDraft(file), file.toString(), false);
        } catch (JsonProcessingException e) {
            throw CliException.usage(file + " is not valid draft JSON: " + e.getOriginalMessage());
        } catch (IOException | IllegalArgumentException e) {
            if (Files.isReadable(file)) {
                throw CliException.usage(file + " is not a draft file: " + e.getMessage());
            }
            throw e;
        }
    }

    private static Source fromWorkspace(Workspace ws, String idOrName) throws CliException, IOException {
        for (Draft d : ws.loadDrafts()) {
            if (idOrName.equals(d.vkId()) || d.edited() != null && idOrName.equals(d.edited().name())) {
                return new Source(d, "draft " + d.vkId(), true);
            }
        }
        throw CliException.usage("No draft '" + idOrName + "' in workspace " + ws.root());
    }

    /** Errors → exit 2 with every message; warnings are printed and do not stop. */
    private void validate(Connection c, VirtualKey vk, VirtualKey base) throws CliException, ApiException {
        Set<String> others = new HashSet<>();
        if (vk.name() != null && !vk.name().isBlank()) {
            for (VirtualKey k : c.client.listAllVirtualKeys(VkQuery.firstPage().withSearch(vk.name()),
                    ProgressListener.NONE)) {
                if (!Objects.equals(k.id(), vk.id())) {
                    others.add(k.name());
                }
            }
        }
        Lookups.Snapshot l = c.lookups();
        Set<String> providers = l.providers().stream().map(Lookups.Provider::name).collect(Collectors.toSet());
        Set<String> clients = l.mcpClients().stream().map(Lookups.McpClient::name).collect(Collectors.toSet());
        List<Violation> found = VirtualKeyRules.validate(vk, new RuleContext(others, providers, clients, base,
                c.dialect));
        List<String> errors = new ArrayList<>();
        for (Violation v : found) {
            String line = where(v) + ": " + v.message();
            if (v.isError()) {
                errors.add("  " + line);
            } else {
                err.println("warning: " + line);
            }
        }
        if (!errors.isEmpty()) {
            throw CliException.usage("The edited state of '" + vk.name() + "' is invalid; nothing was sent:\n"
                    + String.join("\n", errors));
        }
    }

    private static String where(Violation v) {
        String path = v.path().isEmpty() ? "key" : v.path();
        return v.field().isEmpty() ? path : path + " " + v.field();
    }

    private void printConflicts(List<Conflict> conflicts) {
        for (Conflict k : conflicts) {
            err.println("conflict: " + k.label());
            err.println("    base:   " + k.base());
            err.println("    yours:  " + k.mine());
            err.println("    server: " + k.theirs());
        }
    }

    private void printPlan(Connection c, String name, String id, SavePlan plan, boolean json) throws CliException {
        out.println("Plan for '" + name + "' (" + id + ") on " + c.url + " [" + c.dialect.label() + "]:");
        var features = c.client.features();
        if (features != null && features.newerThanTested()) {
            // the app speaks the newest dialect it knows; say so where the plan is read (REFERENCE-v2.md §11.1.1)
            err.println("Note: " + features.describe() + "; this tool was tested up to Bifrost "
                    + bifrostdesk.virtualkey.model.Dialect.NEWEST_TESTED + " and speaks its dialect.");
        }
        for (String change : plan.changes()) {
            out.println("  - " + change);
        }
        if (plan.isRefused()) {
            throw CliException.usage("This edit cannot be saved on this server; nothing was sent:\n  "
                    + String.join("\n  ", plan.refusals()));
        }
        if (!plan.isEmpty()) {
            out.println(plan.requests().size() + " request" + (plan.requests().size() == 1 ? "" : "s")
                    + (json ? ":" : " (--json shows them)"));
            if (json) {
                out.println(plan.json());
            }
        }
    }

    private void confirm(CliArgs a, String question) throws CliException, IOException {
        if (a.flag("--yes")) {
            return;
        }
        err.print(question + " [y/N] ");
        err.flush();
        String line = in.readLine();
        if (System.console() == null) {
            err.println(); // the answer came from a pipe: end the question's line
        }
        String answer = line == null ? "" : line.trim().toLowerCase(Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw CliException.error("Not applied: not confirmed (pass --yes to apply without asking).");
        }
    }

    private static VirtualKey send(Connection c, Workspace ws, SavePlan plan, VirtualKey key, Map<String, String> names,
                                   String action) throws ApiException, IOException {
        try {
            return new SyncService(c.client, c.dialect, names).send(plan, key, Journal.of(ws), action);
        } catch (ApiException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---- sync ----------------------------------------------------------------------------------------------

    int sync(List<String> args) throws CliException, ApiException, IOException {
        CliArgs a = parse(args, Set.of(), Set.of("--yes", "--json"), 0);
        Connection c = Connection.open(a, env);
        Workspace ws = c.workspace();
        List<Draft> queued = ws.loadDrafts().stream().filter(Draft::queued).toList();
        if (queued.isEmpty()) {
            out.println("No queued drafts in " + ws.root());
            return Cli.EXIT_OK;
        }
        Map<String, String> names = c.ownerNames();
        SyncService sync = new SyncService(c.client, c.dialect, names);
        boolean failed = false;
        boolean conflict = false;
        boolean invalid = false;
        for (Draft d : queued) {
            String label = "'" + (d.edited() != null ? d.edited().name() : d.vkId()) + "' (" + d.vkId() + ")";
            out.println("== " + label);
            try {
                if (d.base() == null || d.edited() == null || d.edited().id() == null) {
                    throw CliException.usage("not a saved key's draft (no base); open it in the app. Kept.");
                }
                validate(c, d.edited(), d.base());
                SyncService.Prepared p = sync.prepare(d);
                if (p instanceof SyncService.Ready r) {
                    if (r.merged()) {
                        out.println("Merged with the server's changes (server updated_at " + r.server().updatedAt()
                                + ").");
                    }
                    printPlan(c, r.server().name(), r.server().id(), r.plan(), a.flag("--json"));
                    if (r.plan().isEmpty()) {
                        ws.deleteDraft(d.vkId());
                        out.println("Nothing to send: the server already holds this. Draft removed.");
                        continue;
                    }
                    confirm(a, "Send " + label + " to " + c.url + "?");
                    VirtualKey after = sync.send(r.plan(), r.toSave(), Journal.of(ws), "sync");
                    ws.deleteDraft(d.vkId());
                    out.println("Sent: updated_at " + (after == null ? "?" : after.updatedAt()) + ". Draft removed.");
                } else if (p instanceof SyncService.NeedsMerge n) {
                    printConflicts(n.merge().conflicts());
                    err.println(label + ": " + n.merge().conflicts().size() + " conflict"
                            + (n.merge().conflicts().size() == 1 ? "" : "s") + " with the server's changes "
                            + "(updated_at " + n.server().updatedAt() + "); draft kept, resolve it in the app.");
                    conflict = true;
                } else {
                    err.println(label + " was deleted on the server; draft kept (re-create or discard it in the app).");
                    conflict = true;
                }
            } catch (CliException e) {
                err.println(label + ": " + e.getMessage());
                if (e.code == Cli.EXIT_INVALID) {
                    invalid = true;
                } else {
                    failed = true;
                }
            } catch (ApiException e) {
                err.println(label + ": " + Cli.explain(e) + " Draft kept.");
                failed = true;
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                err.println(label + ": " + e.getMessage() + " Draft kept.");
                failed = true;
            }
        }
        return failed ? Cli.EXIT_ERROR : conflict ? Cli.EXIT_CONFLICT : invalid ? Cli.EXIT_INVALID : Cli.EXIT_OK;
    }

    private static String text(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
