package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.virtualkey.model.Lookups;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class BifrostClientLookupsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static final String MCP = """
            {"clients":[{"config":{"client_id":"fs-1","name":"filesystem","connection_type":"http",
              "connection_string":"https://user:mcp-conn-secret@mcp.internal/sse",
              "headers":{"Authorization":"Bearer mcp-header-secret"},"allow_on_all_virtual_keys":false},
              "tools":[{"name":"read_file","description":"Reads a file","parameters":{}},
                       {"type":"function","function":{"name":"write_file","description":"Writes"}}],
              "state":"connected","vk_configs":[]},
             {"config":{"client_id":"s-2","name":"search"},"tools":[],"state":"disconnected"}],
             "count":2,"total_count":2,"limit":2,"offset":0}""";

    private BifrostClient client() {
        return new BifrostClient(ServerEndpoint.of(server.url("/").toString()));
    }

    private void reply(String body) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build());
    }

    private String path() throws InterruptedException {
        return server.takeRequest(2, TimeUnit.SECONDS).getUrl().encodedPath();
    }

    @Test
    void providersAndKeysOnCurrentServers() throws Exception {
        reply("{\"providers\":[{\"name\":\"anthropic\",\"provider_status\":\"active\",\"network_config\":{}},"
                + "{\"name\":\"openai\",\"status\":\"error\"}],\"total\":2}");
        reply("[{\"id\":7,\"key_id\":\"uuid-1\",\"name\":\"prod\",\"provider\":\"openai\",\"models\":[\"gpt-4o\"],"
                + "\"value\":\"sk-****\"},{\"id\":8,\"key_id\":\"uuid-2\",\"name\":\"dev\",\"provider\":\"anthropic\"}]");
        BifrostClient c = client();
        assertThat(c.providers()).containsExactly(new Lookups.Provider("anthropic", "active"),
                new Lookups.Provider("openai", "error"));
        assertThat(path()).isEqualTo("/api/providers");
        assertThat(c.providerKeys()).containsExactly(
                new Lookups.ProviderKey("uuid-1", "prod", "openai", List.of("gpt-4o")),
                new Lookups.ProviderKey("uuid-2", "dev", "anthropic", List.of()));
        assertThat(path()).isEqualTo("/api/keys");
    }

    @Test
    void legacyKeysAreReadPerProvider() throws Exception {
        reply("{\"providers\":[{\"name\":\"openai\"},{\"name\":\"azure\"}]}");
        reply("{\"name\":\"openai\",\"keys\":[{\"id\":\"uuid-o\",\"name\":\"o1\",\"models\":[],\"value\":\"\"}]}");
        reply("{\"name\":\"azure\",\"keys\":[{\"id\":\"uuid-a\",\"name\":\"a1\"}]}");
        List<Lookups.ProviderKey> keys = client().withDialect(Dialect.LEGACY).providerKeys();
        assertThat(keys).containsExactly(new Lookups.ProviderKey("uuid-o", "o1", "openai", List.of()),
                new Lookups.ProviderKey("uuid-a", "a1", "azure", List.of()));
        assertThat(List.of(path(), path(), path()))
                .containsExactly("/api/providers", "/api/providers/openai", "/api/providers/azure");
    }

    @Test
    void mcpClientsWithToolsAndWithoutSecrets() throws Exception {
        reply(MCP);
        List<Lookups.McpClient> clients = client().mcpClients();
        assertThat(path()).isEqualTo("/api/mcp/clients");
        assertThat(clients).containsExactly(
                new Lookups.McpClient("filesystem", "fs-1", "connected", List.of(
                        new Lookups.McpTool("read_file", "Reads a file"), new Lookups.McpTool("write_file", "Writes"))),
                new Lookups.McpClient("search", "s-2", "disconnected", List.of()));
        assertThat(clients.toString()).doesNotContain("mcp-conn-secret", "mcp-header-secret");
    }

    @Test
    void teamsArePagedThrough() throws Exception {
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            first.append(i == 0 ? "" : ",").append("{\"id\":\"t").append(i).append("\",\"name\":\"T").append(i)
                    .append("\"}");
        }
        reply("{\"teams\":[" + first + "],\"count\":100,\"total_count\":101,\"limit\":100,\"offset\":0}");
        reply("{\"teams\":[{\"id\":\"t100\",\"name\":\"Last\",\"customer_id\":\"c1\"}],\"count\":1,"
                + "\"total_count\":101,\"limit\":100,\"offset\":100}");
        List<Lookups.Team> teams = client().teams();
        assertThat(teams).hasSize(101);
        assertThat(teams.get(100)).isEqualTo(new Lookups.Team("t100", "Last", "c1"));
        assertThat(teams.get(0).customerId()).isNull();
        RecordedRequest r1 = server.takeRequest();
        RecordedRequest r2 = server.takeRequest();
        assertThat(r1.getUrl().encodedPath()).isEqualTo("/api/governance/teams");
        assertThat(r1.getUrl().queryParameter("offset")).isEqualTo("0");
        assertThat(r2.getUrl().queryParameter("offset")).isEqualTo("100");
    }

    @Test
    void snapshotReadsEverything() throws Exception {
        reply("{\"providers\":[{\"name\":\"openai\"}]}");
        reply("[{\"key_id\":\"k\",\"name\":\"n\",\"provider\":\"openai\"}]");
        reply(MCP);
        reply("{\"teams\":[],\"count\":0,\"total_count\":0}");
        reply("{\"customers\":[{\"id\":\"c1\",\"name\":\"Acme\",\"budget\":{\"max_limit\":1}}],\"count\":1,"
                + "\"total_count\":1}");
        Lookups.Snapshot s = client().lookups();
        assertThat(s.providers()).hasSize(1);
        assertThat(s.keys()).hasSize(1);
        assertThat(s.mcpClients()).hasSize(2);
        assertThat(s.teams()).isEmpty();
        assertThat(s.customers()).containsExactly(new Lookups.Customer("c1", "Acme"));
    }

    @Test
    void budgetsAndRateLimitsWithOwners() throws Exception {
        reply("{\"budgets\":[{\"id\":\"b1\",\"max_limit\":10,\"reset_duration\":\"1d\",\"current_usage\":2.5,"
                + "\"virtual_key_id\":\"vk-1\"},{\"id\":\"b2\",\"max_limit\":5,\"reset_duration\":\"1h\","
                + "\"provider_config_id\":12},{\"id\":\"b3\",\"max_limit\":1,\"reset_duration\":\"1M\","
                + "\"team_id\":\"t1\"}],\"count\":3}");
        reply("{\"rate_limits\":[{\"id\":\"r1\",\"request_max_limit\":60,\"request_reset_duration\":\"1m\"}],"
                + "\"count\":1}");
        BifrostClient c = client();
        List<OwnedBudget> budgets = c.budgets();
        assertThat(path()).isEqualTo("/api/governance/budgets");
        assertThat(budgets).extracting(b -> b.budget().id(), OwnedBudget::virtualKeyId, OwnedBudget::providerConfigId,
                OwnedBudget::teamId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b1", "vk-1", null, null),
                org.assertj.core.groups.Tuple.tuple("b2", null, 12L, null),
                org.assertj.core.groups.Tuple.tuple("b3", null, null, "t1"));
        assertThat(budgets.get(0).budget().currentUsage()).isEqualTo(2.5);

        List<OwnedRateLimit> limits = c.rateLimits();
        assertThat(path()).isEqualTo("/api/governance/rate-limits");
        assertThat(limits).hasSize(1);
        assertThat(limits.get(0).rateLimit().requestMaxLimit()).isEqualTo(60L);
    }
}
