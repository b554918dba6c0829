package bifrostdesk.connection.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The toolbar's profile picker, its "Manage profiles…" button and, for a server given on the command line (an unsaved
 * profile named by its host), "Save as profile…". The profiles file is read in the task runner.
 */
public final class ProfileSwitcher extends HBox {
    private final Runnable openEditor;
    private final Profile current;

    public ProfileSwitcher(Window owner, ProfileStore store, CredentialStore credentials, Profile current,
                           Consumer<Profile> switchTo, TaskRunner runner, DialogService dialogs) {
        super(4);
        this.current = current;
        // true while the current profile is not among the saved ones (a --server URL): shown as such, and savable
        javafx.beans.property.BooleanProperty unsaved = new javafx.beans.property.SimpleBooleanProperty(
                !current.name().equals(Profile.SANDBOX));
        ComboBox<Profile> box = new ComboBox<>();
        box.setId("profileSwitcher");
        box.setAccessibleText("Server profile");
        box.setTooltip(new Tooltip("Switch to another server profile"));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Profile p) {
                return p == null ? "" : p.name() + (p.isProduction() ? " (production)" : "")
                        + (p == current && unsaved.get() ? " (not saved)" : "");
            }

            @Override
            public Profile fromString(String s) {
                return null;
            }
        });
        // the profiles file is read off the FX thread (first Jackson use); the current profile shows meanwhile
        box.getItems().setAll(current);
        box.setValue(current);
        Runnable fill = () -> runner.run("Reading the profiles", p -> {
            List<Profile> all = new ArrayList<>();
            all.add(Profile.of(Profile.SANDBOX, "sandbox:"));
            try {
                all.addAll(store.load());
            } catch (IOException e) {
                // the list shows what it can; the manage dialog reports the problem
            }
            return all;
        }, all -> {
            unsaved.set(all.stream().noneMatch(p -> p.name().equals(current.name())));
            box.getItems().setAll(all);
            box.getItems().stream().filter(p -> p.name().equals(current.name())).findFirst()
                    .ifPresentOrElse(box::setValue, () -> {
                        box.getItems().add(current);
                        box.setValue(current);
                    });
        }, e -> dialogs.notify("Cannot read the profiles: " + e.getMessage()));
        fill.run();
        box.setOnAction(e -> {
            Profile p = box.getValue();
            if (p != null && !p.name().equals(current.name())) {
                switchTo.accept(p);
            }
        });
        Button manage = new Button(null, Icons.of("mdomz-settings"));
        manage.setId("manageProfiles");
        manage.setAccessibleText("Manage server profiles");
        manage.setTooltip(new Tooltip("Add, edit, test or remove server profiles"));
        manage.setOnAction(e -> ProfilesDialog.show(owner, store, credentials, runner, dialogs)
                .ifPresentOrElse(switchTo, fill));
        openEditor = manage::fire;
        Button saveAs = new Button("Save as profile…");
        saveAs.setId("saveAsProfile");
        saveAs.setAccessibleText("Save this server as a profile");
        saveAs.setTooltip(new Tooltip("Keep " + current.url() + " as a server profile, with a name, sign-in and colour"));
        saveAs.visibleProperty().bind(unsaved);
        saveAs.managedProperty().bind(unsaved);
        // the dialog opens on this server's address and host name; saving it under that name makes it the current one
        saveAs.setOnAction(e -> ProfilesDialog.show(owner, store, credentials, runner, dialogs, current)
                .ifPresentOrElse(switchTo, fill));
        getChildren().addAll(box, manage, saveAs);
    }

    /** Opens the profile editor (add, test, connect): the sandbox banner's "Connect to your gateway…". */
    public void openProfileEditor() {
        openEditor.run();
    }

    /** Whether the window shows the built-in sandbox. */
    public boolean onSandbox() {
        return current.name().equals(Profile.SANDBOX);
    }
}
