package bifrostdesk.app;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the editor area shows on a gateway that has no virtual key yet: what that means and "Create your first key". */
final class EmptyGateway {
    private EmptyGateway() {
    }

    static Node create(Runnable createKey) {
        Label title = new Label("This gateway has no virtual keys yet");
        title.getStyleClass().add(Styles.FORM_TITLE);
        Label what = new Label("A virtual key is what applications send to Bifrost instead of a provider's key: it "
                + "decides which providers and models they may use, and how much they may spend.");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.MUTED);
        what.setMaxWidth(460);
        Button create = new Button("Create your first key", Icons.of(Icons.ADD));
        create.setId("createFirstKey");
        create.setAccessibleText("Create your first key");
        create.setDefaultButton(false);
        create.setOnAction(e -> createKey.run());
        VBox box = new VBox(12, title, what, create);
        box.setId("emptyGateway");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        return box;
    }
}
