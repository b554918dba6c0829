package bifrostdesk.activity.ui;

import bifrostdesk.activity.Activity;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A brief notification in a corner of the window when a long operation finishes (a save, a sync, a reconnect): the
 * status line says it too, but the user may be looking elsewhere. It hides by itself after a few seconds and never
 * takes the focus or a click.
 */
public final class Toast extends Label {
    private final PauseTransition hide = new PauseTransition(Duration.seconds(4));

    public Toast(ActivityViewModel vm) {
        setId("toast");
        getStyleClass().add("toast");
        setVisible(false);
        setMouseTransparent(true);
        setFocusTraversable(false);
        setWrapText(true);
        setMaxWidth(420);
        hide.setOnFinished(e -> setVisible(false));
        vm.finishedProperty().addListener((o, before, a) -> {
            if (a != null) {
                show(a);
            }
        });
    }

    private void show(Activity a) {
        setText(a.summary());
        setGraphic(LevelIcons.of(a.level()));
        setVisible(true);
        hide.playFromStart();
    }
}
