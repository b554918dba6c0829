package bifrostdesk.virtualkey.tree;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.common.ui.DialogService.ConflictChoice;
import bifrostdesk.drafts.SyncService;
import bifrostdesk.virtualkey.api.CommittedErrors;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;
import java.util.Objects;

/**
 * The editor's save flow, one job: re-read the server's copy, stop on a colleague's change, show the plan, send its
 * requests in order, and tell the truth afterwards. Split out of {@link VirtualKeyEditorViewModel} so that class
 * keeps the editing state and this one the conversation with the server.
 * <p>
 * A v2 plan can hold several steps (the PUT, then budget-override and Virtual MCP calls, REFERENCE-v2.md §11.5,
 * §11.7). When a later step fails, the earlier ones are already on the server: the key is re-read, the editor's base
 * becomes what the server holds and the user's edits stay on top of it, so the draft keeps exactly the steps not yet
 * applied and the next Ctrl+S sends only those. The report names what was applied and what was not.
 * <p>
 * All callbacks run on the FX thread (the {@link TaskRunner} delivers them there); the network work runs in it.
 */
final class EditorSave {

    /** What the save needs from the editor's state; implemented by the editor view-model. */
    interface Host {
        VirtualKey base();

        VirtualKey edited();

        /** Revalidates for a save; when errors block it, selects the first, says so and returns true. */
        boolean blockedByErrors();

        void clearServerProblems();

        /** Adds a problem the server reported (shown at its field) and revalidates. */
        void serverProblem(Violation problem);

        void select(String path);

        void busy(boolean busy);

        boolean busy();

        void status(String message);

        /** The save finished: the answer becomes both the base and the edited copy. */
        void saved(VirtualKey server);

        /** Shows the server's copy (the user's edits go to undo). */
        void replaceWithServer(VirtualKey server, String message);

        /** The server's copy becomes the base; the user's edits stay on top of it (a draft of what is left). */
        void rebase(VirtualKey server);

        /** The save was queued for sync (offline). */
        void queued();
    }

    private final EditorBackend backend;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Host host;
    private TaskRunner.Handle running;

    EditorSave(EditorBackend backend, TaskRunner runner, DialogService dialogs, Host host) {
        this.backend = backend;
        this.runner = runner;
        this.dialogs = dialogs;
        this.host = host;
    }

    /** Ctrl+S (with {@code resetUsage}: the plan also resets every budget's usage). */
    void save(boolean resetUsage) {
        if (host.busy() || host.edited() == null) {
            return;
        }
        host.clearServerProblems();
        if (host.blockedByErrors()) {
            return;
        }
        VirtualKey mine = host.edited();
        VirtualKey base = host.base();
        host.busy(true);
        host.status("Checking the server's copy…");
        boolean renamed = !Objects.equals(mine.name(), base.name());
        running = runner.run("Checking " + mine.name(), p -> new Check(backend.fetch(mine.id()),
                renamed && backend.nameTaken(mine.name(), mine.id())), check -> {
            VirtualKey server = check.server();
            if (check.nameTaken()) {
                host.serverProblem(Violation.at("", Field.NAME, Severity.ERROR,
                        "Another key on the server is already called '" + mine.name() + "'"));
                host.select("");
                done("Not saved: the name '" + mine.name() + "' is taken on the server.");
                return;
            }
            if (server.changedSince(base)) {
                ConflictChoice choice = dialogs.resolveConflict(mine.name(), describeTheirChanges(server, base));
                if (choice == ConflictChoice.CANCEL) {
                    done("Save cancelled: the key changed on the server since you opened it.");
                    return;
                }
                if (choice == ConflictChoice.TAKE_THEIRS) {
                    host.replaceWithServer(server, "Showing the server's copy; undo (Ctrl+Z) brings your edits back.");
                    host.busy(false);
                    return;
                }
            }
            planAndSend(mine, server, resetUsage);
        }, this::fetchFailed);
    }

    /** Cancels the check or the sending; requests already sent stay sent (the report says which). */
    void cancel() {
        if (running != null) {
            running.cancel();
        }
        done("Cancelled.");
    }

