package bifrostdesk.virtualkey.api;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** VK bodies carry key values and MCP connection strings: nothing may log them. */
class NoBodyLoggingTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void noInterceptorsAreInstalled() {
        BifrostClient c = new BifrostClient(ServerEndpoint.of(server.url("/").toString()));
        assertThat(c.okHttp().interceptors()).isEmpty();
        assertThat(c.okHttp().networkInterceptors()).isEmpty();
    }

    @Test
    void nothingLoggedContainsASecret() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body(TestJson.text("vk-current.json")).build());
            server.enqueue(new MockResponse.Builder().code(500)
                    .body("{\"error\":{\"message\":\"boom\"},\"echo\":\"sk-bf-5e0b6a4e-secret-value\"}").build());
            BifrostClient c = new BifrostClient(ServerEndpoint.of(server.url("/").toString()));
            c.getVirtualKey("abc");
            try {
                c.updateVirtualKey("abc", Json.mapper().createObjectNode().put("name", "request-secret"));
            } catch (ApiException expected) {
                logged.add(expected.getMessage());
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(String.join("\n", logged))
                .doesNotContain("sk-bf-5e0b6a4e-secret-value", "mcp-conn-secret", "mcp-header-secret", "request-secret");
    }
}
