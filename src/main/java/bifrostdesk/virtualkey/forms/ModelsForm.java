package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** Allowed models as chips; "*" means every model. */
final class ModelsForm extends FormPane {
    private final CheckBox all = new CheckBox("All models (*)");
    private final FlowPane chips = new FlowPane(6, 6);
    private final ComboBox<String> entry = new ComboBox<>();
    private final Label message = new Label();

    ModelsForm(FormContext ctx, String path) {
        super(ctx, path, "Allowed models");
        all.setId("allModels");
        all.setOnAction(e -> ctx.vm().setModels(index(), all.isSelected() ? List.of("*") : List.of()));
        chips.setId("modelChips");
        entry.setEditable(true);
        entry.setId("modelEntry");
        entry.getEditor().setId("modelEntryText");
        entry.setAccessibleText("Model to allow");
        entry.setPromptText("model name, e.g. gpt-4o");
        Button add = new Button("Add", Icons.of(Icons.ADD));
        add.setId("addModel");
        add.setOnAction(e -> addTyped());
        entry.getEditor().setOnAction(e -> addTyped());
        message.setId("modelsMessage");
        root.getChildren().addAll(all, chips, guard(new HBox(6, entry, add)), message);
        guard(all);
        refresh();
    }

    private void addTyped() {
        String text = entry.getEditor().getText() == null ? "" : entry.getEditor().getText().trim();
        if (text.isEmpty()) {
            return;
        }
        List<String> next = new ArrayList<>(current().allowedModels());
        next.add(text);
        entry.getEditor().clear();
        ctx.vm().setModels(index(), next);
    }

    private int index() {
        return NodePath.parse(path).providerIndex();
    }

    private ProviderConfig current() {
        return ctx.vm().editedProperty().get().providerConfigs().get(index());
    }

    @Override
    public void refresh() {
        super.refresh();
        if (index() >= ctx.vm().editedProperty().get().providerConfigs().size()) {
            return;
        }
        ProviderConfig pc = current();
        all.setSelected(pc.allowsAllModels());
        chips.getChildren().clear();
        for (String m : pc.allowedModels()) {
            Button chip = new Button(m, Icons.of("mdoal-close"));
            chip.getStyleClass().add("chip");
            chip.setId("model-" + m);
            chip.setAccessibleText("Remove model " + m);
            chip.setDisable(readOnly());
            chip.setOnAction(e -> {
                List<String> next = new ArrayList<>(current().allowedModels());
                next.remove(m);
                ctx.vm().setModels(index(), next);
            });
            chips.getChildren().add(chip);
        }
        if (pc.allowedModels().isEmpty()) {
            chips.getChildren().add(new Label("No models: every request is denied."));
        }
        TreeSet<String> suggestions = new TreeSet<>();
        for (Lookups.ProviderKey k : ctx.lookups().get().keys()) {
            if (k.provider().equals(pc.provider())) {
                suggestions.addAll(k.models());
            }
        }
        suggestions.removeAll(pc.allowedModels());
        entry.getItems().setAll(suggestions);
        FieldBinding.decorate(entry, message, ctx.vm().problemAt(FieldKey.of(path, Field.ALLOWED_MODELS)));
    }
}
