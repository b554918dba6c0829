package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.AccessLists;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.tree.V2Text;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Virtual MCPs the key is attached to (REFERENCE-v2.md §11.7): on the list node, one check box per Virtual MCP of
 * the server with its tools; on one Virtual MCP, its tools and "Detach". Attaching and detaching are steps of the
 * plan, sent after the key's PUT on the Virtual MCP's own endpoint. A key managed by an access profile gets its
 * Virtual MCPs from the profile (the server answers 409), so they are read-only there, with that reason.
 */
final class VirtualMcpForm extends FormPane {
    static final String MANAGED = "This key is managed by an access profile: its Virtual MCPs are assigned through "
            + "that profile, and the server refuses (409) to attach one to the key directly.";
    private final Label ids;
    private final VBox list = new VBox(6);
    private final Button detach = new Button("Detach", Icons.of(Icons.DELETE));

    VirtualMcpForm(FormContext ctx, String path) {
        super(ctx, path, NodePath.parse(path).kind() == NodeKind.VIRTUAL_MCPS ? "Virtual MCPs" : "Virtual MCP");
        ids = info("virtualMcpIds", "Attached", "Attaching or detaching is sent after the key is saved, on the "
                + "Virtual MCP's own endpoint; the plan lists it.");
        list.setId("virtualMcpChecklist");
        if (NodePath.parse(path).kind() == NodeKind.VIRTUAL_MCPS) {
            addRow("Virtual MCPs", list, "Each bundles tools of MCP clients; the key can use the tools of those "
                    + "it is attached to.", null);
        } else {
            addRow("Tools", list, null, null);
            detach.setId("detachVirtualMcp");
            detach.setAccessibleText("Detach the key from this Virtual MCP");
            root.getChildren().add(guard(detach));
        }
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        List<Long> attached = ctx.vm().editedProperty().get().v2().virtualMcpIds();
        if (attached == null) {
            ids.setText("Not known (the server did not say)");
            return;
        }
        List<Lookups.VirtualMcp> all = ctx.lookups().get().virtualMcps();
        NodePath p = NodePath.parse(path);
        list.getChildren().clear();
        if (p.kind() == NodeKind.VIRTUAL_MCP) {
            if (p.itemIndex() >= attached.size()) {
                return;
            }
            long id = attached.get(p.itemIndex());
            Lookups.VirtualMcp m = find(all, id);
            ids.setText(m == null ? V2Text.virtualMcp(id) : m.name() + " (#" + id + ")");
            list.getChildren().add(new Label(m == null ? "The server lists no Virtual MCP #" + id : tools(m)));
            detach.setOnAction(e -> ctx.v2().setVirtualMcp(id, false));
            return;
        }
        ids.setText(attached.isEmpty() ? "None" : attached.stream()
                .map(id -> find(all, id) == null ? V2Text.virtualMcp(id) : find(all, id).name())
                .collect(Collectors.joining(", ")));
        if (all.isEmpty()) {
            list.getChildren().add(new Label("The server lists no Virtual MCPs."));
        }
        boolean managed = ctx.vm().editedProperty().get().isAccessProfileManaged();
        for (Lookups.VirtualMcp m : all) {
            CheckBox cb = new CheckBox(m.name() + (m.enabled() ? "" : " (disabled)"));
            cb.setId("vmcp-" + m.id());
            cb.setAccessibleText("Attach the key to Virtual MCP " + m.name());
            cb.setSelected(attached.contains(m.id()));
            cb.setDisable(readOnly());
            cb.setOnAction(e -> ctx.v2().setVirtualMcp(m.id(), cb.isSelected()));
            Label detail = new Label((m.description() == null || m.description().isBlank() ? ""
                    : m.description() + " · ") + tools(m));
            detail.getStyleClass().add(Styles.HELP);
            detail.setWrapText(true);
            list.getChildren().add(new VBox(2, cb, detail));
        }
        if (managed) {
            Label why = new Label(MANAGED);
            why.setId("virtualMcpManaged");
            why.setWrapText(true);
            list.getChildren().add(why);
        }
    }

    private static Lookups.VirtualMcp find(List<Lookups.VirtualMcp> all, long id) {
        return all.stream().filter(m -> m.id() == id).findFirst().orElse(null);
    }

    /** "github: create_issue, list_issues; filesystem: all tools". */
    static String tools(Lookups.VirtualMcp m) {
        if (m.tools().isEmpty()) {
            return "no tools";
        }
        return m.tools().stream().map(t -> t.mcpClientId() + ": " + (t.toolNames().contains(AccessLists.ALL)
                ? "all tools" : t.toolNames().isEmpty() ? "none" : String.join(", ", t.toolNames())))
                .collect(Collectors.joining("; "));
    }
}
