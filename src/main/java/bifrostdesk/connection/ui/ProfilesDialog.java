package bifrostdesk.connection.ui;

import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.concurrent.Task;
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
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Server profiles: add, edit, remove, test the connection, connect. Passwords go to the credential store (the OS
 * keychain, or memory for the session where there is none) — never into profiles.json.
 */
public final class ProfilesDialog {
    private ProfilesDialog() {
    }

    /** Shows the dialog; the profile to connect to, or empty. */
    public static Optional<Profile> show(Window owner, ProfileStore store, CredentialStore credentials) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Server profiles");
        d.setHeaderText("Bifrost gateways you manage. " + credentials.describe());
        ListView<Profile> list = new ListView<>();
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
        SetupTokens tokens = new SetupTokens(credentials);
        TextField user = field("profileUser", "admin user");
        PasswordField password = new PasswordField();
        password.setId("profilePassword");
        password.setAccessibleText("Password");
        password.setPromptText("kept in the keychain");
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
        browse.setOnAction(e -> {
            var f = new FileChooser().showOpenDialog(owner);
            if (f != null) {
                ca.setText(f.getAbsolutePath());
            }
        });
        colour.valueProperty().addListener((o, a, b) -> {
            if (b == Profile.Colour.RED && !confirm.isSelected()) {
                confirm.setSelected(true);
            }
        });
        Label result = new Label();
        result.setId("profileTestResult");
        result.setWrapText(true);
        result.setMaxWidth(420);

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
            password.clear();
            confirm.setSelected(false);
            keepValues.setSelected(false);
            ca.clear();
            result.setText("");
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
            password.clear();
            boolean stored = p.authMode() == Profile.AuthMode.SETUP_TOKEN ? tokens.read(p.name()).isPresent()
                    : credentials.read(p.name()).isPresent();
            password.setPromptText(stored ? "stored — type to replace" : "not stored");
            confirm.setSelected(p.confirmEverySave());
            keepValues.setSelected(p.keepKeyValues());
            ca.setText(p.trustedCaFile() == null ? "" : p.trustedCaFile());
            result.setText("");
        });
        java.util.function.Supplier<Profile> current = () -> new Profile(name.getText().trim(), url.getText().trim(),
                colour.getValue(), auth.getValue(), user.getText().isBlank() ? null : user.getText().trim(),
                confirm.isSelected(), ca.getText().isBlank() ? null : ca.getText().trim(), keepValues.isSelected());
        Runnable reload = () -> {
            try {
                list.getItems().setAll(store.load());
            } catch (IOException e) {
                result.setText("Cannot read the profiles: " + e.getMessage());
            }
        };
        Button add = new Button("New");
        add.setId("profileNew");
        add.setOnAction(e -> clear.run());
        Button save = new Button("Save profile");
        save.setId("profileSave");
        save.setOnAction(e -> {
            Profile p = current.get();
            String problem = validate(p);
            if (problem != null) {
                result.setText(problem);
                return;
            }
            try {
                store.put(p);
                if (!password.getText().isEmpty()) {
                    if (p.authMode() == Profile.AuthMode.SETUP_TOKEN) {
                        tokens.write(p.name(), password.getText().trim());
                    } else {
                        credentials.write(p.name(), password.getText());
                    }
                    password.clear();
                }
                reload.run();
                result.setText("Saved " + p.name() + (credentials.persistent() ? "." : "; the password is kept for this session only."));
            } catch (IOException | RuntimeException ex) {
                result.setText("Not saved: " + ex.getMessage());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("profileRemove");
        remove.setOnAction(e -> {
            Profile p = list.getSelectionModel().getSelectedItem();
            if (p != null) {
                try {
                    store.remove(p.name());
                    credentials.delete(p.name());
                    tokens.delete(p.name());
                    reload.run();
                    clear.run();
                } catch (IOException ex) {
                    result.setText("Not removed: " + ex.getMessage());
                }
            }
        });
        Button test = new Button("Test connection");
        test.setId("profileTest");
        test.setOnAction(e -> {
            Profile p = current.get();
            String pw = !password.getText().isEmpty() ? password.getText()
                    : (p.authMode() == Profile.AuthMode.SETUP_TOKEN ? tokens.read(p.name())
                    : credentials.read(p.name())).orElse("");
            result.setText("Testing " + p.url() + "…");
            Task<String> t = new Task<>() {
                @Override
                protected String call() throws Exception {
                    return testConnection(p, pw);
                }
            };
            t.setOnSucceeded(ev -> result.setText(t.getValue()));
            t.setOnFailed(ev -> result.setText("✘ " + t.getException().getMessage()));
            Thread th = new Thread(t, "profile-test");
            th.setDaemon(true);
            th.start();
        });
        reload.run();
        clear.run();
        VBox right = new VBox(8, form, new HBox(6, add, save, remove, test), result);
        d.getDialogPane().setContent(new HBox(12, list, right));
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(connect, ButtonType.CLOSE);
        d.getDialogPane().lookupButton(connect).setId("profileConnect");
        d.getDialogPane().setId("profilesDialog");
        return d.showAndWait().filter(b -> b == connect).map(b -> list.getSelectionModel().getSelectedItem());
    }

    static String validate(Profile p) {
        if (p.name().isBlank()) {
            return "Give the profile a name.";
        }
        if (p.name().equals(Profile.SANDBOX)) {
            return "That name is taken by the built-in sandbox.";
        }
        try {
            ServerEndpoint.of(p.url());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (p.authMode().needsUser() && (p.user() == null || p.user().isBlank())) {
            return "Sign-in needs a user name.";
        }
        return null;
    }

    /**
     * Health, version and sign-in check of a profile, in words. Blocking. {@code password} is the setup token for a
     * SETUP_TOKEN profile.
     */
    static String testConnection(Profile p, String password) throws Exception {
        Credentials c = p.authMode() == Profile.AuthMode.BASIC && p.user() != null && !password.isEmpty()
                ? Credentials.basic(p.user(), password) : Credentials.none();
        ClientOptions o = ClientOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15));
        if (p.trustedCaFile() != null) {
            o = o.withTrustedCa(Path.of(p.trustedCaFile()));
        }
        if (p.authMode() == Profile.AuthMode.SETUP_TOKEN) {
            o = o.withSetupToken(password);
        }
        BifrostClient client = new BifrostClient(new ServerEndpoint(p.url(), c), o);
        client.health();
        String lock = bifrostdesk.connection.lock.SetupLockReport.of(client, p.sendsCredentialsInClear());
        if (lock != null) {
            return lock;
        }
        boolean auth = client.isAuthEnabled();
        if (auth && p.authMode() == Profile.AuthMode.SESSION && p.user() != null && !password.isEmpty()) {
            client.login(p.user(), password);
        }
        String version = client.version();
        return "✔ Bifrost " + version + " (" + client.detectDialect().label() + ")"
                + (auth ? ", sign-in required" : ", no sign-in") + (p.sendsCredentialsInClear()
                ? ". Warning: plain http — the password would cross the network unencrypted." : ".");
    }

    private static TextField field(String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setAccessibleText(prompt);
        return t;
    }
}
