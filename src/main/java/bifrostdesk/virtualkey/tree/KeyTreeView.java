package bifrostdesk.virtualkey.tree;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.common.ui.UsageBar;
import bifrostdesk.virtualkey.model.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The tree of one key. Binds to the editor view-model: rebuilt from its plain {@link TreeNode} data on every
 * change, keeping expansion and selection by path.
 */
public final class KeyTreeView extends TreeView<TreeNode> {
    private final VirtualKeyEditorViewModel vm;
    private final Map<String, Boolean> expanded = new HashMap<>();
    private final Map<String, TreeItem<TreeNode>> byPath = new HashMap<>();
    private boolean syncing;
    /** Whether the shown key was access-profile-managed: cells reused across keys must redraw their locks. */
    private boolean shownManaged;
    private final javafx.collections.ObservableList<bifrostdesk.virtualkey.model.Violation> problems;

    public KeyTreeView(VirtualKeyEditorViewModel vm, NodeActions actions) {
        this.vm = vm;
        setId("keyTree");
        setAccessibleText("Virtual key tree");
        setShowRoot(true);
        setCellFactory(t -> new Cell(actions));
        vm.treeProperty().addListener((o, a, b) -> rebuild(b));
        // problems() hands out an unmodifiable view that listens to the real list only weakly: keep the view,
        // or after a garbage collection the badges no longer follow the problems
        problems = vm.problems();
        problems.addListener((javafx.collections.ListChangeListener<? super bifrostdesk.virtualkey.model.Violation>) c -> refresh());
        ChangeListener<String> select = (o, a, b) -> selectPath(b);
        vm.selectedPathProperty().addListener(select);
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.selectedPathProperty().set(b.getValue().path());
            }
        });
        setOnKeyPressed(e -> {
            TreeItem<TreeNode> item = getSelectionModel().getSelectedItem();
            if (item == null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE && vm.canRemove(item.getValue().path())) {
                actions.remove(item.getValue().path());
                e.consume();
            }
        });
        if (vm.treeProperty().get() != null) {
            rebuild(vm.treeProperty().get());
        }
    }

    /**
     * Brings the tree items in line with the new data, reusing the items of nodes that are still there (by path):
     * typing in a field changes one node's value, not thousands of items, and expansion stays as it was.
     */
    private void rebuild(TreeNode root) {
        syncing = true;
        try {
            if (root == null) {
                byPath.clear();
                setRoot(null);
            } else if (getRoot() == null || !getRoot().getValue().path().equals(root.path())) {
                byPath.clear();
                setRoot(item(root, 0));
            } else {
                update(getRoot(), root, 0);
            }
            boolean managed = vm.editedProperty().get() != null && vm.editedProperty().get().isAccessProfileManaged();
            if (managed != shownManaged) {
                // read-only marks come from the key, not from the node data: equal nodes were not redrawn
                shownManaged = managed;
                refresh();
            }
            selectPath(vm.selectedPathProperty().get());
        } finally {
            syncing = false;
        }
    }

    private void update(TreeItem<TreeNode> item, TreeNode node, int depth) {
        if (item.getValue() != node && !item.getValue().equals(node)) {
            item.setValue(node);
        }
        var kids = item.getChildren();
        boolean sameShape = kids.size() == node.children().size();
        for (int i = 0; sameShape && i < kids.size(); i++) {
            sameShape = kids.get(i).getValue().path().equals(node.children().get(i).path());
        }
        if (sameShape) {
            for (int i = 0; i < kids.size(); i++) {
                TreeNode child = node.children().get(i);
                if (kids.get(i).getValue() != child && !kids.get(i).getValue().equals(child)) {
                    update(kids.get(i), child, depth + 1);
                }
            }
            return;
        }
        // structure changed (a node added or removed): keep items whose path still exists, create the others
        java.util.Map<String, TreeItem<TreeNode>> old = new java.util.HashMap<>();
        for (TreeItem<TreeNode> k : kids) {
            old.put(k.getValue().path(), k);
            expanded.put(k.getValue().path(), k.isExpanded());
        }
        java.util.List<TreeItem<TreeNode>> next = new java.util.ArrayList<>(node.children().size());
        for (TreeNode child : node.children()) {
            TreeItem<TreeNode> reuse = old.remove(child.path());
            if (reuse != null) {
                update(reuse, child, depth + 1);
                next.add(reuse);
            } else {
                next.add(item(child, depth + 1));
            }
        }
        old.values().forEach(this::forget);
        kids.setAll(next);
    }

    private void forget(TreeItem<TreeNode> item) {
        byPath.remove(item.getValue().path());
        item.getChildren().forEach(this::forget);
    }

    private TreeItem<TreeNode> item(TreeNode node, int depth) {
        TreeItem<TreeNode> item = new TreeItem<>(node);
        byPath.put(node.path(), item);
        // new nodes open two levels deep; large lists of provider configs stay closed until asked
        item.setExpanded(expanded.getOrDefault(node.path(), depth < 2 && node.children().size() < 50));
        for (TreeNode c : node.children()) {
            item.getChildren().add(item(c, depth + 1));
        }
        return item;
    }

    private void selectPath(String path) {
        TreeItem<TreeNode> item = byPath.get(path == null ? "" : path);
        if (item == null) {
            return;
        }
        // expanding a parent shifts the selected row, which the selection model reports as a new selection:
        // ignore those moves, or the view-model would be told the user picked whatever row slid into place
        boolean was = syncing;
        syncing = true;
        try {
            for (TreeItem<TreeNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            getSelectionModel().select(item);
        } finally {
            syncing = was;
        }
        int row = getRow(item);
        if (row >= 0) {
            scrollTo(Math.max(0, row - 3));
        }
    }

    /** What the context menu and keyboard can do with a node; implemented by the editor view. */
    public interface NodeActions {
        void add(String path);

        void remove(String path);

        void duplicate(String path);

        String addLabel(String path);
    }

    private final class Cell extends TreeCell<TreeNode> {
        private final Label label = new Label();
        private final Label detail = new Label();
        private final Label marker = new Label("●");
        private final Label badge = new Label();
        private final Label lock = new Label(null, Icons.of(Icons.READ_ONLY));
        private final UsageBar usage = new UsageBar(70);
        private final HBox box = new HBox(6);
        private final NodeActions actions;

        Cell(NodeActions actions) {
            this.actions = actions;
            detail.getStyleClass().add(Styles.MUTED);
            marker.getStyleClass().add(Styles.DIRTY_MARKER);
            marker.setAccessibleText("unsaved change");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            lock.setAccessibleText("read-only");
            lock.getStyleClass().add(Styles.MUTED);
            box.getChildren().addAll(label, marker, badge, lock, usage, detail);
            // the row fits the tree instead of widening it behind a horizontal scroll bar: the node's name and the
            // usage keep their size, the detail gives way at a word boundary, and the tooltip has it whole
            setPrefWidth(0);
            label.setMinWidth(Region.USE_PREF_SIZE);
            // the bar is how a burning budget is seen at a glance: it keeps its width, only the detail gives way
            usage.setBarMinWidth(Region.USE_PREF_SIZE);
            usage.setMinWidth(Region.USE_PREF_SIZE);
            detail.setMinWidth(0);
            detail.setTextOverrun(javafx.scene.control.OverrunStyle.WORD_ELLIPSIS);
            HBox.setHgrow(detail, Priority.SOMETIMES);
            detail.setMaxWidth(Double.MAX_VALUE);
            setTooltip(tip);
        }

        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        @Override
        protected void updateItem(TreeNode node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null) {
                setGraphic(null);
                setText(null);
                setContextMenu(null);
                return;
            }
            label.setGraphic(Icons.forKind(node.kind()));
            label.setText(node.label());
            detail.setText(node.detail());
            boolean budget = node.kind() == NodeKind.BUDGET;
            usage.setVisible(budget);
            usage.setManaged(budget);
            if (budget) {
                usage.setFraction(node.usageFraction());
            }
            // the key node stays unlocked: its name and description can always be edited
            boolean readOnly = !node.path().isEmpty() && vm.readOnlyReason(node.path()).isPresent();
            lock.setVisible(readOnly);
            lock.setManaged(readOnly);
            marker.setVisible(node.changed());
            marker.setManaged(node.changed());
            Optional<Severity> sev = vm.severityAt(node.path());
            badge.setVisible(sev.isPresent());
            badge.setManaged(sev.isPresent());
            sev.ifPresent(s -> {
                badge.setGraphic(Icons.of(s == Severity.ERROR ? Icons.ERROR : Icons.WARNING));
                badge.getStyleClass().setAll("label", s == Severity.ERROR ? Styles.BADGE_ERROR : Styles.BADGE_WARNING);
                badge.setAccessibleText(s == Severity.ERROR ? "has errors" : "has warnings");
            });
            setText(null);
            setGraphic(box);
            tip.setText(node.label() + (node.detail().isEmpty() ? "" : " — " + node.detail()));
            setAccessibleText(node.label() + ", " + node.detail() + (node.changed() ? ", changed" : "")
                    + (readOnly ? ", read-only" : ""));
            setContextMenu(menu(node));
        }

        private ContextMenu menu(TreeNode node) {
            ContextMenu m = new ContextMenu();
            String add = vm.canEdit(node.path(), null) ? actions.addLabel(node.path()) : null;
            if (add != null) {
                MenuItem i = new MenuItem(add, Icons.of(Icons.ADD));
                i.setId("menuAdd");
                i.setOnAction(e -> actions.add(node.path()));
                m.getItems().add(i);
            }
            if (vm.canDuplicate(node.path())) {
                MenuItem i = new MenuItem("Duplicate", Icons.of(Icons.DUPLICATE));
                i.setId("menuDuplicate");
                i.setOnAction(e -> actions.duplicate(node.path()));
                m.getItems().add(i);
            }
            if (vm.canRemove(node.path())) {
                if (!m.getItems().isEmpty()) {
                    m.getItems().add(new SeparatorMenuItem());
                }
                MenuItem i = new MenuItem("Remove", Icons.of(Icons.DELETE));
                i.setId("menuRemove");
                i.setOnAction(e -> actions.remove(node.path()));
                m.getItems().add(i);
            }
            return m.getItems().isEmpty() ? null : m;
        }
    }
}
