package bifrostdesk.virtualkey.tree;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.drafts.Draft;
import bifrostdesk.virtualkey.edit.FieldText;
import bifrostdesk.virtualkey.edit.KeyEdits;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of one open virtual key: the server copy it started from, the edited copy, the tree, the problems,
 * undo/redo; the save flow itself is {@link EditorSave}. No controls here: the view binds to these properties.
 * <p>
 * Every edit replaces the immutable {@link VirtualKey}; raw text the user typed is kept per field even when it
 * does not parse, so nothing typed is lost. Network work goes through the {@link TaskRunner}; its callbacks
 * (and so every property change here) happen on the FX thread.
 * <p>
 * Over 400 lines for one job, the editing state of one key: each structural edit (add, remove, duplicate, owner,
 * keys, models, tools) is a few lines delegating to {@code KeyEdits}, plus the properties the view binds to.
 */
public final class VirtualKeyEditorViewModel {

    /** Validation rules for a key (injected so the rule context — other names, known providers — stays outside). */
    public interface Validator extends Function<VirtualKey, List<Violation>> {
    }

    private final Validator validator;

    private final ReadOnlyObjectWrapper<VirtualKey> base = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<VirtualKey> edited = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TreeNode> tree = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Violation> problems = FXCollections.observableArrayList();
    private final ObservableList<Violation> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final StringProperty selectedPath = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saveAttempted = new ReadOnlyBooleanWrapper();
    /** A save was asked for while the server was unreachable: the draft waits for sync. */
    private final javafx.beans.property.BooleanProperty queued = new javafx.beans.property.SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** Bumped on every change so forms can refresh their fields from the model. */
    private final ReadOnlyObjectWrapper<Long> revision = new ReadOnlyObjectWrapper<>(0L);

    private final History<Snapshot, FieldKey> history = new History<>();
    private Map<FieldKey, String> rawText = new HashMap<>();
    private Map<FieldKey, String> parseProblems = new HashMap<>();
    private final Set<FieldKey> touched = new HashSet<>();
    private final List<Violation> serverProblems = new ArrayList<>();
    private final EditorBackend backend;
    private final EditorSave saving;

    /** What undo restores: the key and the raw texts that went with it. */
    private record Snapshot(VirtualKey key, Map<FieldKey, String> raw, Map<FieldKey, String> parse) {
    }

    public VirtualKeyEditorViewModel(EditorBackend backend, TaskRunner runner, DialogService dialogs,
                                     Validator validator) {
        this.validator = validator;
        this.backend = backend;
        this.saving = new EditorSave(backend, runner, dialogs, new SaveHost());
    }

    // ---- opening -------------------------------------------------------------------------------------------

    /** Opens a server copy for editing; forgets history, raw texts and problems. */
    public void open(VirtualKey server) {
        open(server, server);
    }

    /** Opens an edited copy on top of the server copy it started from (e.g. a draft). */
    public void open(VirtualKey serverCopy, VirtualKey editedCopy) {
        open(serverCopy, editedCopy, Map.of());
    }

    /**
     * Opens a draft: edited copy, the server copy it started from, and the raw texts the user typed, by
     * {@code "path#field"} as a draft stores them ({@link FieldKey#parse}). A text whose field does not exist in
     * this copy (or in this version) is left out.
     */
    public void open(VirtualKey serverCopy, VirtualKey editedCopy, Map<String, String> raw) {
        history.clear();
        queued.set(false);
        rawText = new HashMap<>();
        parseProblems = new HashMap<>();
        touched.clear();
        serverProblems.clear();
        saveAttempted.set(false);
        base.set(serverCopy);
        // re-derive parse problems from the raw texts, so an invalid number typed before a restart is still shown
        VirtualKey restored = editedCopy;
        for (Map.Entry<String, String> e : raw.entrySet()) {
            try {
                FieldKey key = FieldKey.parse(e.getKey());
                KeyEdits.Result r = KeyEdits.setField(restored, key, e.getValue());
                restored = r.key();
                rawText.put(key, e.getValue());
                r.parseProblem().ifPresent(pp -> parseProblems.put(key, pp));
            } catch (RuntimeException stale) {
                // the field no longer exists in this copy: its text cannot apply
            }
        }
        editedCopy = restored;
        String keep = selectedPath.get();
        changed(editedCopy);
        selectedPath.set(tree.get() != null && tree.get().find(keep) != null ? keep : "");
    }

