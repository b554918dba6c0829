package bifrostdesk.virtualkey.forms;

import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The tools of an MCP client the key may execute: all, or a checklist of the client's tools. */
final class ToolsForm extends FormPane {
    private final CheckBox all = new CheckBox("All tools of this client (*)");
    private final VBox list = new VBox(4);
    private final Label message = new Label();

    ToolsForm(FormContext ctx, String path) {
        super(ctx, path, "Tools");
        all.setId("allTools");
        all.setOnAction(e -> ctx.vm().setTools(index(), all.isSelected() ? List.of("*") : List.of()));
        list.setId("toolChecklist");
        message.setId("toolsMessage");
        root.getChildren().addAll(all, list, message);
        refresh();
    }

    private int index() {
        return NodePath.parse(path).mcpIndex();
    }

    private McpConfig current() {
        return ctx.vm().editedProperty().get().mcpConfigs().get(index());
    }

    @Override
    public void refresh() {
        super.refresh();
        if (index() >= ctx.vm().editedProperty().get().mcpConfigs().size()) {
            return;
        }
        McpConfig m = current();
        all.setSelected(m.allowsAllTools());
        all.setDisable(readOnly());
        Set<String> tools = new LinkedHashSet<>();
        ctx.lookups().get().mcpClients().stream().filter(c -> c.name().equals(m.mcpClientName()))
                .flatMap(c -> c.tools().stream()).map(Lookups.McpTool::name).forEach(tools::add);
        m.toolsToExecute().stream().filter(t -> !t.equals("*")).forEach(tools::add);
        list.getChildren().clear();
        if (tools.isEmpty()) {
            list.getChildren().add(new Label("The server lists no tools for " + m.mcpClientName()
                    + " (a disconnected client lists none)."));
        }
        for (String t : tools) {
            CheckBox cb = new CheckBox(t);
            cb.setId("tool-" + t);
            cb.setAccessibleText("Allow tool " + t);
            cb.setSelected(m.allowsAllTools() || m.toolsToExecute().contains(t));
            cb.setDisable(m.allowsAllTools() || readOnly());
            cb.setOnAction(e -> {
                List<String> next = new ArrayList<>(current().toolsToExecute());
                next.remove(t);
                if (cb.isSelected()) {
                    next.add(t);
                }
                ctx.vm().setTools(index(), next);
            });
            list.getChildren().add(cb);
        }
        FieldBinding.decorate(all, message, ctx.vm().problemAt(FieldKey.of(path, Field.TOOLS)));
    }
}
