package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What goes over the wire: methods, paths, query parameters, auth headers and bodies. */
class BifrostClientRequestsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private BifrostClient client() {
        return new BifrostClient(ServerEndpoint.of(server.url("/").toString()));
    }

    private void reply(String body) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build());
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    @Test
    void listSendsAllQueryParametersAndMapsThePage() throws Exception {
        reply("{\"virtual_keys\":[" + TestJson.tree("vk-current.json").get("virtual_key")
                + "],\"count\":1,\"total_count\":31,\"limit\":10,\"offset\":20}");
        VkPage page = client().listVirtualKeys(VkQuery.firstPage().withPage(10, 20).withSearch("mark eting")
                .withTeam("team-42").withCustomer("cust-1").sorted(VkQuery.SortBy.BUDGET_SPENT, VkQuery.Order.DESC));

        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/governance/virtual-keys");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("10");
        assertThat(r.getUrl().queryParameter("offset")).isEqualTo("20");
        assertThat(r.getUrl().queryParameter("search")).isEqualTo("mark eting");
        assertThat(r.getUrl().queryParameter("team_id")).isEqualTo("team-42");
        assertThat(r.getUrl().queryParameter("customer_id")).isEqualTo("cust-1");
        assertThat(r.getUrl().queryParameter("sort_by")).isEqualTo("budget_spent");
        assertThat(r.getUrl().queryParameter("order")).isEqualTo("desc");
        assertThat(r.getHeaders().get("Authorization")).isNull();

        assertThat(page.totalCount()).isEqualTo(31);
        assertThat(page.limit()).isEqualTo(10);
        assertThat(page.offset()).isEqualTo(20);
        assertThat(page.items()).extracting(VirtualKey::name).containsExactly("marketing-team-vk");
    }

    @Test
    void defaultQuerySendsOnlyPaging() throws Exception {
        reply("{\"virtual_keys\":[],\"count\":0,\"total_count\":0,\"limit\":25,\"offset\":0}");
        client().listVirtualKeys(VkQuery.firstPage());
        assertThat(taken().getUrl().querySize()).isEqualTo(2);
    }

    @Test
    void basicCredentialsAreSentOnEveryCall() throws Exception {
        reply("\"1.5.2\"");
        BifrostClient c = new BifrostClient(new ServerEndpoint(server.url("/").toString(),
                Credentials.basic("admin", "s3cret")));
        assertThat(c.version()).isEqualTo("1.5.2");
        assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Basic YWRtaW46czNjcmV0");
    }

    @Test
    void loginKeepsTheTokenCookieAndSendsItAfterwards() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .addHeader("Set-Cookie", "token=0b7a-session; Path=/; HttpOnly; Max-Age=2592000")
                .body("{\"message\":\"Login successful\"}").build());
        reply("{\"is_auth_enabled\":true,\"has_valid_token\":true}");
        reply("{\"message\":\"Logout successful\"}");
        reply("{\"is_auth_enabled\":true,\"has_valid_token\":false}");

        BifrostClient c = client();
        c.login("admin", "pw \"quoted\"");
        RecordedRequest login = taken();
        assertThat(login.getMethod()).isEqualTo("POST");
        assertThat(login.getUrl().encodedPath()).isEqualTo("/api/session/login");
        JsonNode body = Json.mapper().readTree(login.getBody().utf8());
        assertThat(body.get("username").asText()).isEqualTo("admin");
        assertThat(body.get("password").asText()).isEqualTo("pw \"quoted\"");
        assertThat(c.hasSession()).isTrue();

        assertThat(c.isAuthEnabled()).isTrue();
        assertThat(taken().getHeaders().get("Cookie")).isEqualTo("token=0b7a-session");

        c.logout();
        RecordedRequest logout = taken();
        assertThat(logout.getUrl().encodedPath()).isEqualTo("/api/session/logout");
        assertThat(logout.getHeaders().get("Cookie")).isEqualTo("token=0b7a-session");
        assertThat(c.hasSession()).isFalse();

        c.isAuthEnabled();
        assertThat(taken().getHeaders().get("Cookie")).isNull();
    }

    @Test
    void wrongPasswordIsUnauthorizedAndKeepsNoSession() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":{\"message\":\"Invalid username or password\"}}").build());
        BifrostClient c = client();
        ApiException e = catchThrowableOfType(ApiException.class, () -> c.login("admin", "bad"));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
        assertThat(e.serverMessage()).isEqualTo("Invalid username or password");
        assertThat(c.hasSession()).isFalse();
    }

    @Test
    void sessionTokenCredentialsAreSentAsCookie() throws Exception {
        reply("{\"status\":\"ok\",\"components\":{\"db_pings\":\"ok\"}}");
        BifrostClient c = new BifrostClient(new ServerEndpoint(server.url("/").toString(),
                Credentials.sessionToken("tok-1")));
        Health h = c.health();
        assertThat(h.status()).isEqualTo("ok");
        assertThat(h.components()).containsEntry("db_pings", "ok");
        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/health");
        assertThat(r.getHeaders().get("Cookie")).isEqualTo("token=tok-1");
    }

    @Test
    void getCreateUpdateDelete() throws Exception {
        String vk = TestJson.text("vk-current.json");
        reply(vk);
        reply(vk);
        reply(vk);
        reply("{\"message\":\"Virtual key deleted successfully\"}");
        BifrostClient c = client();
        ObjectNode body = Json.mapper().createObjectNode().put("name", "marketing-team-vk");
        body.putArray("provider_configs").addObject().put("provider", "openai").putArray("key_ids").add("*");

        assertThat(c.getVirtualKey("id/with space").id()).isEqualTo("3f1c0d8e-1111-4a2b-9c3d-000000000001");
        RecordedRequest get = taken();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().encodedPath()).isEqualTo("/api/governance/virtual-keys/id%2Fwith%20space");

        assertThat(c.createVirtualKey(body).value()).isEqualTo("sk-bf-5e0b6a4e-secret-value");
        RecordedRequest post = taken();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/api/governance/virtual-keys");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Json.mapper().readTree(post.getBody().utf8())).isEqualTo(body);

        assertThat(c.updateVirtualKey("abc", body).providerConfigs()).hasSize(2);
        RecordedRequest put = taken();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/api/governance/virtual-keys/abc");
        assertThat(Json.mapper().readTree(put.getBody().utf8())).isEqualTo(body);

        c.deleteVirtualKey("abc");
        RecordedRequest delete = taken();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo("/api/governance/virtual-keys/abc");
    }

    @Test
    void executeSendsThePlannedRequestUnderABasePath() throws Exception {
        reply(TestJson.text("vk-current.json"));
        reply("{\"message\":\"Virtual key deleted successfully\"}");
        BifrostClient c = new BifrostClient(ServerEndpoint.of(server.url("/bifrost/").toString()));
        ObjectNode body = Json.mapper().createObjectNode().put("description", "new");

        VirtualKey vk = c.execute(new PlannedRequest("PUT", "/api/governance/virtual-keys/abc", body, "update"));
        assertThat(vk.name()).isEqualTo("marketing-team-vk");
        RecordedRequest put = taken();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/bifrost/api/governance/virtual-keys/abc");
        assertThat(Json.mapper().readTree(put.getBody().utf8())).isEqualTo(body);

        assertThat(c.execute(new PlannedRequest("DELETE", "/api/governance/virtual-keys/abc", null, "delete")))
                .isNull();
        RecordedRequest delete = taken();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getBodySize()).isZero();
    }

    @Test
    void detectDialectFromVersion() throws Exception {
        reply("\"v1.4.21\"");
        BifrostClient c = client();
        assertThat(c.detectDialect()).isEqualTo(Dialect.LEGACY);
        assertThat(c.dialect()).isEqualTo(Dialect.LEGACY);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/version");

        reply("\"1.5.1\"");
        assertThat(c.detectDialect()).isEqualTo(Dialect.V1_5);
        assertThat(c.withDialect(Dialect.LEGACY).dialect()).as("override wins").isEqualTo(Dialect.LEGACY);
        assertThat(c.dialect()).isEqualTo(Dialect.V1_5);
    }

    @Test
    void detectDialectFromTheShapeWhenVersionIsUnparseable() throws Exception {
        reply("\"dev-build\"");
        reply("{\"virtual_keys\":[" + TestJson.tree("vk-legacy.json").get("virtual_key") + "],\"count\":1}");
        BifrostClient c = client();
        assertThat(c.detectDialect()).isEqualTo(Dialect.LEGACY);
        taken();
        RecordedRequest probe = taken();
        assertThat(probe.getUrl().encodedPath()).isEqualTo("/api/governance/virtual-keys");
        assertThat(probe.getUrl().queryParameter("limit")).isEqualTo("1");

        server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());
        reply("{\"virtual_keys\":[" + TestJson.tree("vk-current.json").get("virtual_key") + "],\"count\":1}");
        assertThat(c.detectDialect()).isEqualTo(Dialect.LATER);
    }

    @Test
    void legacyDialectMapsListedKeys() throws Exception {
        reply("{\"virtual_keys\":[" + TestJson.tree("vk-legacy.json").get("virtual_key") + "],\"count\":1}");
        VkPage page = client().withDialect(Dialect.LEGACY).listVirtualKeys(VkQuery.firstPage());
        assertThat(page.totalCount()).as("no total_count: the count").isEqualTo(1);
        assertThat(page.items().get(0).providerConfigs().get(0).allowedModels()).containsExactly("*");
        assertThat(page.items().get(0).budgets()).hasSize(1);
    }
}
