package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.edit.KeyEdits;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.TreeBuilder;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * Per-model budgets of a provider config ({@code model_budgets}, REFERENCE-v2.md §11.6): the list, or one model
 * with a summary of its budgets and rate limit (those are child nodes with their own forms). The list adds a model
 * (picked from the provider's models); one model can be removed, deleting its usage (the plan says how much).
 */
final class ModelBudgetForm extends FormPane {
    private final Label provider;
    private final Label model;
    private final Label summary;
    private final ModelBudgetPicker picker;

    ModelBudgetForm(FormContext ctx, String path) {
        super(ctx, path, NodePath.parse(path).kind() == NodeKind.MODEL_BUDGETS ? "Per-model budgets"
                : "Per-model budget");
        provider = info("modelBudgetProvider", "Provider", null);
        model = info("modelBudgetModel", "Model", null);
        summary = info("modelBudgetSummary", "Limits", "A request for this model must pass these limits and the "
                + "provider config's own. Removing the provider config removes them with their usage.");
        NodePath p = NodePath.parse(path);
        if (p.kind() == NodeKind.MODEL_BUDGETS) {
            picker = new ModelBudgetPicker(ctx, p.providerIndex());
            addRow("Add", picker, null, null);
        } else {
            picker = null;
            Button remove = new Button("Remove per-model budgets", Icons.of(Icons.DELETE));
            remove.setId("removeModelBudget");
            remove.setAccessibleText("Remove this model's budgets and rate limit");
            remove.setOnAction(e -> ctx.vm().remove(path));
            root.getChildren().add(guard(remove));
        }
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        VirtualKey vk = ctx.vm().editedProperty().get();
        NodePath p = NodePath.parse(path);
        if (p.providerIndex() >= vk.providerConfigs().size()) {
            return;
        }
        ProviderConfig pc = vk.providerConfigs().get(p.providerIndex());
        provider.setText(pc.provider());
        if (picker != null) {
            picker.refresh(readOnly());
        }
        if (p.kind() == NodeKind.MODEL_BUDGETS) {
            model.setText(pc.modelBudgets().stream().map(ModelBudget::modelName).collect(Collectors.joining(", ")));
            summary.setText(pc.modelBudgets().size() + " model" + (pc.modelBudgets().size() == 1 ? "" : "s")
                    + " with their own budgets or rate limits; usage " + bifrostdesk.virtualkey.model.Money.format(pc.modelBudgetUsage()));
            return;
        }
        ModelBudget mb = KeyEdits.modelBudgetOf(vk, p);
        if (mb == null) {
            return;
        }
        model.setText(mb.modelName());
        String budgets = mb.budgets().isEmpty() ? "no budget" : mb.budgets().stream()
                .map(b -> bifrostdesk.virtualkey.model.Money.format(b.currentUsage()) + " of "
                        + (b.effectiveLimit() == null ? "?" : bifrostdesk.virtualkey.model.Money.format(b.effectiveLimit()))
                        + " per " + b.resetDuration()).collect(Collectors.joining(", "));
        String rl = mb.rateLimit() == null || mb.rateLimit().isEmpty() ? "no rate limit"
                : "rate limit " + TreeBuilder.rateText(mb.rateLimit());
        summary.setText(budgets + "; " + rl);
    }
}
