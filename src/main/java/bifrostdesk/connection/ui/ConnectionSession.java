package bifrostdesk.connection.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.ConnectionState;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ReconnectTimer;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.connection.lock.SetupLockGate;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.AuthStatus;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.ServerFeatures;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One window's connection to its gateway (REFERENCE-v2.md §11.14): the profile and where its secrets are kept, the
 * setup lock ({@link SetupLockGate}), sign-in, online and offline with the reconnect timer, and what the status bar
 * and the pickers show (server, version, dialect, features, lookups).
 * <p>
 * It knows nothing of keys, drafts or the editor: what follows a connect, or going offline, is its {@link Listener}'s.
 * Call it on the FX thread; network and keychain work goes through the {@link TaskRunner}.
 */
public final class ConnectionSession implements ConnectionState {
    private static final Logger LOG = Logger.getLogger(ConnectionSession.class.getName());

    /** What the window does around the connection. */
    public interface Listener {
        /** Off the FX thread while connecting: the lookups just read, to keep for offline use. */
        default void lookupsRead(Lookups.Snapshot lookups) throws IOException {
        }

        /** Connected with every fact set; {@code reopenDraft} when the start-up asked to reopen the newest draft. */
        default void connected(boolean reopenDraft) {
        }

        /** The server cannot be reached: the window works from its cached copy. */
        default void wentOffline(boolean reopenDraft) {
        }
    }

    /** What a successful connect read, in the background. */
    private record Connected(String version, Dialect dialect, Lookups.Snapshot lookups) {
    }

    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SetupLockGate setupLock;
    private Listener listener = new Listener() {
    };
    private ReconnectTimer reconnect = ReconnectTimer.NONE;
    private Profile profile;
    private CredentialStore credentials = new MemoryCredentialStore("none configured");

    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("…");
    private final ReadOnlyStringWrapper dialectLabel = new ReadOnlyStringWrapper("…");
    private final ReadOnlyObjectWrapper<ServerFeatures> features = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyStringWrapper offlineReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Lookups.Snapshot> lookups =
            new ReadOnlyObjectWrapper<>(Lookups.Snapshot.empty());
    private Dialect dialect = Dialect.LATER;
    private Instant offlineSince;
    private boolean lockedNoticeShown;

    public ConnectionSession(BifrostClient client, TaskRunner runner, DialogService dialogs) {
        this.client = client;
        this.runner = runner;
        this.dialogs = dialogs;
        this.setupLock = new SetupLockGate(client, runner, dialogs);
        server.set(client.endpoint().baseUrl().toString());
    }

    /** The profile this window works on and where its password and setup token are kept. */
    public void attachProfile(Profile p, CredentialStore store) {
        this.profile = p;
        this.credentials = store;
        setupLock.attach(p.name(), new SetupTokens(store));
    }

