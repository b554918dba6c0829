package bifrostdesk.virtualkey.api;

import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.ServerEndpoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * One HTTP exchange and its failure mapping. Deliberately logs nothing: bodies carry VK values and MCP
 * connection strings, and even error texts are only kept as Bifrost's {@code error.message}.
 */
final class Transport {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** The v2.2.6 setup lock's header (REFERENCE-v2.md §11.2.1). */
    static final String SETUP_TOKEN_HEADER = "X-Bifrost-Setup-Token";

    /** A successful answer: parsed JSON ({@link MissingNode} for an empty body) and the headers. */
    record Reply(JsonNode json, Headers headers) {
    }

    private final OkHttpClient http;
    private final ServerEndpoint endpoint;
    private final Session session;
    private final CancelToken token;

    Transport(OkHttpClient http, ServerEndpoint endpoint, Session session, CancelToken token) {
        this.http = http;
        this.endpoint = endpoint;
        this.session = session;
        this.token = token;
    }

    Transport with(CancelToken newToken) {
        return new Transport(http, endpoint, session, newToken);
    }

    OkHttpClient http() {
        return http;
    }

    /**
     * The base URL plus an already-encoded path such as {@code /api/governance/virtual-keys/abc} (which may carry
     * a {@code ?query}) plus extra parameters. A base path (a proxy prefix) is kept.
     */
    HttpUrl url(String path, Map<String, String> query) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        String q = null;
        int mark = p.indexOf('?');
        if (mark >= 0) {
            q = p.substring(mark + 1);
            p = p.substring(0, mark);
        }
        HttpUrl.Builder b = endpoint.baseUrl().newBuilder();
        if (!p.isEmpty()) {
            b.addEncodedPathSegments(p);
        }
        b.encodedQuery(q);
        query.forEach(b::addQueryParameter);
        return b.build();
    }

    Reply send(String method, HttpUrl url, JsonNode body) throws ApiException {
        String path = url.encodedPath();
        if (Thread.currentThread().isInterrupted() || (token != null && token.isCancelled())) {
            throw new ApiException(ApiException.Kind.CANCELLED, 0, null, method, path, null);
        }
        Call call = http.newCall(request(method, url, body));
        if (token != null) {
            token.register(call);
        }
        try (Response response = call.execute()) {
            byte[] bytes = response.body().bytes();
            return interpret(method, path, response, bytes);
        } catch (IOException e) {
            throw failure(method, path, call, e);
        } finally {
            if (token != null) {
                token.unregister(call);
            }
        }
    }

    private Request request(String method, HttpUrl url, JsonNode body) throws ApiException {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
        if (endpoint.credentials() instanceof Credentials.Basic basic) {
            b.header("Authorization", okhttp3.Credentials.basic(basic.user(), basic.password(),
                    StandardCharsets.UTF_8));
        }
        String sessionToken = session.token();
        if (sessionToken != null) {
            b.header("Cookie", "token=" + sessionToken);
        }
        // §11.2.1/§11.14 step 1: while the setup lock is on, every /api call needs the token (the cookie of
        // POST /api/session/setup is not needed by a client that sends the header). Only to this gateway's /api:
        // redirects are off, and /health and anything outside /api never see it.
        String setupToken = session.setupToken();
        if (setupToken != null && isApi(url)) {
            b.header(SETUP_TOKEN_HEADER, setupToken);
        }
        RequestBody requestBody = null;
        if (body != null) {
            try {
                requestBody = new OneShotJson(Json.mapper().writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("body is not serialisable", e);
            }
        } else if (method.equals("POST") || method.equals("PUT")) {
            requestBody = RequestBody.create(new byte[0], JSON);
        }
        return b.method(method, requestBody).build();
    }

    /** Whether {@code url} is under the gateway's {@code /api} (after a proxy prefix of the base URL, if any). */
    private boolean isApi(HttpUrl url) {
        String base = endpoint.baseUrl().encodedPath();
        return url.encodedPath().startsWith(base.endsWith("/") ? base + "api/" : base + "/api/");
    }

    private static Reply interpret(String method, String path, Response response, byte[] bytes)
            throws ApiException {
        int status = response.code();
        String contentType = response.header("Content-Type", "");
        JsonNode json;
        try {
            json = bytes.length == 0 ? MissingNode.getInstance() : Json.mapper().readTree(bytes);
        } catch (IOException e) {
            if (looksLikeHtml(contentType, bytes)) {
                throw new ApiException(ApiException.Kind.NOT_JSON, status, null,
                        method, path, null);
            }
            if (response.isSuccessful()) {
                throw new ApiException(ApiException.Kind.MALFORMED_JSON, status, null, method, path, null);
            }
            throw new ApiException(ApiException.kindForStatus(status), status, null, method, path, null);
        }
        if (!response.isSuccessful()) {
            String message = errorMessage(json);
            throw new ApiException(ApiException.kindFor(status, message), status, message, method, path, null);
        }
        return new Reply(json, response.headers());
    }

    /** Bifrost's envelope {@code {"error":{"message":…}}}; older builds used a plain {@code message} field. */
    static String errorMessage(JsonNode json) {
        JsonNode m = json.path("error").path("message");
        if (m.isTextual()) {
            return m.asText();
        }
        JsonNode plain = json.path("message");
        return plain.isTextual() ? plain.asText() : null;
    }

    private static boolean looksLikeHtml(String contentType, byte[] bytes) {
        if (contentType.toLowerCase().contains("html")) {
            return true;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("<");
    }

    private ApiException failure(String method, String path, Call call, IOException e) {
        ApiException.Kind kind;
        if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            // OkHttp's call timeout also marks the call cancelled, so timeouts are recognised first.
            kind = ApiException.Kind.TIMEOUT;
        } else if (call.isCanceled() || (token != null && token.isCancelled())
                || e instanceof InterruptedIOException) {
            kind = ApiException.Kind.CANCELLED;
        } else if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException) {
            kind = ApiException.Kind.UNREACHABLE;
        } else {
            kind = ApiException.Kind.CONNECTION_DROPPED;
        }
        return new ApiException(kind, 0, null, method, path, e);
    }

    /**
     * A JSON body OkHttp must never resend by itself: a silently repeated POST could create a second key, so a
     * write that breaks off surfaces as {@link ApiException.Kind#CONNECTION_DROPPED} and the user reloads.
     */
    private static final class OneShotJson extends RequestBody {
        private final byte[] bytes;

        OneShotJson(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
