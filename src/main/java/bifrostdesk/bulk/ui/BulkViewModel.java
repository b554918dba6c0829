package bifrostdesk.bulk.ui;

import bifrostdesk.bulk.BudgetScope;
import bifrostdesk.bulk.BulkJournal;
import bifrostdesk.bulk.BulkOperation;
import bifrostdesk.bulk.BulkPlanner;
import bifrostdesk.bulk.BulkProgress;
import bifrostdesk.bulk.BulkReport;
import bifrostdesk.bulk.BulkReview;
import bifrostdesk.bulk.BulkSender;
import bifrostdesk.bulk.BulkUndo;
import bifrostdesk.bulk.KeyOutcome;
import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The bulk dialog's state: which keys (the selected ones, or every key matching the list's search and filters),
 * which operation with its small form, the review, the send with progress and cancel, and the report with "retry
 * failed", "send the re-planned keys" and undo. Planning and sending run in the {@link TaskRunner}; callbacks
 * arrive on the FX thread. Nothing is sent before the review was shown and the final confirmation (the one single
 * saves use, with the production tick) was given.
 */
public final class BulkViewModel {
    /** Where the dialog is. */
    public enum Step { CHOOSE, REVIEW, SENDING, REPORT }

    /** What the app gives the dialog. */
    public interface Context {
        Dialect dialect();

        boolean online();

        Map<String, String> ownerNames();

        /** Owner id → its kind and name, for the owner operation. */
        Map<String, OperationKind.Owner> owners();

        Set<String> knownProviders();

        Set<String> knownMcpClients();

        /** The workspace (drafts, journal), or {@code null} without one. */
        Workspace workspace();

