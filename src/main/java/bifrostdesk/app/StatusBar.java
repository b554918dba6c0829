package bifrostdesk.app;

import bifrostdesk.activity.Activity;
import bifrostdesk.activity.ui.ActivityViewModel;
import bifrostdesk.activity.ui.LevelIcons;
import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.connection.ui.ConnectionSession;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The main window's status bar: online or offline (with the reason), the server's host, version and dialect, the
 * drafts waiting, "sync when back online", the status line (the latest event of {@link ActivityViewModel}, which
 * opens the activity panel), and the running task with its progress and a cancel button. It only binds.
 */
final class StatusBar extends HBox {
    StatusBar(MainViewModel vm, FxTaskRunner runner, Runnable toggleActivity) {
        super(8);
        ConnectionSession session = vm.session();
        VirtualKeyEditorViewModel editor = vm.editor();
        Label server = new Label();
        server.setId("statusServer");
        // the host is enough here (the picker names the profile); the tooltip has the whole address
        server.textProperty().bind(Bindings.createStringBinding(() -> hostOf(session.serverProperty().get()),
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
        Button status = statusLine(vm.activity(), toggleActivity);
        ProgressBar progress = new ProgressBar();
        progress.setId("taskProgress");
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(runner.runningProperty().greaterThan(0));
        // hidden, they give their room to the status line
        progress.managedProperty().bind(progress.visibleProperty());
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
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> {
            if (runner.currentProperty().get() != null) {
                runner.currentProperty().get().cancel(true);
            }
            editor.cancel();
            vm.list().cancel();
        });
        // the facts keep their width; the status line takes what is left
        for (Label l : new Label[] {online, version, dialect, drafts}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        // a long server URL is cut with an ellipsis rather than widening the window; the tooltip has it whole
        server.setMinWidth(80);
        server.setTooltip(new Tooltip());
        server.getTooltip().textProperty().bind(Bindings.concat(session.profile() == null ? ""
                : session.profile().name() + " · ", session.serverProperty()));
        getChildren().addAll(online, sep(), server, sep(), version, sep(), dialect, sep(), drafts, autoSync, sep(),
                status, progress, cancel);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getStyleClass().add(Styles.STATUS_BAR);
        setId("statusBar");
    }


    /**
     * The status line: the latest event's short sentence with its level's icon, never cut inside a word; the whole
     * text in the tooltip and the accessible text. Pressing it opens the activity panel.
     */
    private static Button statusLine(ActivityViewModel activity, Runnable toggleActivity) {
        Button status = new Button();
        status.setId("statusMessage");
        status.getStyleClass().addAll("status-line", "flat");
        status.setTextOverrun(OverrunStyle.WORD_ELLIPSIS);
        status.setMnemonicParsing(false);
        status.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        status.setMinWidth(60);
        // a small preferred width: the line takes the space left over, it never squeezes the facts
        status.setPrefWidth(160);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        status.setTooltip(tip);
        Runnable show = () -> {
            Activity a = activity.statusProperty().get();
            status.setText(a == null ? "Recent activity" : a.summary());
            status.setGraphic(a == null ? Icons.of(Icons.JOURNAL) : LevelIcons.of(a.level()));
            tip.setText((a == null ? "" : a.fullText() + "\n\n") + "Click for recent activity.");
            status.setAccessibleText(a == null ? "Recent activity" : LevelIcons.word(a.level()) + ": " + a.fullText()
                    + ". Press to show recent activity.");
        };
        activity.statusProperty().addListener((o, before, now) -> show.run());
        show.run();
        status.setOnAction(e -> toggleActivity.run());
        return status;
    }

    /** "gateway.example.com:8443" of "https://gateway.example.com:8443/"; the text itself if it is no URL. */
    static String hostOf(String url) {
        try {
            java.net.URI u = java.net.URI.create(url);
            return u.getHost() == null ? url : u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
