package bifrostdesk.app;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/** What the window shows for the moment it takes to connect the main view: the icon and a spinner. */
final class StartingView {
    private StartingView() {
    }

    static Parent create() {
        VBox box = new VBox(16);
        box.setAlignment(Pos.CENTER);
        box.setId("startingView");
        var icon = StartingView.class.getResourceAsStream("/bifrostdesk/app/icon-256.png");
        if (icon != null) {
            box.getChildren().add(new ImageView(new Image(icon, 96, 96, true, true)));
        }
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(32, 32);
        box.getChildren().addAll(new Label("Starting Bifrost Desk…"), spinner);
        return box;
    }
}
