package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.NodePath;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** One MCP client attached to the key; its tools are the child node. */
final class McpConfigForm extends FormPane {
    private final Label client = new Label();

    McpConfigForm(FormContext ctx, String path) {
        super(ctx, path, "MCP config");
        client.setId("mcpClientName");
        addRow("MCP client", client, "To use another client, remove this one and add it.", null);
        Button remove = new Button("Remove MCP config", Icons.of(Icons.DELETE));
        remove.setId("removeMcpConfig");
        remove.setOnAction(e -> ctx.vm().remove(path));
        root.getChildren().add(guard(remove));
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        var list = ctx.vm().editedProperty().get().mcpConfigs();
        int i = NodePath.parse(path).mcpIndex();
        if (i < list.size()) {
            client.setText(list.get(i).mcpClientName());
        }
    }
}
