package bifrostdesk.cli;

import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ClientOptions;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One command's server: the client (Basic credentials and the setup token from the environment when set), the
 * dialect (forced or detected) and the workspace of that server (drafts, journal).
 */
final class Connection {
    /** The gateway's setup token for scripted use; like the password, there is no option for it (ps, history). */
    static final String SETUP_TOKEN_VARIABLE = "BIFROST_DESK_SETUP_TOKEN";

    final String url;
    final BifrostClient client;
    final Dialect dialect;
    private final String workspaceDir;

    private Connection(String url, BifrostClient client, Dialect dialect, String workspaceDir) {
        this.url = url;
        this.client = client;
        this.dialect = dialect;
        this.workspaceDir = workspaceDir;
    }

    /** Reads {@code --server}, {@code --dialect} and {@code --workspace}; detects the dialect unless forced. */
    static Connection open(CliArgs a, Map<String, String> env) throws CliException, ApiException {
        String url = a.value("--server");
        if (url == null || url.isBlank()) {
            url = env.get("BIFROST_DESK_SERVER");
        }
        if (url == null || url.isBlank()) {
            throw CliException.usage("No server given: use --server URL or set BIFROST_DESK_SERVER");
        }
        url = url.trim();
        Dialect forced = null;
        if (a.value("--dialect") != null) {
            try {
                forced = Dialect.parse(a.value("--dialect"));
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        ServerEndpoint endpoint;
        try {
            endpoint = ServerEndpoint.of(url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        String user = env.get("BIFROST_DESK_USER");
        String password = env.get("BIFROST_DESK_PASSWORD");
        if (user != null && !user.isEmpty()) {
            endpoint = endpoint.withCredentials(Credentials.basic(user, password == null ? "" : password));
        }
        // REFERENCE-v2.md §11.2.1: a v2.2.6+ gateway without dashboard auth locks /api until it gets the setup token
        BifrostClient client = new BifrostClient(endpoint, ClientOptions.defaults()
                .withSetupToken(env.get(SETUP_TOKEN_VARIABLE)));
        Dialect dialect;
        if (forced != null) {
            client = client.withDialect(forced);
            dialect = forced;
        } else {
            dialect = client.detectDialect();
        }
        return new Connection(url, client, dialect, a.value("--workspace"));
    }

    /** The workspace of this server: {@code --workspace DIR}, else the app's own one for this URL. */
    Workspace workspace() {
        return workspaceDir != null ? new Workspace(Path.of(workspaceDir), url, false)
                : Workspace.forProfile(url, url);
    }

    /** The key with this exact name, else with this id. */
    VirtualKey find(String nameOrId) throws ApiException, CliException {
        List<VirtualKey> hits = client.listAllVirtualKeys(VkQuery.firstPage().withSearch(nameOrId),
                ProgressListener.NONE);
        for (VirtualKey vk : hits) {
            if (nameOrId.equals(vk.name())) {
                return vk.id() == null ? vk : client.getVirtualKey(vk.id());
            }
        }
        try {
            return client.getVirtualKey(nameOrId);
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                throw CliException.usage("No virtual key named or with id '" + nameOrId + "' on " + url);
            }
            throw e;
        }
    }

    /** Team and customer id → name, for the plan's sentences; empty when the server does not tell. */
    Map<String, String> ownerNames() {
        Map<String, String> names = new HashMap<>();
        try {
            client.teams().forEach(t -> names.put(t.id(), t.name()));
            client.customers().forEach(c -> names.put(c.id(), c.name()));
        } catch (ApiException e) {
            // names only make the sentences nicer; ids are shown instead
        }
        return names;
    }

    /** Providers and MCP clients for validation; empty (= unknown, no warnings) when they cannot be read. */
    Lookups.Snapshot lookups() {
        try {
            return new Lookups.Snapshot(client.providers(), List.of(), client.mcpClients(), List.of(), List.of());
        } catch (ApiException e) {
            return Lookups.Snapshot.empty();
        }
    }
}
