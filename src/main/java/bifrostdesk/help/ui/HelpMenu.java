package bifrostdesk.help.ui;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.help.Diagnostics;
import bifrostdesk.help.HelpPages;
import bifrostdesk.help.Shortcut;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;

/**
 * The toolbar's "?" menu (F1): keyboard shortcuts, getting started, server versions, where the files are, copy
 * diagnostics, about. Lays out and forwards; the texts come from the help package.
 */
public final class HelpMenu extends MenuButton {
    /**
     * @param diagnostics what "Copy diagnostics" copies, made when asked
     * @param notice      says that it was copied
     * @param about       shows the About window
     */
    public HelpMenu(Supplier<Diagnostics> diagnostics, Consumer<String> notice, Runnable about) {
        super(null, Icons.of(Icons.HELP));
        setId("helpMenu");
        setAccessibleText("Help");
        setTooltip(new Tooltip("Help: shortcuts, getting started, server versions, files, diagnostics ("
                + Shortcut.HELP.display(System.getProperty("os.name")) + ")"));
        MenuItem shortcuts = item("helpShortcuts", "Keyboard shortcuts", () -> HelpDialogs.showShortcuts(window()));
        MenuItem start = item("helpGettingStarted", "Getting started",
                () -> HelpDialogs.showPage(window(), HelpPages.gettingStarted(), "gettingStartedDialog"));
        MenuItem versions = item("helpServerVersions", "Server versions",
                () -> HelpDialogs.showPage(window(), HelpPages.serverVersions(), "serverVersionsDialog"));
        MenuItem files = item("helpFiles", "Where are my files",
                () -> HelpDialogs.showPage(window(), HelpPages.whereAreMyFiles(), "filesDialog"));
        MenuItem copy = item("copyDiagnostics", "Copy diagnostics", () -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(diagnostics.get().text());
            Clipboard.getSystemClipboard().setContent(c);
            notice.accept("Copied the diagnostics (versions and the last problems, secrets masked).");
        });
        MenuItem aboutItem = item("about", "About Bifrost Desk", about);
        getItems().addAll(shortcuts, start, versions, files, new SeparatorMenuItem(), copy, new SeparatorMenuItem(),
                aboutItem);
    }

    private javafx.stage.Window window() {
        return getScene().getWindow();
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The combination that opens this menu. */
    public static KeyCombination key() {
        return KeyCombination.valueOf(Shortcut.HELP.keys());
    }
}
