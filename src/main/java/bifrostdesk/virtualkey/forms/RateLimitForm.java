package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.edit.KeyEdits;
import bifrostdesk.virtualkey.model.Durations;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.NodePath;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** A rate limit: a token and a request sub-limit, each a maximum with its reset duration. */
final class RateLimitForm extends FormPane {
    private final Label none = new Label("No rate limit. Add one to cap tokens or requests per period.");
    private final Button add = new Button("Add rate limit", Icons.of(Icons.ADD));
    private final Button remove = new Button("Remove rate limit", Icons.of(Icons.DELETE));

    RateLimitForm(FormContext ctx, String path) {
        super(ctx, path, title(ctx, path));
        none.setId("rateLimitNone");
        text("tokenMaxLimit", "Max tokens", Field.TOKEN_MAX_LIMIT, "Empty for no token limit.");
        choice("tokenResetDuration", "Tokens reset every", Field.TOKEN_RESET_DURATION, BudgetForm.DURATION_HELP,
                Durations.COMMON);
        text("requestMaxLimit", "Max requests", Field.REQUEST_MAX_LIMIT, "Empty for no request limit.");
        choice("requestResetDuration", "Requests reset every", Field.REQUEST_RESET_DURATION, null, Durations.COMMON);
        add.setId("addRateLimit");
        add.setOnAction(e -> ctx.vm().addRateLimit(NodePath.parse(path).ownerPath()));
        remove.setId("removeRateLimit");
        remove.setOnAction(e -> ctx.vm().remove(path));
        root.getChildren().addAll(none, new HBox(8, add, remove));
        refresh();
    }

    private static String title(FormContext ctx, String path) {
        NodePath p = NodePath.parse(path);
        if (p.inModelBudget()) {
            var mb = KeyEdits.modelBudgetOf(ctx.vm().editedProperty().get(), p);
            return "Per-model rate limit" + (mb == null ? "" : " · " + mb.modelName());
        }
        return p.inProviderConfig() ? "Provider config rate limit" : "Key rate limit";
    }

    @Override
    public void refresh() {
        super.refresh();
        boolean has = KeyEdits.rateLimitOf(ctx.vm().editedProperty().get(), NodePath.parse(path)) != null;
        none.setVisible(!has);
        none.setManaged(!has);
        add.setDisable(has || readOnly());
        remove.setDisable(!has || readOnly());
    }
}
