package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.DialogService;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.util.function.Supplier;
import javafx.scene.control.ScrollPane;

/**
 * Shows the form of the selected node. A new form is built only when the selection moves; edits refresh the
 * current one in place, so the field being typed in keeps its focus and caret.
 */
public final class NodeFormHost extends ScrollPane {
    private final FormContext ctx;
    private final CopyAction copy;
    private NodeForm current;
    private String currentPath;
    private final javafx.collections.ObservableList<?> problems;

    public NodeFormHost(VirtualKeyEditorViewModel vm, Supplier<Lookups.Snapshot> lookups, DialogService dialogs,
                        CopyAction copy) {
        this.ctx = new FormContext(vm, lookups, dialogs);
        this.copy = copy;
        setId("nodeForm");
        setFitToWidth(true);
        vm.selectedPathProperty().addListener((o, a, b) -> show(b));
        vm.revisionProperty().addListener((o, a, b) -> {
            if (current != null && vm.treeProperty().get() != null
                    && vm.treeProperty().get().find(currentPath) != null) {
                current.refresh();
            } else {
                show(vm.selectedPathProperty().get());
            }
        });
        // problems() hands out an unmodifiable view that listens to the real list only weakly: keep the view,
        // or after a garbage collection the forms no longer hear about new problems (e.g. those a save shows)
        problems = vm.problems();
        // a save attempt reveals errors of untouched fields without changing the problems themselves
        vm.saveAttemptedProperty().addListener((o, a, b) -> {
            if (current != null) {
                current.refresh();
            }
        });
        problems.addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (current != null) {
                current.refresh();
            }
        });
    }

    /** Rebuilds the current form, e.g. after the lookups arrived. */
    public void reload() {
        currentPath = null;
        show(ctx.vm().selectedPathProperty().get());
    }

    private void show(String path) {
        if (ctx.vm().editedProperty().get() == null || path == null) {
            setContent(null);
            current = null;
            return;
        }
        if (path.equals(currentPath) && current != null) {
            current.refresh();
            return;
        }
        currentPath = path;
        current = switch (NodePath.parse(path).kind()) {
            case KEY -> new KeyForm(ctx, copy);
            case BUDGETS, PROVIDER_CONFIGS, MCP_CONFIGS -> new ListNodeForm(ctx, path);
            case BUDGET -> new BudgetForm(ctx, path);
            case RATE_LIMIT -> new RateLimitForm(ctx, path);
            case PROVIDER_CONFIG -> new ProviderConfigForm(ctx, path);
            case KEYS -> new KeysForm(ctx, path);
            case MODELS -> new ModelsForm(ctx, path);
            case MCP_CONFIG -> new McpConfigForm(ctx, path);
            case TOOLS -> new ToolsForm(ctx, path);
            case MODEL_BUDGETS, MODEL_BUDGET -> new ModelBudgetForm(ctx, path);
            case ALL_PROVIDERS -> new AllProvidersForm(ctx, path);
            case VIRTUAL_MCPS, VIRTUAL_MCP -> new VirtualMcpForm(ctx, path);
            case METADATA -> new MetadataForm(ctx, path);
            case AGENT_GRANTS -> new AgentGrantsForm(ctx, path);
        };
        bifrostdesk.common.ui.Accessibility.fill(current.node());
        setContent(current.node());
    }
}
