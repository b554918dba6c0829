package bifrostdesk.activity.ui;

import bifrostdesk.activity.Activity;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.help.Shortcut;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The activity panel, opened from the status line: recent events, newest first, each with its time, level and
 * sentence, the full text below it (one line; whole in the row's tooltip); "Copy details" copies the selected event's whole text (also Ctrl+C in the list),
 * and an error's row has its own button. It only binds.
 */
public final class ActivityPanel extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ListView<Activity> list;

    public ActivityPanel(ActivityViewModel vm, Runnable close) {
        super(4);
        setId("activityPanel");
        getStyleClass().add("activity-panel");
        Label title = new Label("Recent activity");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        list = new ListView<>(vm.entries());
        list.setId("activityList");
        list.setAccessibleText("Recent activity, newest first");
        list.setPlaceholder(new Label("Nothing has happened yet."));
        list.setPrefHeight(180);
        list.setCellFactory(l -> new EntryCell());
        Button copy = new Button("Copy details", Icons.of(Icons.COPY));
        copy.setId("copyActivityDetails");
        copy.setAccessibleText("Copy the details of the selected event");
        copy.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copy(list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            if (KeyCombination.valueOf(Shortcut.COPY_EVENT.keys()).match(e)) {
                copy(list.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (KeyCombination.valueOf(Shortcut.CLOSE_ACTIVITY.keys()).match(e)) {
                close.run();
                e.consume();
            }
        });
        Button hide = new Button(null, Icons.of("mdoal-close"));
        hide.setId("closeActivity");
        hide.setAccessibleText("Close the activity panel");
        hide.setTooltip(new Tooltip("Close (Esc)"));
        hide.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, copy, hide);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(header, list);
    }

    /** Puts the keyboard focus on the list, so the panel can be read and closed without the mouse. */
    public void focusList() {
        list.requestFocus();
        if (!list.getItems().isEmpty() && list.getSelectionModel().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    private static void copy(Activity a) {
        if (a == null) {
            return;
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(TIME.format(a.time()) + " " + LevelIcons.word(a.level()) + ": " + a.summary()
                + (a.details().isEmpty() ? "" : "\n" + a.details()));
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** One event: time, icon, sentence and, muted below, the full text; errors get a copy button. */
    private static final class EntryCell extends ListCell<Activity> {
        EntryCell() {
            // wrap to the list's width rather than widening it behind a horizontal scroll bar
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Activity a, boolean empty) {
            super.updateItem(a, empty);
            setText(null);
            if (empty || a == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Label time = new Label(TIME.format(a.time()));
            time.getStyleClass().add(Styles.MUTED);
            time.setMinWidth(Region.USE_PREF_SIZE);
            Label summary = new Label(a.summary(), LevelIcons.of(a.level()));
            VBox text = new VBox(2, summary);
            if (!a.details().isEmpty()) {
                // one line, cut at a word; the row's tooltip and "Copy details" have it whole
                Label details = new Label(a.details().replace('\n', ' '));
                details.setTextOverrun(javafx.scene.control.OverrunStyle.WORD_ELLIPSIS);
                details.setMinWidth(0);
                details.getStyleClass().add(Styles.MUTED);
                text.getChildren().add(details);
            }
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(8, time, text);
            if (a.level() == Activity.Level.ERROR) {
                Button copy = new Button("Copy details", Icons.of(Icons.COPY));
                copy.getStyleClass().add("copy-entry");
                copy.setAccessibleText("Copy the details of this error");
                copy.setMinWidth(Region.USE_PREF_SIZE);
                copy.setOnAction(e -> copy(a));
                row.getChildren().add(copy);
            }
            setGraphic(row);
            setTooltip(a.details().isEmpty() ? null : new javafx.scene.control.Tooltip(a.details()));
            setAccessibleText(TIME.format(a.time()) + ", " + LevelIcons.word(a.level()) + ": " + a.fullText());
        }
    }
}
