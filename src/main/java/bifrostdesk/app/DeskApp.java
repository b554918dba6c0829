package bifrostdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.common.logging.AppLog;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.KeychainCredentialStore;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.connection.ui.ProfileSwitcher;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.DataDirs;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ClientOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The JavaFX application and the composition root: parses the options, installs the handler of uncaught failures,
 * picks the profile (a saved one, an ad-hoc {@code --server}, or the built-in sandbox), builds its client with
 * credentials from the environment or the keychain, and opens the window ({@link MainViewModel} composes its parts).
 * Switching profiles rebuilds the window on the same stage.
 */
public class DeskApp extends Application {
    private static final Logger LOG = Logger.getLogger(DeskApp.class.getName());
    static final String SANDBOX = Profile.SANDBOX;

    private SandboxServer sandbox;
    private Shell shell;
    private StartOptions options;
    private CredentialStore credentials;
    /** The keychain being probed at start-up; {@link #credentials} once it answered. */
    private java.util.concurrent.CompletableFuture<CredentialStore> keychain;
    private ProfileStore profiles;
    private Stage stage;
    /** The unsaved profile of --server / BIFROST_DESK_SERVER, or null. */
    private Profile serverProfile;
    /** Set by {@link #launchWith} before the toolkit starts; null in tests that build windows directly. */
    private static SingleInstance instance;
    private static WindowMemory memory;

