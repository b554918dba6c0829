package bifrostdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request: parsed path/query/body plus response helpers. */
final class Exchange {
    final HttpExchange http;
    final String method;
    final String path;
    final Map<String, String> query = new LinkedHashMap<>();
    private byte[] body;

    Exchange(HttpExchange http) {
        this.http = http;
        this.method = http.getRequestMethod();
        this.path = http.getRequestURI().getRawPath();
        String q = http.getRequestURI().getRawQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String k = decode(eq < 0 ? part : part.substring(0, eq));
                String v = eq < 0 ? "" : decode(part.substring(eq + 1));
                query.putIfAbsent(k, v);
            }
        }
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    byte[] body() throws IOException {
        if (body == null) {
            body = http.getRequestBody().readAllBytes();
        }
        return body;
    }

    /** The body as a JSON object, or a 400 {@code Invalid JSON}. */
    JsonNode jsonBody() throws IOException {
        try {
            JsonNode n = Json.MAPPER.readTree(body());
            if (n == null || !n.isObject()) {
                throw ApiException.bare(400, "Invalid JSON");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw ApiException.bare(400, "Invalid JSON");
        }
    }

    void send(int status, JsonNode json) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(json);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    void ok(JsonNode json) throws IOException {
        send(200, json);
    }

    /** Bifrost's SendError envelope. */
    void error(int status, String message) throws IOException {
        send(status, envelope(status, message));
    }

    static ObjectNode envelope(int status, String message) {
        ObjectNode o = Json.obj();
        o.put("is_bifrost_error", false);
        o.put("status_code", status);
        o.putObject("error").put("message", message);
        o.putObject("extra_fields");
        return o;
    }
}