    /**
     * Puts the key's secret value back (drafts are written without it): not an edit, nothing becomes dirty.
     */
    public void fillValue(String id, String value) {
        VirtualKey e = edited.get();
        if (e == null || !Objects.equals(e.id(), id) || e.value() != null || value == null) {
            return;
        }
        if (base.get() != null && base.get().value() == null) {
            base.set(base.get().withValue(value));
        }
        edited.set(e.withValue(value));
        revision.set(revision.get() + 1);
    }

    /** Shows no key (e.g. after the open one was deleted). */
    public void close() {
        history.clear();
        rawText = new HashMap<>();
        parseProblems = new HashMap<>();
        touched.clear();
        serverProblems.clear();
        base.set(null);
        edited.set(null);
        tree.set(null);
        problems.clear();
        dirty.set(false);
        canUndo.set(false);
        canRedo.set(false);
        revision.set(revision.get() + 1);
    }

    // ---- editing -------------------------------------------------------------------------------------------

    /** A text edit of one field, exactly as typed. */
    public void setField(FieldKey key, String text) {
        if (!canEdit(key.path(), key.field())) {
            return;
        }
        if (Objects.equals(rawOrModel(key), text)) {
            return;
        }
        KeyEdits.Result r = KeyEdits.setField(edited.get(), key, text);
        history.record(snapshot(), key);
        rawText.put(key, text);
        r.parseProblem().ifPresentOrElse(p -> parseProblems.put(key, p), () -> parseProblems.remove(key));
        touched.add(key);
        changed(r.key());
    }

    /** The text a field shows: what the user typed, or the model's value. */
    public String text(FieldKey key) {
        return rawOrModel(key);
    }

    /** The user left a field: it now shows its problems, and the next edit starts a new undo step. */
    public void leaveField(FieldKey key) {
        boolean first = touched.add(key);
        history.seal();
        revalidate();
        if (first) {
            // the field may now show a problem it hid while untouched: let the views refresh
            revision.set(revision.get() + 1);
        }
    }

    /**
     * Sets the owner: a team, a customer, or (both {@code null}) none at all, which also ends a business unit's
     * ownership (the server clears all three owners together, REFERENCE-v2.md §11.8).
     */
    public void setOwner(String teamId, String customerId) {
        if (!canEdit("", Field.OWNER)) {
            return;
        }
        edit(new FieldKey(NodePath.ROOT, Field.OWNER), vk -> {
            VirtualKey next = vk.withOwner(teamId, customerId);
            return teamId == null && customerId == null ? next.withV2(next.v2().withBusinessUnit(null, null)) : next;
        });
    }

    public void setKeys(int providerIndex, boolean allKeys, List<KeyRef> keys) {
        if (canEdit(NodePath.keys(providerIndex), Field.KEYS)) {
            edit(null, vk -> KeyEdits.setKeys(vk, providerIndex, allKeys, keys));
        }
    }

    public void setModels(int providerIndex, List<String> models) {
        if (canEdit(NodePath.models(providerIndex), Field.ALLOWED_MODELS)) {
            edit(null, vk -> KeyEdits.setModels(vk, providerIndex, models));
        }
    }

    public void setTools(int mcpIndex, List<String> tools) {
        if (canEdit(NodePath.tools(mcpIndex), Field.TOOLS)) {
            edit(null, vk -> KeyEdits.setTools(vk, mcpIndex, tools));
        }
    }

    public void setCalendarAligned(boolean value) {
        if (canEdit("", Field.CALENDAR_ALIGNED)) {
            edit(null, vk -> vk.withCalendarAligned(value));
        }
    }

    /** Whether the user may change {@code field} of the node at {@code path} ({@code null}: the node itself). */
    public boolean canEdit(String path, Field field) {
        return Editability.canEdit(edited.get(), path, field);
    }

