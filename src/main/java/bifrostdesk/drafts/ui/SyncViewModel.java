package bifrostdesk.drafts.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.ConnectionState;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.SyncService;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Sends the drafts queued while offline, and keeps the journal of everything sent. Each queued draft in turn is
 * re-read from the server: unchanged → plan, confirm, send; changed → merged three ways ({@link SyncService}),
 * conflicts chosen per field, checked, then plan, confirm, send; deleted → created again or dropped, as the user
 * says. Nothing is sent without the user confirming its plan, also when the sync starts by itself once the server
 * is back. Call on the FX thread; server work goes through the {@link TaskRunner}.
 */
public final class SyncViewModel {
    private static final Logger LOG = Logger.getLogger(SyncViewModel.class.getName());

    /** How a sync run is going: drafts settled so far (sent, discarded), and drafts that stay queued. */
    record SyncTally(int saved, int stillQueued) {
        static final SyncTally NONE = new SyncTally(0, 0);

        SyncTally plusSaved() {
            return new SyncTally(saved + 1, stillQueued);
        }

        SyncTally plusQueued() {
            return new SyncTally(saved, stillQueued + 1);
        }
    }

    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final VirtualKeyEditorViewModel editor;
    private final DraftBook drafts;
    private final ConnectionState connection;
    private final Consumer<VirtualKey> saved;
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final BooleanProperty autoSync = new SimpleBooleanProperty();

    /** @param saved gets each key as the server holds it after its draft was sent (the key list shows it) */
    public SyncViewModel(BifrostClient client, TaskRunner runner, DialogService dialogs,
                         VirtualKeyEditorViewModel editor, DraftBook drafts, ConnectionState connection,
                         Consumer<VirtualKey> saved) {
        this.client = client;
        this.runner = runner;
        this.dialogs = dialogs;
        this.editor = editor;
        this.drafts = drafts;
        this.connection = connection;
        this.saved = saved;
    }

    /** Drafts waiting for sync: kept ones marked queued, and the open key if its save was queued. */
    public List<Draft> queuedDrafts() {
        return drafts.queued();
    }

    /** Sends every queued draft, one after the other (see the class comment). */
    public void sync() {
        List<Draft> queue = queuedDrafts();
        if (queue.isEmpty()) {
            dialogs.notify("Nothing to sync: no queued drafts.");
            return;
        }
        if (!connection.isOnline()) {
            dialogs.notify("Still offline: " + queue.size() + " draft(s) stay queued.");
            return;
        }
        syncing.set(true);
        next(new ArrayDeque<>(queue), SyncTally.NONE);
    }

    /** Connected again: starts the sync if the user asked for that, else says how many drafts wait. */
    public void backOnline() {
        int queued = queuedDrafts().size();
        if (queued > 0 && autoSync.get()) {
            // still asks before anything is sent: each plan (and any merge) is shown for confirmation
            sync();
        } else if (queued > 0) {
            dialogs.notify("Back online: " + queued + " queued draft" + (queued == 1 ? "" : "s")
                    + " — press Sync to send " + (queued == 1 ? "it" : "them") + ".");
        }
    }

    private void next(Deque<Draft> queue, SyncTally tally) {
        Draft d = queue.poll();
        if (d == null) {
            syncing.set(false);
            dialogs.notify("Sync finished: " + tally.saved() + " saved, " + tally.stillQueued() + " still queued.");
            return;
        }
        SyncService sync = new SyncService(client, connection.dialect(), connection.ownerNamesById());
        runner.run("Syncing " + d.edited().name(), p -> sync.prepare(d), prepared -> {
            if (prepared instanceof SyncService.DeletedOnServer) {
                deletedOnServer(d, sync, queue, tally);
                return;
            }
            SyncService.Ready ready;
            if (prepared instanceof SyncService.NeedsMerge needs) {
                var choices = dialogs.resolveMerge(d.edited().name(), needs.merge().conflicts());
                if (choices.isEmpty()) {
                    next(queue, tally.plusQueued());
                    return;
                }
                ready = sync.planResolved(needs, choices.get());
            } else {
                ready = (SyncService.Ready) prepared;
            }
            sendReady(d, ready, sync, queue, tally);
        }, e -> {
            dialogs.notify("Could not sync " + d.edited().name() + ": " + message(e));
            next(queue, tally.plusQueued());
        });
    }

