package bifrostdesk.common.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;

/** Gives every labelled control without an accessible text its visible text, so screen readers announce it. */
public final class Accessibility {
    private Accessibility() {
    }

    public static void fill(Node node) {
        if (node instanceof Labeled l && l.getAccessibleText() == null && l.getText() != null && !l.getText().isBlank()) {
            l.setAccessibleText(l.getText());
        }
        if (node instanceof ScrollPane sp && sp.getContent() != null) {
            fill(sp.getContent());
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                fill(c);
            }
        }
    }
}