    public Profile profile() {
        return profile;
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** The clock that calls {@link #tryReconnect()} while offline (the app's ticks every 10 seconds). */
    public void useReconnectTimer(ReconnectTimer timer) {
        this.reconnect = timer;
    }

    /** The window closes: no more reconnect attempts. */
    public void close() {
        reconnect.stop();
    }

    // ---- connecting --------------------------------------------------------------------------------------------

    /** The user asked to connect (first start, Refresh): a locked gateway may ask for its setup token again. */
    public void askAgain() {
        setupLock.askAgain();
    }

    /**
     * Connects: is-auth-enabled and the setup lock first (REFERENCE-v2.md §11.14 step 1, {@link SetupLockGate}),
     * then version, dialect and lookups; the listener then loads the rest. Offline, the listener shows the cached copy.
     */
    public void connect(boolean reopenDraft) {
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
            listener.lookupsRead(l);
            return new Connected(v, d, l);
        }, c -> {
            version.set(c.version());
            dialect = c.dialect();
            dialectLabel.set(dialect.label());
            features.set(client.features());
            lockedNoticeShown = false;
            lookups.set(c.lookups());
            online.set(true);
            reconnect.stop();
            offlineSince = null;
            connection.set("Online");
            offlineReason.set("");
            LOG.info("Connected to " + server.get() + " (" + features.get().describe() + ", dialect "
                    + dialect.label() + (features.get().setupLock() ? ", setup lock" : "") + ")");
            listener.connected(reopenDraft);
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
        // in words that say what to do (nothing answers, TLS, not a Bifrost…), not the client's technical message
        markOffline(ConnectionProblems.explain(e, server.get(), false));
        listener.wentOffline(reopenDraft);
    }

    /**
     * The server did not answer work in progress (a save): the window is offline from here on and reconnects by
     * itself. {@code reason} is shown as the offline tooltip.
     */
    public void lostServer(String reason) {
        markOffline(reason);
    }

    private void markOffline(String reason) {
        online.set(false);
        if (offlineSince == null) {
            offlineSince = Instant.now();
        }
        connection.set("Offline since " + clock(offlineSince));
        offlineReason.set(reason);
        reconnect.start(this::tryReconnect);
    }

    /** While offline: checks whether the server is back and reconnects if so (the reconnect timer calls this). */
    public void tryReconnect() {
        if (online.get()) {
            return;
        }
        runner.run("Checking the server", p -> client.health(), h -> connect(false), e -> goOffline(e, false));
    }

    /** Offline: the lookups kept from the last connect, for the pickers. */
    public void useCachedLookups(Lookups.Snapshot cached) {
        lookups.set(cached);
    }

    // ---- signing in --------------------------------------------------------------------------------------------

    /** The server answered 401 in the middle of work: asks to sign in again; {@code signedIn} runs once done. */
    public void signInAgain(Runnable signedIn) {
        signIn("Your session ended. Sign in again to save; your edits are kept.", 3, signedIn, () -> { });
    }

    /**
     * Asks the user to sign in and logs in with a session ({@code POST /api/session/login}); on success stores the
     * password if they asked to (in the background: the keychain may block), and runs {@code then}.
     * {@code attempts} limits retries after a wrong password.
     */
    private void signIn(String reason, int attempts, Runnable then, Runnable cancelled) {
        String user = profile == null ? null : profile.user();
        var answer = dialogs.signIn(server.get(), user, reason, credentials.describe());
        if (answer.isEmpty()) {
            cancelled.run();
            return;
        }
        var a = answer.get();
        String keepFor = a.remember() && profile != null ? profile.name() : null;
        CredentialStore store = credentials;
        runner.run("Signing in", p -> {
            client.login(a.user(), a.password());
            return keepFor == null ? "" : remember(store, keepFor, a.password());
        }, problem -> {
            LOG.info("Signed in to " + server.get() + " as " + a.user());
            if (!problem.isEmpty()) {
                dialogs.notify(problem);
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

    /** Off the FX thread: keeps the password; a keychain that refuses costs the sign-in nothing, the user is told. */
    private static String remember(CredentialStore store, String profileName, String password) {
        try {
            store.write(profileName, password);
            return "";
        } catch (RuntimeException e) {
            LOG.warning("The password of " + profileName + " was not stored: " + message(e));
            return "Signed in, but the password was not stored: " + message(e);
        }
    }

    // ---- what the window shows -----------------------------------------------------------------------------------

    @Override
    public boolean isOnline() {
        return online.get();
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Map<String, String> ownerNamesById() {
        Map<String, String> names = new HashMap<>();
        lookups.get().teams().forEach(t -> names.put(t.id(), t.name()));
        lookups.get().customers().forEach(c -> names.put(c.id(), c.name()));
        lookups.get().virtualMcps().forEach(v -> names.put(
                bifrostdesk.virtualkey.api.UpdateBuilder.virtualMcpNameKey(v.id()), v.name()));
        return names;
    }

    public ReadOnlyObjectProperty<Lookups.Snapshot> lookupsProperty() {
        return lookups.getReadOnlyProperty();
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

    /** The dialect's label ("v2.x"); "…" until connected. */
    public ReadOnlyStringProperty dialectProperty() {
        return dialectLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** Why the app is offline (the connection error), for a tooltip; empty when online. */
    public ReadOnlyStringProperty offlineReasonProperty() {
        return offlineReason.getReadOnlyProperty();
    }

    /** The status line: "Online", "Offline since 10:42:07 UTC", "Sign-in needed"… */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    private static String clock(Instant t) {
        return t.toString().substring(11, 19) + " UTC";
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
