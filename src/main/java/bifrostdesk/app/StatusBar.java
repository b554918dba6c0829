package bifrostdesk.app;

import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.connection.ui.ConnectionSession;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's status bar: online or offline (with the reason), profile and server, version and dialect, the
 * drafts waiting, "sync when back online", the latest message (the editor's, else the dialog service's notice), and
 * the running task with its progress and a cancel button. It only binds.
 */
final class StatusBar extends HBox {
    StatusBar(MainViewModel vm, FxTaskRunner runner, Label notice) {
        super(12);
        ConnectionSession session = vm.session();
        VirtualKeyEditorViewModel editor = vm.editor();
        Label server = new Label();
        server.setId("statusServer");
        String profileName = session.profile() == null ? "" : session.profile().name();
        boolean nameIsUrl = profileName.replaceAll("/+$", "")
                .equals(session.serverProperty().get().replaceAll("/+$", ""));
        server.textProperty().bind(Bindings.concat(profileName.isEmpty() || nameIsUrl ? "" : profileName + " · ",
                session.serverProperty()));
        Label version = new Label();
        version.setId("statusVersion");
        // "Bifrost v2.3.0 (newer than tested)" once connected (ServerFeatures, REFERENCE-v2.md §11.1.1)
        version.textProperty().bind(Bindings.createStringBinding(() -> session.featuresProperty().get() == null
                ? "Bifrost " + session.versionProperty().get() : session.featuresProperty().get().describe(),
                session.featuresProperty(), session.versionProperty()));
        version.setTooltip(new Tooltip());
        version.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> session.featuresProperty().get()
                == null ? version.getText() : session.featuresProperty().get().notes(), session.featuresProperty(),
                version.textProperty()));
        Label dialect = new Label();
        dialect.setId("statusDialect");
        dialect.textProperty().bind(Bindings.concat("dialect ", session.dialectProperty()));
        Label online = new Label();
        online.setId("statusOnline");
        online.textProperty().bind(session.connectionProperty());
        online.setTooltip(new Tooltip());
        online.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> session.offlineReasonProperty().get()
                .isEmpty() ? session.connectionProperty().get() : session.offlineReasonProperty().get(),
                session.offlineReasonProperty(), session.connectionProperty()));
        online.graphicProperty().bind(Bindings.createObjectBinding(() ->
                Icons.of(session.onlineProperty().get() ? Icons.ONLINE : Icons.OFFLINE), session.onlineProperty()));
        Label drafts = new Label();
        drafts.setId("statusDrafts");
        drafts.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.drafts().pendingProperty().get() + (editor.dirtyProperty().get() ? 1 : 0);
            return n == 0 ? "no unsaved drafts" : n + " unsaved draft" + (n == 1 ? "" : "s");
        }, vm.drafts().pendingProperty(), editor.dirtyProperty()));
        javafx.scene.control.CheckBox autoSync = new javafx.scene.control.CheckBox("sync when back online");
        autoSync.setId("autoSync");
        autoSync.setAccessibleText("Sync queued drafts automatically when the server is back (plans still shown)");
        autoSync.setTooltip(new Tooltip("When the server answers again, start Sync by itself. Every plan is still "
                + "shown for confirmation."));
        autoSync.selectedProperty().bindBidirectional(vm.sync().autoSyncProperty());
        autoSync.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("statusMessage");
        status.textProperty().bind(Bindings.createStringBinding(() -> editor.statusProperty().get().isEmpty()
                ? notice.getText() : editor.statusProperty().get(), editor.statusProperty(), notice.textProperty()));
        editor.statusProperty().addListener((o, a, b) -> notice.setText(""));
        ProgressBar progress = new ProgressBar();
        progress.setId("taskProgress");
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(runner.runningProperty().greaterThan(0));
        runner.currentProperty().addListener((o, a, t) -> {
            progress.progressProperty().unbind();
            if (t != null) {
                progress.progressProperty().bind(t.progressProperty());
            }
        });
        Button cancel = new Button(null, Icons.of("mdoal-close"));
        cancel.setId("cancelTask");
        cancel.setAccessibleText("Cancel the running task");
        cancel.setTooltip(new Tooltip("Cancel"));
        cancel.visibleProperty().bind(runner.runningProperty().greaterThan(0));
        cancel.setOnAction(e -> {
            if (runner.currentProperty().get() != null) {
                runner.currentProperty().get().cancel(true);
            }
            editor.cancel();
            vm.list().cancel();
        });
        // the facts keep their width; the message takes what is left and is cut with an ellipsis
        for (Label l : new Label[] {online, version, dialect, drafts}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        // a long server URL is cut with an ellipsis rather than widening the window; the tooltip has it whole
        server.setMinWidth(80);
        server.setTooltip(new Tooltip());
        server.getTooltip().textProperty().bind(server.textProperty());
        status.setMinWidth(0);
        // a small preferred width: the message takes the space left over, it never squeezes the facts
        status.setPrefWidth(120);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(status.textProperty());
        getChildren().addAll(online, sep(), server, sep(), version, sep(), dialect, sep(), drafts, autoSync, sep(),
                status, progress, cancel);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().add(Styles.STATUS_BAR);
        setId("statusBar");
    }


    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
