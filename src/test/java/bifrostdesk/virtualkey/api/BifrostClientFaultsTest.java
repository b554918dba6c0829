package bifrostdesk.virtualkey.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import bifrostdesk.connection.ServerEndpoint;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every way a call can fail ends as one {@link ApiException} of the right kind, without body text. */
class BifrostClientFaultsTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private BifrostClient client() {
        return new BifrostClient(ServerEndpoint.of(server.url("/").toString()), ClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(5)));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static String envelope(int code, String message) {
        return "{\"is_bifrost_error\":false,\"status_code\":" + code + ",\"error\":{\"message\":\"" + message
                + "\"},\"extra_fields\":{\"provider\":\"\",\"model_requested\":\"\",\"request_type\":\"\"}}";
    }

    private static ApiException failure(ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("an ApiException").isNotNull();
        return e;
    }

    @Test
    void unauthorizedCarriesServerMessage() {
        server.enqueue(json(401, envelope(401, "Unauthorized")));
        ApiException e = failure(() -> client().getVirtualKey("abc"));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.serverMessage()).isEqualTo("Unauthorized");
        assertThat(e.userMessage()).contains("401").contains("Log in again");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void healthUnavailable() {
        server.enqueue(json(503, envelope(503, "config store not available")));
        ApiException e = failure(() -> client().health());
        assertThat(e.kind()).isEqualTo(ApiException.Kind.HTTP);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.serverMessage()).isEqualTo("config store not available");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void notFound() {
        server.enqueue(json(404, envelope(404, "Virtual key not found")));
        ApiException e = failure(() -> client().getVirtualKey("gone"));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.NOT_FOUND);
        assertThat(e.serverMessage()).isEqualTo("Virtual key not found");
        assertThat(e.userMessage()).contains("Virtual key not found");
    }

    @Test
    void conflict() {
        server.enqueue(json(409, envelope(409, "A virtual key with this name already exists")));
        ApiException e = failure(() -> client().createVirtualKey(Json.mapper().createObjectNode().put("name", "x")));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.CONFLICT);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.serverMessage()).contains("already exists");
    }

    @Test
    void serverErrorShowsMessageAndIsNotRetryable() {
        server.enqueue(json(500, "{\"error\":{\"message\":\"some keys not found for provider openai: expected 2, found 1\"}}"));
        ApiException e = failure(() -> client().updateVirtualKey("id", Json.mapper().createObjectNode()));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.HTTP);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.serverMessage()).startsWith("some keys not found");
        assertThat(e.userMessage()).contains("some keys not found").contains("reload");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void htmlWith200IsNotJson() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<!doctype html><html><body>Welcome to nginx</body></html>").build());
        ApiException e = failure(() -> client().version());
        assertThat(e.kind()).isEqualTo(ApiException.Kind.NOT_JSON);
        assertThat(e.userMessage()).contains("HTML page instead of JSON").contains("proxy");
        assertThat(e.getMessage()).doesNotContain("nginx");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void htmlWith502IsNotJsonButRetryable() {
        server.enqueue(new MockResponse.Builder().code(502)
                .body("<html><head><title>502 Bad Gateway</title></head></html>").build());
        ApiException e = failure(() -> client().listVirtualKeys(VkQuery.firstPage()));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.NOT_JSON);
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.userMessage()).contains("502").contains("HTML page");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void malformedJson() {
        server.enqueue(json(200, "{\"virtual_key\": {\"id\": \"abc\", "));
        ApiException e = failure(() -> client().getVirtualKey("abc"));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.MALFORMED_JSON);
        assertThat(e.getMessage()).doesNotContain("abc\"");
    }

    @Test
    void jsonOfTheWrongShapeIsMalformed() {
        server.enqueue(json(200, "[1,2,3]"));
        assertThat(failure(() -> client().getVirtualKey("abc")).kind()).isEqualTo(ApiException.Kind.MALFORMED_JSON);
    }

    @Test
    void readTimeout() {
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("{}").build());
        long start = System.nanoTime();
        ApiException e = failure(() -> client().health());
        assertThat(e.kind()).isEqualTo(ApiException.Kind.TIMEOUT);
        assertThat(e.isRetryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void callTimeout() {
        server.enqueue(new MockResponse.Builder().bodyDelay(3, TimeUnit.SECONDS).body("{}").build());
        BifrostClient c = new BifrostClient(ServerEndpoint.of(server.url("/").toString()), ClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(300)));
        assertThat(failure(c::health).kind()).isEqualTo(ApiException.Kind.TIMEOUT);
    }

    @Test
    void droppedConnectionOnRead() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        ApiException e = failure(() -> client().getVirtualKey("abc"));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.CONNECTION_DROPPED);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void droppedWriteIsNotRepeatedSilently() throws Exception {
        // A pooled connection that breaks is what makes OkHttp retry on its own; a POST must not be repeated.
        server.enqueue(json(200, "\"1.5.2\""));
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, TestJson.text("vk-current.json")));
        BifrostClient c = client();
        c.version();
        ApiException e = failure(() -> c.createVirtualKey(Json.mapper().createObjectNode().put("name", "x")));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.CONNECTION_DROPPED);
        assertThat(e.isRetryable()).as("the key may have been created").isFalse();
        assertThat(server.getRequestCount()).as("OkHttp must not resend a POST").isEqualTo(2);
    }

    @Test
    void droppedInTheMiddleOfTheBody() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"virtual_key\":{\"id\":\"abc\",\"name\":\"" + "n".repeat(5000) + "\"}}")
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        assertThat(failure(() -> client().getVirtualKey("abc")).kind())
                .isEqualTo(ApiException.Kind.CONNECTION_DROPPED);
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        BifrostClient c = new BifrostClient(ServerEndpoint.of("http://127.0.0.1:" + port));
        ApiException e = failure(c::health);
        assertThat(e.kind()).isEqualTo(ApiException.Kind.UNREACHABLE);
        assertThat(e.status()).isZero();
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.userMessage()).contains("Cannot reach the server");
    }

    @Test
    void unknownHostIsUnreachable() {
        BifrostClient c = new BifrostClient(ServerEndpoint.of("http://no-such-host.invalid:8080"));
        assertThat(failure(c::health).kind()).isEqualTo(ApiException.Kind.UNREACHABLE);
    }

    @Test
    void errorWithoutEnvelopeStillHasStatus() {
        server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());
        ApiException e = failure(() -> client().version());
        assertThat(e.kind()).isEqualTo(ApiException.Kind.NOT_FOUND);
        assertThat(e.serverMessage()).isNull();
    }

    @Test
    void exceptionTextNeverContainsTheBody() {
        server.enqueue(json(400, "{\"error\":{\"message\":\"Virtual key name is required\"},\"echo\":\"sk-bf-leak\"}"));
        ApiException e = failure(() -> client().createVirtualKey(Json.mapper().createObjectNode()
                .put("secret", "sk-bf-leak")));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.HTTP);
        assertThat(e.getMessage()).contains("POST /api/governance/virtual-keys").contains("400")
                .contains("Virtual key name is required").doesNotContain("sk-bf-leak");
        assertThat(e.userMessage()).doesNotContain("sk-bf-leak");
    }
}