    /** What the pre-save check found on the server. */
    private record Check(VirtualKey server, boolean nameTaken) {
    }

    /**
     * Sending stopped at {@code failed}: {@code applied} reached the server before it, {@code notSent} were never
     * sent. Carries the failure as its cause so {@link ErrorInfo} reads the server's words.
     */
    private static final class Halted extends Exception {
        final transient List<PlannedRequest> applied;
        final transient PlannedRequest failed;
        final transient List<PlannedRequest> notSent;

        Halted(SavePlan plan, SyncService.Stopped stopped) {
            super(stopped.failure().getMessage(), stopped.failure());
            List<PlannedRequest> sent = stopped.sent();
            this.applied = sent.isEmpty() ? List.of() : List.copyOf(sent.subList(0, sent.size() - 1));
            this.failed = sent.isEmpty() ? null : sent.get(sent.size() - 1);
            this.notSent = List.copyOf(plan.requests().subList(sent.size(), plan.requests().size()));
        }
    }

    private void planAndSend(VirtualKey mine, VirtualKey server, boolean reset) {
        // the concurrency check against the copy the user saw was done above (and the user chose); the plan is
        // computed against the server's current copy, so it shows exactly what will change there
        SavePlan plan = UpdateBuilder.planUpdate(mine, server, backend.dialect(),
                new UpdateBuilder.SaveOptions(reset, true, backend.ownerNames()));
        if (plan.isRefused()) {
            dialogs.showError("This edit cannot be saved on this server", String.join("\n", plan.refusals()));
            done("Not saved: " + plan.refusals().get(0));
            return;
        }
        if (plan.isEmpty()) {
            host.rebase(server);
            done("Nothing to save: the server already holds this.");
            return;
        }
        host.status("Review the plan: " + plan.changes().size() + " change" + (plan.changes().size() == 1 ? "" : "s")
                + " on the server.");
        if (!dialogs.confirmPlan("Save " + mine.name(), plan)) {
            done("Save cancelled.");
            return;
        }
        host.status("Saving…");
        running = runner.run("Saving " + mine.name(), p -> {
            SyncService.Sent sent;
            boolean[] lastAnswerHadKey = {false};
            try {
                // a committed 500 stops the loop here: sendFailed re-reads and tells the user what the server holds
                sent = SyncService.sendAll(plan, r -> {
                    VirtualKey answer = backend.send(r);
                    lastAnswerHadKey[0] = answer != null;
                    return answer;
                }, p::isCancelled, false);
            } catch (SyncService.Stopped stopped) {
                backend.journal("save", mine, stopped.sent(), false, ErrorInfo.of(stopped.failure()).message());
                throw new Halted(plan, stopped);
            }
            backend.journal("save", mine, sent.requests(), true, "saved");
            // a step after the PUT answers with no key (override, Virtual MCP): re-read so the effective limits and
            // attachments show at once; write answers lack the GET-only v2 fields (REFERENCE-v2.md §11.11.3)
            return lastAnswerHadKey[0] ? sent.last().keepGetOnlyFrom(server) : backend.fetch(mine.id());
        }, saved -> {
            host.saved(saved);
            done("Saved " + saved.name() + ".");
        }, error -> sendFailed(mine, error));
    }

