package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.tree.V2Text;
import javafx.scene.control.Label;

/** The key allows all providers ({@code allow_all_providers}, REFERENCE-v2.md §11.9): what that means. */
final class AllProvidersForm extends FormPane {
    AllProvidersForm(FormContext ctx, String path) {
        super(ctx, path, "All providers");
        Label text = new Label(V2Text.ALL_PROVIDERS);
        text.setId("allProvidersText");
        text.setWrapText(true);
        Label budgets = new Label("The key's own budgets and rate limit apply in every case.");
        budgets.getStyleClass().add(Styles.HELP);
        budgets.setWrapText(true);
        root.getChildren().addAll(text, budgets);
        refresh();
    }
}