    static void launchWith(String[] args) {
        args = StartupProbe.strip(args);
        StartOptions options;
        try {
            options = StartOptions.parse(java.util.List.of(args), System.getenv("BIFROST_DESK_SERVER"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(StartOptions.USAGE);
            return;
        }
        Path data = DataDirs.data();
        instance = SingleInstance.claimOrExit(data);
        // read here, on the main thread before the toolkit starts, so the window opens where it was left
        memory = WindowMemory.load(data.resolve(WindowState.FILE));
        Application.launch(DeskApp.class, args);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A later launch asked for the window: bring it back and up. */
    private void raise() {
        stage.setIconified(false);
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
    }

    /**
     * Shows the window at once, then fills it in: the log, the keychain check, the profiles, the sandbox and the
     * HTTP client are set up on a background thread, and the main window replaces the start-up view when ready.
     */
    @Override
    public void start(Stage primary) {
        this.stage = primary;
        // nothing fails silently: whatever no one caught is logged (redacted) and shown with its details
        new UncaughtErrorHandler(new FxDialogService(stage, text -> {
            if (shell != null) {
                shell.window().notice(text);
            }
        }, text -> { }, null), Platform::runLater, (message, details) -> {
            if (shell != null) {
                shell.viewModel().activity().error(UncaughtErrorHandler.TITLE, message, details);
            }
        }).install();
        options = StartOptions.parse(getParameters().getRaw(), System.getenv("BIFROST_DESK_SERVER"));
        applyTheme(false);
        stage.setTitle("Bifrost Desk");
        var icon = DeskApp.class.getResourceAsStream("/bifrostdesk/app/icon-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(new Scene(StartingView.create(), 1280, 800));
        if (memory != null) {
            memory.placeStage(stage);
        }
        if (instance != null) {
            instance.onActivate(() -> Platform.runLater(this::raise));
        }
        stage.show();
        StartupProbe.windowShownFillingIn();
        Thread boot = new Thread(() -> {
            try {
                AppLog.install(DataDirs.logs());
            } catch (java.io.IOException e) {
                System.err.println("No log file: " + e.getMessage());
            }
            // the keychain probe (a D-Bus round trip or a time-out) runs beside the profile, sandbox and client
            // set-up; only a profile with a stored password waits for it
            keychain = java.util.concurrent.CompletableFuture.supplyAsync(KeychainCredentialStore::open,
                    r -> daemon(r, "keychain-probe").start());
            profiles = new ProfileStore(DataDirs.data().resolve("profiles.json"));
            try {
                Profile profile;
                if (options.profile() != null) {
                    profile = profiles.find(options.profile()).orElseThrow(() -> new IllegalArgumentException(
                            "No saved profile named '" + options.profile() + "'"));
                } else if (options.server() != null) {
                    // a temporary profile named by its host, so the picker says where the window is connected
                    profile = Profile.forServer(options.server());
                    serverProfile = profile;
                } else {
                    profile = Profile.of(SANDBOX, "sandbox:");
                }
                Prepared prepared = prepare(profile);
                credentials = keychain.join();
                Platform.runLater(() -> {
                    show(prepared);
                    if (!credentials.persistent()) {
                        shell.window().notice(credentials.describe());
                    }
                    StartupProbe.readyShown();
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK).showAndWait();
                    Platform.exit();
                });
            }
        }, "startup");
        boot.setDaemon(true);
        boot.start();
    }

    /**
     * What a profile needs before its window can be built; made off the FX thread. {@code client} is null when the
     * user must first confirm sending credentials over plain http (a dialog, so on the FX thread).
     */
    private record Prepared(Profile profile, String url, Credentials credentials, BifrostClient client) {
    }

    /** Off the FX thread: starts the sandbox if the profile is the built-in one, looks up its credentials. */
    private synchronized Prepared prepare(Profile profile) {
        if (sandbox != null && !profile.name().equals(SANDBOX)) {
            sandbox.close();
            sandbox = null;
        }
        String url = profile.url();
        if (profile.name().equals(SANDBOX)) {
            if (sandbox == null) {
                sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(options.sandboxDialect())
                        .withSeed(seed(options.sandboxSeed())).withLogs(switch (options.sandboxLogs()) {
                            case "off" -> SandboxOptions.Logs.OFF;
                            case "old" -> SandboxOptions.Logs.OLD_BUILD;
                            default -> SandboxOptions.Logs.ON;
                        }));
            }
            url = sandbox.baseUrl();
        }
        Credentials creds = credentialsFor(profile);
        boolean ask = !(creds instanceof Credentials.None) && profile.withUrl(url).sendsCredentialsInClear();
        // building the HTTP client loads a good part of OkHttp: do it here, not on the FX thread
        return new Prepared(profile, url, creds, ask ? null : client(profile, url, creds));
    }

    private BifrostClient client(Profile profile, String url, Credentials creds) {
        ClientOptions clientOptions = ClientOptions.defaults();
        if (profile.trustedCaFile() != null && !profile.trustedCaFile().isBlank()) {
            clientOptions = clientOptions.withTrustedCa(Path.of(profile.trustedCaFile()));
        }
        if (options.dialectOverride() != null) {
            clientOptions = clientOptions.withDialect(options.dialectOverride());
        }
        // scripted use, like BIFROST_DESK_USER/PASSWORD; otherwise the connect flow asks and keeps it per profile
        // (REFERENCE-v2.md §11.2.1, connection.lock.SetupLockGate). The built-in sandbox runs unlocked.
        if (!profile.name().equals(SANDBOX)) {
            clientOptions = clientOptions.withSetupToken(System.getenv("BIFROST_DESK_SETUP_TOKEN"));
        }
        return new BifrostClient(new ServerEndpoint(url, creds), clientOptions);
    }

    /** Opens {@code profile} in the window, closing the previous one (its drafts are flushed to disk first). */
    void switchTo(Profile profile) {
        if (shell != null) {
            shell.close();
            shell = null;
        }
        stage.setScene(new Scene(StartingView.create(), stage.getWidth(), stage.getHeight()));
        Thread t = new Thread(() -> {
            Prepared p = prepare(profile);
            Platform.runLater(() -> show(p));
        }, "switch-profile");
        t.setDaemon(true);
        t.start();
    }

    /** On the FX thread: confirms clear-text credentials, builds the client and the main window. */
    private void show(Prepared prepared) {
        Profile profile = prepared.profile();
        String url = prepared.url();
        BifrostClient client = prepared.client();
        if (client == null) {
            Credentials creds = confirmClearText(url) ? prepared.credentials() : Credentials.none();
            client = client(profile, url, creds);
        }
        // the built-in sandbox gets one workspace whatever port it lands on, so its drafts survive a restart
        // a --server URL keeps the workspace it had when its profile was named by the URL
        Workspace workspace = Workspace.forProfile(profile.name().equals(SANDBOX) ? "sandbox"
                : profile == serverProfile ? url : profile.name(), url, profile.keepKeyValues());
        LOG.info("Opening profile " + profile.name() + " at " + url);
        shell = open(stage, client, profile.name().equals(SANDBOX), workspace, profile, credentials, profiles,
                this::switchTo, memory);
        shell.window().setLinkOpener(getHostServices()::showDocument);
    }

    /** Credentials from the environment (scripted use) or the profile's user and the keychain; never from a file. */
    private Credentials credentialsFor(Profile profile) {
        String user = System.getenv("BIFROST_DESK_USER");
        String password = System.getenv("BIFROST_DESK_PASSWORD");
        if (user != null && password != null) {
            return Credentials.basic(user, password);
        }
        if (profile.authMode() == Profile.AuthMode.BASIC && profile.user() != null) {
            return keychain.join().read(profile.name()).map(p -> Credentials.basic(profile.user(), p))
                    .orElse(Credentials.none());
        }
        return Credentials.none();
    }

    private boolean confirmClearText(String url) {
        Alert a = new Alert(Alert.AlertType.WARNING, "The connection to " + url + " is plain http: the admin "
                + "password would cross the network unencrypted. Use https for anything but this machine.\n\n"
                + "Send the credentials anyway?", ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Credentials over plain http");
        a.getDialogPane().setId("clearTextWarning");
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private static Seed seed(String name) {
        return switch (name) {
            case "large" -> Seed.LARGE;
            case "empty" -> Seed.EMPTY;
            default -> Seed.SMALL;
        };
    }

    /** What an open window consists of; tests drive it. */
    public record Shell(MainViewModel viewModel, MainWindow window, FxTaskRunner runner, Autosaver autosaver) {
        /** Writes pending drafts and stops background work. */
        public void close() {
            viewModel.close();
            autosaver.close();
            runner.shutdown();
        }
    }

    /**
     * Builds the main window on {@code stage} for {@code client} and starts connecting, with a fresh temporary
     * workspace (tests, throwaway sessions).
     */
    public static Shell open(Stage stage, BifrostClient client, boolean onSandbox) {
        String url = client.endpoint().baseUrl().toString();
        try {
            return open(stage, client, onSandbox, new Workspace(
                    java.nio.file.Files.createTempDirectory("bifrost-desk-workspace-"), url, false));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** As {@link #open(Stage, BifrostClient, boolean)}, with drafts and cache kept in {@code workspace}. */
    public static Shell open(Stage stage, BifrostClient client, boolean onSandbox, Workspace workspace) {
        String url = client.endpoint().baseUrl().toString();
        return open(stage, client, onSandbox, workspace, Profile.of(onSandbox ? SANDBOX : url, url),
                new MemoryCredentialStore("tests"), null, null);
    }

    /** As {@link #open(Stage, BifrostClient, boolean)}, with the split panes restored and followed by {@code memory}. */
    static Shell open(Stage stage, BifrostClient client, boolean onSandbox, WindowMemory memory) {
        String url = client.endpoint().baseUrl().toString();
        try {
            return open(stage, client, onSandbox, new Workspace(java.nio.file.Files.createTempDirectory(
                    "bifrost-desk-workspace-"), url, false), Profile.of(SANDBOX, url),
                    new MemoryCredentialStore("tests"), null, null, memory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * As above for {@code profile}; with a profile store (the app's, or a test's) the toolbar has the profile picker,
     * and {@code switchTo} opens another profile.
     */
    static Shell open(Stage stage, BifrostClient client, boolean onSandbox, Workspace workspace, Profile profile,
                      CredentialStore credentials, ProfileStore profiles, java.util.function.Consumer<Profile> switchTo) {
        return open(stage, client, onSandbox, workspace, profile, credentials, profiles, switchTo, null);
    }

    /** As above, with the split panes restored from and followed by {@code memory} (null: not remembered). */
    static Shell open(Stage stage, BifrostClient client, boolean onSandbox, Workspace workspace, Profile profile,
                      CredentialStore credentials, ProfileStore profiles, java.util.function.Consumer<Profile> switchTo,
                      WindowMemory memory) {
        applyTheme(false);
        FxTaskRunner runner = new FxTaskRunner();
        MainWindow[] holder = new MainWindow[1];
        java.util.function.Consumer<String> notices = text -> {
            if (holder[0] != null) {
                holder[0].notice(text);
            }
        };
        Clipboards clipboards = new Clipboards(notices);
        FxDialogService dialogs = new FxDialogService(stage, notices, clipboards::copySecret,
                profile.confirmEverySave() ? profile.name() : null);
        MainViewModel vm = new MainViewModel(client, runner, dialogs);
        Autosaver autosaver = new Autosaver(workspace, e -> Platform.runLater(() -> vm.drafts().reportDiskProblem(e)),
                d -> { });
        vm.attachWorkspace(workspace, autosaver, e -> Platform.runLater(() -> vm.drafts().reportDiskProblem(e)));
        vm.attachProfile(profile, credentials);
        // offline: look for the server every 10 seconds and reconnect as soon as it answers
        vm.session().useReconnectTimer(new FxReconnectTimer(javafx.util.Duration.seconds(10)));
        vm.keys().useClipboard(clipboards::copySecret);
        boolean[] dark = {false};
        ProfileSwitcher switcher = profiles == null ? null : new ProfileSwitcher(stage, profiles, credentials, profile,
                switchTo, runner, vm.dialogs());
        MainWindow window = new MainWindow(vm, runner, vm.dialogs(), () -> {
            dark[0] = !dark[0];
            applyTheme(dark[0]);
        }, clipboards, switcher);
        holder[0] = window;
        if (memory != null) {
            // before the first layout: a split pane lays out its dividers for the size it first gets
            if (memory.attach(window.splitPanes())) {
                window.useRememberedDividers(); // the user's own choice beats the proportions for the width
            }
        }
        Scene scene = new Scene(window, sceneSize(stage.getScene() == null ? null : stage.getScene().getWidth(),
                stage.getWidth(), 1280), sceneSize(stage.getScene() == null ? null : stage.getScene().getHeight(),
                stage.getHeight(), 800));
        scene.getStylesheets().add(Objects.requireNonNull(DeskApp.class.getResource("app.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Bifrost Desk — " + profile.name() + (onSandbox ? "" : " (" + client.endpoint().baseUrl() + ")"));
        var icon = DeskApp.class.getResourceAsStream("/bifrostdesk/app/icon-256.png");
        if (icon != null && stage.getIcons().isEmpty()) {
            stage.getIcons().add(new Image(icon));
        }
        Shell shell = new Shell(vm, window, runner, autosaver);
        stage.setOnHidden(e -> shell.close());
        stage.show();
        vm.start();
        return shell;
    }

    /** The new scene's size: the current scene's, else the size the stage was given (a remembered one), else 1280×800. */
    private static double sceneSize(Double current, double stageSize, double fallback) {
        return current != null ? current : Double.isNaN(stageSize) || stageSize <= 0 ? fallback : stageSize;
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (memory != null) {
            memory.save(); // a few hundred bytes, on the way out: the task runner is about to stop
        }
        if (shell != null) {
            shell.close();
        }
        if (instance != null) {
            instance.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
