package bifrostdesk.help;

import java.util.Locale;

/**
 * Every keyboard shortcut of the app, in one place: the main window installs the window-wide ones from here, and
 * the cheat sheet lists them all, so the sheet cannot drift from what the keys do. {@link #keys} uses JavaFX's
 * key-combination syntax ("Shortcut" is Ctrl, or Cmd on a Mac) without depending on JavaFX.
 */
public enum Shortcut {
    SAVE("Shortcut+S", Scope.WINDOW, "Save the open key: shows the plan, then sends it"),
    NEW_KEY("Shortcut+N", Scope.WINDOW, "Create a virtual key"),
    UNDO("Shortcut+Z", Scope.WINDOW, "Undo the last edit of the key"),
    REDO("Shortcut+Shift+Z", Scope.WINDOW, "Redo"),
    REDO_OTHER("Shortcut+Y", Scope.WINDOW, "Redo (the other way)"),
    SEARCH("Shortcut+F", Scope.WINDOW, "Search the key list"),
    HELP("F1", Scope.WINDOW, "Open the help menu"),
    ACTIVITY("Shortcut+Shift+A", Scope.WINDOW, "Show or hide recent activity"),
    NEXT_CONTROL("Tab", Scope.WINDOW, "Next control (Shift+Tab: previous); from the list to the tree to the form"),
    MENU("Shift+F10", Scope.WINDOW, "The context menu of the selected key or node"),
    OPEN_KEY("Down", Scope.KEY_LIST, "Open the next key (Up: the previous one); the editor follows the selection"),
    REMOVE_NODE("Delete", Scope.TREE, "Remove the selected budget, rate limit or config"),
    OPEN_BUDGET("Enter", Scope.BUDGETS, "Open the key in the editor at the selected budget"),
    RELOAD_BUDGETS("F5", Scope.BUDGETS, "Load the budgets again"),
    COPY_EVENT("Shortcut+C", Scope.ACTIVITY, "Copy the selected event with its details"),
    CLOSE_ACTIVITY("Esc", Scope.ACTIVITY, "Close the activity panel");

    /** Where a shortcut works. */
    public enum Scope {
        WINDOW("Anywhere in the window"),
        KEY_LIST("In the key list"),
        TREE("In the key's tree"),
        BUDGETS("In the budget table"),
        ACTIVITY("In the activity panel");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String keys;
    private final Scope scope;
    private final String what;

    Shortcut(String keys, Scope scope, String what) {
        this.keys = keys;
        this.scope = scope;
        this.what = what;
    }

    /** The combination in JavaFX's syntax ({@code KeyCombination.valueOf}). */
    public String keys() {
        return keys;
    }

    public Scope scope() {
        return scope;
    }

    public String what() {
        return what;
    }

    /** The keys as the user's keyboard names them: "Ctrl+Shift+Z", or "Cmd+Shift+Z" on a Mac. */
    public String display(String osName) {
        boolean mac = osName != null && osName.toLowerCase(Locale.ROOT).contains("mac");
        return keys.replace("Shortcut", mac ? "Cmd" : "Ctrl");
    }
}
