package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.tree.V2Text;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/**
 * The key allows all providers ({@code allow_all_providers}, REFERENCE-v2.md §11.9): what that means, and the
 * switch to turn it off (it is turned on from the provider configs' list).
 */
final class AllProvidersForm extends FormPane {
    private final CheckBox on;

    AllProvidersForm(FormContext ctx, String path) {
        super(ctx, path, "All providers");
        on = allProvidersSwitch(ctx);
        Label text = new Label(V2Text.ALL_PROVIDERS);
        text.setId("allProvidersText");
        text.setWrapText(true);
        Label budgets = new Label("The key's own budgets and rate limit apply in every case.");
        budgets.getStyleClass().add(Styles.HELP);
        budgets.setWrapText(true);
        root.getChildren().addAll(guard(on), text, budgets);
        refresh();
    }

    /** The switch itself ({@code allProvidersSwitch}), shared with the provider configs' list. */
    static CheckBox allProvidersSwitch(FormContext ctx) {
        CheckBox box = new CheckBox("Allow all providers configured on the gateway, including ones added later");
        box.setId("allProvidersSwitch");
        box.setAccessibleText("Allow all providers");
        box.setWrapText(true);
        box.setOnAction(e -> ctx.v2().setAllProviders(box.isSelected()));
        return box;
    }

    @Override
    public void refresh() {
        super.refresh();
        on.setSelected(ctx.vm().editedProperty().get().v2().allowsAllProviders());
    }
}
