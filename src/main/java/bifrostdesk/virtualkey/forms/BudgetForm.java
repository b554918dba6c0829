package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Durations;
import bifrostdesk.virtualkey.tree.KeyEdits;
import bifrostdesk.virtualkey.tree.NodePath;
import bifrostdesk.virtualkey.tree.TreeBuilder;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/** One budget line: limit and reset duration, with current usage. */
final class BudgetForm extends FormPane {
    static final String DURATION_HELP = "A number and a unit: m = minutes, h = hours, d = days, w = weeks, "
            + "M = months (30 days), Y = years. Case matters: 1m is one minute, 1M one month.";
    private final Label usage = new Label();
    private final ProgressBar bar = new ProgressBar();

    BudgetForm(FormContext ctx, String path) {
        super(ctx, path, NodePath.parse(path).inProviderConfig() ? "Provider config budget" : "Key budget");
        text("budgetMaxLimit", "Limit (USD)", "max_limit", "Spending allowed per period, greater than 0.");
        choice("budgetResetDuration", "Resets every", "reset_duration", DURATION_HELP, Durations.COMMON);
        usage.setId("budgetUsage");
        bar.setPrefWidth(220);
        bar.getStyleClass().add("usage-bar");
        addRow("Used", new HBox(8, bar, usage), null, null);
        Button dup = new Button("Duplicate", Icons.of(Icons.DUPLICATE));
        dup.setId("duplicateBudget");
        dup.setOnAction(e -> ctx.vm().duplicate(path));
        Button remove = new Button("Remove budget", Icons.of(Icons.DELETE));
        remove.setId("removeBudget");
        remove.setOnAction(e -> ctx.vm().remove(path));
        root.getChildren().add(new HBox(8, dup, remove));
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        NodePath p = NodePath.parse(path);
        List<Budget> list = KeyEdits.budgetsOf(ctx.vm().editedProperty().get(), p.ownerPath());
        if (p.budgetIndex() >= list.size()) {
            return;
        }
        Budget b = list.get(p.budgetIndex());
        double f = b.usedFraction();
        bar.setProgress(Math.min(1, f));
        bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("ok"), f < 0.8);
        bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("near"), f >= 0.8 && f < 1);
        bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over"), f >= 1);
        usage.setText(TreeBuilder.money(b.currentUsage()) + (b.maxLimit() == null ? ""
                : String.format(Locale.ROOT, " (%.0f %%)", f * 100))
                + (b.lastReset() == null ? "" : " since " + b.lastReset()));
    }
}