    private void deletedOnServer(Draft d, SyncService sync, Deque<Draft> queue, SyncTally tally) {
        switch (dialogs.keyDeletedOnServer(d.edited().name())) {
            case DISCARD -> {
                drafts.drop(d.vkId());
                next(queue, tally.plusSaved());
            }
            case RECREATE -> confirmAndSend(d, sync.planRecreate(d), d.edited(), sync, queue, tally, "re-create");
            default -> next(queue, tally.plusQueued());
        }
    }

    private void sendReady(Draft d, SyncService.Ready ready, SyncService sync, Deque<Draft> queue, SyncTally tally) {
        // a merge can combine two valid edits into an invalid key (two budgets of one duration): check it
        var errors = VirtualKeyRules.errors(ready.toSave(), new RuleContext(Set.of(), Set.of(), Set.of(),
                ready.server(), connection.dialect()));
        if (!errors.isEmpty()) {
            dialogs.showError("Cannot sync " + d.edited().name(), "The merged key is not valid: "
                    + errors.get(0).message() + "\nOpen the key, fix it and save; the draft stays queued.");
            next(queue, tally.plusQueued());
            return;
        }
        if (ready.plan().isRefused()) {
            dialogs.showError("Cannot sync " + d.edited().name(), String.join("\n", ready.plan().refusals()));
            next(queue, tally.plusQueued());
            return;
        }
        if (ready.plan().isEmpty()) {
            // the server already holds the result (e.g. every conflict resolved to its value): show it
            if (isOpen(d.vkId())) {
                editor.open(ready.server());
            }
            drafts.drop(d.vkId());
            next(queue, tally.plusSaved());
            return;
        }
        confirmAndSend(d, ready.plan(), ready.toSave(), sync, queue, tally, ready.merged() ? "sync (merged)" : "sync");
    }

    private void confirmAndSend(Draft d, SavePlan plan, VirtualKey toSave, SyncService sync, Deque<Draft> queue,
                                SyncTally tally, String action) {
        if (!dialogs.confirmPlan("Sync " + d.edited().name() + (action.contains("merged") ? " (merged with the "
                + "server's changes)" : ""), plan)) {
            next(queue, tally.plusQueued());
            return;
        }
        Journal journal = drafts.hasWorkspace() ? Journal.of(drafts.workspace()) : null;
        runner.run("Sending " + d.edited().name(), p -> sync.send(plan, toSave, journal, action), after -> {
            if (isOpen(d.vkId())) {
                editor.open(after);
            }
            drafts.drop(d.vkId());
            if (after != null) {
                saved.accept(after);
            }
            next(queue, tally.plusSaved());
        }, e -> {
            dialogs.showError("Sync of " + d.edited().name() + " failed", message(e) + "\nThe draft stays queued.");
            next(queue, tally.plusQueued());
        });
    }

    private boolean isOpen(String vkId) {
        VirtualKey open = editor.editedProperty().get();
        return open != null && Objects.equals(open.id(), vkId);
    }

    // ---- the journal -----------------------------------------------------------------------------------------------

    /**
     * Appends to the sync journal what a save or a key command sent; called on background threads. A journal that
     * cannot be written is reported through the draft book.
     */
    public void journal(String action, VirtualKey key, List<PlannedRequest> sent, boolean ok, String result) {
        LOG.info(action + " of key " + key.id() + " (" + key.name() + "): " + sent.size() + " request(s), "
                + (ok ? "ok" : "failed: " + result));
        if (!drafts.hasWorkspace() || sent.isEmpty()) {
            return;
        }
        try {
            Journal.of(drafts.workspace()).record(action, key.id(), key.name(), sent, ok, result);
        } catch (IOException e) {
            drafts.backgroundProblem(e);
        }
    }

    /**
     * Reads the journal in the background and hands it to {@code show} (the journal window); nothing without a
     * workspace.
     */
    public void readJournal(Consumer<JournalViewModel> show) {
        if (!drafts.hasWorkspace()) {
            return;
        }
        Journal j = Journal.of(drafts.workspace());
        runner.run("Reading the journal", p -> j.entries(), entries -> show.accept(new JournalViewModel(j, entries,
                runner, dialogs)), e -> dialogs.notify("Could not read the journal: " + message(e)));
    }

    /** Start a sync by itself when the server is back and drafts are queued (plans are still confirmed). */
    public BooleanProperty autoSyncProperty() {
        return autoSync;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
