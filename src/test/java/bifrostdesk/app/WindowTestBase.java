package bifrostdesk.app;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Shared set-up of the window tests: a fresh sandbox and the real main window per test, plus robot helpers that
 * go through the controls (clicks, typing, menus) rather than the view-model.
 */
abstract class WindowTestBase {
    static {
        // fewer intermediate mouse positions and no pause per typed character: every step is a pulse of the
        // software renderer on a shared 2-core machine (TestFX reads these once, when its robots load)
        System.setProperty("testfx.robot.move_max_count", "2");
        System.setProperty("testfx.robot.write_sleep", "0");
    }

    protected SandboxServer sandbox;
    protected DeskApp.Shell shell;

    /** Each subclass calls this from its own {@code @Start} method (TestFX looks only at the test class's own methods). */
    void openWindow(Stage stage) {
        openWindow(stage, SandboxOptions.defaults());
    }

    /** As {@link #openWindow(Stage)}, against a sandbox started with {@code options} (e.g. another dialect). */
    void openWindow(Stage stage, SandboxOptions options) {
        sandbox = SandboxServer.start(options);
        shell = DeskApp.open(stage, new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), true);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    ListView<VirtualKey> keyList(FxRobot robot) {
        return robot.lookup("#keyList").queryAs(ListView.class);
    }

    List<String> listedNames(FxRobot robot) {
        return listed(robot).stream().map(VirtualKey::name).toList();
    }

    /**
     * A copy of the list's items, taken on the FX thread: iterating them from the test thread while a page arrives
     * throws ConcurrentModificationException now and then.
     */
    List<VirtualKey> listed(FxRobot robot) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> new ArrayList<>(keyList(robot).getItems()))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a key by clicking its row in the list. */
    void openKey(FxRobot robot, String name) throws Exception {
        await(() -> listed(robot).stream().anyMatch(v -> v.name().equals(name)));
        robot.clickOn(listCell(robot, name));
        await(() -> shell.viewModel().editor().editedProperty().get() != null
                && shell.viewModel().editor().editedProperty().get().name().equals(name)
                && !shell.viewModel().session().lookupsProperty().get().providers().isEmpty());
    }

    /** The list row of a key, scrolled into view once the list has it (the V2 seed is longer than the window). */
    Node listCell(FxRobot robot, String name) throws Exception {
        ListView<VirtualKey> list = keyList(robot);
        await(() -> listed(robot).stream().anyMatch(v -> v.name().equals(name)));
        // scroll on every poll: the list may be refilled (a later page, a refresh) after the first scroll
        await(() -> {
            if (findListCell(robot, name) != null) {
                return true;
            }
            javafx.application.Platform.runLater(() -> list.getItems().stream().filter(v -> v.name().equals(name))
                    .findFirst().ifPresent(list::scrollTo));
            return false;
        });
        return findListCell(robot, name);
    }

    private static Node findListCell(FxRobot robot, String name) {
        return robot.lookup("#keyList .list-cell").match((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof VirtualKey v && v.name().equals(name) && c.isVisible()).tryQuery().orElse(null);
    }

    @SuppressWarnings("unchecked")
    TreeView<TreeNode> tree(FxRobot robot) {
        return robot.lookup("#keyTree").queryAs(TreeView.class);
    }

    /** The visible tree cell of a node path; expands its parents with their disclosure arrows if needed. */
    Node treeCell(FxRobot robot, String path) throws Exception {
        if (!path.isEmpty() && findCell(robot, path) == null) {
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            Node parentCell = treeCell(robot, parent);
            robot.clickOn(robot.from(parentCell).lookup(".tree-disclosure-node").queryAs(Node.class));
        }
        await(() -> findCell(robot, path) != null);
        return findCell(robot, path);
    }

    /**
     * The tree cell of a node path after scrolling it into view (expanding its parents): for trees longer than the
     * window, where {@link #treeCell} would not find the cell laid out.
     */
    Node scrolledTreeCell(FxRobot robot, String path) throws Exception {
        TreeView<TreeNode> tree = tree(robot);
        robot.interact(() -> {
            TreeItem<TreeNode> item = findItem(tree.getRoot(), path);
            if (item != null) {
                for (TreeItem<TreeNode> p = item.getParent(); p != null; p = p.getParent()) {
                    p.setExpanded(true);
                }
                tree.scrollTo(Math.max(0, tree.getRow(item) - 1));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        await(() -> findCell(robot, path) != null);
        return findCell(robot, path);
    }

    private static TreeItem<TreeNode> findItem(TreeItem<TreeNode> item, String path) {
        if (item == null || item.getValue().path().equals(path)) {
            return item;
        }
        for (TreeItem<TreeNode> c : item.getChildren()) {
            TreeItem<TreeNode> f = findItem(c, path);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static Node findCell(FxRobot robot, String path) {
        return robot.lookup("#keyTree .tree-cell").match((Node n) -> n instanceof TreeCell<?> c
                && c.getItem() instanceof TreeNode t && t.path().equals(path) && c.isVisible()).tryQuery().orElse(null);
    }

    /** Selects a node by clicking its cell in the tree. */
    void clickNode(FxRobot robot, String path) throws Exception {
        robot.clickOn(treeCell(robot, path));
        try {
            await(() -> path.equals(shell.viewModel().editor().selectedPathProperty().get()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("clicked " + path + " but selected is " + selectedPath());
        }
    }

    /**
     * Right-clicks a node and picks an item of its context menu. Monocle's headless platform sends no menu event
     * for a right click (a desktop platform does), so after the robot's real right click the test delivers the
     * {@link ContextMenuEvent} the platform would have sent, at the same point; the control then shows its own menu.
     */
    void chooseFromContextMenu(FxRobot robot, Node target, String itemQuery) throws Exception {
        robot.rightClickOn(target);
        Bounds b = target.localToScreen(target.getBoundsInLocal());
        double sx = b.getCenterX();
        double sy = b.getCenterY();
        Point2D local = target.screenToLocal(sx, sy);
        robot.interact(() -> Event.fireEvent(target, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                local.getX(), local.getY(), sx, sy, false, new PickResult(target, sx, sy))));
        await(() -> robot.lookup(itemQuery).tryQuery().isPresent());
        robot.clickOn(itemQuery);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The status line's whole text (its tooltip): the line itself shows a short sentence, the tooltip and the
     * activity panel the full message.
     */
    String statusText(FxRobot robot) {
        return robot.lookup("#statusMessage").queryLabeled().getTooltip().getText();
    }

    String selectedPath() {
        return shell.viewModel().editor().selectedPathProperty().get();
    }

    /** Replaces the whole text of a text field (or a combo box's editor) by typing. */
    void typeInto(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    void ctrlS(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ctrl+S, waits for the plan dialog and confirms it; returns the plan's change lines. */
    @SuppressWarnings("unchecked")
    List<String> saveThroughPlan(FxRobot robot) throws Exception {
        ctrlS(robot);
        await(() -> robot.lookup("#confirmSave").tryQuery().isPresent());
        List<String> changes = new ArrayList<>(robot.lookup("#planChanges").queryAs(ListView.class).getItems());
        robot.clickOn("#confirmSave");
        await(() -> !shell.viewModel().editor().busyProperty().get()
                && !shell.viewModel().editor().dirtyProperty().get());
        return changes;
    }

    JsonNode stored(String name) {
        String id = sandbox.vkIdByName(name);
        return id == null ? null : sandbox.vkJson(id);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
