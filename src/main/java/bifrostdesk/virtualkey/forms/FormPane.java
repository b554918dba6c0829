package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Shared layout for the node forms: a title, labelled rows with help and messages, extra content below. */
abstract class FormPane implements NodeForm {
    protected final FormContext ctx;
    protected final String path;
    protected final VBox root = new VBox(10);
    private final GridPane grid = new GridPane();
    private final List<FieldBinding> bindings = new ArrayList<>();
    private final List<Runnable> refreshers = new ArrayList<>();
    private int row;

    FormPane(FormContext ctx, String path, String title) {
        this.ctx = ctx;
        this.path = path;
        root.getStyleClass().add(Styles.FORM);
        Label t = new Label(title);
        t.getStyleClass().add(Styles.FORM_TITLE);
        t.setId("formTitle");
        grid.setHgap(10);
        grid.setVgap(4);
        root.getChildren().addAll(t, grid);
    }

    /** A text field bound to {@code field}; the raw text the user types is kept even when invalid. */
    protected TextField text(String id, String label, String field, String help) {
        TextField tf = new TextField();
        tf.setId(id);
        tf.setAccessibleText(label);
        bind(tf, label, field, help, tf);
        return tf;
    }

    /** An editable combo box (typed text or a common choice) bound to {@code field}. */
    protected ComboBox<String> choice(String id, String label, String field, String help, List<String> choices) {
        ComboBox<String> cb = new ComboBox<>();
        cb.setEditable(true);
        cb.getItems().setAll(choices);
        cb.setId(id);
        cb.setAccessibleText(label);
        cb.getEditor().setId(id + "Text");
        cb.setMaxWidth(Double.MAX_VALUE);
        bind(cb.getEditor(), label, field, help, cb);
        cb.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(cb.getEditor().getText())) {
                cb.getEditor().setText(b);
            }
        });
        return cb;
    }

    private void bind(TextInputControl input, String label, String field, String help, Node shown) {
        FieldBinding b = new FieldBinding(ctx.vm(), input, path, field);
        // the message is named after the control the user sees (a combo box, not its inner editor)
        b.message().setId(shown.getId() + "Message");
        bindings.add(b);
        addRow(label, shown, help, b.message());
    }

    protected void addRow(String label, Node control, String help, Label message) {
        Label l = new Label(label);
        l.setLabelFor(control);
        l.setMinWidth(120);
        grid.add(l, 0, row);
        VBox cell = new VBox(2, control);
        if (message != null) {
            cell.getChildren().add(message);
        }
        if (help != null) {
            Label h = new Label(help);
            h.getStyleClass().add(Styles.HELP);
            h.setWrapText(true);
            cell.getChildren().add(h);
        }
        GridPane.setHgrow(cell, Priority.ALWAYS);
        grid.add(cell, 1, row++);
    }

    protected void onRefresh(Runnable r) {
        refreshers.add(r);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void refresh() {
        bindings.forEach(FieldBinding::refresh);
        refreshers.forEach(Runnable::run);
    }
}