    /** Why the node at {@code path} is read-only (for the form to say), or empty when it is editable. */
    public Optional<String> readOnlyReason(String path) {
        return Editability.readOnlyReason(edited.get(), path);
    }

    /** Adds a budget line to the key ("") or a provider config; selects it. */
    public void addBudget(String ownerPath) {
        if (!canEdit(NodePath.budgets(ownerPath), null)) {
            return;
        }
        List<Budget> existing = KeyEdits.budgetsOf(edited.get(), ownerPath);
        String duration = List.of("1d", "1w", "1M", "1Y", "1h").stream()
                .filter(d -> existing.stream().noneMatch(b -> d.equals(b.resetDuration()))).findFirst().orElse("");
        edit(null, vk -> KeyEdits.addBudget(vk, ownerPath, Budget.newBudget(100.0, duration)));
        selectedPath.set(NodePath.budget(ownerPath, existing.size()));
    }

    public void addRateLimit(String ownerPath) {
        if (!canEdit(NodePath.rateLimit(ownerPath), null)) {
            return;
        }
        edit(null, vk -> KeyEdits.setRateLimit(vk, ownerPath, RateLimit.of(null, null, 1000L, "1m")));
        selectedPath.set(NodePath.rateLimit(ownerPath));
    }

    public void addProviderConfig(String provider) {
        if (!canEdit(NodePath.PROVIDER_CONFIGS, null)) {
            return;
        }
        edit(null, vk -> KeyEdits.addProvider(vk, ProviderConfig.newConfig(provider)));
        selectedPath.set(NodePath.provider(edited.get().providerConfigs().size() - 1));
    }

    public void addMcpConfig(String clientName) {
        if (!canEdit(NodePath.MCP_CONFIGS, null)) {
            return;
        }
        edit(null, vk -> KeyEdits.addMcp(vk, new McpConfig(null, clientName, List.of("*"))));
        selectedPath.set(NodePath.mcp(edited.get().mcpConfigs().size() - 1));
    }

    public boolean canRemove(String path) {
        if (!canEdit(path, null)) {
            return false;
        }
        NodeKind k = NodePath.parse(path).kind();
        return k == NodeKind.BUDGET || k == NodeKind.PROVIDER_CONFIG || k == NodeKind.MCP_CONFIG
                || k == NodeKind.MODEL_BUDGET
                || (k == NodeKind.RATE_LIMIT && KeyEdits.rateLimitOf(edited.get(), NodePath.parse(path)) != null)
                || (k == NodeKind.BUDGETS && !KeyEdits.budgetsOf(edited.get(), NodePath.parse(path).ownerPath()).isEmpty());
    }

    public void remove(String path) {
        if (!canRemove(path)) {
            return;
        }
        edit(null, vk -> KeyEdits.remove(vk, path));
        // raw texts are addressed by index: after a removal the indexes below shift, so they no longer apply
        dropRawUnder(path);
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        selectedPath.set(tree.get().find(parent) != null ? parent : "");
        changed(edited.get());
    }

    public boolean canDuplicate(String path) {
        if (!canEdit(path, null)) {
            return false;
        }
        NodeKind k = NodePath.parse(path).kind();
        return k == NodeKind.BUDGET || k == NodeKind.PROVIDER_CONFIG;
    }

    public void duplicate(String path) {
        if (!canDuplicate(path)) {
            return;
        }
        edit(null, vk -> KeyEdits.duplicate(vk, path));
        dropRawUnder(path);
        NodePath p = NodePath.parse(path);
        selectedPath.set(p.kind() == NodeKind.BUDGET ? NodePath.budget(p.ownerPath(), p.budgetIndex() + 1)
                : NodePath.provider(p.providerIndex() + 1));
        changed(edited.get());
    }

    // ---- v2 edits (named in V2Editor) ----------------------------------------------------------------------

    /** The dialect the server speaks, for what the v2 forms offer. */
    public bifrostdesk.virtualkey.model.Dialect dialect() {
        return backend.dialect();
    }

