package bifrostdesk.integration;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.api.UpdateBuilder.SaveOptions;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One sandbox plus a client that talks to it over real HTTP, and the save loop the app runs: read with the
 * client, plan with {@link UpdateBuilder}, send every planned request in order, read back.
 */
final class TrapHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Fields that change on every save (REFERENCE §5: updated_at is bumped by every PUT) or carry no state. */
    private static final Set<String> VOLATILE = Set.of("updated_at");

    static {
        // The JDK HTTP server writes headers and body separately with Nagle on; with the client's delayed ACK
        // every exchange then stalls ~40 ms. Only speed is affected (read once, when the first server starts).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final SandboxServer sandbox;
    final BifrostClient client;
    final Dialect dialect;

    private TrapHarness(Dialect dialect, Seed seed) throws ApiException {
        this.dialect = dialect;
        this.sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect).withSeed(seed));
        this.client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        // The builder's output depends on the dialect; the client must find the sandbox's one by itself.
        assertThat(client.detectDialect()).as("detected dialect").isEqualTo(dialect);
    }

    static TrapHarness start(Dialect dialect) throws ApiException {
        return new TrapHarness(dialect, Seed.SMALL);
    }

    static TrapHarness start(Dialect dialect, Seed seed) throws ApiException {
        return new TrapHarness(dialect, seed);
    }

    String id(String name) {
        String id = sandbox.vkIdByName(name);
        assertThat(id).as("seed VK " + name).isNotNull();
        return id;
    }

    VirtualKey read(String name) throws ApiException {
        return client.getVirtualKey(id(name));
    }

    /** The VK as the server stores it (what GET returns), a private copy. */
    ObjectNode stored(String name) {
        return sandbox.vkJson(id(name)).deepCopy();
    }

    SavePlan plan(VirtualKey edited, VirtualKey server) {
        return plan(edited, server, SaveOptions.defaults());
    }

    SavePlan plan(VirtualKey edited, VirtualKey server, SaveOptions options) {
        SavePlan plan = UpdateBuilder.planUpdate(edited, server, dialect, options);
        assertThat(plan.refusals()).as("refusals of " + plan.changes()).isEmpty();
        assertThat(plan.requests()).as("requests").isNotEmpty();
        return plan;
    }

    /** Sends every request of the plan in order; returns the VK of the last answer. */
    VirtualKey execute(SavePlan plan) throws ApiException {
        VirtualKey last = null;
        for (PlannedRequest r : plan.requests()) {
            last = client.execute(r);
        }
        return last;
    }

    /** Plan from a fresh server copy and send; returns the VK as re-read with the client afterwards. */
    VirtualKey save(VirtualKey edited) throws ApiException {
        return save(edited, SaveOptions.defaults());
    }

    VirtualKey save(VirtualKey edited, SaveOptions options) throws ApiException {
        VirtualKey server = client.getVirtualKey(edited.id());
        execute(plan(edited, server, options));
        return client.getVirtualKey(edited.id());
    }

    /** A naive PUT of hand-written JSON, the way an obvious client would do it. */
    VirtualKey naivePut(String name, String json) throws Exception {
        return client.updateVirtualKey(id(name), JSON.readTree(json));
    }

    @Override
    public void close() {
        sandbox.close();
    }

    // ---- JSON comparison -------------------------------------------------------------------------------------

    /**
     * Asserts {@code after} equals {@code before} with {@code expectedEdit} applied and nothing else changed,
     * ignoring only the per-save timestamps ({@code updated_at} anywhere).
     */
    static void assertOnlyChanged(JsonNode before, JsonNode after, Consumer<ObjectNode> expectedEdit) {
        ObjectNode expected = before.deepCopy();
        expectedEdit.accept(expected);
        assertThat(withoutVolatile(after)).isEqualTo(withoutVolatile(expected));
    }

    static JsonNode withoutVolatile(JsonNode n) {
        JsonNode copy = n.deepCopy();
        strip(copy, VOLATILE);
        return copy;
    }

    static JsonNode without(JsonNode n, Set<String> fields) {
        JsonNode copy = n.deepCopy();
        strip(copy, fields);
        return copy;
    }

    private static void strip(JsonNode n, Set<String> fields) {
        if (n instanceof ObjectNode o) {
            o.remove(fields);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                strip(it.next().getValue(), fields);
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(c -> strip(c, fields));
        }
    }

    /** The provider config of {@code vk} JSON with that id. */
    static ObjectNode pcById(JsonNode vk, long id) {
        for (JsonNode pc : vk.path("provider_configs")) {
            if (pc.path("id").asLong() == id) {
                return (ObjectNode) pc;
            }
        }
        throw new AssertionError("no provider config " + id + " in " + vk);
    }

    /** The provider config of {@code vk} JSON for that provider (the seed has at most one per provider). */
    static ObjectNode pcByProvider(JsonNode vk, String provider) {
        for (JsonNode pc : vk.path("provider_configs")) {
            if (pc.path("provider").asText().equals(provider)) {
                return (ObjectNode) pc;
            }
        }
        throw new AssertionError("no provider config for " + provider + " in " + vk);
    }

    static ArrayNode array(String... values) {
        ArrayNode a = JSON.createArrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static java.util.List<String> keyIdsOf(JsonNode pc) {
        java.util.List<String> out = new java.util.ArrayList<>();
        pc.path("keys").forEach(k -> out.add(k.path("key_id").asText()));
        return out;
    }
}
