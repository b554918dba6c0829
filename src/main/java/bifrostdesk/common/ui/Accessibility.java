package bifrostdesk.common.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;

/**
 * Gives every labelled control without an accessible text its visible text, so screen readers announce it; and
 * finds the focusable controls that still have no name (the window tests use it, so none slips in).
 */
public final class Accessibility {
    private Accessibility() {
    }

    /**
     * The visible, focusable controls under {@code root} that a screen reader could not name: no accessible text,
     * no text of their own, and no label pointing at them ({@code labelFor}).
     */
    public static java.util.List<Node> unnamed(Node root) {
        java.util.Set<Node> labelled = new java.util.HashSet<>();
        java.util.List<Node> all = new java.util.ArrayList<>();
        collect(root, all);
        for (Node n : all) {
            if (n instanceof javafx.scene.control.Label l && l.getLabelFor() != null) {
                labelled.add(l.getLabelFor());
            }
        }
        java.util.List<Node> out = new java.util.ArrayList<>();
        for (Node n : all) {
            if (n.isFocusTraversable() && !n.isDisabled() && n instanceof javafx.scene.control.Control
                    && !labelled.contains(n) && !named(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean named(Node n) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return true;
        }
        return n instanceof Labeled l && l.getText() != null && !l.getText().isBlank();
    }

    /** The visible nodes, skins included (a combo box's editor, a scroll pane's content). */
    private static void collect(Node node, java.util.List<Node> into) {
        if (!node.isVisible()) {
            return;
        }
        into.add(node);
        if (node instanceof ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), into);
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, into);
            }
        }
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