    /**
     * One undoable edit of {@code field} of the node at {@code path} ({@code field} null: the node), ignored where
     * the node is read-only. {@link V2Editor} names the v2 edits on top of this.
     */
    public void applyEdit(String path, Field field, UnaryOperator<VirtualKey> change) {
        if (edited.get() != null && canEdit(path, field)) {
            edit(null, change);
        }
    }

    public void undo() {
        if (history.canUndo()) {
            restore(history.undo(snapshot()));
        }
    }

    public void redo() {
        if (history.canRedo()) {
            restore(history.redo(snapshot()));
        }
    }

    // ---- problems ------------------------------------------------------------------------------------------

    /**
     * The problem to show at a field, if any: errors only once the field was touched or a save was attempted
     * (an untouched field is not red before that); warnings always.
     */
    public Optional<Violation> problemAt(FieldKey key) {
        boolean show = saveAttempted.get() || touched.contains(key);
        return problems.stream()
                .filter(v -> v.key().equals(key))
                .filter(v -> show || v.severity() == Severity.WARNING)
                .min((a, b) -> a.severity().compareTo(b.severity()));
    }

    /** Worst severity of problems at a node (for its badge); empty when there are none. */
    public Optional<Severity> severityAt(String path) {
        NodePath node = NodePath.parse(path);
        return problems.stream().filter(v -> v.key().node().equals(node)).map(Violation::severity)
                .min(Enum::compareTo);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(v -> v.severity() == Severity.ERROR);
    }

    // ---- saving --------------------------------------------------------------------------------------------

    /**
     * Ctrl+S: check, re-read the server copy, stop on a concurrent change, show the plan, send, refresh
     * ({@link EditorSave} does the talking to the server).
     */
    public void save() {
        saving.save(false);
    }

    /**
     * Saves with every budget's usage reset to zero ({@code reset_budget_usage}, Bifrost v1.5.2+), together with
     * any pending edits; the plan says so before anything is sent.
     */
    public void resetUsage() {
        if (edited.get() != null && edited.get().isAccessProfileManaged()) {
            status.set("Not reset: the budgets of this key are its access profile's; reset them there.");
            return;
        }
        saving.save(true);
    }

    /** Cancels the save or check in progress; the edits stay. */
    public void cancel() {
        saving.cancel();
    }

    private void replaceWithServer(VirtualKey server, String message) {
        Snapshot mine = snapshot();
        String keep = selectedPath.get();
        base.set(server);
        history.record(mine, null);
        rawText = new HashMap<>();
        parseProblems = new HashMap<>();
        changed(server);
        selectedPath.set(tree.get().find(keep) != null ? keep : "");
        status.set(message);
    }

    /** The editor's state as the save flow sees it. */
    private final class SaveHost implements EditorSave.Host {
        @Override
        public VirtualKey base() {
            return base.get();
        }

        @Override
        public VirtualKey edited() {
            return edited.get();
        }

        @Override
        public boolean blockedByErrors() {
            saveAttempted.set(true);
            revalidate();
            if (!hasErrors()) {
                return false;
            }
            Violation first = problems.stream().filter(v -> v.severity() == Severity.ERROR).findFirst().orElseThrow();
            selectedPath.set(first.path());
            long n = problems.stream().filter(v -> v.severity() == Severity.ERROR).count();
            status.set(n + (n == 1 ? " problem blocks" : " problems block") + " the save: " + first.message());
            return true;
        }

        @Override
        public void clearServerProblems() {
            serverProblems.clear();
        }

        @Override
        public void serverProblem(Violation problem) {
            serverProblems.add(problem);
            revalidate();
        }

        @Override
        public void select(String path) {
            selectedPath.set(path);
        }

        @Override
        public void busy(boolean value) {
            busy.set(value);
        }

        @Override
        public boolean busy() {
            return busy.get();
        }

        @Override
        public void status(String message) {
            status.set(message);
        }

        @Override
        public void saved(VirtualKey server) {
            open(server, server);
        }

        @Override
        public void replaceWithServer(VirtualKey server, String message) {
            VirtualKeyEditorViewModel.this.replaceWithServer(server, message);
        }

