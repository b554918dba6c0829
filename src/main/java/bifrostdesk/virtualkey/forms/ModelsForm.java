package bifrostdesk.virtualkey.forms;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/**
 * Allowed models as chips ("*" means every model) and, on servers that have them (v1.5.2+), the blocked models
 * next to them: a blocked model is refused even when allowed. Entries may be {@code regex:} patterns on v2.2.0+.
 */
final class ModelsForm extends FormPane {
    private final CheckBox all = new CheckBox("All models (*)");
    private final ModelListEditor allowed;
    private final ModelListEditor blocked;

    ModelsForm(FormContext ctx, String path) {
        super(ctx, path, "Allowed models");
        all.setId("allModels");
        all.setOnAction(e -> ctx.vm().setModels(index(), all.isSelected() ? List.of("*") : List.of()));
        allowed = new ModelListEditor(ctx, "model", "Model to allow", "No models: every request is denied.",
                () -> current().allowedModels(), list -> ctx.vm().setModels(index(), list));
        root.getChildren().addAll(all, allowed);
        guard(all);
        if (ctx.vm().dialect().atLeast(Dialect.LATER)) {
            blocked = new ModelListEditor(ctx, "blocked", "Model to block", "None blocked.",
                    () -> current().blacklistedModels(), list -> ctx.v2().setBlockedModels(index(), list));
            Label title = new Label("Blocked models: refused even when allowed above");
            title.setLabelFor(blocked.entry());
            root.getChildren().addAll(title, blocked);
        } else {
            blocked = null;
        }
        refresh();
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
        TreeSet<String> suggestions = new TreeSet<>();
        for (Lookups.ProviderKey k : ctx.lookups().get().keys()) {
            if (k.provider().equals(pc.provider())) {
                suggestions.addAll(k.models());
            }
        }
        allowed.refresh(readOnly(), suggestions, ctx.vm().problemAt(FieldKey.of(path, Field.ALLOWED_MODELS)));
        if (blocked != null) {
            blocked.refresh(readOnly(), suggestions,
                    ctx.vm().problemAt(FieldKey.of(path, Field.BLACKLISTED_MODELS)));
        }
    }
}
