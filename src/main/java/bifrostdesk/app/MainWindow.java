package bifrostdesk.app;

import bifrostdesk.activity.ui.ActivityPanel;
import bifrostdesk.activity.ui.Toast;
import bifrostdesk.common.concurrent.FxTaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.connection.ui.ConnectionSession;
import bifrostdesk.connection.ui.ProfileSwitcher;
import bifrostdesk.connection.ui.SandboxBanner;
import bifrostdesk.drafts.ui.JournalDialog;
import bifrostdesk.help.Diagnostics;
import bifrostdesk.help.Shortcut;
import bifrostdesk.help.ui.HelpMenu;
import bifrostdesk.virtualkey.forms.NodeFormHost;
import bifrostdesk.virtualkey.list.KeyCommands;
import bifrostdesk.virtualkey.list.VirtualKeyListView;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel.BudgetFilter;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel.StatusFilter;
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
    private ActivityPanel activityPanel;
    private HelpMenu help;
    /** The split panes whose dividers the app remembers across restarts ({@link WindowMemory}), by id. */
    private final java.util.Map<String, SplitPane> splits = new java.util.LinkedHashMap<>();
    /** The dividers came from the user's last session: the first layout keeps them. */
    private boolean rememberedDividers;
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
        javafx.scene.Node firstKey = EmptyGateway.create(commands::createKey);
        // a gateway without a single key (not a search that found none): invite to create the first one
        javafx.beans.binding.BooleanBinding noKeysAtAll = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> session.onlineProperty().get() && !vm.list().loadingProperty().get()
                        && vm.list().totalProperty().get() == 0 && vm.list().items().isEmpty()
                        && blank(vm.list().searchProperty().get()) && blank(vm.list().teamIdProperty().get())
                        && blank(vm.list().customerIdProperty().get())
                        && vm.list().statusProperty().get() == StatusFilter.ALL
                        && vm.list().budgetProperty().get() == BudgetFilter.ALL,
                session.onlineProperty(), vm.list().loadingProperty(), vm.list().totalProperty(), vm.list().items(),
                vm.list().searchProperty(), vm.list().statusProperty(), vm.list().budgetProperty(),
                vm.list().teamIdProperty(), vm.list().customerIdProperty());
        StackPane editorArea = new StackPane();
        SplitPane treeAndForm = new SplitPane(tree, form);
        treeAndForm.setId("treeFormSplit");
        treeAndForm.setDividerPositions(0.45);
        editorArea.getChildren().addAll(treeAndForm, empty, firstKey);
        treeAndForm.visibleProperty().bind(editor.editedProperty().isNotNull());
        empty.visibleProperty().bind(editor.editedProperty().isNull().and(noKeysAtAll.not()));
        firstKey.visibleProperty().bind(editor.editedProperty().isNull().and(noKeysAtAll));

        ListView<Violation> problems = problemsPanel(editor);
        SplitPane editorAndProblems = new SplitPane(editorArea, problems);
        editorAndProblems.setOrientation(Orientation.VERTICAL);
        editorAndProblems.setDividerPositions(0.8);
        editorAndProblems.setId("editorSplit");

        SplitPane main = new SplitPane(list, editorAndProblems);
        main.setId("keysSplit");
        main.setDividerPositions(0.26);
        // the first layout knows the window's width: start the dividers at proportions that fit it
        main.widthProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    main.widthProperty().removeListener(this);
                    if (rememberedDividers) {
                        return;
                    }
                    double listAt = SplitProportions.list(now.doubleValue());
                    main.setDividerPositions(listAt);
                    treeAndForm.setDividerPositions(SplitProportions.tree(now.doubleValue() * (1 - listAt)));
                }
            }
        });
        SplitPane.setResizableWithParent(list, false);
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
        tabs.setAccessibleText("Views: keys with the editor, and the budget review");
        javafx.scene.control.Tab budgetsTab = new javafx.scene.control.Tab("Budgets");
        // built on first use: its table and charts are the heaviest part of the window, and most sessions
        // start in the editor
        budgetsTab.selectedProperty().addListener((o, was, is) -> {
            if (is && budgetsTab.getContent() == null) {
                budgetsTab.setContent(budgetsView(runner, dialogs, (vkId, path) -> {
                    tabs.getSelectionModel().select(keysTab);
                    commands.openAt(vkId, path);
                }, budgetsTab));
            }
        });
        budgetsTab.setId("budgetsTab");
        budgetsTab.setClosable(false);
        budgetsTab.setGraphic(Icons.of("mdoal-account_balance"));
        tabs.getTabs().add(budgetsTab);

        ToolBar tools = toolbar(editor, commands, toggleTheme);
        // bulk changes (issue 15): one toolbar button after Delete; the dialog and its wiring live in bulk.ui
        tools.getItems().add(1 + tools.getItems().stream().map(javafx.scene.Node::getId).toList().indexOf("deleteKey"),
                button("bulkChange", "Bulk…", Icons.SYNC, "Change the selected keys, or every key matching the search, "
                        + "at once…", () -> bifrostdesk.bulk.ui.BulkLauncher.open(getScene().getWindow(), vm.client(),
                        runner, dialogs, session, vm.list(), java.util.List.copyOf(list.listView().getSelectionModel()
                                .getSelectedItems()), () -> vm.drafts().hasWorkspace() ? vm.drafts().workspace() : null)));
        if (profileSwitcher != null) {
            tools.getItems().add(0, profileSwitcher);
            tools.getItems().add(1, new Separator());
        }
        // a colour strip across the window: production (red) is never mistaken for staging
        Region tag = new Region();
        tag.setId("profileTag");
        tag.getStyleClass().addAll("profile-tag", "profile-tag-" + (session.profile() == null ? "none"
                : session.profile().colour().name().toLowerCase(java.util.Locale.ROOT)));
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(tag, tools);
        if (profileSwitcher instanceof ProfileSwitcher switcher && switcher.onSandbox()) {
            top.getChildren().add(new SandboxBanner(switcher::openProfileEditor));
        }
        setTop(top);
        // a brief notification in the corner when a save, a sync or a reconnect finishes
        Toast toast = new Toast(vm.activity());
        StackPane.setAlignment(toast, javafx.geometry.Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toast, new javafx.geometry.Insets(12));
        setCenter(new StackPane(tabs, toast));
        ActivityPanel activityPanel = new ActivityPanel(vm.activity(), () -> showActivity(false));
        this.activityPanel = activityPanel;
        activityPanel.setVisible(false);
        activityPanel.setManaged(false);
        setBottom(new javafx.scene.layout.VBox(activityPanel, new StatusBar(vm, runner,
                () -> showActivity(!activityPanel.isVisible()))));

        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            // the window-wide shortcuts come from the registry the cheat sheet lists (help.Shortcut)
            scene.getAccelerators().put(key(Shortcut.SAVE), editor::save);
            // a filter, not an accelerator: text fields have their own Ctrl+Z, which would undo only the
            // characters of one field and bypass the editor's history
            KeyCombination undoKey = key(Shortcut.UNDO);
            KeyCombination redoKey = key(Shortcut.REDO);
            KeyCombination redoKey2 = key(Shortcut.REDO_OTHER);
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (redoKey.match(e) || redoKey2.match(e)) {
                    editor.redo();
                    e.consume();
                } else if (undoKey.match(e)) {
                    editor.undo();
                    e.consume();
                }
            });
            scene.getAccelerators().put(key(Shortcut.NEW_KEY), commands::createKey);
            scene.getAccelerators().put(key(Shortcut.SEARCH), () -> list.lookup("#keySearch").requestFocus());
            scene.getAccelerators().put(key(Shortcut.HELP), help::show);
            scene.getAccelerators().put(key(Shortcut.ACTIVITY), () -> showActivity(!activityPanel.isVisible()));
        });
    }

    /**
     * The Budgets tab's screen and its three view-models: the review, its history (snapshots in this profile's
     * workspace) and the watch (settings beside the profiles); the tab's text counts the watch's new alerts.
     */
    private javafx.scene.Node budgetsView(FxTaskRunner runner, DialogService dialogs,
                                          java.util.function.BiConsumer<String, String> open,
                                          javafx.scene.control.Tab tab) {
        var review = new bifrostdesk.budgets.BudgetsViewModel(vm.client(), runner, dialogs, open);
        var store = vm.drafts().hasWorkspace() ? bifrostdesk.spend.SnapshotStore.of(vm.drafts().workspace()) : null;
        var zone = java.time.ZoneId.systemDefault();
        var watch = new bifrostdesk.budgets.history.WatchViewModel(review, store,
                bifrostdesk.drafts.DataDirs.data().resolve(bifrostdesk.spend.WatchSettingsFile.NAME), runner, zone);
        var spend = new bifrostdesk.budgets.history.SpendViewModel(review, watch.recordedProperty(),
                new bifrostdesk.virtualkey.api.SpendClient(vm.client()), store, runner, dialogs,
                java.time.Clock.systemUTC(), zone);
        tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> watch.unseenProperty().get()
                == 0 ? "Budgets" : "Budgets (" + watch.unseenProperty().get() + ")", watch.unseenProperty()));
        return new bifrostdesk.budgets.ui.BudgetsView(review, spend, watch);
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
        help = new HelpMenu(this::diagnostics, this::notice, () -> AboutDialog.show(
                getScene().getWindow(), session.serverProperty().get(), session.versionProperty().get()
                        + (session.featuresProperty().get() != null
                        && session.featuresProperty().get().newerThanTested() ? " (newer than tested)" : ""),
                session.dialectProperty().get(), links));
        ToolBar bar = new ToolBar(create, new Separator(), save, undo, redo, new Separator(), delete, spacer,
                sync, journal, refresh, theme, help);
        bar.setId("toolbar");
        return bar;
    }

    private static KeyCombination key(Shortcut s) {
        return KeyCombination.valueOf(s.keys());
    }

    /** What "Copy diagnostics" copies: versions, the server, and the last problems of the activity log. */
    private Diagnostics diagnostics() {
        var features = session.featuresProperty().get();
        return Diagnostics.of(AboutDialog.appVersion(), System.getProperty("javafx.runtime.version", "21"),
                session.serverProperty().get(), session.versionProperty().get(), session.dialectProperty().get(),
                features == null ? "" : features.notes(), vm.activity().log().lastProblems(10).stream()
                        .map(a -> a.time() + " " + a.level() + " " + a.fullText()).toList());
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The split panes whose dividers are remembered, by id. */
    public java.util.Map<String, SplitPane> splitPanes() {
        return java.util.Collections.unmodifiableMap(splits);
    }

    /** The dividers were restored from the last session: do not move them to the proportions for the width. */
    void useRememberedDividers() {
        rememberedDividers = true;
    }

    public void setLinkOpener(java.util.function.Consumer<String> opener) {
        this.links = opener;
    }

    /** Shows a short notice in the status line and the activity panel (the non-modal channel of the dialogs). */
    public void notice(String text) {
        vm.activity().notice(text);
    }

    /** Opens or closes the activity panel above the status bar; an opened panel takes the keyboard focus. */
    public void showActivity(boolean show) {
        activityPanel.setVisible(show);
        activityPanel.setManaged(show);
        if (show) {
            activityPanel.focusList();
        }
    }

    /** The lookups the pickers use. */
    public Lookups.Snapshot lookups() {
        return session.lookupsProperty().get();
    }
}
