package bifrostdesk.connection.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Server profiles: add, edit, remove, test the connection, connect. Passwords go to the credential store (the OS
 * keychain, or memory for the session where there is none) — never into profiles.json. Lays out and binds a
 * {@link ProfilesViewModel}, which does the reading, writing and testing off the FX thread.
 */
public final class ProfilesDialog {
    private ProfilesDialog() {
    }

    /** Shows the dialog; the profile to connect to, or empty. */
    public static Optional<Profile> show(Window owner, ProfileStore store, CredentialStore credentials,
                                         TaskRunner runner, DialogService dialogs) {
        return show(owner, store, credentials, runner, dialogs, null);
    }

    /** As above, opening on a new profile filled from {@code draft} (the server given with --server), if any. */
    public static Optional<Profile> show(Window owner, ProfileStore store, CredentialStore credentials,
                                         TaskRunner runner, DialogService dialogs, Profile draft) {
        ProfilesViewModel vm = new ProfilesViewModel(store, credentials, runner);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Server profiles");
        d.setHeaderText("Bifrost gateways you manage. " + vm.storeNote());
        ListView<Profile> list = new ListView<>(vm.profiles());
        list.setId("profileList");
        list.setPrefWidth(200);
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Profile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + " · " + p.colour().name().toLowerCase());
            }
        });
        TextField name = field("profileName", "Name");
        TextField url = field("profileUrl", "https://gateway.example.com");
        ComboBox<Profile.Colour> colour = new ComboBox<>();
        colour.getItems().setAll(Profile.Colour.values());
        colour.setId("profileColour");
        colour.setAccessibleText("Colour tag");
        ComboBox<Profile.AuthMode> auth = new ComboBox<>();
        auth.getItems().setAll(Profile.AuthMode.values());
        auth.setId("profileAuth");
        auth.setAccessibleText("Sign-in");
        auth.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Profile.AuthMode m) {
                return m == null ? "" : m.label();
            }

            @Override
            public Profile.AuthMode fromString(String s) {
                return null;
            }
        });
        TextField user = field("profileUser", "admin user");
        PasswordField password = new PasswordField();
        password.setId("profilePassword");
        password.setAccessibleText("Password");
        password.textProperty().bindBidirectional(vm.secretProperty());
        password.promptTextProperty().bind(vm.secretPromptProperty());
        Label secretLabel = new Label("Password");
        secretLabel.setId("profileSecretLabel");
        // the setup token takes the password's place (REFERENCE-v2.md §11.2.1): kept like it, under its own entry
        auth.valueProperty().addListener((o, a, b) -> {
            boolean setup = b == Profile.AuthMode.SETUP_TOKEN;
            secretLabel.setText(setup ? "Setup token" : "Password");
            password.setAccessibleText(setup ? "Setup token" : "Password");
            user.setDisable(setup);
        });
        CheckBox confirm = new CheckBox("Confirm every save with an explicit tick");
        confirm.setId("profileConfirmSaves");
        CheckBox keepValues = new CheckBox("Keep key values in this profile's workspace (off: they are never written)");
        keepValues.setId("profileKeepValues");
        TextField ca = field("profileCa", "optional PEM file of the gateway's CA");
        Button browse = new Button("…");
        browse.setId("profileCaBrowse");
        browse.setAccessibleText("Choose a CA certificate file");
        browse.setOnAction(e -> dialogs.askOpenFile("The gateway's CA certificate", null)
                .ifPresent(f -> ca.setText(f.toAbsolutePath().toString())));
        colour.valueProperty().addListener((o, a, b) -> {
            if (b == Profile.Colour.RED && !confirm.isSelected()) {
                confirm.setSelected(true);
            }
        });
        Label result = new Label();
        result.setId("profileTestResult");
        result.setWrapText(true);
        result.setMaxWidth(420);
        result.textProperty().bind(vm.resultProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("URL"), url);
        form.addRow(2, new Label("Colour tag"), colour);
        form.addRow(3, new Label("Sign-in"), auth);
        form.addRow(4, new Label("User"), user);
        form.addRow(5, secretLabel, password);
        form.add(confirm, 1, 6);
        form.add(keepValues, 1, 7);
        form.addRow(8, new Label("Trusted CA"), new HBox(4, ca, browse));

        Runnable clear = () -> {
            list.getSelectionModel().clearSelection();
            name.clear();
            url.setText("https://");
            colour.setValue(Profile.Colour.NONE);
            auth.setValue(Profile.AuthMode.NONE);
            user.clear();
            confirm.setSelected(false);
            keepValues.setSelected(false);
            ca.clear();
            vm.clear();
        };
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p == null) {
                return;
            }
            name.setText(p.name());
            url.setText(p.url());
            colour.setValue(p.colour());
            auth.setValue(p.authMode());
            user.setText(p.user() == null ? "" : p.user());
            confirm.setSelected(p.confirmEverySave());
            keepValues.setSelected(p.keepKeyValues());
            ca.setText(p.trustedCaFile() == null ? "" : p.trustedCaFile());
            vm.select(p);
        });
        java.util.function.Supplier<Profile> current = () -> new Profile(name.getText().trim(), url.getText().trim(),
                colour.getValue(), auth.getValue(), user.getText().isBlank() ? null : user.getText().trim(),
                confirm.isSelected(), ca.getText().isBlank() ? null : ca.getText().trim(), keepValues.isSelected());
        Button add = new Button("New");
        add.setId("profileNew");
        add.setOnAction(e -> clear.run());
        Button save = new Button("Save profile");
        save.setId("profileSave");
        save.setOnAction(e -> vm.save(current.get()));
        // once saved, the new profile is the selected one, so Connect goes to it
        vm.profiles().addListener((javafx.collections.ListChangeListener<Profile>) c -> vm.profiles().stream()
                .filter(p -> p.name().equals(name.getText().trim())).findFirst()
                .ifPresent(p -> list.getSelectionModel().select(p)));
        Button remove = new Button("Remove");
        remove.setId("profileRemove");
        remove.setOnAction(e -> {
            Profile p = list.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.remove(p, clear);
            }
        });
        Button test = new Button("Test connection");
        test.setId("profileTest");
        test.setOnAction(e -> vm.test(current.get()));
        vm.reload();
        clear.run();
        if (draft != null) {
            name.setText(draft.name());
            url.setText(draft.url());
        }
        VBox right = new VBox(8, form, new HBox(6, add, save, remove, test), result);
        d.getDialogPane().setContent(new HBox(12, list, right));
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CLOSE);
        d.getDialogPane().lookupButton(connect).setId("profileConnect");
        d.getDialogPane().setId("profilesDialog");
        return d.showAndWait().filter(b -> b == connect).map(b -> list.getSelectionModel().getSelectedItem());
    }

    private static TextField field(String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setAccessibleText(prompt);
        return t;
    }
}
