package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.tree.V2Text;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Agents allowed to act with the key ({@code agent_grants}, REFERENCE-v2.md §11.4.1): a list to add to and remove from. */
final class AgentGrantsForm extends FormPane {
    private final VBox list = new VBox(4);
    private final TextField name = new TextField();
    private final Label message = new Label();
    private String typedProblem;

    AgentGrantsForm(FormContext ctx, String path) {
        super(ctx, path, "Agent grants");
        list.setId("agentGrantList");
        list.setAccessibleText("Agents granted this key");
        addRow("Agents", list, "Each named agent may act with this key.", null);
        name.setId("agentNewName");
        name.setAccessibleText("Agent to grant");
        name.setPromptText("agent name, e.g. deploy-bot");
        Button add = new Button("Grant", Icons.of(Icons.ADD));
        add.setId("addAgentGrant");
        add.setOnAction(e -> addTyped());
        name.setOnAction(e -> addTyped());
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.setId("agentGrantsMessage");
        message.setWrapText(true);
        addRow("Grant", new HBox(6, name, add), null, message);
        guard(name, add);
        refresh();
    }

    private void addTyped() {
        Optional<String> problem = ctx.v2().addAgentGrant(name.getText());
        typedProblem = problem.orElse(null);
        if (problem.isEmpty()) {
            name.clear();
        }
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        List<AgentGrant> grants = ctx.vm().editedProperty().get().v2().agentGrants();
        list.getChildren().clear();
        if (grants == null || grants.isEmpty()) {
            list.getChildren().add(new Label("None"));
        } else {
            for (AgentGrant g : grants) {
                Label l = new Label(g.agentName() + (g.createdAt() == null ? " · new"
                        : " · granted " + V2Text.when(g.createdAt())));
                l.setId("agent-" + g.agentName());
                Button remove = new Button(null, Icons.of(Icons.DELETE));
                remove.setId("removeAgent-" + g.agentName());
                remove.setAccessibleText("Revoke " + g.agentName());
                remove.setDisable(readOnly());
                remove.setOnAction(e -> ctx.v2().removeAgentGrant(g.agentName()));
                list.getChildren().add(new HBox(6, l, remove));
            }
        }
        Optional<Violation> problem = typedProblem != null
                ? Optional.of(new Violation(FieldKey.of(path, Field.AGENT_GRANTS), Severity.ERROR, typedProblem))
                : ctx.vm().problemAt(FieldKey.of(path, Field.AGENT_GRANTS));
        FieldBinding.decorate(name, message, problem);
    }
}
