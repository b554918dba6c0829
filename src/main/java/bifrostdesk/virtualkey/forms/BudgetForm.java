package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.edit.KeyEdits;
import bifrostdesk.common.ui.UsageBar;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Durations;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.Money;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.V2Support;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.TreeBuilder;
import bifrostdesk.virtualkey.tree.V2Text;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * One budget line: limit and reset duration, with current usage against the effective limit, and (v2) how a
 * quarterly budget resets and the override granted on it (REFERENCE-v2.md §11.5).
 */
final class BudgetForm extends FormPane {
    static final String DURATION_HELP = "A number and a unit: m = minutes, h = hours, d = days, w = weeks, "
            + "M = months (30 days), Q = quarters (90 days), Y = years. Case matters: 1m is one minute, 1M one month.";
    private final Label usage = new Label();
    private final UsageBar bar = new UsageBar(220);
    private final Label resets;
    private final Label override;
    private final BudgetV2Rows v2Rows;

    BudgetForm(FormContext ctx, String path) {
        super(ctx, path, title(ctx, path));
        text("budgetMaxLimit", "Limit (USD)", Field.MAX_LIMIT, "Spending allowed per period, greater than 0. With an "
                + "override this is the base; the override adds to it.");
        boolean v2 = V2Support.v2(ctx.vm().dialect());
        choice("budgetResetDuration", "Resets every", Field.RESET_DURATION, DURATION_HELP, v2 ? withQuarter()
                : Durations.COMMON);
        resets = info("budgetResets", "Reset", null);
        override = info("budgetOverride", "Override", "Granted on the server (PUT …/override); a save of the key "
                + "keeps it. The effective limit is the base plus a live override.");
        usage.setId("budgetUsage");
        // the text says usage, effective limit, override and since when: under the bar it has the form's whole
        // width (beside it, at 1280 wide, it wrapped into a narrow column of broken words)
        bar.setBarMinWidth(160);
        bar.setPercentShown(false);
        usage.setWrapText(true);
        addRow("Used", new javafx.scene.layout.VBox(4, bar, usage), null, null);
        Button dup = new Button("Duplicate", Icons.of(Icons.DUPLICATE));
        dup.setId("duplicateBudget");
        dup.setOnAction(e -> ctx.vm().duplicate(path));
        Button remove = new Button("Remove budget", Icons.of(Icons.DELETE));
        remove.setId("removeBudget");
        remove.setOnAction(e -> ctx.vm().remove(path));
        // v2: a quarterly budget's fiscal start month, and the override (absent on older servers)
        v2Rows = v2 ? new BudgetV2Rows(ctx, path) : null;
        if (v2Rows != null) {
            root.getChildren().add(v2Rows);
        }
        root.getChildren().add(guard(new HBox(8, dup, remove)));
        refresh();
    }

    private static List<String> withQuarter() {
        List<String> out = new java.util.ArrayList<>(Durations.COMMON);
        out.add(out.indexOf("1Y"), "1Q");
        return out;
    }

    private static String title(FormContext ctx, String path) {
        NodePath p = NodePath.parse(path);
        if (p.inModelBudget()) {
            ModelBudget mb = KeyEdits.modelBudgetOf(ctx.vm().editedProperty().get(), p);
            return "Per-model budget" + (mb == null ? "" : " · " + mb.modelName());
        }
        return p.inProviderConfig() ? "Provider config budget" : "Key budget";
    }

    @Override
    public void refresh() {
        super.refresh();
        NodePath p = NodePath.parse(path);
        VirtualKey vk = ctx.vm().editedProperty().get();
        List<Budget> list = KeyEdits.budgetsOf(vk, p.ownerPath());
        if (p.budgetIndex() >= list.size()) {
            return;
        }
        Budget b = list.get(p.budgetIndex());
        double f = b.usedFraction();
        bar.setFraction(f);
        Double effective = b.effectiveLimit();
        usage.setText(Money.format(b.currentUsage()) + (effective == null ? ""
                : String.format(Locale.ROOT, " of %s (%.0f %%)", Money.format(effective), f * 100)
                + (b.hasActiveOverride() ? " with the override" : ""))
                + (b.lastReset() == null ? "" : " since " + b.lastReset()));
        String r = V2Text.resets(b, vk.calendarAligned());
        resets.setText(Character.toUpperCase(r.charAt(0)) + r.substring(1));
        String o = V2Text.override(b);
        if (v2Rows != null) {
            v2Rows.refresh(b, readOnly());
        }
        override.setText(o.isEmpty() ? "None" : o.substring(0, 1).toUpperCase(Locale.ROOT) + o.substring(1)
                + (b.hasActiveOverride() && effective != null ? ". Effective limit " + Money.format(effective)
                + "." : "."));
    }
}
