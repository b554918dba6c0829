package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;

/** One page of {@code GET /api/governance/virtual-keys}, with the server's effective limit and offset. */
public record VkPage(List<VirtualKey> items, int totalCount, int limit, int offset) {
    public VkPage {
        items = List.copyOf(items);
    }
}
