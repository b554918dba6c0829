package bifrostdesk.app;

import bifrostdesk.common.ui.DialogService;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.connection.ui.SetupTokenDialog;
import bifrostdesk.connection.ui.SignInDialog;
import bifrostdesk.drafts.ui.MergeDialog;
import bifrostdesk.virtualkey.api.SavePlan;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Real dialogs, owned by the main window. */
final class FxDialogService implements DialogService {
    private final Window owner;
    private final Consumer<String> notices;
    private final Consumer<String> copier;

    /** Name of the profile whose saves need an explicit tick, or null. */
    private final String confirmProfile;

    FxDialogService(Window owner, Consumer<String> notices, Consumer<String> copier, String confirmProfile) {
        this.owner = owner;
        this.notices = notices;
        this.copier = copier;
        this.confirmProfile = confirmProfile;
    }

    @Override
    public boolean confirmPlan(String title, SavePlan plan) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText("This save will make these changes on the server:");
        ListView<String> changes = new ListView<>();
        changes.setId("planChanges");
        changes.setAccessibleText("Changes this save will make");
        changes.getItems().setAll(plan.changes());
        // plan sentences are long: wrap them instead of hiding their ends behind a horizontal scroll bar
        changes.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        changes.setPrefHeight(Math.min(320, 44 * plan.changes().size() + 12));
        TextArea json = new TextArea(plan.json());
        json.setId("planJson");
        json.setAccessibleText("The exact requests, as JSON");
        json.setEditable(false);
        json.setPrefRowCount(16);
        json.getStyleClass().add("monospace");
        TitledPane exact = new TitledPane("Exact requests (" + plan.requests().size() + ")", json);
        exact.setId("planJsonPane");
        exact.setExpanded(false);
        // the dialog grows with the opened request text instead of squeezing the plan and hiding its buttons
        exact.expandedProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(
                () -> d.getDialogPane().getScene().getWindow().sizeToScene()));
        d.setResizable(true);
        VBox box = new VBox(8, changes, exact);
        box.setPrefWidth(640);
        d.getDialogPane().setContent(box);
        ButtonType send = new ButtonType("Save to server", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(send, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(send).setId("confirmSave");
        if (confirmProfile != null) {
            // profiles tagged production: a save needs a deliberate tick, not a reflexive Enter
            javafx.scene.control.CheckBox tick = new javafx.scene.control.CheckBox(
                    "I checked this plan; change " + confirmProfile);
            tick.setId("confirmProduction");
            box.getChildren().add(tick);
            d.getDialogPane().lookupButton(send).disableProperty().bind(tick.selectedProperty().not());
        }
        d.getDialogPane().setId("planDialog");
        return d.showAndWait().filter(b -> b == send).isPresent();
    }

    @Override
    public ConflictChoice resolveConflict(String keyName, String theirChanges) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle("Changed on the server");
        a.setHeaderText(keyName + " was changed on the server after you opened it.");
        Label what = new Label(theirChanges);
        what.setWrapText(true);
        a.getDialogPane().setContent(new VBox(8, new Label("Their changes:"), what,
                new Label("Saving now would overwrite them.")));
        ButtonType theirs = new ButtonType("Show their version", ButtonBar.ButtonData.LEFT);
        ButtonType overwrite = new ButtonType("Overwrite with mine…", ButtonBar.ButtonData.OTHER);
        a.getButtonTypes().setAll(theirs, overwrite, ButtonType.CANCEL);
        a.getDialogPane().lookupButton(theirs).setId("conflictTakeTheirs");
        a.getDialogPane().lookupButton(overwrite).setId("conflictOverwrite");
        a.getDialogPane().setId("conflictDialog");
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        return r == theirs ? ConflictChoice.TAKE_THEIRS : r == overwrite ? ConflictChoice.OVERWRITE : ConflictChoice.CANCEL;
    }

    @Override
    public Optional<java.util.Map<String, bifrostdesk.drafts.merge.Choice>> resolveMerge(String keyName,
            java.util.List<bifrostdesk.drafts.merge.Conflict> conflicts) {
        return MergeDialog.show(owner, keyName, conflicts);
    }

    @Override
    public Optional<SignIn> signIn(String server, String user, String reason, String storeNote) {
        return SignInDialog.show(owner, server, user, reason, storeNote, !storeNote.startsWith("No OS keychain"));
    }

    @Override
    public Optional<SetupToken> askSetupToken(String server, String reason, String storeNote) {
        return SetupTokenDialog.show(owner, server, reason, storeNote);
    }

    @Override
    public DeletedChoice keyDeletedOnServer(String keyName) {
        Alert a = new Alert(Alert.AlertType.WARNING);
        a.initOwner(owner);
        a.setTitle("Deleted on the server");
        a.setHeaderText(keyName + " was deleted on the server while you had unsent edits.");
        a.setContentText("Create it again with your settings (it gets a new value), discard your edits, or keep "
                + "them as a draft for later.");
        ButtonType recreate = new ButtonType("Create again", ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("Discard my edits", ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType("Keep the draft", ButtonBar.ButtonData.CANCEL_CLOSE);
        a.getButtonTypes().setAll(recreate, discard, keep);
        a.getDialogPane().lookupButton(recreate).setId("deletedRecreate");
        a.getDialogPane().lookupButton(discard).setId("deletedDiscard");
        a.getDialogPane().setId("deletedDialog");
        ButtonType r = a.showAndWait().orElse(keep);
        return r == recreate ? DeletedChoice.RECREATE : r == discard ? DeletedChoice.DISCARD : DeletedChoice.KEEP;
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("errorDialog");
        a.showAndWait();
    }

    @Override
    public void notify(String message) {
        // nothing to show here: the window model wraps this service (activity.ui.ActivityDialogs), which records the
        // notice as activity; the status line and the activity panel show it from there
    }

    @Override
    public void showErrorDetails(String title, String message, String details) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea text = new TextArea(details);
        text.setId("errorDetailsText");
        text.setEditable(false);
        text.setPrefRowCount(12);
        text.getStyleClass().add("monospace");
        Button copy = new Button("Copy details", Icons.of(Icons.COPY));
        copy.setId("copyErrorDetails");
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(details);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            notices.accept("Copied the error's details.");
        });
        a.getDialogPane().setExpandableContent(new VBox(6, text, copy));
        a.getDialogPane().setId("errorDetailsDialog");
        a.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String message, String prompt) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(message);
        d.getEditor().setPromptText(prompt);
        d.getEditor().setId("askTextField");
        d.getDialogPane().setId("askTextDialog");
        return d.showAndWait();
    }

    @Override
    public Optional<Path> askSaveFile(String title, String suggestedName, FileType type) {
        FileChooser fc = chooser(title, type);
        fc.setInitialFileName(suggestedName);
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> askOpenFile(String title, FileType type) {
        return Optional.ofNullable(chooser(title, type).showOpenDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, FileType type) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (type != null) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        }
        return fc;
    }

    @Override
    public void showSecretOnce(String title, String message, String secret) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(message);
        TextField value = new TextField(secret);
        value.setEditable(false);
        value.setId("secretValue");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button("Copy", Icons.of(Icons.COPY));
        copy.setId("copySecret");
        copy.setOnAction(e -> copier.accept(secret));
        HBox box = new HBox(6, value, copy);
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.getDialogPane().setId("secretDialog");
        d.showAndWait();
    }
}
