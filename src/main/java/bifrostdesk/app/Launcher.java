package bifrostdesk.app;

/**
 * Plain main class: on the class path, JavaFX refuses to start a main class that extends Application.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        DeskApp.launchWith(args);
    }
}
