package bifrostdesk.virtualkey.model;

import java.util.List;

/** Reference data the editor's pickers need, as read from the server. */
public final class Lookups {
    private Lookups() {
    }

    /** A team; {@code rateLimit} is the team's own rate limit, or {@code null}. */
    public record Team(String id, String name, String customerId, RateLimit rateLimit) {
        public Team(String id, String name, String customerId) {
            this(id, name, customerId, null);
        }
    }

    /** A customer; {@code rateLimit} is the customer's own rate limit, or {@code null}. */
    public record Customer(String id, String name, RateLimit rateLimit) {
        public Customer(String id, String name) {
            this(id, name, null);
        }
    }

    /** A configured provider; {@code status} is e.g. active / error / deleted, may be {@code null}. */
    public record Provider(String name, String status) {
    }

    /** A provider key without its secret. {@code keyId} is the UUID used in {@code key_ids}. */
    public record ProviderKey(String keyId, String name, String provider, List<String> models) {
        public ProviderKey {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }

    public record McpTool(String name, String description) {
    }

    /** An MCP client without its connection string or headers. */
    public record McpClient(String name, String clientId, String state, List<McpTool> tools) {
        public McpClient {
            tools = tools == null ? List.of() : List.copyOf(tools);
        }
    }

    /** An (enterprise) business unit, a possible owner of keys on v2 (REFERENCE-v2.md §11.8). */
    public record BusinessUnit(String id, String name) {
    }

    /** One client's tools in a Virtual MCP; {@code ["*"]} = all of them, including tools added later. */
    public record VirtualMcpTools(String mcpClientId, List<String> toolNames) {
        public VirtualMcpTools {
            toolNames = toolNames == null ? List.of() : List.copyOf(toolNames);
        }
    }

    /** A Virtual MCP (v2.1+, REFERENCE-v2.md §11.7.1): a named bundle of MCP tools keys can be attached to. */
    public record VirtualMcp(long id, String name, String endpointSlug, String description, boolean enabled,
                             List<VirtualMcpTools> tools, List<String> virtualKeyIds) {
        public VirtualMcp {
            tools = tools == null ? List.of() : List.copyOf(tools);
            virtualKeyIds = virtualKeyIds == null ? List.of() : List.copyOf(virtualKeyIds);
        }
    }

    /**
     * All lookups at once, as cached per server. Business units and Virtual MCPs are empty where the server has
     * none (older servers, OSS builds without business units); caches written before they existed load as empty.
     */
    public record Snapshot(List<Provider> providers, List<ProviderKey> keys, List<McpClient> mcpClients,
                           List<Team> teams, List<Customer> customers, List<BusinessUnit> businessUnits,
                           List<VirtualMcp> virtualMcps) {
        public Snapshot {
            businessUnits = businessUnits == null ? List.of() : List.copyOf(businessUnits);
            virtualMcps = virtualMcps == null ? List.of() : List.copyOf(virtualMcps);
        }

        public Snapshot(List<Provider> providers, List<ProviderKey> keys, List<McpClient> mcpClients,
                        List<Team> teams, List<Customer> customers) {
            this(providers, keys, mcpClients, teams, customers, List.of(), List.of());
        }

        public static Snapshot empty() {
            return new Snapshot(List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }
}
