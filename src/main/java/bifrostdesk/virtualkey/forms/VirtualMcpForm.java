package bifrostdesk.virtualkey.forms;

import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.tree.V2Text;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;

/**
 * Virtual MCPs assigned to the key (REFERENCE-v2.md §11.7): by id for now. They are assigned on the Virtual MCP,
 * not by saving the key, so they are read-only here.
 */
final class VirtualMcpForm extends FormPane {
    private final Label ids;

    VirtualMcpForm(FormContext ctx, String path) {
        super(ctx, path, NodePath.parse(path).kind() == NodeKind.VIRTUAL_MCPS ? "Virtual MCPs" : "Virtual MCP");
        ids = info("virtualMcpIds", "Assigned", "Assigned through the Virtual MCP endpoints, not by saving the key. "
                + "Names are not shown yet.");
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        List<Long> list = ctx.vm().editedProperty().get().v2().virtualMcpIds();
        if (list == null) {
            ids.setText("Not known (the server did not say)");
            return;
        }
        NodePath p = NodePath.parse(path);
        if (p.kind() == NodeKind.VIRTUAL_MCP) {
            ids.setText(p.itemIndex() < list.size() ? V2Text.virtualMcp(list.get(p.itemIndex())) : "");
        } else {
            ids.setText(list.isEmpty() ? "None"
                    : list.stream().map(V2Text::virtualMcp).collect(Collectors.joining(", ")));
        }
    }
}
