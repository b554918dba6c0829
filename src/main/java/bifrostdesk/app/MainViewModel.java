package bifrostdesk.app;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.connection.lock.SetupLockGate;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Draft;
import bifrostdesk.drafts.Journal;
import bifrostdesk.drafts.SyncService;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.AuthStatus;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.ServerFeatures;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import bifrostdesk.virtualkey.tree.ClientEditorBackend;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's state: connection facts for the status bar, lookups for the pickers, the key list and the
 * editor, and the key-level actions (open, create, delete, activate). Unsaved edits of keys the user moved away
 * from are kept as drafts, so switching keys never loses work.
 */
public final class MainViewModel {
    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final VirtualKeyListViewModel list;
    private final VirtualKeyEditorViewModel editor;

    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper dialect = new ReadOnlyStringWrapper("…");
    private final ReadOnlyObjectWrapper<ServerFeatures> features = new ReadOnlyObjectWrapper<>();
    private final SetupLockGate setupLock;
    private boolean lockedNoticeShown;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyIntegerWrapper pendingDrafts = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<Lookups.Snapshot> lookups = new SimpleObjectProperty<>(Lookups.Snapshot.empty());
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Set<String> draftsOnDisk = new HashSet<>();
    private final ReadOnlyStringWrapper diskProblem = new ReadOnlyStringWrapper("");
    private Dialect activeDialect = Dialect.LATER;
    private Workspace workspace;
    private Autosaver autosaver;
    private Instant offlineSince;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(MainViewModel.class.getName());
    private Profile profile;
    private CredentialStore credentials = new MemoryCredentialStore("none configured");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper offlineReason = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.BooleanProperty autoSync = new javafx.beans.property.SimpleBooleanProperty();
    private java.util.function.Consumer<Throwable> backgroundProblems = e -> { };
    private final Map<String, VirtualKey> cachedKeys = new LinkedHashMap<>();

    public MainViewModel(BifrostClient client, TaskRunner runner, DialogService dialogs) {
        this.client = client;
        this.runner = runner;
        this.dialogs = dialogs;
        this.list = new VirtualKeyListViewModel(client, runner);
        this.setupLock = new SetupLockGate(client, runner, dialogs);
        this.editor = new VirtualKeyEditorViewModel(new ClientEditorBackend(client, () -> activeDialect) {
            @Override
            public void journal(String action, VirtualKey key, java.util.List<PlannedRequest> sent, boolean ok,
                                String result) {
                MainViewModel.this.journal(action, key, sent, ok, result);
            }

            @Override
            public boolean signInAgain(Runnable signedIn) {
                signIn("Your session ended. Sign in again to save; your edits are kept.", 3, signedIn, () -> { });
                return true;
            }

            @Override
            public boolean queueForSync(VirtualKey base, VirtualKey edited) {
                // the server did not answer a save: the app is offline from here on, and reconnects by itself
                online.set(false);
                if (offlineSince == null) {
                    offlineSince = Instant.now();
                }
                connection.set("Offline since " + clock(offlineSince));
                offlineReason.set("The server did not answer a save.");
                return workspace != null;
            }

            @Override
            public Map<String, String> ownerNames() {
                return ownerNamesById();
            }
        }, runner, dialogs, this::validate);
        server.set(client.endpoint().baseUrl().toString());
        list.setOnLoaded(this::cacheKeys);
        list.items().addListener((javafx.collections.ListChangeListener<VirtualKey>) c -> namesVersion++);
        editor.revisionProperty().addListener((o, a, b) -> autosave());
        editor.queuedProperty().addListener((o, a, b) -> autosave());
        editor.baseProperty().addListener((o, a, b) -> {
            // a save (or a re-read) replaced the server copy: the list shows the new state
            if (b != null && a != null && Objects.equals(a.id(), b.id()) && !Objects.equals(a, b)) {
                // only a newer server revision (a save, a re-read) updates the list: a draft's base may be old
                list.replaceIfNewer(b);
            }
        });
    }

