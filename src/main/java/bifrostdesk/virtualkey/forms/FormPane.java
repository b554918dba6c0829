package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
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
    private final List<Node> shownControls = new ArrayList<>();
    private final List<Runnable> refreshers = new ArrayList<>();
    /** Controls that change the key (buttons, check boxes): disabled while the node is read-only. */
    private final List<Node> guarded = new ArrayList<>();
    private final Label readOnlyNote = new Label();
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
        readOnlyNote.setId("readOnlyNote");
        readOnlyNote.getStyleClass().add(Styles.BANNER_INFO);
        readOnlyNote.setWrapText(true);
        readOnlyNote.setGraphic(bifrostdesk.common.ui.Icons.of(bifrostdesk.common.ui.Icons.READ_ONLY));
        root.getChildren().addAll(t, readOnlyNote, grid);
    }

    /** True when nothing of this node may be changed (see {@code Editability}). */
    protected boolean readOnly() {
        return !ctx.vm().canEdit(path, null);
    }

    /** Registers controls that are disabled while the node is read-only; returns the first for chaining. */
    protected <T extends Node> T guard(T node, Node... more) {
        guarded.add(node);
        guarded.addAll(List.of(more));
        return node;
    }

    /** A read-only line of text in the grid, with an id (for tests and screen readers). */
    protected Label info(String id, String label, String help) {
        Label value = new Label();
        value.setId(id);
        value.setWrapText(true);
        value.setAccessibleText(label);
        addRow(label, value, help, null);
        return value;
    }

    /** Whether the generic read-only note is shown above the fields (a form with its own banner turns it off). */
    protected boolean showsReadOnlyNote() {
        return true;
    }

    /** A text field bound to {@code field}; the raw text the user types is kept even when invalid. */
    protected TextField text(String id, String label, Field field, String help) {
        TextField tf = new TextField();
        tf.setId(id);
        tf.setAccessibleText(label);
        bind(tf, label, field, help, tf);
        return tf;
    }

    /** An editable combo box (typed text or a common choice) bound to {@code field}. */
    protected ComboBox<String> choice(String id, String label, Field field, String help, List<String> choices) {
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

    private void bind(TextInputControl input, String label, Field field, String help, Node shown) {
        FieldBinding b = new FieldBinding(ctx.vm(), input, FieldKey.of(path, field));
        // the message is named after the control the user sees (a combo box, not its inner editor)
        b.message().setId(shown.getId() + "Message");
        bindings.add(b);
        shownControls.add(shown);
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
        for (int i = 0; i < bindings.size(); i++) {
            boolean editable = ctx.vm().canEdit(path, bindings.get(i).field());
            bindings.get(i).refresh(editable);
            shownControls.get(i).setDisable(!editable);
        }
        boolean ro = readOnly();
        guarded.forEach(n -> n.setDisable(ro));
        var reason = showsReadOnlyNote() ? ctx.vm().readOnlyReason(path) : java.util.Optional.<String>empty();
        readOnlyNote.setText(reason.orElse(""));
        readOnlyNote.setVisible(reason.isPresent());
        readOnlyNote.setManaged(reason.isPresent());
        refreshers.forEach(Runnable::run);
    }
}
