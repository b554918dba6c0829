package bifrostdesk.connection.ui;

import bifrostdesk.common.ui.DialogService.SetupToken;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks for the setup token of a Bifrost v2.2.6+ gateway whose dashboard auth is off (REFERENCE-v2.md §11.2.1). The
 * token is the operator's: Bifrost never generates nor prints one, so the dialog says where it comes from.
 */
public final class SetupTokenDialog {
    private SetupTokenDialog() {
    }

    public static Optional<SetupToken> show(Window owner, String server, String reason, String storeNote) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Setup token for " + server);
        d.setHeaderText(reason);
        PasswordField token = new PasswordField();
        token.setId("setupTokenField");
        token.setAccessibleText("Setup token");
        token.setPrefColumnCount(28);
        CheckBox remember = new CheckBox("Remember the token in the keychain");
        remember.setId("setupTokenRemember");
        remember.setAccessibleText("Remember the setup token in the keychain");
        remember.setSelected(true);
        Label help = new Label("Until an admin account exists and dashboard auth is on, Bifrost accepts changes only "
                + "with its setup token. " + storeNote);
        help.setId("setupTokenHelp");
        help.setWrapText(true);
        help.setMaxWidth(440);
        help.getStyleClass().add("help-text");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Setup token"), token);
        g.add(remember, 1, 1);
        g.add(help, 1, 2);
        d.getDialogPane().setContent(g);
        ButtonType ok = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("setupTokenButton");
        d.getDialogPane().lookupButton(ok).disableProperty().bind(token.textProperty().isEmpty());
        d.getDialogPane().setId("setupTokenDialog");
        javafx.application.Platform.runLater(token::requestFocus);
        return d.showAndWait().filter(b -> b == ok)
                .map(b -> new SetupToken(token.getText().trim(), remember.isSelected()));
    }
}
