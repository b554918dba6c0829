package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Http.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh default (V2, small seed) sandbox per test, over real HTTP. */
abstract class V2TestBase {
    static final String VKS = "/api/governance/virtual-keys";
    SandboxServer server;
    Http http;

    SandboxOptions options() {
        return SandboxOptions.defaults();
    }

    @BeforeEach
    void start() {
        server = SandboxServer.start(options());
        http = new Http(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String id(String name) {
        String id = server.vkIdByName(name);
        if (id == null) {
            throw new AssertionError("no seeded key " + name);
        }
        return id;
    }

    /** {@code GET /api/governance/virtual-keys/{id}} of a key by name: the whole body. */
    JsonNode getBody(String name) {
        Resp r = http.get(VKS + "/" + id(name));
        if (r.status() != 200) {
            throw new AssertionError("GET " + name + " -> " + r.status() + " " + r.raw().body());
        }
        return r.json();
    }

    JsonNode get(String name) {
        return getBody(name).get("virtual_key");
    }

    Resp put(String name, String body) {
        return http.putVk(id(name), Http.j(body));
    }

    static JsonNode budget(JsonNode owner, String duration) {
        for (JsonNode b : owner.path("budgets")) {
            if (b.get("reset_duration").asText().equals(duration)) {
                return b;
            }
        }
        return null;
    }

    static JsonNode pc(JsonNode vk, String provider) {
        for (JsonNode p : vk.get("provider_configs")) {
            if (p.get("provider").asText().equals(provider)) {
                return p;
            }
        }
        return null;
    }
}
