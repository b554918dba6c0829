package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.Set;
import java.util.stream.Collectors;
import bifrostdesk.virtualkey.model.V2Support;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The list nodes (budgets, provider configs, MCP configs): a summary and an add action with its picker. */
final class ListNodeForm extends FormPane {
    private final Label summary = new Label();
    private final ComboBox<String> picker = new ComboBox<>();
    /** v2.1+: the key's "all providers" switch, shown with its provider configs. */
    private CheckBox allProviders;

    ListNodeForm(FormContext ctx, String path) {
        super(ctx, path, switch (NodePath.parse(path).kind()) {
            case BUDGETS -> "Budgets";
            case PROVIDER_CONFIGS -> "Provider configs";
            default -> "MCP configs";
        });
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.HELP);
        root.getChildren().add(summary);
        NodePath p = NodePath.parse(path);
        Button add = new Button(null, Icons.of(Icons.ADD));
        switch (p.kind()) {
            case BUDGETS -> {
                add.setText("Add budget");
                add.setId("addBudget");
                add.setOnAction(e -> ctx.vm().addBudget(p.ownerPath()));
                root.getChildren().add(guard(add));
            }
            case PROVIDER_CONFIGS -> {
                if (V2Support.allProviders(ctx.vm().editedProperty().get())) {
                    allProviders = AllProvidersForm.allProvidersSwitch(ctx);
                    root.getChildren().add(guard(allProviders));
                }
                picker.setId("providerPicker");
                picker.setAccessibleText("Provider to add");
                picker.setPromptText("Choose a provider");
                picker.getItems().setAll(ctx.lookups().get().providers().stream().map(Lookups.Provider::name).toList());
                add.setText("Add provider config");
                add.setId("addProviderConfig");
                add.disableProperty().bind(picker.valueProperty().isNull());
                add.setOnAction(e -> ctx.vm().addProviderConfig(picker.getValue()));
                root.getChildren().add(new HBox(8, guard(picker), add));
            }
            default -> {
                picker.setId("mcpClientPicker");
                picker.setAccessibleText("MCP client to add");
                picker.setPromptText("Choose an MCP client");
                add.setText("Add MCP config");
                add.setId("addMcpConfig");
                add.disableProperty().bind(picker.valueProperty().isNull());
                add.setOnAction(e -> ctx.vm().addMcpConfig(picker.getValue()));
                root.getChildren().add(new HBox(8, guard(picker), add));
            }
        }
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        VirtualKey vk = ctx.vm().editedProperty().get();
        NodePath p = NodePath.parse(path);
        switch (p.kind()) {
            case BUDGETS -> summary.setText("Each budget line caps spending per period; at most one per reset "
                    + "duration. A request is refused when any budget of the key, its provider config, team or "
                    + "customer is exhausted.");
            case PROVIDER_CONFIGS -> {
                if (allProviders != null) {
                    allProviders.setSelected(vk.v2().allowsAllProviders());
                }
                summary.setText(vk.v2().allowsAllProviders()
                    ? "The providers configured specially for this key. It allows all providers: unlisted ones get "
                    + "all models and keys, with no per-provider limits and no weight."
                    : vk.providerConfigs().isEmpty() ? "No provider configs: this key may call no provider at all."
                    : "The providers this key may call. Unlisted providers are denied.");
            }
            default -> {
                Set<String> attached = vk.mcpConfigs().stream().map(m -> m.mcpClientName()).collect(Collectors.toSet());
                var free = ctx.lookups().get().mcpClients().stream().map(Lookups.McpClient::name)
                        .filter(n -> !attached.contains(n)).toList();
                if (!picker.getItems().equals(free)) {
                    picker.getItems().setAll(free);
                }
                summary.setText("MCP clients whose tools this key may execute.");
            }
        }
    }
}
