package bifrostdesk.connection.ui;

import bifrostdesk.common.ui.DialogService.SignIn;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for the admin user and password of a Bifrost gateway. */
public final class SignInDialog {
    private SignInDialog() {
    }

    public static Optional<SignIn> show(Window owner, String server, String user, String reason, String storeNote,
                                 boolean canRemember) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Sign in to " + server);
        d.setHeaderText(reason);
        TextField name = new TextField(user == null ? "" : user);
        name.setId("signInUser");
        name.setAccessibleText("User name");
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.setAccessibleText("Password");
        CheckBox remember = new CheckBox("Remember the password in the keychain");
        remember.setId("signInRemember");
        remember.setSelected(canRemember);
        remember.setDisable(!canRemember);
        Label note = new Label(storeNote);
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.getStyleClass().add("help-text");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("User"), name);
        g.addRow(1, new Label("Password"), password);
        g.add(remember, 1, 2);
        g.add(note, 1, 3);
        d.getDialogPane().setContent(g);
        ButtonType ok = new ButtonType("Sign in", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("signInButton");
        d.getDialogPane().setId("signInDialog");
        javafx.application.Platform.runLater(() -> (name.getText().isEmpty() ? name : password).requestFocus());
        return d.showAndWait().filter(b -> b == ok)
                .map(b -> new SignIn(name.getText().trim(), password.getText(), remember.isSelected()));
    }
}
