package bifrostdesk.drafts.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * A window's drafts and the workspace they live in: unsaved edits of every key the user moved away from (kept,
 * dropped, the newest reopened at start), the open key's draft written as the user types ({@link Autosaver}), and the
 * last pulled copy of the keys and lookups, so the app can work offline. Without a workspace (some tests) drafts live
 * in memory only and nothing is cached.
 * <p>
 * Drafts are the editor's ({@link VirtualKeyEditorViewModel#toDraft()}). Call on the FX thread; reading and caching
 * go through the {@link TaskRunner}, draft files are written on the autosaver's own thread.
 */
public final class DraftBook {
    /** What the workspace held for working offline; {@code age} says how old it is, for the list's message. */
    public record CachedCopy(List<VirtualKey> keys, String age, Lookups.Snapshot lookups) {
    }

    /** What the start-up read from the workspace. */
    private record Stored(List<Draft> drafts, List<VirtualKey> cachedKeys) {
    }

    private final VirtualKeyEditorViewModel editor;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Function<String, Optional<VirtualKey>> listed;
    /** Drafts of keys other than the open one, oldest first. */
    private final Map<String, Draft> kept = new LinkedHashMap<>();
    private final Set<String> onDisk = new HashSet<>();
    /** Every key seen online this session (and the cached ones from before), written as the offline copy. */
    private final Map<String, VirtualKey> seenOnline = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper();
    private Workspace workspace;
    private Autosaver autosaver;
    private Consumer<Throwable> backgroundProblems = e -> { };

    /**
     * @param listed the key list's copy of a key by id: drafts are written without the key's value, and get it back
     *               from there
     */
    public DraftBook(VirtualKeyEditorViewModel editor, TaskRunner runner, DialogService dialogs,
                     Function<String, Optional<VirtualKey>> listed) {
        this.editor = editor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.listed = listed;
        editor.revisionProperty().addListener((o, a, b) -> autosave());
        editor.queuedProperty().addListener((o, a, b) -> autosave());
    }

    /**
     * Gives the window a workspace: drafts are written to it as the user edits, and the last pulled keys and lookups
     * are kept there for offline use. {@code problems} receives failures of writes made on other threads (the app
     * hands them to the FX thread).
     */
    public void attach(Workspace ws, Autosaver saver, Consumer<Throwable> problems) {
        this.workspace = ws;
        this.autosaver = saver;
        this.backgroundProblems = problems;
    }

    public Workspace workspace() {
        return workspace;
    }

    public boolean hasWorkspace() {
        return workspace != null;
    }

    /** A write on another thread (the journal) failed; reported like a draft that could not be written. */
    public void backgroundProblem(Throwable e) {
        backgroundProblems.accept(e);
    }

    /** Called (on the FX thread) when a draft or the cache could not be written. */
    public void reportDiskProblem(Throwable e) {
        dialogs.notify("Drafts cannot be written to disk (" + message(e) + "). Your previous draft is intact; "
                + "free some space or fix the folder's permissions.");
    }

    // ---- kept drafts ---------------------------------------------------------------------------------------------

    /**
     * At start: reads the last session's drafts and cached keys once, then calls {@code then} with true when drafts
     * were read (the newest may be reopened), false otherwise (no workspace, already read, or unreadable: reported).
     */
    public void loadOnce(Consumer<Boolean> then) {
        if (workspace == null || !kept.isEmpty() || !onDisk.isEmpty()) {
            then.accept(false);
            return;
        }
        runner.run("Reading drafts", p -> new Stored(workspace.loadDrafts(), workspace.cachedKeys().value()),
                stored -> {
                    stored.cachedKeys().forEach(k -> seenOnline.put(k.id(), k));
                    for (Draft d : stored.drafts()) {
                        kept.put(d.vkId(), d);
                        onDisk.add(d.vkId());
                    }
                    pending.set(kept.size());
                    then.accept(true);
                }, e -> {
                    reportDiskProblem(e);
                    then.accept(false);
                });
    }

    /** Keeps the open key's unsaved edits as a draft (the user moves to another key). */
    public void keepOpen() {
        if (editor.editedProperty().get() != null && editor.dirtyProperty().get()) {
            Draft d = editor.toDraft();
            kept.put(d.vkId(), d);
            pending.set(kept.size());
        }
    }

