package bifrostdesk.app;

/**
 * Plain main class: on the class path, JavaFX refuses to start a main class that extends Application.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && bifrostdesk.cli.Cli.COMMANDS.contains(args[0])) {
            // the command line (list, export, plan, apply, sync): no window, exit code for scripts
            System.exit(bifrostdesk.cli.Cli.run(args, System.out, System.err));
        }
        DeskApp.launchWith(args);
    }
}