    /**
     * The editor's validator. The rule context (other keys' names, known providers and MCP clients) is rebuilt only
     * when its inputs change — not on every keystroke — and an edit re-checks only what it touched
     * ({@link VirtualKeyRules#revalidate}), so typing stays fast on a key with a thousand provider configs.
     */
    private java.util.List<bifrostdesk.virtualkey.model.Violation> validate(VirtualKey vk) {
        RuleContext ctx = ruleContext();
        java.util.List<bifrostdesk.virtualkey.model.Violation> result = ctx == lastContext && lastValidated != null
                ? VirtualKeyRules.revalidate(lastValidated, lastViolations, vk, ctx)
                : VirtualKeyRules.validate(vk, ctx);
        lastContext = ctx;
        lastValidated = vk;
        lastViolations = result;
        return result;
    }

    private RuleContext ruleContext() {
        VirtualKey base = editor.baseProperty().get();
        Lookups.Snapshot l = lookups.get();
        if (cachedContext != null && contextBase == base && contextLookups == l && contextNames == namesVersion
                && cachedContext.dialect() == activeDialect) {
            return cachedContext;
        }
        Set<String> others = new HashSet<>(list.loadedNames());
        if (base != null) {
            others.remove(base.name());
        }
        Set<String> providers = l.providers().stream().map(Lookups.Provider::name).collect(Collectors.toSet());
        Set<String> clients = l.mcpClients().stream().map(Lookups.McpClient::name).collect(Collectors.toSet());
        cachedContext = new RuleContext(others, providers, clients, base, activeDialect);
        contextBase = base;
        contextLookups = l;
        contextNames = namesVersion;
        return cachedContext;
    }

    private RuleContext cachedContext;
    private VirtualKey contextBase;
    private Lookups.Snapshot contextLookups;
    private int contextNames = -1;
    private int namesVersion;
    private RuleContext lastContext;
    private VirtualKey lastValidated;
    private java.util.List<bifrostdesk.virtualkey.model.Violation> lastViolations;

    /**
     * Gives the app a workspace: drafts are written to it as the user edits, and the last pulled keys and lookups
     * are kept there for offline use. Without one (some tests), drafts live in memory only.
     */
    public void attachWorkspace(Workspace ws, Autosaver saver) {
        attachWorkspace(ws, saver, e -> { });
    }

    /** As above; {@code problems} receives failures of background writes (the app hands them to the FX thread). */
    public void attachWorkspace(Workspace ws, Autosaver saver, java.util.function.Consumer<Throwable> problems) {
        this.workspace = ws;
        this.autosaver = saver;
        this.backgroundProblems = problems;
    }

    /** The profile this window works on and where its password is kept. */
    public void attachProfile(Profile p, CredentialStore store) {
        this.profile = p;
        this.credentials = store;
        setupLock.attach(p.name(), new SetupTokens(store));
    }

    public Profile profile() {
        return profile;
    }

    /**
     * Asks the user to sign in and logs in with a session ({@code POST /api/session/login}); on success stores the
     * password if they asked to, and runs {@code then}. {@code attempts} limits retries after a wrong password.
     */
    private void signIn(String reason, int attempts, Runnable then, Runnable cancelled) {
        String user = profile == null ? null : profile.user();
        var answer = dialogs.signIn(server.get(), user, reason, credentials.describe());
        if (answer.isEmpty()) {
            cancelled.run();
            return;
        }
        var a = answer.get();
        runner.run("Signing in", p -> {
            client.login(a.user(), a.password());
            return a;
        }, ok -> {
            LOG.info("Signed in to " + server.get() + " as " + a.user());
            if (a.remember() && profile != null) {
                credentials.write(profile.name(), a.password());
            }
            then.run();
        }, e -> {
            if (attempts > 1 && e instanceof ApiException api && api.kind() == ApiException.Kind.UNAUTHORIZED) {
                signIn("Wrong user name or password. Try again.", attempts - 1, then, cancelled);
            } else {
                LOG.warning("Sign-in to " + server.get() + " failed: " + message(e));
                cancelled.run();
                dialogs.showError("Not signed in", message(e));
            }
        });
    }

    /** Called by the autosaver's owner (on the FX thread) when a draft could not be written. */
    public void reportDiskProblem(Throwable e) {
        diskProblem.set("Drafts cannot be written to disk (" + message(e) + "). Your previous draft is intact; "
                + "free some space or fix the folder's permissions.");
        dialogs.notify(diskProblem.get());
    }

