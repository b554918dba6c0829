package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.McpCfgRec;
import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.VkRec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code mcp_configs[]}: full set by {@code id}; only {@code tools_to_execute} changes on an existing entry
 * (REFERENCE §2.6.2, unchanged on v2: REFERENCE-v2 §11.7.2). Caller holds the store lock.
 */
final class McpConfigRules {
    private final SandboxStore store;
    private final ProviderConfigRules whiteLists;

    McpConfigRules(SandboxStore store, ProviderConfigRules whiteLists) {
        this.store = store;
        this.whiteLists = whiteLists;
    }

    void apply(VkRec v, JsonNode list, boolean creating) {
        Map<Long, McpCfgRec> existing = new HashMap<>();
        v.mcpConfigs.forEach(m -> existing.put(m.id, m));
        Set<Long> attachedClients = new HashSet<>();
        v.mcpConfigs.forEach(m -> attachedClients.add(m.mcpClientDbId));
        Set<String> names = new HashSet<>();
        for (JsonNode item : list) {
            String name = item.path("mcp_client_name").asText("");
            if (!name.isEmpty() && !names.add(name)) {
                throw ApiException.badRequest("duplicate mcp_client_name: " + name);
            }
        }
        List<McpCfgRec> result = new ArrayList<>();
        for (JsonNode item : list) {
            String name = item.path("mcp_client_name").asText("");
            List<String> tools = Json.strings(item, "tools_to_execute");
            whiteLists.validateWhiteList("tools_to_execute for MCP client " + name, tools);
            List<String> toolList = tools == null ? new ArrayList<>() : tools;
            if (!creating && Json.given(item, "id")) {
                long cfgId = item.get("id").asLong();
                McpCfgRec m = existing.remove(cfgId);
                if (m == null) {
                    throw ApiException.internal("mcp config " + cfgId + " does not belong to this virtual key");
                }
                m.toolsToExecute = toolList; // only the tools change on an existing entry
                result.add(m);
            } else {
                McpClientRec client = store.mcpClients.get(name);
                if (client == null) {
                    throw ApiException.internal("failed to get MCP client: record not found");
                }
                if (attachedClients.contains(client.dbId)) {
                    throw ApiException.badRequest("MCP client '" + name
                            + "' config for this virtual key already exists");
                }
                McpCfgRec m = new McpCfgRec();
                m.id = store.nextMcpConfigId();
                m.mcpClientDbId = client.dbId;
                m.toolsToExecute = toolList;
                attachedClients.add(client.dbId);
                result.add(m);
            }
        }
        v.mcpConfigs = result;
    }
}
