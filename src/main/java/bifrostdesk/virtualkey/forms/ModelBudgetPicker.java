package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.Violation;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Adds per-model budgets to a provider config (v2, REFERENCE-v2.md §11.6): a model picked from the provider's
 * models (or typed), then "Add"; the new model starts with a monthly budget, selected for editing.
 */
final class ModelBudgetPicker extends VBox {
    private final FormContext ctx;
    private final int pcIndex;
    private final ComboBox<String> model = new ComboBox<>();
    private final Button add = new Button("Add", Icons.of(Icons.ADD));
    private final Label message = new Label();

    ModelBudgetPicker(FormContext ctx, int pcIndex) {
        super(4);
        this.ctx = ctx;
        this.pcIndex = pcIndex;
        model.setEditable(true);
        model.setId("modelBudgetPicker");
        model.getEditor().setId("modelBudgetPickerText");
        model.setAccessibleText("Model to give its own budget");
        model.setPromptText("Choose a model");
        add.setId("addModelBudget");
        add.setAccessibleText("Add a per-model budget for the chosen model");
        add.setOnAction(e -> {
            String typed = model.getEditor().getText();
            Optional<String> problem = ctx.v2().addModelBudget(pcIndex, typed);
            FieldBinding.decorate(model, message, problem.map(p -> new Violation(
                    bifrostdesk.virtualkey.model.FieldKey.of("", bifrostdesk.virtualkey.model.Field.NODE),
                    bifrostdesk.virtualkey.model.Severity.ERROR, p)));
            if (problem.isEmpty()) {
                model.getEditor().clear();
            }
        });
        message.setId("modelBudgetPickerMessage");
        message.setWrapText(true);
        message.setManaged(false);
        // the button keeps its word; the model picker gives way in a narrow form
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(new HBox(6, model, add), message);
        refresh(false);
    }

    void refresh(boolean readOnly) {
        List<String> choices = ctx.v2().modelChoices(pcIndex, ctx.lookups().get());
        if (!model.getItems().equals(choices)) {
            model.getItems().setAll(choices);
        }
        model.setDisable(readOnly);
        add.setDisable(readOnly);
    }
}
