package bifrostdesk.app;

import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.connection.ui.ConnectionSession;
import bifrostdesk.drafts.ui.JournalDialog;
import bifrostdesk.virtualkey.forms.NodeFormHost;
import bifrostdesk.virtualkey.list.KeyCommands;
import bifrostdesk.virtualkey.list.VirtualKeyListView;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.KeyTreeView;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The main window's content: toolbar, key list, the key's tree and the selected node's form, the problems
 * panel and the {@link StatusBar}. It only lays out and binds; the behaviour lives in the parts of
 * {@link MainViewModel}.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel vm;
    private final ConnectionSession session;
    private final Label notice = new Label();
    /** The split panes whose dividers the app remembers across restarts ({@link WindowMemory}), by id. */
    private final java.util.Map<String, SplitPane> splits = new java.util.LinkedHashMap<>();
    /** Opens a web link in the user's browser (the app's HostServices); set by the app. */
    private java.util.function.Consumer<String> links = url -> { };

    public MainWindow(MainViewModel vm, FxTaskRunner runner, DialogService dialogs, Runnable toggleTheme,
                      Clipboards clipboards, javafx.scene.Node profileSwitcher) {
        this.vm = vm;
        this.session = vm.session();
        setId("mainWindow");
        VirtualKeyEditorViewModel editor = vm.editor();
        KeyCommands commands = vm.keys();

        VirtualKeyListView list = new VirtualKeyListView(vm.list(), session.lookupsProperty()::get,
                new VirtualKeyListView.Actions() {
                    @Override
                    public void open(VirtualKey vk) {
                        commands.open(vk);
                    }

                    @Override
                    public void setActive(VirtualKey vk, boolean active) {
                        commands.setActive(vk, active);
                    }

                    @Override
                    public void delete(VirtualKey vk) {
                        commands.deleteKey(vk);
                    }

                    @Override
                    public void copyValue(VirtualKey vk) {
                        commands.copyValue(vk);
                    }

                    @Override
                    public void rotate(VirtualKey vk) {
                        commands.rotateKey(vk);
                    }

                    @Override
                    public void exportCsv(java.util.List<VirtualKey> keys) {
                        vm.list().exportCsv(keys, session.ownerNamesById());
                    }
                });

        KeyTreeView tree = new KeyTreeView(editor, new KeyTreeView.NodeActions() {
            @Override
            public void add(String path) {
                NodePath p = NodePath.parse(path);
                switch (p.kind()) {
                    case BUDGETS, BUDGET -> editor.addBudget(p.ownerPath());
                    case RATE_LIMIT -> editor.addRateLimit(p.ownerPath());
                    default -> editor.selectedPathProperty().set(p.kind() == NodeKind.MCP_CONFIG
                            || p.kind() == NodeKind.MCP_CONFIGS || p.kind() == NodeKind.TOOLS
                            ? NodePath.MCP_CONFIGS : NodePath.PROVIDER_CONFIGS);
                }
            }

            @Override
            public void remove(String path) {
                editor.remove(path);
            }

            @Override
            public void duplicate(String path) {
                editor.duplicate(path);
            }

            @Override
            public String addLabel(String path) {
                NodePath p = NodePath.parse(path);
                return switch (p.kind()) {
                    case BUDGETS, BUDGET -> "Add budget";
                    case RATE_LIMIT -> editor.canRemove(path) ? null : "Add rate limit";
                    case PROVIDER_CONFIGS, PROVIDER_CONFIG -> "Add provider config…";
                    case MCP_CONFIGS, MCP_CONFIG -> "Add MCP config…";
                    default -> null;
                };
            }
        });
        NodeFormHost form = new NodeFormHost(editor, session.lookupsProperty()::get, dialogs, clipboards::copySecret);
        session.lookupsProperty().addListener((o, a, b) -> form.reload());

        Label empty = new Label("Select a key on the left, or create one with New key (Ctrl+N).");
        empty.getStyleClass().add(Styles.MUTED);
        StackPane editorArea = new StackPane();
        SplitPane treeAndForm = new SplitPane(tree, form);
        treeAndForm.setDividerPositions(0.45);
        treeAndForm.setId("treeFormSplit");
        editorArea.getChildren().addAll(treeAndForm, empty);
        treeAndForm.visibleProperty().bind(editor.editedProperty().isNotNull());
        empty.visibleProperty().bind(editor.editedProperty().isNull());

        ListView<Violation> problems = problemsPanel(editor);
        SplitPane editorAndProblems = new SplitPane(editorArea, problems);
        editorAndProblems.setOrientation(Orientation.VERTICAL);
        editorAndProblems.setDividerPositions(0.8);
        editorAndProblems.setId("editorSplit");

        SplitPane main = new SplitPane(list, editorAndProblems);
        main.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(list, false);
        main.setId("keysSplit");
        for (SplitPane s : new SplitPane[] {main, editorAndProblems, treeAndForm}) {
            splits.put(s.getId(), s);
        }

        // two views of the server: the keys with the editor, and every budget and rate limit at a glance
        javafx.scene.control.Tab keysTab = new javafx.scene.control.Tab("Keys", main);
        keysTab.setId("keysTab");
        keysTab.setClosable(false);
        keysTab.setGraphic(Icons.of("mdomz-vpn_key"));
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(keysTab);
        tabs.setId("mainTabs");
        javafx.scene.control.Tab budgetsTab = new javafx.scene.control.Tab("Budgets");
        // built on first use: its table and charts are the heaviest part of the window, and most sessions
        // start in the editor
        budgetsTab.selectedProperty().addListener((o, was, is) -> {
            if (is && budgetsTab.getContent() == null) {
                budgetsTab.setContent(new bifrostdesk.budgets.ui.BudgetsView(
                        new bifrostdesk.budgets.BudgetsViewModel(vm.client(), runner, dialogs, (vkId, path) -> {
                            tabs.getSelectionModel().select(keysTab);
                            commands.openAt(vkId, path);
                        })));
            }
        });
        budgetsTab.setId("budgetsTab");
        budgetsTab.setClosable(false);
        budgetsTab.setGraphic(Icons.of("mdoal-account_balance"));
        tabs.getTabs().add(budgetsTab);

        ToolBar tools = toolbar(editor, commands, toggleTheme);
        if (profileSwitcher != null) {
            tools.getItems().add(0, profileSwitcher);
            tools.getItems().add(1, new Separator());
        }
        // a colour strip across the window: production (red) is never mistaken for staging
        Region tag = new Region();
        tag.setId("profileTag");
        tag.getStyleClass().addAll("profile-tag", "profile-tag-" + (session.profile() == null ? "none"
                : session.profile().colour().name().toLowerCase(java.util.Locale.ROOT)));
        setTop(new javafx.scene.layout.VBox(tag, tools));
        setCenter(tabs);
        setBottom(new StatusBar(vm, runner, notice));

        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), editor::save);
            // a filter, not an accelerator: text fields have their own Ctrl+Z, which would undo only the
            // characters of one field and bypass the editor's history
            KeyCodeCombination undoKey = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
            KeyCodeCombination redoKey = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                    KeyCombination.SHIFT_DOWN);
            KeyCodeCombination redoKey2 = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (redoKey.match(e) || redoKey2.match(e)) {
                    editor.redo();
                    e.consume();
                } else if (undoKey.match(e)) {
                    editor.undo();
                    e.consume();
                }
            });
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                    commands::createKey);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                    () -> list.lookup("#keySearch").requestFocus());
        });
    }

    private ToolBar toolbar(VirtualKeyEditorViewModel editor, KeyCommands commands, Runnable toggleTheme) {
        Button create = button("newKey", "New key", Icons.ADD, "Create a virtual key (Ctrl+N)", commands::createKey);
        Button save = button("saveKey", "Save", Icons.SAVE, "Show the plan and save to the server (Ctrl+S)", editor::save);
        save.disableProperty().bind(editor.dirtyProperty().not().or(editor.busyProperty()));
        Button undo = button("undo", null, Icons.UNDO, "Undo (Ctrl+Z)", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        Button redo = button("redo", null, Icons.REDO, "Redo (Ctrl+Shift+Z)", editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());
        Button delete = button("deleteKey", "Delete", Icons.DELETE, "Delete this key on the server…", () -> {
            if (editor.baseProperty().get() != null) {
                commands.deleteKey(editor.baseProperty().get());
            }
        });
        delete.disableProperty().bind(editor.baseProperty().isNull());
        Button refresh = button("refresh", null, Icons.REFRESH, "Reload the list and lookups", vm::start);
        Button sync = button("sync", "Sync", Icons.SYNC, "Send drafts queued while offline (merging with the "
                + "server's changes)", vm.sync()::sync);
        sync.disableProperty().bind(vm.sync().syncingProperty().or(session.onlineProperty().not()));
        Button theme = button("toggleTheme", null, Icons.THEME, "Switch light / dark theme", toggleTheme);
        Button journal = button("showJournal", null, Icons.JOURNAL, "Journal of what was sent to the server",
                () -> vm.sync().readJournal(j -> JournalDialog.show(getScene().getWindow(), j)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button about = button("about", null, Icons.HELP, "About Bifrost Desk", () -> AboutDialog.show(
                getScene().getWindow(), session.serverProperty().get(), session.versionProperty().get()
                        + (session.featuresProperty().get() != null
                        && session.featuresProperty().get().newerThanTested() ? " (newer than tested)" : ""),
                session.dialectProperty().get(), links));
        ToolBar bar = new ToolBar(create, new Separator(), save, undo, redo, new Separator(), delete, spacer,
                sync, journal, refresh, theme, about);
        bar.setId("toolbar");
        return bar;
    }

    private static Button button(String id, String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(text != null ? text : tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private ListView<Violation> problemsPanel(VirtualKeyEditorViewModel editor) {
        ListView<Violation> problems = new ListView<>(editor.problems());
        problems.setId("problems");
        problems.setAccessibleText("Problems");
        problems.setPlaceholder(new Label("No problems."));
        problems.setCellFactory(l -> new ListCell<>() {
            {
                // a click jumps even when this problem is already selected (selection alone would not change)
                setOnMouseClicked(e -> {
                    if (getItem() != null) {
                        editor.selectedPathProperty().set(getItem().path());
                    }
                });
            }

            @Override
            protected void updateItem(Violation v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setGraphic(Icons.of(v.severity() == Severity.ERROR ? Icons.ERROR : Icons.WARNING));
                setText(where(editor, v.path()) + ": " + v.message());
                getStyleClass().removeAll(Styles.BADGE_ERROR, Styles.BADGE_WARNING);
                getStyleClass().add(v.severity() == Severity.ERROR ? Styles.BADGE_ERROR : Styles.BADGE_WARNING);
            }
        });
        // a click on a problem jumps to its node
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
            if (v != null) {
                editor.selectedPathProperty().set(v.path());
            }
        });
        problems.setMinHeight(60);
        return problems;
    }

    private static String where(VirtualKeyEditorViewModel editor, String path) {
        var tree = editor.treeProperty().get();
        var node = tree == null ? null : tree.find(path);
        if (node == null) {
            return path.isEmpty() ? "Key" : path;
        }
        NodePath p = NodePath.parse(path);
        String owner = p.inProviderConfig() && tree.find(NodePath.provider(p.providerIndex())) != null
                ? tree.find(NodePath.provider(p.providerIndex())).label() + " › " : "";
        return owner + (p.kind() == NodeKind.PROVIDER_CONFIG ? "Provider " + node.label()
                : p.kind() == NodeKind.BUDGET ? "Budget " + node.label() : node.label());
    }

    /** The split panes whose dividers are remembered, by id. */
    public java.util.Map<String, SplitPane> splitPanes() {
        return java.util.Collections.unmodifiableMap(splits);
    }

    public void setLinkOpener(java.util.function.Consumer<String> opener) {
        this.links = opener;
    }

    /** Shows a short notice in the status bar (the non-modal channel of the dialog service). */
    public void notice(String text) {
        notice.setText(text);
    }

    /** The lookups the pickers use. */
    public Lookups.Snapshot lookups() {
        return session.lookupsProperty().get();
    }
}
