package bifrostdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP against a running sandbox (no app client code). */
final class Http {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Resp(int status, JsonNode json, HttpResponse<String> raw) {
        String message() {
            return json.path("error").path("message").asText();
        }

        JsonNode vk() {
            return json.get("virtual_key");
        }
    }

    private final String base;
    private final String[] headers;

    Http(String base, String... headers) {
        this.base = base;
        this.headers = headers;
    }

    Http with(String... extra) {
        String[] all = new String[headers.length + extra.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(extra, 0, all, headers.length, extra.length);
        return new Http(base, all);
    }

    Resp get(String path) {
        return send("GET", path, null);
    }

    Resp delete(String path) {
        return send("DELETE", path, null);
    }

    Resp put(String path, String body) {
        return send("PUT", path, body);
    }

    Resp post(String path, String body) {
        return send("POST", path, body);
    }

    Resp putVk(String id, String body) {
        return put("/api/governance/virtual-keys/" + id, body);
    }

    JsonNode getVk(String id) {
        Resp r = get("/api/governance/virtual-keys/" + id);
        if (r.status() != 200) {
            throw new AssertionError("GET vk " + id + " -> " + r.status() + " " + r.raw().body());
        }
        return r.vk();
    }

    Resp send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(r.body());
            return new Resp(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Single quotes to double quotes, to keep JSON in tests readable. */
    static String j(String s) {
        return s.replace('\'', '"');
    }
}
