package bifrostdesk.help;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** The help texts: shortcuts that parse and exist where they say, every dialect on its page, redacted diagnostics. */
class HelpTest {

    @Test
    void everyShortcutIsAKeyCombinationAndNamedForTheKeyboard() {
        for (Shortcut s : Shortcut.values()) {
            assertThat(KeyCombination.valueOf(s.keys())).as(s.name()).isNotNull();
        }
        assertThat(Shortcut.REDO.display("Linux")).isEqualTo("Ctrl+Shift+Z");
        assertThat(Shortcut.REDO.display("Mac OS X")).isEqualTo("Cmd+Shift+Z");
    }

    @Test
    void theViewsHandleTheKeysTheSheetListsForThem() throws Exception {
        // the window-wide ones are installed from the registry (MainWindow); these live in their views
        String tree = Files.readString(Path.of("src/main/java/bifrostdesk/virtualkey/tree/KeyTreeView.java"));
        String budgets = Files.readString(Path.of("src/main/java/bifrostdesk/budgets/ui/BudgetTable.java"));
        String window = Files.readString(Path.of("src/main/java/bifrostdesk/app/MainWindow.java"));
        assertThat(tree).contains("KeyCode.DELETE");
        assertThat(budgets).contains("KeyCode.ENTER", "KeyCode.F5");
        for (Shortcut s : List.of(Shortcut.SAVE, Shortcut.NEW_KEY, Shortcut.UNDO, Shortcut.REDO, Shortcut.REDO_OTHER,
                Shortcut.SEARCH, Shortcut.HELP, Shortcut.ACTIVITY)) {
            assertThat(window).as(s.name()).contains("Shortcut." + s.name() + ")");
        }
    }

    @Test
    void theServerVersionsPageHasEveryDialect() {
        HelpPages.Page page = HelpPages.serverVersions();
        for (Dialect d : Dialect.values()) {
            assertThat(page.sections()).anySatisfy(s -> assertThat(s.heading()).startsWith(d.label() + " — "));
        }
        assertThat(page.sections()).last().satisfies(s -> assertThat(s.text()).contains(Dialect.NEWEST_TESTED));
    }

    @Test
    void diagnosticsMaskSecretsAndTheAddressUser() {
        Diagnostics d = new Diagnostics("0.9.0", "Linux 6.1 (amd64)", "17.0.9", "21.0.11",
                "https://admin:pw@gw.example.com:8443/bifrost?token=abc", "v2.2.6", "v2.x", "",
                List.of("2026-03-01T10:00:00Z ERROR Copy failed: sk-bf-abcdefgh1234 and Bearer abcdefghijklmnop"));
        String text = d.text();
        assertThat(text).contains("App: 0.9.0", "Java: 17.0.9", "JavaFX: 21.0.11", "Server version: v2.2.6",
                "Dialect: v2.x", "Server: https://gw.example.com:8443/bifrost\n");
        assertThat(text).doesNotContain("admin:pw", "abcdefgh1234", "abcdefghijklmnop", "token=abc");
        assertThat(new Diagnostics("1", "o", "j", "f", "", "", "", "", List.of()).text())
                .contains("Last problems: none");
    }

    @Test
    void theFilesPageNamesTheDataAndLogFolders() {
        String text = HelpPages.whereAreMyFiles().sections().stream().map(HelpPages.Section::text)
                .reduce("", String::concat);
        assertThat(text).contains(bifrostdesk.drafts.DataDirs.data().resolve("workspaces").toString(),
                bifrostdesk.drafts.DataDirs.logs().toString());
    }
}
