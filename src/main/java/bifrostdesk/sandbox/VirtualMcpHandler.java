package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.VirtualMcpRec;
import bifrostdesk.sandbox.Records.VkRec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Virtual MCPs, V2 only (REFERENCE-v2 §11.7.1): {@code /api/mcp/virtual-mcps[/{id}]} CRUD (create answers 201) and
 * {@code /{id}/virtual-keys/{vkId}} attach/detach. The VK PUT never touches these assignments; GET one VK lists
 * them as {@code virtual_mcp_ids}. Caller holds the store lock.
 */
final class VirtualMcpHandler {
    static final String PREFIX = "/api/mcp/virtual-mcps";
    static final String AP_MANAGED = "this virtual key is managed by an access profile; assign the Virtual MCP"
            + " through that access profile instead";

    private final SandboxStore store;

    VirtualMcpHandler(SandboxStore store) {
        this.store = store;
    }

    boolean handle(Exchange ex) throws IOException {
        if (ex.path.equals(PREFIX)) {
            switch (ex.method) {
                case "GET" -> list(ex);
                case "POST" -> create(ex);
                default -> ex.error(405, "Method not allowed");
            }
            return true;
        }
        if (!ex.path.startsWith(PREFIX + "/")) {
            return false;
        }
        String[] parts = ex.path.substring(PREFIX.length() + 1).split("/", -1);
        Long id = parseId(parts[0]);
        if (id == null) {
            ex.error(400, "invalid virtual MCP id");
            return true;
        }
        if (parts.length == 3 && parts[1].equals("virtual-keys")) {
            assignment(ex, id, Exchange.decode(parts[2]).trim());
            return true;
        }
        if (parts.length != 1) {
            return false;
        }
        VirtualMcpRec m = store.virtualMcps.get(id);
        if (m == null) {
            ex.error(404, "virtual MCP not found");
            return true;
        }
        switch (ex.method) {
            case "GET" -> ex.ok(Json.obj().set("virtual_mcp", json(m)));
            case "PUT" -> update(ex, m);
            case "DELETE" -> {
                store.virtualMcps.remove(id);
                ex.ok(Json.obj().put("success", true));
            }
            default -> ex.error(405, "Method not allowed");
        }
        return true;
    }

