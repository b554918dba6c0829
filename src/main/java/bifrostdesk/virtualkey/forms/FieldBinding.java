package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.util.Optional;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Two-way link between a text control and one field of the editor: typing goes to the view-model as raw text,
 * model changes (undo, refresh) come back into the control, and the field's problem decorates it (ControlsFX)
 * and is written under it.
 */
final class FieldBinding {
    private static final GraphicValidationDecoration DECORATION = new GraphicValidationDecoration();

    private final VirtualKeyEditorViewModel vm;
    private final TextInputControl control;
    private final FieldKey key;
    private final Label message = new Label();
    private boolean pushing;

    FieldBinding(VirtualKeyEditorViewModel vm, TextInputControl control, FieldKey key) {
        this.vm = vm;
        this.control = control;
        this.key = key;
        message.getStyleClass().add(Styles.FIELD_MESSAGE);
        message.setWrapText(true);
        message.setId(control.getId() + "Message");
        message.setManaged(false);
        message.setVisible(false);
        control.setText(vm.text(key));
        control.textProperty().addListener((o, a, b) -> {
            if (!pushing) {
                vm.setField(key, b);
            }
        });
        control.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.leaveField(key);
            }
        });
    }

    Label message() {
        return message;
    }

    Field field() {
        return key.field();
    }

    /** Brings the control in line with the model; {@code editable} false disables it (a read-only node). */
    void refresh(boolean editable) {
        control.setDisable(!editable);
        String text = vm.text(key);
        if (!text.equals(control.getText())) {
            pushing = true;
            int caret = control.getCaretPosition();
            control.setText(text);
            control.positionCaret(Math.min(caret, text.length()));
            pushing = false;
        }
        decorate(control, message, vm.problemAt(key));
    }

    static void decorate(Control control, Label message, Optional<Violation> problem) {
        DECORATION.removeDecorations(control);
        control.getStyleClass().removeAll("field-error", "field-warning");
        if (problem.isPresent()) {
            Violation v = problem.get();
            boolean error = v.severity() == Severity.ERROR;
            DECORATION.applyValidationDecoration(error ? ValidationMessage.error(control, v.message())
                    : ValidationMessage.warning(control, v.message()));
            control.getStyleClass().add(error ? "field-error" : "field-warning");
            message.setText(v.message());
            message.getStyleClass().removeAll("error", "warning");
            message.getStyleClass().add(error ? "error" : "warning");
        } else {
            message.setText("");
        }
        message.setVisible(problem.isPresent());
        message.setManaged(problem.isPresent());
    }
}