    private void sendFailed(VirtualKey mine, Throwable error) {
        ErrorInfo info = ErrorInfo.of(error);
        Halted halted = error instanceof Halted h ? h : null;
        boolean committed = CommittedErrors.isCommitted(halted != null ? halted.getCause() : error);
        boolean someApplied = halted != null && !halted.applied.isEmpty();
        boolean restLeft = halted != null && !halted.notSent.isEmpty();
        if (someApplied || (committed && restLeft)) {
            partlySaved(mine, halted, info, committed);
            return;
        }
        if (info.status() == 401) {
            done("The server asked to sign in again. Nothing was saved; your edits are kept.");
            if (backend.signInAgain(this::signedInAgain)) {
                return;
            }
        }
        if (info.status() >= 500 || info.status() == 0) {
            // A 500 can follow a committed write (REFERENCE §2.6.6), and a dropped connection says nothing:
            // re-read and show what the server really holds.
            host.status("The save failed (" + info.message() + "); reading what the server holds…");
            VirtualKey base = host.base();
            running = runner.run("Re-reading " + mine.name(), p -> backend.fetch(mine.id()), truth -> {
                boolean stored = committed || truth.changedSince(base);
                host.replaceWithServer(truth, stored
                        ? "The server answered an error but committed the change. The tree shows what it holds now."
                        : "The save failed: " + info.message() + ". The server is unchanged; Ctrl+Z brings your edits back.");
                host.serverProblem(ServerErrors.locate(mine, info.message()));
                host.busy(false);
            }, again -> done("The save failed (" + info.message() + ") and the server could not be re-read: "
                    + ErrorInfo.of(again).message() + ". Your edits are kept."));
            return;
        }
        Violation v = ServerErrors.locate(mine, info.message());
        host.serverProblem(v);
        host.select(v.path());
        done("The server refused the save: " + info.message());
    }

    /**
     * Some steps reached the server and some did not: re-read, keep the user's edits on top of what the server now
     * holds (so the draft is exactly what is left), and say which steps were applied.
     */
    private void partlySaved(VirtualKey mine, Halted halted, ErrorInfo info, boolean failedOneCommitted) {
        List<PlannedRequest> applied = new java.util.ArrayList<>(halted.applied);
        List<PlannedRequest> notApplied = new java.util.ArrayList<>(halted.notSent);
        if (failedOneCommitted) {
            applied.add(halted.failed);
        } else {
            notApplied.add(0, halted.failed);
        }
        String report = StepReport.of(applied, notApplied, halted.failed, info.message());
        host.status("Partly saved: " + applied.size() + " of " + (applied.size() + notApplied.size())
                + " steps applied; reading what the server holds…");
        running = runner.run("Re-reading " + mine.name(), p -> backend.fetch(mine.id()), truth -> {
            host.rebase(truth);
            if (!failedOneCommitted) {
                host.serverProblem(ServerErrors.locate(mine, info.message()));
            }
            dialogs.showError("Saved in part: " + mine.name(), report);
            done("Partly saved: " + applied.size() + " of " + (applied.size() + notApplied.size())
                    + " steps applied. What is left stays as a draft; Ctrl+S sends only that.");
        }, again -> {
            dialogs.showError("Saved in part: " + mine.name(), report
                    + "\n\nThe key could not be re-read (" + ErrorInfo.of(again).message() + ").");
            done("Partly saved, and the server could not be re-read. Your edits are kept; refresh before saving.");
        });
    }

    private void fetchFailed(Throwable error) {
        ErrorInfo info = ErrorInfo.of(error);
        if (info.status() == 401) {
            done("The server asked to sign in again. Nothing was saved; your edits are kept.");
            if (backend.signInAgain(this::signedInAgain)) {
                return;
            }
        }
        if (info.unreachable() && backend.queueForSync(host.base(), host.edited())) {
            host.queued();
            done("Offline: the save is queued as a draft and will be sent when you sync (" + info.message() + ").");
            return;
        }
        if (info.status() == 404) {
            dialogs.showError("Key deleted on the server", "Someone deleted this key on the server. "
                    + "Your edits are kept here; create it again or discard them.");
        }
        done("Could not read the server's copy: " + info.message() + ". Your edits are kept.");
    }

    private void signedInAgain() {
        host.status("Signed in again. Press Ctrl+S to save; your edits are kept.");
    }

    private String describeTheirChanges(VirtualKey server, VirtualKey base) {
        SavePlan theirs = UpdateBuilder.planUpdate(server, base, backend.dialect(),
                UpdateBuilder.SaveOptions.defaults().withOverwriteConcurrentChanges(true));
        List<String> words = theirs.changes();
        return words.isEmpty() ? "It was saved again since you opened it (updated "
                + server.updatedAt() + ")." : String.join("\n", words);
    }

    private void done(String message) {
        host.busy(false);
        host.status(message);
    }
}