    /** Called when a draft was written: clears an earlier disk problem. */
    public void draftWritten() {
        diskProblem.set("");
    }

    /** Appends to the sync journal; called on background threads. A journal that cannot be written is reported. */
    void journal(String action, VirtualKey key, java.util.List<PlannedRequest> sent, boolean ok, String result) {
        LOG.info(action + " of key " + key.id() + " (" + key.name() + "): " + sent.size() + " request(s), "
                + (ok ? "ok" : "failed: " + result));
        if (workspace == null || sent.isEmpty()) {
            return;
        }
        try {
            Journal.of(workspace).record(action, key.id(), key.name(), sent, ok, result);
        } catch (java.io.IOException e) {
            backgroundProblems.accept(e);
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    // ---- sync ---------------------------------------------------------------------------------------------

    /** Drafts waiting for sync: kept ones marked queued, and the open key if its save was queued. */
    public java.util.List<Draft> queuedDrafts() {
        java.util.List<Draft> out = new java.util.ArrayList<>();
        drafts.values().stream().filter(Draft::queued).forEach(out::add);
        VirtualKey open = editor.editedProperty().get();
        if (open != null && editor.queuedProperty().get() && editor.dirtyProperty().get()) {
            out.add(editor.toDraft());
        }
        return out;
    }

    /**
     * Sends every queued draft, one after the other: unchanged on the server → plan, confirm, send; changed →
     * merged three ways, conflicts chosen per field, then plan, confirm, send; deleted → ask. Nothing is sent
     * without the user confirming its plan.
     */
    public void sync() {
        java.util.List<Draft> queue = queuedDrafts();
        if (queue.isEmpty()) {
            dialogs.notify("Nothing to sync: no queued drafts.");
            return;
        }
        if (!online.get()) {
            dialogs.notify("Still offline: " + queue.size() + " draft(s) stay queued.");
            return;
        }
        syncing.set(true);
        syncNext(new java.util.ArrayDeque<>(queue), new int[] {0, 0});
    }

    private void syncNext(java.util.Deque<Draft> queue, int[] counts) {
        Draft d = queue.poll();
        if (d == null) {
            syncing.set(false);
            dialogs.notify("Sync finished: " + counts[0] + " saved, " + counts[1] + " still queued.");
            return;
        }
        SyncService sync = new SyncService(client, activeDialect, ownerNamesById());
        runner.run("Syncing " + d.edited().name(), p -> sync.prepare(d), prepared -> {
            if (prepared instanceof SyncService.DeletedOnServer) {
                switch (dialogs.keyDeletedOnServer(d.edited().name())) {
                    case DISCARD -> {
                        dropDraft(d.vkId());
                        counts[0]++;
                    }
                    case RECREATE -> {
                        confirmAndSend(d, sync.planRecreate(d), d.edited(), sync, queue, counts, "re-create");
                        return;
                    }
                    default -> counts[1]++;
                }
                syncNext(queue, counts);
                return;
            }
            SyncService.Ready ready;
            if (prepared instanceof SyncService.NeedsMerge needs) {
                var choices = dialogs.resolveMerge(d.edited().name(), needs.merge().conflicts());
                if (choices.isEmpty()) {
                    counts[1]++;
                    syncNext(queue, counts);
                    return;
                }
                ready = sync.planResolved(needs, choices.get());
            } else {
                ready = (SyncService.Ready) prepared;
            }
            // a merge can combine two valid edits into an invalid key (two budgets of one duration): check it
            var errors = VirtualKeyRules.errors(ready.toSave(), new RuleContext(Set.of(), Set.of(), Set.of(),
                    ready.server(), activeDialect));
            if (!errors.isEmpty()) {
                dialogs.showError("Cannot sync " + d.edited().name(), "The merged key is not valid: "
                        + errors.get(0).message() + "\nOpen the key, fix it and save; the draft stays queued.");
                counts[1]++;
                syncNext(queue, counts);
                return;
            }
            if (ready.plan().isRefused()) {
                dialogs.showError("Cannot sync " + d.edited().name(), String.join("\n", ready.plan().refusals()));
                counts[1]++;
                syncNext(queue, counts);
                return;
            }
            if (ready.plan().isEmpty()) {
                // the server already holds the result (e.g. every conflict resolved to its value): show it
                VirtualKey open = editor.editedProperty().get();
                if (open != null && java.util.Objects.equals(open.id(), d.vkId())) {
                    editor.open(ready.server());
                }
                dropDraft(d.vkId());
                counts[0]++;
                syncNext(queue, counts);
                return;
            }
            confirmAndSend(d, ready.plan(), ready.toSave(), sync, queue, counts, ready.merged() ? "sync (merged)" : "sync");
        }, e -> {
            counts[1]++;
            dialogs.notify("Could not sync " + d.edited().name() + ": " + message(e));
            syncNext(queue, counts);
        });
    }

    private void confirmAndSend(Draft d, bifrostdesk.virtualkey.api.SavePlan plan, VirtualKey toSave, SyncService sync,
                                java.util.Deque<Draft> queue, int[] counts, String action) {
        if (!dialogs.confirmPlan("Sync " + d.edited().name() + (action.contains("merged") ? " (merged with the "
                + "server's changes)" : ""), plan)) {
            counts[1]++;
            syncNext(queue, counts);
            return;
        }
        Journal journal = workspace == null ? null : Journal.of(workspace);
        runner.run("Sending " + d.edited().name(), p -> sync.send(plan, toSave, journal, action), saved -> {
            counts[0]++;
            VirtualKey open = editor.editedProperty().get();
            if (open != null && java.util.Objects.equals(open.id(), d.vkId())) {
                editor.open(saved);
            }
            dropDraft(d.vkId());
            if (saved != null) {
                list.replace(saved);
            }
            syncNext(queue, counts);
        }, e -> {
            counts[1]++;
            dialogs.showError("Sync of " + d.edited().name() + " failed", message(e) + "\nThe draft stays queued.");
            syncNext(queue, counts);
        });
    }

    private void dropDraft(String vkId) {
        drafts.remove(vkId);
        pendingDrafts.set(drafts.size());
        if (autosaver != null && draftsOnDisk.remove(vkId)) {
            autosaver.discard(vkId);
        }
        VirtualKey open = editor.editedProperty().get();
        if (open != null && java.util.Objects.equals(open.id(), vkId) && editor.dirtyProperty().get()) {
            editor.queuedProperty().set(false);
        }
    }

    /** Team and customer names by id, from the lookups. */
    public Map<String, String> ownerNamesById() {
        Map<String, String> names = new java.util.HashMap<>();
        lookups.get().teams().forEach(t -> names.put(t.id(), t.name()));
        lookups.get().customers().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    /** Start a sync by itself when the server is back and drafts are queued (plans are still confirmed). */
    public javafx.beans.property.BooleanProperty autoSyncProperty() {
        return autoSync;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** Keeps every key seen online, so the app can work from it offline. */
    /** Drafts are written without the key's value: take it from the server's copy in the list. */
    private void fillValueFromList() {
        VirtualKey open = editor.editedProperty().get();
        if (open != null && open.value() == null) {
            list.items().stream().filter(k -> k.id().equals(open.id())).findFirst()
                    .ifPresent(k -> editor.fillValue(k.id(), k.value()));
        }
    }

    private void cacheKeys(java.util.List<VirtualKey> loaded) {
        fillValueFromList();
        if (workspace == null || !online.get()) {
            return;
        }
        loaded.forEach(k -> cachedKeys.put(k.id(), k));
        java.util.List<VirtualKey> all = java.util.List.copyOf(cachedKeys.values());
        runner.run("Caching keys", p -> {
            workspace.cacheKeys(all);
            return all.size();
        }, n -> { }, this::reportDiskProblem);
    }

    private void autosave() {
        VirtualKey e = editor.editedProperty().get();
        if (autosaver == null || e == null || e.id() == null) {
            return;
        }
        if (editor.dirtyProperty().get()) {
            draftsOnDisk.add(e.id());
            autosaver.changed(editor.toDraft());
        } else if (draftsOnDisk.remove(e.id())) {
            autosaver.discard(e.id());
        }
    }

    /** Loads the drafts of the last session, then connects. */
    public void start() {
        // the user asked (first start, Refresh): a locked gateway may ask for its setup token again
        setupLock.askAgain();
        if (workspace != null && drafts.isEmpty() && draftsOnDisk.isEmpty()) {
            runner.run("Reading drafts", p -> {
                workspace.cachedKeys().value().forEach(k -> cachedKeys.put(k.id(), k));
                return workspace.loadDrafts();
            }, loaded -> {
                for (Draft d : loaded) {
                    drafts.put(d.vkId(), d);
                    draftsOnDisk.add(d.vkId());
                }
                pendingDrafts.set(drafts.size());
                connect(true);
            }, e -> {
                reportDiskProblem(e);
                connect(false);
            });
        } else {
            connect(false);
        }
    }

    /**
     * Connects: is-auth-enabled and the setup lock first (REFERENCE-v2.md §11.14 step 1, {@link SetupLockGate}),
     * then version, dialect, lookups and the first page of keys; offline, the cached copies.
     */
    private void connect(boolean reopenDraft) {
        connection.set("Connecting to " + server.get() + "…");
        setupLock.pass(status -> connect(reopenDraft, status), stop -> stoppedAtLock(stop, reopenDraft),
                e -> connectFailed(e, reopenDraft));
    }

    /** The gateway is locked and no token got through: offline-ish with the reason, drafts untouched. */
    private void stoppedAtLock(SetupLockGate.Stop stop, boolean reopenDraft) {
        LOG.warning("Not connected to " + server.get() + ": " + stop.reason());
        if (stop.lockedWithoutToken()) {
            // polls like any offline state, so a restarted gateway is picked up; the dialog is shown once
            goOffline(new IllegalStateException(stop.reason()), reopenDraft);
            if (!lockedNoticeShown) {
                lockedNoticeShown = true;
                dialogs.showError("The gateway is locked", stop.reason());
            }
        }
        connection.set(stop.status());
        offlineReason.set(stop.reason());
    }

    private void connect(boolean reopenDraft, AuthStatus status) {
        runner.run("Connecting", p -> {
            if (needsSignIn(status)) {
                throw new ApiException(ApiException.Kind.UNAUTHORIZED, 401, "Sign-in required", "GET",
                        "/api/session/is-auth-enabled", null);
            }
            String v = client.version();
            Dialect d = client.detectDialect();
            Lookups.Snapshot l = client.lookups();
            if (workspace != null) {
                workspace.cacheLookups(l);
            }
            return new Object[] {v, d, l};
        }, r -> {
            version.set((String) r[0]);
            activeDialect = (Dialect) r[1];
            dialect.set(activeDialect.label());
            features.set(client.features());
            lockedNoticeShown = false;
            lookups.set((Lookups.Snapshot) r[2]);
            online.set(true);
            offlineSince = null;
            connection.set("Online");
            offlineReason.set("");
            LOG.info("Connected to " + server.get() + " (" + features.get().describe() + ", dialect "
                    + activeDialect.label() + (features.get().setupLock() ? ", setup lock" : "") + ")");
            list.reload();
            if (reopenDraft) {
                reopenNewestDraft();
            }
            int queued = queuedDrafts().size();
            if (queued > 0 && autoSync.get()) {
                // still asks before anything is sent: each plan (and any merge) is shown for confirmation
                sync();
            } else if (queued > 0) {
                dialogs.notify("Back online: " + queued + " queued draft" + (queued == 1 ? "" : "s")
                        + " — press Sync to send " + (queued == 1 ? "it" : "them") + ".");
            }
        }, e -> connectFailed(e, reopenDraft));
    }

    private void connectFailed(Throwable e, boolean reopenDraft) {
        if (e instanceof ApiException api && api.kind() == ApiException.Kind.UNAUTHORIZED) {
            connection.set("Sign-in needed");
            signIn("This Bifrost needs you to sign in.", 3, () -> connect(reopenDraft),
                    () -> connection.set("Not signed in — press Refresh to try again"));
            return;
        }
        if (e instanceof ApiException api && api.isSetupLock()) {
            // the lock refused a call after the gate let us through (the token changed meanwhile): Refresh asks
            connection.set("Setup token needed — press Refresh to try again");
            offlineReason.set(api.userMessage());
            dialogs.showError("Not connected", api.userMessage());
            return;
        }
        LOG.warning("Cannot reach " + server.get() + ": " + message(e));
        goOffline(e, reopenDraft);
    }

    /**
     * Whether the gateway wants a sign-in we do not have yet, from what {@code /api/session/is-auth-enabled} (exempt
     * from auth) told the setup-lock check. Older gateways without the endpoint count as "no": the first real call
     * tells (401).
     */
    private boolean needsSignIn(AuthStatus status) {
        return !client.hasSession() && client.endpoint().credentials() instanceof Credentials.None
                && status.authEnabled();
    }

    private void goOffline(Throwable e, boolean reopenDraft) {
        online.set(false);
        if (offlineSince == null) {
            offlineSince = Instant.now();
        }
        connection.set("Offline since " + clock(offlineSince));
        offlineReason.set(message(e));
        if (workspace == null) {
            return;
        }
        runner.run("Reading the cached copy", p -> new Object[] {workspace.cachedKeys(), workspace.cachedLookups()},
                r -> {
                    @SuppressWarnings("unchecked")
                    Workspace.Cached<java.util.List<VirtualKey>> keys = (Workspace.Cached<java.util.List<VirtualKey>>) r[0];
                    @SuppressWarnings("unchecked")
                    Workspace.Cached<Lookups.Snapshot> l = (Workspace.Cached<Lookups.Snapshot>) r[1];
                    lookups.set(l.value());
                    list.showCached(keys.value(), keys.written() == null ? "no cached copy yet"
                            : "cached copy from " + keys.written().toString().replace('T', ' ').substring(0, 16) + " UTC");
                    if (reopenDraft) {
                        reopenNewestDraft();
                    }
                }, this::reportDiskProblem);
    }

    /** While offline: checks whether the server is back and reconnects if so (the view calls this on a timer). */
    public void tryReconnect() {
        if (online.get()) {
            return;
        }
        runner.run("Checking the server", p -> client.health(), h -> connect(false), e -> goOffline(e, false));
    }

    private void reopenNewestDraft() {
        if (editor.editedProperty().get() != null || drafts.isEmpty()) {
            return;
        }
        Draft newest = null;
        for (Draft d : drafts.values()) {
            newest = d;
        }
        drafts.remove(newest.vkId());
        pendingDrafts.set(drafts.size());
        editor.open(newest);
        fillValueFromList();
    }

    private static String clock(Instant t) {
        return t.toString().substring(11, 19) + " UTC";
    }

    /** Opens a key from the list: a kept draft if there is one, else the server's current copy. */
    public void open(VirtualKey fromList) {
        VirtualKey current = editor.editedProperty().get();
        if (current != null && Objects.equals(current.id(), fromList.id())) {
            return;
        }
        keepDraft();
        Draft d = drafts.remove(fromList.id());
        pendingDrafts.set(drafts.size());
        if (d != null) {
            editor.open(d);
            fillValueFromList();
            return;
        }
        if (!online.get()) {
            // offline: the list holds the last pulled copy of the key
            editor.selectedPathProperty().set("");
            editor.open(fromList);
            return;
        }
        runner.run("Opening " + fromList.name(), p -> client.getVirtualKey(fromList.id()), vk -> {
            editor.selectedPathProperty().set("");
            editor.open(vk);
        }, e -> {
            dialogs.notify("Could not open " + fromList.name() + " from the server (" + message(e)
                    + "); showing the last pulled copy.");
            editor.open(fromList);
        });
    }

    /** Opens a key in the editor at a node (e.g. from the budgets view): "" for the key, "provider_configs/2/budgets/0"… */
    public void openAt(String vkId, String path) {
        VirtualKey current = editor.editedProperty().get();
        if (current != null && Objects.equals(current.id(), vkId)) {
            editor.selectedPathProperty().set(path);
            return;
        }
        keepDraft();
        Draft d = drafts.remove(vkId);
        pendingDrafts.set(drafts.size());
        if (d != null) {
            editor.open(d);
            editor.selectedPathProperty().set(path);
            return;
        }
        runner.run("Opening key", p -> client.getVirtualKey(vkId), vk -> {
            editor.open(vk);
            editor.selectedPathProperty().set(path);
        }, e -> dialogs.notify("Could not open the key: " + message(e)));
    }

    private void keepDraft() {
        VirtualKey current = editor.editedProperty().get();
        if (current != null && editor.dirtyProperty().get()) {
            drafts.put(current.id(), editor.toDraft());
            pendingDrafts.set(drafts.size());
        }
    }

    /** Asks for a name, creates the key, shows its value once and opens it. */
    public void createKey() {
        dialogs.askText("New virtual key", "Name of the new key (unique on the server):", "e.g. checkout-service")
                .map(String::trim).filter(s -> !s.isEmpty()).ifPresent(name -> {
                    SavePlan plan = UpdateBuilder.planCreate(VirtualKey.newKey(name), activeDialect);
                    if (plan.isRefused()) {
                        dialogs.showError("Cannot create the key", String.join("\n", plan.refusals()));
                        return;
                    }
                    runner.run("Creating " + name, p -> {
                        VirtualKey created = client.execute(plan.requests().get(0));
                        journal("create", created, plan.requests(), true, "created");
                        return created;
                    }, vk -> {
                        list.replace(vk);
                        keepDraft();
                        editor.open(vk);
                        dialogs.showSecretOnce("Key created", "Copy the value of " + vk.name()
                                + " now and hand it to its user. It stays masked in the editor.", vk.value());
                    }, e -> dialogs.showError("Cannot create the key", message(e)));
                });
    }

    /** Deletes a key after the user typed its name. */
    public void deleteKey(VirtualKey vk) {
        var typed = dialogs.askText("Delete " + vk.name(), "This deletes the key, its provider configs, budgets "
                + "and rate limits on the server. Requests using it will fail.\nType the key's name to confirm:",
                vk.name());
        if (typed.isEmpty()) {
            return;
        }
        if (!typed.get().equals(vk.name())) {
            dialogs.showError("Not deleted", "The name did not match; nothing was deleted.");
            return;
        }
        SavePlan plan = UpdateBuilder.planDelete(vk);
        runner.run("Deleting " + vk.name(), p -> {
            client.execute(plan.requests().get(0));
            journal("delete", vk, plan.requests(), true, "deleted");
            return vk;
        }, r -> {
            list.removeById(vk.id());
            cachedKeys.remove(vk.id());
            drafts.remove(vk.id());
            if (autosaver != null && draftsOnDisk.remove(vk.id())) {
                autosaver.discard(vk.id());
            }
            pendingDrafts.set(drafts.size());
            VirtualKey open = editor.editedProperty().get();
            if (open != null && vk.id().equals(open.id())) {
                editor.close();
            }
            dialogs.notify("Deleted " + vk.name() + ".");
        }, e -> dialogs.showError("Could not delete " + vk.name(), message(e)));
    }

    /**
     * Gives a key a new value (Bifrost v1.5.2+; the old value stops working, the configuration stays). Asks for the
     * key's name first and shows the new value once.
     */
    public void rotateKey(VirtualKey vk) {
        if (!activeDialect.atLeast(Dialect.LATER)) {
            dialogs.showError("Cannot rotate " + vk.name(), "Rotating a key's value needs Bifrost v1.5.2 or later; "
                    + "this server speaks " + activeDialect.label() + ".");
            return;
        }
        String stops = activeDialect.atLeast(Dialect.V2)
                ? "The key gets a new value. The current one stops working at once, or after the gateway's rotation "
                + "cooldown if its operator set one (vk_rotation_cooldown); a value from an earlier rotation still in "
                + "its cooldown stops at once."
                : "The key gets a new value and the current one stops working (in a cluster, peers may accept it "
                + "until they converge).";
        var typed = dialogs.askText("Rotate " + vk.name(), stops + " Budgets, limits and access stay.\n"
                + "Type the key's name to confirm:", vk.name());
        if (typed.isEmpty()) {
            return;
        }
        if (!typed.get().equals(vk.name())) {
            dialogs.showError("Not rotated", "The name did not match; nothing was changed.");
            return;
        }
        PlannedRequest r = UpdateBuilder.planRotate(vk);
        runner.run("Rotating " + vk.name(), p -> {
            VirtualKey rotated;
            try {
                rotated = client.execute(r);
            } catch (ApiException e) {
                if (!bifrostdesk.virtualkey.api.CommittedErrors.isCommitted(e)) {
                    throw e;
                }
                // "rotated in database but failed to reload": the new value is stored; read it, don't rotate again
                rotated = client.getVirtualKey(vk.id());
            }
            journal("rotate", vk, java.util.List.of(r), true, "rotated");
            return rotated.keepGetOnlyFrom(vk);
        }, rotated -> {
            list.replace(rotated);
            VirtualKey open = editor.editedProperty().get();
            if (open != null && open.id().equals(rotated.id()) && !editor.dirtyProperty().get()) {
                editor.open(rotated);
            }
            dialogs.showSecretOnce("Key rotated", "The new value of " + rotated.name() + ". Copy it now and "
                    + "hand it to its user; " + oldValueWords(rotated, java.time.Instant.now()), rotated.value());
        }, e -> dialogs.showError("Could not rotate " + vk.name(), message(e)));
    }

    /**
     * What happens to the previous value after a rotation: with the gateway's rotation cooldown (v2.1+,
     * REFERENCE-v2.md §11.10) it keeps working until {@code previous_value_expires_at}; otherwise it stops at once.
     */
    static String oldValueWords(VirtualKey rotated, java.time.Instant now) {
        java.time.Instant until = rotated.v2().previousValueExpiresAt();
        if (until != null && until.isAfter(now)) {
            return "the old value keeps working until " + java.time.format.DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(until)
                    + " (the gateway's rotation cooldown), then stops.";
        }
        return "the old value no longer works.";
    }

    /**
     * Activates or deactivates a key from the list with a full-desired-state save of the server's current copy,
     * so nothing else on the key changes (a bare {@code {"is_active":false}} would detach it on v1.5 servers).
     */
    public void setActive(VirtualKey vk, boolean active) {
        runner.run((active ? "Activating " : "Deactivating ") + vk.name(), p -> {
            VirtualKey serverCopy = client.getVirtualKey(vk.id());
            SavePlan plan = UpdateBuilder.planUpdate(serverCopy.withActive(active), serverCopy, activeDialect);
            if (plan.isRefused()) {
                throw new IllegalStateException(String.join(" ", plan.refusals()));
            }
            VirtualKey last = new SyncService(client, activeDialect, java.util.Map.of())
                    .send(plan, serverCopy, null, "activate");
            journal(active ? "activate" : "deactivate", serverCopy, plan.requests(), true, "saved");
            return last;
        }, saved -> {
            list.replace(saved);
            VirtualKey open = editor.editedProperty().get();
            if (open != null && open.id().equals(saved.id())) {
                if (editor.dirtyProperty().get()) {
                    dialogs.notify((active ? "Activated " : "Deactivated ") + saved.name()
                            + " on the server; your open edits were made before that and will be checked on save.");
                } else {
                    editor.open(saved);
                }
            }
            dialogs.notify((active ? "Activated " : "Deactivated ") + saved.name() + ".");
        }, e -> dialogs.showError("Could not change " + vk.name(), message(e)));
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    public VirtualKeyListViewModel list() {
        return list;
    }

    public VirtualKeyEditorViewModel editor() {
        return editor;
    }

    public BifrostClient client() {
        return client;
    }

    public ObjectProperty<Lookups.Snapshot> lookupsProperty() {
        return lookups;
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** What the server was found to be (version, "newer than tested", setup lock); null until connected. */
    public ReadOnlyObjectProperty<ServerFeatures> featuresProperty() {
        return features.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dialectProperty() {
        return dialect.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** Why the app is offline (the connection error), for a tooltip; empty when online. */
    public ReadOnlyStringProperty offlineReasonProperty() {
        return offlineReason.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingDraftsProperty() {
        return pendingDrafts.getReadOnlyProperty();
    }

    public Dialect dialect() {
        return activeDialect;
    }

    public ReadOnlyStringProperty diskProblemProperty() {
        return diskProblem.getReadOnlyProperty();
    }

    /** Drafts of keys other than the open one (the open one is the editor's). */
    public java.util.Collection<Draft> keptDrafts() {
        return java.util.List.copyOf(drafts.values());
    }
}