        /** Reads every key matching the list's search and filters (all pages), in the runner. */
        void allMatching(Consumer<List<VirtualKey>> then);
    }

    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Context context;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ObjectProperty<OperationKind> kind = new SimpleObjectProperty<>(OperationKind.CHANGE_BUDGET);
    private final ObjectProperty<BudgetScope> scope = new SimpleObjectProperty<>(BudgetScope.ALL);
    private final List<StringProperty> texts = List.of(new SimpleStringProperty(""), new SimpleStringProperty(""),
            new SimpleStringProperty(""));
    private final ObjectProperty<Boolean> allMatching = new SimpleObjectProperty<>(false);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(BulkSender.DEFAULT_CONCURRENCY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BulkReview> review = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyDoubleWrapper fraction = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BulkReport> report = new ReadOnlyObjectWrapper<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private List<VirtualKey> selected = List.of();
    private List<VirtualKey> planned = List.of();
    private BulkOperation operation;

    public BulkViewModel(BifrostClient client, TaskRunner runner, DialogService dialogs, Context context) {
        this.client = client;
        this.runner = runner;
        this.dialogs = dialogs;
        this.context = context;
    }

    /** The keys selected in the list when the dialog opened. */
    public void setSelection(List<VirtualKey> keys) {
        selected = List.copyOf(keys);
    }

    public int selectedCount() {
        return selected.size();
    }

    private BulkPlanner planner() {
        Set<String> drafts = Set.of();
        Workspace ws = context.workspace();
        if (ws != null) {
            try {
                drafts = new java.util.HashSet<>(ws.loadDrafts().stream().map(Draft::vkId).toList());
            } catch (java.io.IOException e) {
                message.set("Could not read the drafts: " + e.getMessage());
            }
        }
        return new BulkPlanner(context.dialect(), context.ownerNames(), context.knownProviders(),
                context.knownMcpClients(), drafts);
    }

    /** Builds the operation from the form and plans it over the chosen keys; the review follows. */
    public void review() {
        try {
            operation = kind.get().build(texts.stream().map(StringProperty::get).toList(), scope.get(),
                    context.owners());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        if (Boolean.TRUE.equals(allMatching.get())) {
            message.set("Reading every matching key…");
            context.allMatching(this::plan);
        } else if (selected.isEmpty()) {
            message.set("Select keys in the list first (Ctrl/Shift-click, Ctrl+A), or choose all matching keys.");
        } else {
            plan(selected);
        }
    }

    private void plan(List<VirtualKey> keys) {
        plan(keys, operation);
    }

    private void plan(List<VirtualKey> keys, BulkOperation op) {
        operation = op;
        planned = List.copyOf(keys);
        message.set("Planning " + keys.size() + " keys…");
        BulkPlanner planner = planner();
        runner.run("Planning the bulk change", p -> planner.review(keys, op), r -> {
            review.set(r);
            message.set(r.summary());
            step.set(Step.REVIEW);
        }, e -> message.set("Could not plan: " + e.getMessage()));
    }

    /** Takes one key out of the change (deselect in the review) and plans the rest again. */
    public void leaveOut(String vkId) {
        plan(planned.stream().filter(k -> !k.id().equals(vkId)).toList(), operation);
    }

    /** One key's plan with its exact requests, for the review's detail pane. */
    public String planText(String vkId) {
        BulkReview r = review.get();
        if (r == null) {
            return "";
        }
        SavePlan p = r.planOf(vkId);
        StringBuilder sb = new StringBuilder();
        p.changes().forEach(c -> sb.append("• ").append(c).append('\n'));
        p.refusals().forEach(c -> sb.append("✗ ").append(c).append('\n'));
        return sb.append('\n').append(p.json()).toString();
    }

    /**
     * Asks the final confirmation (production profiles need the tick single saves need) and sends; offline, the
     * change is queued as drafts for Sync instead. Deleting asks for the count typed.
     */
    public void send() {
        BulkReview r = review.get();
        if (r == null || r.toSend().isEmpty()) {
            message.set("Nothing to send.");
            return;
        }
        List<VirtualKey> keys = r.toSend();
        if (!context.online()) {
            queueOffline(keys, r.operation());
            return;
        }
        if (r.operation().kind() == BulkOperation.Kind.DELETE) {
            String typed = dialogs.askText("Delete " + keys.size() + " keys", "This deletes " + keys.size()
                    + " keys for good. Type the number of keys to go on.", "Number of keys").orElse("");
            if (!typed.trim().equals(Integer.toString(keys.size()))) {
                message.set("Not deleted: the number was not typed.");
                return;
            }
        }
        List<String> words = new ArrayList<>();
        words.add(r.operation().describe() + " — " + r.summary());
        words.addAll(r.consequences().sentences());
        words.addAll(r.reasonsApart());
        if (!dialogs.confirmPlan("Send to " + keys.size() + " keys", new SavePlan(List.of(), words, List.of()))) {
            return;
        }
        sendKeys(r.operation(), keys);
    }

    private void sendKeys(BulkOperation op, List<VirtualKey> keys) {
        cancelRequested.set(false);
        step.set(Step.SENDING);
        fraction.set(0);
        progressText.set(new BulkProgress(0, keys.size(), 0, java.time.Duration.ZERO).words());
        BulkSender sender = new BulkSender(client, planner(), Math.max(1, concurrency.get()));
        Workspace ws = context.workspace();
        String id = UUID.randomUUID().toString();
        runner.run("Sending the bulk change", p -> {
            BulkReport done = sender.send(id, op, keys, () -> cancelRequested.get() || p.isCancelled(),
                    pr -> p.update(pr.done(), pr.total(), pr.words()));
            if (ws != null) {
                BulkJournal.record(Journal.of(ws), done);
            }
            return done;
        }, u -> {
            fraction.set(u.fraction());
            progressText.set(u.message());
        }, done -> {
                    report.set(done);
                    message.set(done.summary());
                    step.set(Step.REPORT);
                }, e -> {
                    message.set("Sending stopped: " + e.getMessage());
                    step.set(Step.REVIEW);
                });
        message.set("Sending to " + keys.size() + " keys…");
    }

    private void queueOffline(List<VirtualKey> keys, BulkOperation op) {
        Workspace ws = context.workspace();
        if (ws == null || op.kind() != BulkOperation.Kind.UPDATE) {
            message.set("Offline: only changes of the keys' settings can be queued, and only with a workspace.");
            return;
        }
        runner.run("Queueing drafts", p -> {
            for (VirtualKey k : keys) {
                ws.saveDraft(new Draft(k.id(), k, op.apply(k), Map.of(), true, Instant.now()));
            }
            return keys.size();
        }, n -> {
            message.set("Offline: " + n + " keys queued as drafts; Sync sends them when the server is back.");
            step.set(Step.CHOOSE);
        }, e -> message.set("Could not queue the drafts: " + e.getMessage()));
    }

    /** Stops before the next key; the keys in flight finish, the report says what was sent. */
    public void cancel() {
        cancelRequested.set(true);
        message.set("Cancelling: the keys being sent finish, no new key starts.");
    }

    /** Sends the failed and not-reached keys again (each re-read first). */
    public void retryFailed() {
        BulkReport r = report.get();
        if (r != null && !r.toRetry().isEmpty()) {
            sendKeys(operation, r.toRetry());
        }
    }

    /** The second confirmation of keys changed since the review: they are reviewed again, as re-read. */
    public void reviewStale() {
        BulkReport r = report.get();
        if (r != null && !r.stale().isEmpty()) {
            plan(r.stale(), operation);
        }
    }

    /** Builds the undo from the report's before-states, re-reads each key and shows the review. */
    public void undo() {
        BulkReport r = report.get();
        if (r == null) {
            return;
        }
        try {
            reviewUndo(BulkUndo.of(r, operation));
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** The bulk changes in the workspace's journal, newest first, for "undo a recent bulk change". */
    public void readBulkJournal(Consumer<List<Journal.BulkEntry>> show) {
        Workspace ws = context.workspace();
        if (ws == null) {
            show.accept(List.of());
            return;
        }
        runner.run("Reading the journal", p -> {
            List<Journal.BulkEntry> list = new ArrayList<>(Journal.of(ws).bulkEntries());
            java.util.Collections.reverse(list);
            return list;
        }, show, e -> message.set("Could not read the journal: " + e.getMessage()));
    }

    /** The undo of a journaled bulk change: its before-states, the keys re-read, the same review. */
    public void undo(Journal.BulkEntry entry) {
        boolean irreversible = entry.keys().stream().flatMap(k -> k.requests().stream())
                .anyMatch(r -> r.method().equals("DELETE") || r.path().endsWith("/rotate"));
        try {
            reviewUndo(BulkUndo.of(entry.operation(), irreversible ? BulkOperation.Kind.DELETE
                    : BulkOperation.Kind.UPDATE, BulkJournal.sentKeys(entry)));
        } catch (IllegalArgumentException e) {
            message.set("Cannot undo \"" + entry.operation() + "\": it deleted or rotated keys.");
        }
    }

    private void reviewUndo(BulkUndo undo) {
        List<String> ids = undo.keyIds();
        runner.run("Reading the keys to revert", p -> {
            List<VirtualKey> now = new ArrayList<>();
            for (String id : ids) {
                now.add(client.getVirtualKey(id));
            }
            return now;
        }, now -> plan(now, undo), e -> message.set("Could not read the keys: " + e.getMessage()));
    }

    /** Back to the operation form. */
    public void back() {
        step.set(Step.CHOOSE);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<OperationKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<BudgetScope> scopeProperty() {
        return scope;
    }

    /** The form's text fields, in {@link OperationKind#fields()} order. */
    public List<StringProperty> texts() {
        return texts;
    }

    public ObjectProperty<Boolean> allMatchingProperty() {
        return allMatching;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BulkReview> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    /** 0..1 while sending. */
    public javafx.beans.property.ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** "120 of 412 keys · 8.5 keys/s · about 35 s left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BulkReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The outcomes listed apart from the keys that change, for the review's list. */
    public static boolean isApart(KeyOutcome o) {
        return o.status() != KeyOutcome.Status.CHANGE && o.status() != KeyOutcome.Status.UNCHANGED;
    }
}
