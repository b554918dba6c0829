package bifrostdesk.bench;

import bifrostdesk.app.StartupProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up baseline: the smallest JavaFX program that shows a window of the app's size, measured with the
 * app's own {@link StartupProbe} (prints {@code startup-ms=…} after the first frame and exits).
 */
public final class MinimalWindow {
    private MinimalWindow() {
    }

    public static void main(String[] args) {
        StartupProbe.enable();
        Application.launch(Fx.class, args);
    }

    /** Separate class: on the class path JavaFX refuses a main class that extends Application. */
    public static final class Fx extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1280, 800));
            stage.setTitle("Minimal window");
            stage.show();
            StartupProbe.windowShown();
        }
    }
}