    /**
     * Opens another key's kept draft in the editor, keeping the open key's edits first. False when {@code vkId} has
     * no draft (the caller opens the server's copy).
     */
    public boolean openKept(String vkId) {
        keepOpen();
        Draft d = kept.remove(vkId);
        pending.set(kept.size());
        if (d == null) {
            return false;
        }
        editor.open(d);
        return true;
    }

    /** After connecting at start: the newest kept draft goes back into the editor, unless a key is open already. */
    public void reopenNewest() {
        if (editor.editedProperty().get() != null || kept.isEmpty()) {
            return;
        }
        Draft newest = null;
        for (Draft d : kept.values()) {
            newest = d;
        }
        kept.remove(newest.vkId());
        pending.set(kept.size());
        editor.open(newest);
        fillValueFromList();
    }

    /** The draft of {@code vkId} is done with (sent, settled, discarded): forgotten here and on disk. */
    public void drop(String vkId) {
        kept.remove(vkId);
        pending.set(kept.size());
        if (autosaver != null && onDisk.remove(vkId)) {
            autosaver.discard(vkId);
        }
        VirtualKey open = editor.editedProperty().get();
        if (open != null && Objects.equals(open.id(), vkId) && editor.dirtyProperty().get()) {
            editor.queuedProperty().set(false);
        }
    }

    /** The key was deleted on the server: its draft and its offline copy go. */
    public void forget(String vkId) {
        seenOnline.remove(vkId);
        kept.remove(vkId);
        if (autosaver != null && onDisk.remove(vkId)) {
            autosaver.discard(vkId);
        }
        pending.set(kept.size());
    }

    /** Drafts waiting for sync: kept ones marked queued, and the open key if its save was queued. */
    public List<Draft> queued() {
        List<Draft> out = new ArrayList<>();
        kept.values().stream().filter(Draft::queued).forEach(out::add);
        if (editor.editedProperty().get() != null && editor.queuedProperty().get() && editor.dirtyProperty().get()) {
            out.add(editor.toDraft());
        }
        return out;
    }

    /** Drafts are written without the key's value: take it from the server's copy in the list. */
    public void fillValueFromList() {
        VirtualKey open = editor.editedProperty().get();
        if (open != null && open.value() == null) {
            listed.apply(open.id()).ifPresent(k -> editor.fillValue(k.id(), k.value()));
        }
    }

    private void autosave() {
        VirtualKey e = editor.editedProperty().get();
        if (autosaver == null || e == null || e.id() == null) {
            return;
        }
        if (editor.dirtyProperty().get()) {
            onDisk.add(e.id());
            autosaver.changed(editor.toDraft());
        } else if (onDisk.remove(e.id())) {
            autosaver.discard(e.id());
        }
    }

    // ---- the offline copy ----------------------------------------------------------------------------------------

    /** The list loaded keys: the open draft gets its value back, and online the keys join the offline copy. */
    public void keysLoaded(List<VirtualKey> loaded, boolean online) {
        fillValueFromList();
        if (workspace == null || !online) {
            return;
        }
        loaded.forEach(k -> seenOnline.put(k.id(), k));
        List<VirtualKey> all = List.copyOf(seenOnline.values());
        runner.run("Caching keys", p -> {
            workspace.cacheKeys(all);
            return all.size();
        }, n -> { }, this::reportDiskProblem);
    }

    /** Off the FX thread, while connecting: keeps the lookups for offline use. */
    public void cacheLookups(Lookups.Snapshot lookups) throws IOException {
        if (workspace != null) {
            workspace.cacheLookups(lookups);
        }
    }

    /** Offline: reads the cached keys and lookups and hands them to {@code show}; nothing without a workspace. */
    public void readCachedCopy(Consumer<CachedCopy> show) {
        if (workspace == null) {
            return;
        }
        runner.run("Reading the cached copy", p -> {
            Workspace.Cached<List<VirtualKey>> keys = workspace.cachedKeys();
            Workspace.Cached<Lookups.Snapshot> lookups = workspace.cachedLookups();
            return new CachedCopy(keys.value(), keys.written() == null ? "no cached copy yet"
                    : "cached copy from " + keys.written().toString().replace('T', ' ').substring(0, 16) + " UTC",
                    lookups.value());
        }, show, this::reportDiskProblem);
    }

    /** How many drafts of other keys are kept (the open key's is the editor's). */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