        @Override
        public void rebase(VirtualKey server) {
            base.set(server);
            changed(edited.get());
        }

        @Override
        public void queued() {
            queued.set(true);
        }
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private void edit(FieldKey coalesceKey, UnaryOperator<VirtualKey> change) {
        VirtualKey next = change.apply(edited.get());
        if (next.equals(edited.get())) {
            return;
        }
        history.record(snapshot(), coalesceKey);
        changed(next);
    }

    private void restore(Snapshot s) {
        rawText = new HashMap<>(s.raw());
        parseProblems = new HashMap<>(s.parse());
        changed(s.key());
        if (tree.get().find(selectedPath.get()) == null) {
            selectedPath.set("");
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(edited.get(), Map.copyOf(rawText), Map.copyOf(parseProblems));
    }

    private void changed(VirtualKey next) {
        edited.set(next);
        tree.set(TreeBuilder.build(next, base.get(), java.time.Instant.now(), backend.ownerNames()));
        dirty.set(!Objects.equals(next, base.get()) || !parseProblems.isEmpty());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        revalidate();
        revision.set(revision.get() + 1);
    }

    private void revalidate() {
        List<Violation> all = new ArrayList<>(validator.apply(edited.get()));
        parseProblems.forEach((k, msg) -> {
            all.removeIf(v -> v.key().equals(k));
            all.add(new Violation(k, Severity.ERROR, msg));
        });
        all.addAll(serverProblems);
        sortWorstFirst(all);
        if (!problems.equals(all)) {
            problems.setAll(all);
        }
    }

    /** Errors before warnings, then by path as text (as the problems list shows them); stable otherwise. */
    private static void sortWorstFirst(List<Violation> all) {
        record ByPath(Violation v, String path) {
        }
        List<ByPath> keyed = new ArrayList<>(all.size());
        all.forEach(v -> keyed.add(new ByPath(v, v.path())));
        keyed.sort((a, b) -> a.v().severity() != b.v().severity() ? a.v().severity().compareTo(b.v().severity())
                : a.path().compareTo(b.path()));
        all.clear();
        keyed.forEach(k -> all.add(k.v()));
    }

    private void dropRawUnder(String path) {
        String list = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : path;
        rawText.keySet().removeIf(k -> k.path().startsWith(list));
        parseProblems.keySet().removeIf(k -> k.path().startsWith(list));
    }

    private String rawOrModel(FieldKey key) {
        String raw = rawText.get(key);
        return raw != null ? raw : FieldText.of(edited.get(), key);
    }

    // ---- drafts --------------------------------------------------------------------------------------------

    /**
     * The open key's unsaved state as a draft: the server copy it started from, the edited copy, the raw texts and
     * whether its save is queued for sync. The one place a draft of the open key is made; null when no key is open.
     */
    public Draft toDraft() {
        VirtualKey e = edited.get();
        return e == null ? null : new Draft(e.id(), base.get(), e, rawTexts(), queued.get(), java.time.Instant.now());
    }

    /** Opens a kept draft: its server copy, its edits and raw texts, and whether it waits for sync. */
    public void open(Draft draft) {
        open(draft.base(), draft.edited(), draft.rawText());
        queued.set(draft.queued());
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<VirtualKey> baseProperty() {
        return base.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VirtualKey> editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TreeNode> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** The problems, worst first. Always the same read-only view, so listeners added to it stay attached. */
    public ObservableList<Violation> problems() {
        return problemsView;
    }

    public StringProperty selectedPathProperty() {
        return selectedPath;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saveAttemptedProperty() {
        return saveAttempted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public javafx.beans.property.BooleanProperty queuedProperty() {
        return queued;
    }

    public ReadOnlyObjectProperty<Long> revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Raw texts the user typed, for drafts: keyed by {@code "path#field"} as the draft file stores them. */
    public Map<String, String> rawTexts() {
        Map<String, String> out = new HashMap<>(rawText.size() * 2);
        rawText.forEach((k, text) -> out.put(k.toString(), text));
        return Map.copyOf(out);
    }
}