    private static Long parseId(String s) {
        try {
            long n = Long.parseLong(s);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void list(Exchange ex) throws IOException {
        String search = ex.query.getOrDefault("search", "").toLowerCase(Locale.ROOT);
        List<VirtualMcpRec> all = new ArrayList<>();
        for (VirtualMcpRec m : store.virtualMcps.values()) {
            if (search.isEmpty() || m.name.toLowerCase(Locale.ROOT).contains(search)) {
                all.add(m);
            }
        }
        int limit = intParam(ex, "limit");
        limit = limit <= 0 ? 25 : Math.min(limit, 100);
        int offset = Math.max(0, intParam(ex, "offset"));
        int from = Math.min(offset, all.size());
        int to = Math.min(from + limit, all.size());
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("virtual_mcps");
        all.subList(from, to).forEach(m -> arr.add(json(m)));
        o.put("count", to - from);
        o.put("total_count", all.size());
        o.put("limit", limit);
        o.put("offset", offset);
        ex.ok(o);
    }

    private static int intParam(Exchange ex, String name) {
        try {
            return Integer.parseInt(ex.query.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private JsonNode body(Exchange ex) throws IOException {
        try {
            JsonNode n = Json.MAPPER.readTree(ex.body());
            return n != null && n.isObject() ? n : null;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return null;
        }
    }

    private void create(Exchange ex) throws IOException {
        JsonNode req = body(ex);
        if (req == null) {
            ex.error(400, "invalid request body");
            return;
        }
        String name = req.path("name").asText("").trim();
        if (name.isEmpty()) {
            ex.error(400, "name is required");
            return;
        }
        String slug = req.path("endpoint_slug").asText("").trim();
        if (slug.isEmpty()) {
            slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
        Map<String, List<String>> tools = tools(ex, req.get("tools"));
        if (tools == null) {
            return;
        }
        if (clash(name, slug, -1)) {
            ex.error(409, "a virtual MCP with this name or endpoint already exists");
            return;
        }
        VirtualMcpRec m = new VirtualMcpRec();
        m.name = name;
        m.endpointSlug = slug;
        m.description = Json.text(req, "description");
        m.enabled = !Json.given(req, "enabled") || req.get("enabled").asBoolean();
        m.tools = tools;
        m.createdAt = Instant.now();
        m.updatedAt = m.createdAt;
        store.addVirtualMcp(m);
        ex.send(201, Json.obj().set("virtual_mcp", json(m)));
    }

    /** Partial: name "" and omitted fields are unchanged; endpoint_slug is immutable and ignored. */
    private void update(Exchange ex, VirtualMcpRec m) throws IOException {
        JsonNode req = body(ex);
        if (req == null) {
            ex.error(400, "invalid request body");
            return;
        }
        String name = req.path("name").asText("").trim();
        Map<String, List<String>> tools = Json.given(req, "tools") ? tools(ex, req.get("tools")) : m.tools;
        if (tools == null) {
            return;
        }
        if (!name.isEmpty() && clash(name, null, m.id)) {
            ex.error(409, "a virtual MCP with this name or endpoint already exists");
            return;
        }
        if (!name.isEmpty()) {
            m.name = name;
        }
        if (Json.given(req, "description")) {
            m.description = req.get("description").asText();
        }
        if (Json.given(req, "enabled")) {
            m.enabled = req.get("enabled").asBoolean();
        }
        m.tools = tools;
        m.updatedAt = Instant.now();
        ex.ok(Json.obj().set("virtual_mcp", json(m)));
    }

    private boolean clash(String name, String slug, long self) {
        for (VirtualMcpRec o : store.virtualMcps.values()) {
            if (o.id != self && (o.name.equalsIgnoreCase(name) || o.endpointSlug.equals(slug))) {
                return true;
            }
        }
        return false;
    }

    /** {@code [{mcp_client_id, tool_names}]}; the client may be named by id or name. Null after a 400. */
    private Map<String, List<String>> tools(Exchange ex, JsonNode list) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return out;
        }
        List<String> unknown = new ArrayList<>();
        for (JsonNode t : list) {
            String ref = t.path("mcp_client_id").asText("");
            if (client(ref) == null) {
                unknown.add(ref);
                continue;
            }
            List<String> names = Json.strings(t, "tool_names"); // checked only at call time, not here
            out.put(ref, names == null ? new ArrayList<>() : names);
        }
        if (!unknown.isEmpty()) {
            ex.error(400, "invalid MCP client IDs: " + String.join(", ", unknown));
            return null;
        }
        return out;
    }

    private McpClientRec client(String ref) {
        for (McpClientRec c : store.mcpClients.values()) {
            if (ref.equals(String.valueOf(c.dbId)) || ref.equals(c.clientId) || ref.equals(c.name)) {
                return c;
            }
        }
        return null;
    }

    private void assignment(Exchange ex, long id, String vkId) throws IOException {
        boolean attach = ex.method.equals("POST");
        if (!attach && !ex.method.equals("DELETE")) {
            ex.error(405, "Method not allowed");
            return;
        }
        if (vkId.isEmpty()) {
            ex.error(400, "virtual key id is required");
            return;
        }
        VirtualMcpRec m = store.virtualMcps.get(id);
        if (m == null) {
            ex.error(404, "virtual MCP not found");
            return;
        }
        if (attach) {
            VkRec v = store.vks.get(vkId);
            if (v == null) {
                ex.error(404, "virtual key not found");
                return;
            }
            if (v.accessProfileId != null) {
                ex.error(409, AP_MANAGED);
                return;
            }
            m.virtualKeyIds.add(vkId);
        } else {
            m.virtualKeyIds.remove(vkId); // detach does not look the VK up
        }
        m.updatedAt = Instant.now();
        ex.ok(Json.obj().put("success", true));
    }

    ObjectNode json(VirtualMcpRec m) {
        ObjectNode o = Json.obj();
        o.put("id", m.id);
        o.put("name", m.name);
        o.put("endpoint_slug", m.endpointSlug);
        if (m.description != null && !m.description.isEmpty()) {
            o.put("description", m.description);
        }
        o.put("enabled", m.enabled);
        ArrayNode tools = o.putArray("tools");
        m.tools.forEach((ref, names) -> {
            ObjectNode t = tools.addObject();
            if (ref.matches("\\d+")) {
                t.put("mcp_client_id", Long.parseLong(ref));
            } else {
                t.put("mcp_client_id", ref);
            }
            t.set("tool_names", Json.arr(names));
        });
        o.set("virtual_key_ids", Json.arr(m.virtualKeyIds));
        o.put("created_at", Json.time(m.createdAt));
        o.put("updated_at", Json.time(m.updatedAt));
        return o;
    }
}
