package bifrostdesk.bulk.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.ui.ConnectionSession;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.list.VirtualKeyListViewModel;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.stage.Window;

/**
 * Opens the bulk dialog from the main window with what it needs from the session, the key list and the workspace,
 * so the main window only adds one toolbar button. The list reloads when the dialog closes.
 */
public final class BulkLauncher {
    private BulkLauncher() {
    }

    public static void open(Window owner, BifrostClient client, TaskRunner runner, DialogService dialogs,
                            ConnectionSession session, VirtualKeyListViewModel list, List<VirtualKey> selected,
                            Supplier<Workspace> workspace) {
        BulkViewModel vm = new BulkViewModel(client, runner, dialogs, new BulkViewModel.Context() {
            @Override
            public Dialect dialect() {
                return session.dialect();
            }

            @Override
            public boolean online() {
                return session.isOnline();
            }

            @Override
            public Map<String, String> ownerNames() {
                return session.ownerNamesById();
            }

            @Override
            public Map<String, OperationKind.Owner> owners() {
                Lookups.Snapshot l = lookups();
                Map<String, OperationKind.Owner> out = new HashMap<>();
                l.teams().forEach(t -> out.put(t.id(), new OperationKind.Owner(OperationKind.OwnerKind.TEAM, t.name())));
                l.customers().forEach(c -> out.put(c.id(), new OperationKind.Owner(OperationKind.OwnerKind.CUSTOMER, c.name())));
                l.businessUnits().forEach(b -> out.put(b.id(), new OperationKind.Owner(OperationKind.OwnerKind.BUSINESS_UNIT, b.name())));
                return out;
            }

            @Override
            public Set<String> knownProviders() {
                return lookups().providers().stream().map(Lookups.Provider::name).collect(Collectors.toSet());
            }

            @Override
            public Set<String> knownMcpClients() {
                return lookups().mcpClients().stream().map(Lookups.McpClient::name).collect(Collectors.toSet());
            }

            @Override
            public Workspace workspace() {
                return workspace.get();
            }

            @Override
            public void allMatching(Consumer<List<VirtualKey>> then) {
                list.allMatching(then);
            }

            private Lookups.Snapshot lookups() {
                Lookups.Snapshot l = session.lookupsProperty().get();
                return l == null ? Lookups.Snapshot.empty() : l;
            }
        });
        vm.setSelection(selected);
        BulkDialog.show(owner, vm, list.totalProperty().get()).setOnHidden(e -> list.reload());
    }
}
