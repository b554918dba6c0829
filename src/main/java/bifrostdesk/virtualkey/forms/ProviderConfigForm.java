package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.V2Support;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;

/**
 * One provider config: which provider, with which routing weight, and (v2) per-model budgets to add. Keys, models
 * and limits are child nodes.
 */
final class ProviderConfigForm extends FormPane {
    private final ModelBudgetPicker models;

    ProviderConfigForm(FormContext ctx, String path) {
        super(ctx, path, "Provider config");
        choice("providerName", "Provider", Field.PROVIDER, "Must be a provider configured on the server.",
                ctx.lookups().get().providers().stream().map(Lookups.Provider::name).toList());
        text("providerWeight", "Weight", Field.WEIGHT, "Relative share of traffic among weighted configs "
                + "(they need not sum to 1). Empty = not part of weighted routing.");
        Button dup = new Button("Duplicate", Icons.of(Icons.DUPLICATE));
        dup.setId("duplicateProviderConfig");
        dup.setOnAction(e -> ctx.vm().duplicate(path));
        Button remove = new Button("Remove provider config", Icons.of(Icons.DELETE));
        remove.setId("removeProviderConfig");
        remove.setOnAction(e -> ctx.vm().remove(path));
        root.getChildren().add(guard(new HBox(8, dup, remove)));
        // v2: budgets and a rate limit for single models of this provider (absent on older servers)
        if (V2Support.v2(ctx.vm().dialect())) {
            models = new ModelBudgetPicker(ctx, NodePath.parse(path).providerIndex());
            addRow("Per-model limits", models, "A model with its own budgets and rate limit: its requests must "
                    + "pass them and this config's own.", null);
        } else {
            models = null;
        }
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        if (models != null && NodePath.parse(path).providerIndex() < ctx.vm().editedProperty().get()
                .providerConfigs().size()) {
            models.refresh(readOnly());
        }
    }
}
