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

    /** All lookups at once, as cached per server. */
    public record Snapshot(List<Provider> providers, List<ProviderKey> keys, List<McpClient> mcpClients,
                           List<Team> teams, List<Customer> customers) {
        public static Snapshot empty() {
            return new Snapshot(List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }
}
