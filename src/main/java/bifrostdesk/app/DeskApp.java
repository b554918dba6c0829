package bifrostdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.util.Objects;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Workspace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: parses the options, starts the sandbox when no server is given, opens the window. */
public class DeskApp extends Application {
    private SandboxServer sandbox;
    private Shell shell;

    static void launchWith(String[] args) {
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
    public void start(Stage stage) throws Exception {
        StartOptions options = StartOptions.parse(getParameters().getRaw(), System.getenv("BIFROST_DESK_SERVER"));
        String url = options.server();
        if (url == null) {
            sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(options.sandboxDialect())
                    .withSeed(seed(options.sandboxSeed())));
            url = sandbox.baseUrl();
        }
        BifrostClient client = new BifrostClient(ServerEndpoint.of(url));
        if (options.dialectOverride() != null) {
            client = client.withDialect(options.dialectOverride());
        }
        String server = client.endpoint().baseUrl().toString();
        // the built-in sandbox gets one workspace whatever port it lands on, so its drafts survive a restart
        shell = open(stage, client, sandbox != null,
                Workspace.forProfile(sandbox != null ? "sandbox" : server, server));
    }

    private static Seed seed(String name) {
        return switch (name) {
            case "large" -> Seed.LARGE;
            case "empty" -> Seed.EMPTY;
            default -> Seed.SMALL;
        };
    }

    /** What an open window consists of; tests drive it. */
    public record Shell(MainViewModel viewModel, MainWindow window, FxTaskRunner runner) {
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
        applyTheme(false);
        FxTaskRunner runner = new FxTaskRunner();
        MainWindow[] holder = new MainWindow[1];
        java.util.function.Consumer<String> notices = text -> {
            if (holder[0] != null) {
                holder[0].notice(text);
            }
        };
        Clipboards clipboards = new Clipboards(notices);
        FxDialogService dialogs = new FxDialogService(stage, notices, clipboards::copySecret);
        MainViewModel vm = new MainViewModel(client, runner, dialogs);
        Autosaver autosaver = new Autosaver(workspace, e -> Platform.runLater(() -> vm.reportDiskProblem(e)),
                d -> Platform.runLater(vm::draftWritten));
        vm.attachWorkspace(workspace, autosaver, e -> Platform.runLater(() -> vm.reportDiskProblem(e)));
        boolean[] dark = {false};
        MainWindow window = new MainWindow(vm, runner, dialogs, () -> {
            dark[0] = !dark[0];
            applyTheme(dark[0]);
        }, clipboards);
        holder[0] = window;
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(DeskApp.class.getResource("app.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Bifrost Desk — " + client.endpoint().baseUrl() + (onSandbox ? " (built-in sandbox)" : ""));
        var icon = DeskApp.class.getResourceAsStream("/bifrostdesk/app/icon-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setOnHidden(e -> {
            autosaver.close();
            runner.shutdown();
        });
        stage.show();
        vm.start();
        return new Shell(vm, window, runner);
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.runner().shutdown();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
