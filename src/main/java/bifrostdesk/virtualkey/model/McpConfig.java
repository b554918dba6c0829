package bifrostdesk.virtualkey.model;

import java.util.List;

/**
 * An MCP client attached to a virtual key and the tools the key may execute on it
 * ({@code ["*"]} = all tools, empty = none; raw tool names without the client prefix).
 *
 * @param id server id; {@code null} for an attachment not yet on the server
 */
public record McpConfig(Long id, String mcpClientName, List<String> toolsToExecute) {
    public McpConfig {
        toolsToExecute = List.copyOf(toolsToExecute);
    }

    public McpConfig withTools(List<String> value) {
        return new McpConfig(id, mcpClientName, value);
    }

    public boolean allowsAllTools() {
        return toolsToExecute.contains(AccessLists.ALL);
    }
}
