package bifrostdesk.help.ui;

import bifrostdesk.common.ui.Styles;
import bifrostdesk.help.HelpPages;
import bifrostdesk.help.Shortcut;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The help windows: a page of {@link HelpPages}, and the keyboard shortcuts from {@link Shortcut}. Layout only. */
public final class HelpDialogs {
    private HelpDialogs() {
    }

    /** Shows a help page: headings and wrapped paragraphs, scrollable. */
    public static void showPage(Window owner, HelpPages.Page page, String id) {
        VBox box = new VBox(6);
        for (HelpPages.Section s : page.sections()) {
            Label heading = new Label(s.heading());
            heading.getStyleClass().add(Styles.PANEL_TITLE);
            Label text = new Label(s.text());
            text.setWrapText(true);
            box.getChildren().addAll(heading, text);
        }
        box.setPrefWidth(600);
        show(owner, page.title(), box, id);
    }

    /** Shows every shortcut, grouped by where it works. */
    public static void showShortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.setId("shortcutSheet");
        int row = 0;
        String os = System.getProperty("os.name");
        for (Shortcut.Scope scope : Shortcut.Scope.values()) {
            Label heading = new Label(scope.label());
            heading.getStyleClass().add(Styles.PANEL_TITLE);
            grid.add(heading, 0, row++, 2, 1);
            for (Shortcut s : Shortcut.values()) {
                if (s.scope() == scope) {
                    Label keys = new Label(s.display(os));
                    keys.getStyleClass().add("shortcut-keys");
                    keys.setMinWidth(Label.USE_PREF_SIZE);
                    Label what = new Label(s.what());
                    what.setWrapText(true);
                    grid.addRow(row++, keys, what);
                }
            }
        }
        show(owner, "Keyboard shortcuts", grid, "shortcutsDialog");
    }

    private static void show(Window owner, String title, javafx.scene.Node content, String id) {
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(520, content.prefHeight(620) + 8));
        scroll.setPrefViewportWidth(620);
        a.getDialogPane().setContent(scroll);
        a.getDialogPane().setId(id);
        a.setResizable(true);
        a.show();
    }
}
