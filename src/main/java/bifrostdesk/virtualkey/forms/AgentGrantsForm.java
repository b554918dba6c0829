package bifrostdesk.virtualkey.forms;

import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.tree.V2Text;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Agents allowed to act with the key ({@code agent_grants}, REFERENCE-v2.md §11.4.1), read-only for now. */
final class AgentGrantsForm extends FormPane {
    private final VBox list = new VBox(4);

    AgentGrantsForm(FormContext ctx, String path) {
        super(ctx, path, "Agent grants");
        list.setId("agentGrantList");
        list.setAccessibleText("Agents granted this key");
        addRow("Agents", list, "Each named agent may act with this key.", null);
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        List<AgentGrant> grants = ctx.vm().editedProperty().get().v2().agentGrants();
        list.getChildren().clear();
        if (grants == null || grants.isEmpty()) {
            list.getChildren().add(new Label("None"));
            return;
        }
        for (AgentGrant g : grants) {
            Label l = new Label(g.agentName() + (g.createdAt() == null ? "" : " · granted " + V2Text.when(g.createdAt())));
            l.setId("agent-" + g.agentName());
            list.getChildren().add(l);
        }
    }
}
