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
 * The JavaFX application: parses the options, picks the profile (a saved one, an ad-hoc {@code --server}, or the
 * built-in sandbox), builds its client with credentials from the environment or the keychain, and opens the
 * window. Switching profiles rebuilds the window on the same stage.
 */
public class DeskApp extends Application {
    private static final Logger LOG = Logger.getLogger(DeskApp.class.getName());
    static final String SANDBOX = "Built-in sandbox";

    private SandboxServer sandbox;
    private Shell shell;
    private StartOptions options;
    private CredentialStore credentials;
    private ProfileStore profiles;
    private Stage stage;

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
        Application.launch(DeskApp.class, args);
    }

    @Override
    public void start(Stage primary) throws Exception {
        this.stage = primary;
        options = StartOptions.parse(getParameters().getRaw(), System.getenv("BIFROST_DESK_SERVER"));
        try {
            AppLog.install(DataDirs.logs());
        } catch (java.io.IOException e) {
            System.err.println("No log file: " + e.getMessage());
        }
        credentials = KeychainCredentialStore.open();
        profiles = new ProfileStore(DataDirs.data().resolve("profiles.json"));
        Profile profile;
        if (options.profile() != null) {
            profile = profiles.find(options.profile()).orElseThrow(() -> new IllegalArgumentException(
                    "No saved profile named '" + options.profile() + "'"));
        } else if (options.server() != null) {
            profile = Profile.of(options.server(), options.server());
        } else {
            profile = Profile.of(SANDBOX, "sandbox:");
        }
        switchTo(profile);
        if (!credentials.persistent()) {
            shell.window().notice(credentials.describe());
        }
        StartupProbe.windowShown();
    }

    /** Opens {@code profile} in the window, closing the previous one (its drafts are flushed to disk first). */
    void switchTo(Profile profile) {
        if (shell != null) {
            shell.close();
            shell = null;
        }
        if (sandbox != null && !profile.name().equals(SANDBOX)) {
            sandbox.close();
            sandbox = null;
        }
        String url = profile.url();
        if (profile.name().equals(SANDBOX)) {
            if (sandbox == null) {
                sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(options.sandboxDialect())
                        .withSeed(seed(options.sandboxSeed())));
            }
            url = sandbox.baseUrl();
        }
        Credentials creds = credentialsFor(profile);
        if (!(creds instanceof Credentials.None) && profile.withUrl(url).sendsCredentialsInClear() && !confirmClearText(url)) {
            creds = Credentials.none();
        }
        ClientOptions clientOptions = ClientOptions.defaults();
        if (profile.trustedCaFile() != null && !profile.trustedCaFile().isBlank()) {
            clientOptions = clientOptions.withTrustedCa(Path.of(profile.trustedCaFile()));
        }
        if (options.dialectOverride() != null) {
            clientOptions = clientOptions.withDialect(options.dialectOverride());
        }
        BifrostClient client = new BifrostClient(new ServerEndpoint(url, creds), clientOptions);
        // the built-in sandbox gets one workspace whatever port it lands on, so its drafts survive a restart
        Workspace workspace = Workspace.forProfile(profile.name().equals(SANDBOX) ? "sandbox" : profile.name(), url,
                profile.keepKeyValues());
        LOG.info("Opening profile " + profile.name() + " at " + url);
        shell = open(stage, client, profile.name().equals(SANDBOX), workspace, profile, credentials, this);
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
            return credentials.read(profile.name()).map(p -> Credentials.basic(profile.user(), p))
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
                new MemoryCredentialStore("tests"), null);
    }

    static Shell open(Stage stage, BifrostClient client, boolean onSandbox, Workspace workspace, Profile profile,
                      CredentialStore credentials, DeskApp app) {
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
        Autosaver autosaver = new Autosaver(workspace, e -> Platform.runLater(() -> vm.reportDiskProblem(e)),
                d -> Platform.runLater(vm::draftWritten));
        vm.attachWorkspace(workspace, autosaver, e -> Platform.runLater(() -> vm.reportDiskProblem(e)));
        vm.attachProfile(profile, credentials);
        boolean[] dark = {false};
        ProfileSwitcher switcher = app == null ? null : new ProfileSwitcher(stage, app.profiles, credentials, profile,
                app::switchTo);
        MainWindow window = new MainWindow(vm, runner, dialogs, () -> {
            dark[0] = !dark[0];
            applyTheme(dark[0]);
        }, clipboards, switcher);
        holder[0] = window;
        Scene scene = new Scene(window, 1280, 800);
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

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
