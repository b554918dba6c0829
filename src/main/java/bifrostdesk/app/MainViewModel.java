package bifrostdesk.app;

import bifrostdesk.activity.ui.ActivityDialogs;
import bifrostdesk.activity.ui.ActivityViewModel;
import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ui.ConnectionSession;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.drafts.ui.DraftBook;
import bifrostdesk.drafts.ui.SyncViewModel;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.list.KeyCommands;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.ClientEditorBackend;
import bifrostdesk.virtualkey.tree.EditorValidator;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;

/**
 * The main window's parts, composed: the connection ({@link ConnectionSession}), the key list and its commands
 * ({@link KeyCommands}), the editor, the drafts ({@link DraftBook}) and their sync ({@link SyncViewModel}). It holds
 * no behaviour of its own beyond wiring one part's events to another's; each part is tested on its own.
 */
public final class MainViewModel {
    private final BifrostClient client;
    private final ConnectionSession session;
    private final VirtualKeyListViewModel list;
    private final VirtualKeyEditorViewModel editor;
    private final DraftBook drafts;
    private final SyncViewModel sync;
    private final KeyCommands keys;
    private final ActivityViewModel activity = new ActivityViewModel();
    private final DialogService dialogs;

    public MainViewModel(BifrostClient client, TaskRunner runner, DialogService windowDialogs) {
        this.client = client;
        // every part reports through the same dialogs: their notices, errors and confirmed plans become activity
        DialogService dialogs = new ActivityDialogs(windowDialogs, activity);
        this.dialogs = dialogs;
        this.session = new ConnectionSession(client, runner, dialogs);
        this.list = new VirtualKeyListViewModel(client, runner, dialogs);
        EditorValidator validator = new EditorValidator(list::loadedNames, () -> session.lookupsProperty().get(),
                () -> editor().baseProperty().get(), session::dialect);
        this.editor = new VirtualKeyEditorViewModel(new WindowBackend(client), runner, dialogs, validator);
        this.drafts = new DraftBook(editor, runner, dialogs, this::listed);
        this.sync = new SyncViewModel(client, runner, dialogs, editor, drafts, session, k -> {
            list.replace(k);
            activity.synced(k.name());
        });
        this.keys = new KeyCommands(client, runner, dialogs, list, editor, drafts, session, sync::journal);

        session.setListener(new ConnectionSession.Listener() {
            @Override
            public void lookupsRead(Lookups.Snapshot lookups) throws IOException {
                drafts.cacheLookups(lookups);
            }

            @Override
            public void connected(boolean reopenDraft) {
                list.reload();
                if (reopenDraft) {
                    drafts.reopenNewest();
                }
                sync.backOnline();
            }

            @Override
            public void wentOffline(boolean reopenDraft) {
                drafts.readCachedCopy(copy -> {
                    session.useCachedLookups(copy.lookups());
                    list.showCached(copy.keys(), copy.age());
                    if (reopenDraft) {
                        drafts.reopenNewest();
                    }
                });
            }
        });
        activity.watchConnection(session.connectionProperty(), session.onlineProperty(),
                session.offlineReasonProperty(), () -> session.featuresProperty().get() == null
                        ? "Bifrost " + session.versionProperty().get() : session.featuresProperty().get().describe());
        activity.watchEditor(editor.statusProperty());
        list.setOnLoaded(loaded -> drafts.keysLoaded(loaded, session.isOnline()));
        list.items().addListener((ListChangeListener<VirtualKey>) c -> validator.namesChanged());
        editor.baseProperty().addListener((o, a, b) -> {
            // a save (or a re-read) replaced the server copy: the list shows the new state
            if (b != null && a != null && Objects.equals(a.id(), b.id()) && !Objects.equals(a, b)) {
                // only a newer server revision (a save, a re-read) updates the list: a draft's base may be old
                list.replaceIfNewer(b);
            }
        });
    }

    /** The editor's server side in this window: journal, sign-in, going offline and owner names come from the parts. */
    private final class WindowBackend extends ClientEditorBackend {
        WindowBackend(BifrostClient client) {
            super(client, () -> session.dialect());
        }

        @Override
        public void journal(String action, VirtualKey key, List<PlannedRequest> sent, boolean ok, String result) {
            sync.journal(action, key, sent, ok, result);
        }

        @Override
        public boolean signInAgain(Runnable signedIn) {
            session.signInAgain(signedIn);
            return true;
        }

        @Override
        public boolean queueForSync(VirtualKey base, VirtualKey edited) {
            // the server did not answer a save: the app is offline from here on, and reconnects by itself
            session.lostServer("The server did not answer a save.");
            return drafts.hasWorkspace();
        }

        @Override
        public Map<String, String> ownerNames() {
            return session.ownerNamesById();
        }
    }

    private Optional<VirtualKey> listed(String id) {
        return list.items().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * Gives the window a workspace: drafts are written to it as the user edits, and the last pulled keys and lookups
     * are kept there for offline use. Without one (some tests), drafts live in memory only.
     */
    public void attachWorkspace(Workspace ws, Autosaver saver) {
        attachWorkspace(ws, saver, e -> { });
    }

    /** As above; {@code problems} receives failures of background writes (the app hands them to the FX thread). */
    public void attachWorkspace(Workspace ws, Autosaver saver, Consumer<Throwable> problems) {
        drafts.attach(ws, saver, problems);
    }

    /** The profile this window works on and where its password is kept. */
    public void attachProfile(Profile p, CredentialStore store) {
        session.attachProfile(p, store);
    }

    /** Loads the drafts of the last session, then connects (first start, Refresh). */
    public void start() {
        // the user asked: a locked gateway may ask for its setup token again
        session.askAgain();
        drafts.loadOnce(session::connect);
    }

    /** The window closes: its timers stop. */
    public void close() {
        session.close();
    }

    public ConnectionSession session() {
        return session;
    }

    public VirtualKeyListViewModel list() {
        return list;
    }

    public KeyCommands keys() {
        return keys;
    }

    public VirtualKeyEditorViewModel editor() {
        return editor;
    }

    public DraftBook drafts() {
        return drafts;
    }

    public SyncViewModel sync() {
        return sync;
    }

    /** The dialogs every part uses: the window's, with notices and errors recorded as activity. */
    public DialogService dialogs() {
        return dialogs;
    }

    /** The status line and the activity panel. */
    public ActivityViewModel activity() {
        return activity;
    }

    public BifrostClient client() {
        return client;
    }
}
