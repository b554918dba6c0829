package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.function.Supplier;

/** The editor's server side over the Bifrost client; the app overrides the hooks (journal, sign-in, offline). */
public class ClientEditorBackend implements EditorBackend {
    private final BifrostClient client;
    private final Supplier<Dialect> dialect;

    public ClientEditorBackend(BifrostClient client, Supplier<Dialect> dialect) {
        this.client = client;
        this.dialect = dialect;
    }

    @Override
    public VirtualKey fetch(String id) throws Exception {
        return client.getVirtualKey(id);
    }

    @Override
    public VirtualKey send(PlannedRequest request) throws Exception {
        return client.execute(request);
    }

    @Override
    public Dialect dialect() {
        return dialect.get();
    }

    /** The server's search is a substring match: keep only an exact name held by another key. */
    @Override
    public boolean nameTaken(String name, String exceptId) throws Exception {
        return client.listVirtualKeys(VkQuery.firstPage().withPage(100, 0).withSearch(name)).items().stream()
                .anyMatch(v -> v.name().equals(name) && !v.id().equals(exceptId));
    }
}
