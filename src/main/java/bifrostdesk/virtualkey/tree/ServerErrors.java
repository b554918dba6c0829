package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the node and field a Bifrost error message is about, so it can be shown where the user can fix it.
 * Bifrost's messages are free text (REFERENCE §2.6.7); this matches the ones the handlers produce. A message that
 * names no field is about its node as a whole ({@link Field#NODE}).
 */
final class ServerErrors {
    private static final Pattern PROVIDER = Pattern.compile("(?:invalid provider name|for provider):? ([\\w.-]+)");
    private static final Pattern MCP = Pattern.compile("(?:mcp_client_name|MCP client)[: ]+([\\w.-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("reset_duration in budgets: (\\S+)|reset duration format: (\\S+)");

    private ServerErrors() {
    }

    static Violation locate(VirtualKey vk, String message) {
        String m = message == null ? "" : message;
        String lower = m.toLowerCase(Locale.ROOT);
        String text = "Server: " + m;
        if (lower.contains("name") && (lower.contains("already exists") || lower.contains("required"))
                && !lower.contains("mcp")) {
            return Violation.at("", Field.NAME, Severity.ERROR, text);
        }
        Matcher pm = PROVIDER.matcher(m);
        if (pm.find()) {
            int i = indexOfProvider(vk, pm.group(1));
            if (i >= 0) {
                return lower.contains("keys") ? Violation.at(NodePath.keys(i), Field.KEYS, Severity.ERROR, text)
                        : Violation.at(NodePath.provider(i), Field.PROVIDER, Severity.ERROR, text);
            }
        }
        Matcher mm = MCP.matcher(m);
        if (mm.find()) {
            for (int i = 0; i < vk.mcpConfigs().size(); i++) {
                if (vk.mcpConfigs().get(i).mcpClientName().equals(mm.group(1))) {
                    return Violation.at(NodePath.mcp(i), Field.MCP_CLIENT, Severity.ERROR, text);
                }
            }
        }
        if (lower.contains("budget") || lower.contains("reset duration")) {
            Matcher dm = DURATION.matcher(m);
            String duration = dm.find() ? (dm.group(1) != null ? dm.group(1) : dm.group(2)) : null;
            String path = findBudget(vk, duration, lower.contains("zero"));
            if (path != null) {
                return Violation.at(path, duration != null ? Field.RESET_DURATION : Field.MAX_LIMIT, Severity.ERROR,
                        text);
            }
        }
        if (lower.contains("rate limit")) {
            if (vk.rateLimit() != null) {
                return Violation.at(NodePath.rateLimit(""), Field.NODE, Severity.ERROR, text);
            }
            for (int i = 0; i < vk.providerConfigs().size(); i++) {
                if (vk.providerConfigs().get(i).rateLimit() != null) {
                    return Violation.at(NodePath.rateLimit(NodePath.provider(i)), Field.NODE, Severity.ERROR, text);
                }
            }
        }
        return Violation.at("", Field.NODE, Severity.ERROR, text);
    }

    private static int indexOfProvider(VirtualKey vk, String provider) {
        for (int i = 0; i < vk.providerConfigs().size(); i++) {
            if (provider.equals(vk.providerConfigs().get(i).provider())) {
                return i;
            }
        }
        return -1;
    }

    private static String findBudget(VirtualKey vk, String duration, boolean zeroLimit) {
        String hit = match("", vk.budgets(), duration, zeroLimit);
        for (int i = 0; hit == null && i < vk.providerConfigs().size(); i++) {
            hit = match(NodePath.provider(i), vk.providerConfigs().get(i).budgets(), duration, zeroLimit);
        }
        return hit;
    }

    private static String match(String owner, List<Budget> budgets, String duration, boolean zeroLimit) {
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            if ((duration != null && duration.equals(b.resetDuration()))
                    || (zeroLimit && b.maxLimit() != null && b.maxLimit() <= 0)) {
                return NodePath.budget(owner, i);
            }
        }
        return null;
    }
}
