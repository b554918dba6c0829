package bifrostdesk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Gives the window back its size, position and split-pane dividers from the last session, and follows them while
 * the app runs; {@link #save()} writes them to the app's settings ({@link WindowState}) when the app closes.
 * Used on the FX thread only. A saved position that no screen shows any more (a monitor was unplugged) is dropped
 * and the window is centred instead.
 */
final class WindowMemory {
    private static final Logger LOG = Logger.getLogger(WindowMemory.class.getName());
    private final Path file;
    private WindowState state;
    private boolean changed;

    /** {@code saved} is what was read from {@code file} (off the FX thread, before the toolkit started). */
    WindowMemory(Path file, WindowState saved) {
        this.file = file;
        this.state = saved;
    }

    static WindowMemory load(Path file) {
        return new WindowMemory(file, WindowState.read(file).orElse(null));
    }

    /** The state as it is now (null until something was saved or the window was placed). */
    WindowState state() {
        return state;
    }

    /** Before the stage is first shown: puts it where it was, then follows its moves and resizes. */
    void placeStage(Stage stage) {
        if (state != null) {
            stage.setWidth(state.width());
            stage.setHeight(state.height());
            if (visible(state)) {
                stage.setX(state.x());
                stage.setY(state.y());
            } else {
                stage.centerOnScreen();
            }
            stage.setMaximized(state.maximized());
        }
        Runnable follow = () -> {
            // the bounds of a maximized or minimised window are not the ones to come back to
            if (!stage.isIconified() && !stage.isMaximized() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                update(current().withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
            } else if (stage.isMaximized() != current().maximized()) {
                WindowState c = current();
                update(c.withBounds(c.x(), c.y(), c.width(), c.height(), stage.isMaximized()));
            }
        };
        stage.xProperty().addListener(o -> follow.run());
        stage.yProperty().addListener(o -> follow.run());
        stage.widthProperty().addListener(o -> follow.run());
        stage.heightProperty().addListener(o -> follow.run());
        stage.maximizedProperty().addListener(o -> follow.run());
    }

    /** After a main window is built (also after a profile switch): restores its dividers and follows them. */
    boolean attach(Map<String, SplitPane> splits) {
        boolean[] restored = {false};
        splits.forEach((id, split) -> {
            List<Double> saved = state == null ? null : state.dividers().get(id);
            if (saved != null && saved.size() == split.getDividers().size()) {
                split.setDividerPositions(saved.stream().mapToDouble(Double::doubleValue).toArray());
                restored[0] = true;
            }
            split.getDividers().forEach(d -> d.positionProperty().addListener(o -> update(current().withDividers(id,
                    split.getDividers().stream().map(SplitPane.Divider::getPosition).toList()))));
        });
        return restored[0];
    }

    /** Writes the state if anything changed since it was read. */
    void save() {
        if (!changed || state == null) {
            return;
        }
        try {
            state.write(file);
            changed = false;
        } catch (IOException e) {
            LOG.warning("The window layout could not be saved: " + e.getMessage());
        }
    }

    private WindowState current() {
        return state != null ? state : new WindowState(0, 0, 1280, 800, false, Map.of());
    }

    private void update(WindowState next) {
        if (!next.equals(state)) {
            state = next;
            changed = true;
        }
    }

    private static boolean visible(WindowState s) {
        // at least the title bar's left part must be on a screen to grab the window
        return !Screen.getScreensForRectangle(new Rectangle2D(s.x(), s.y(), Math.min(s.width(), 200), 40)).isEmpty();
    }
}
