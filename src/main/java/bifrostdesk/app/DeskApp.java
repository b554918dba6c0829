package bifrostdesk.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public class DeskApp extends Application {

    static void launchWith(String[] args) {
        Application.launch(DeskApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Bifrost Desk");
        stage.setScene(new Scene(new Label("Bifrost Desk"), 1200, 800));
        stage.show();
    }
}
