package bifrostdesk.virtualkey.model;

/**
 * One problem found by {@link VirtualKeyRules}.
 *
 * @param path     stable node path of the editor tree: {@code ""} = the key itself, {@code "budgets/0"},
 *                 {@code "rate_limit"}, {@code "provider_configs/2"}, {@code "provider_configs/2/budgets/1"},
 *                 {@code "provider_configs/2/rate_limit"}, {@code "provider_configs/2/keys"},
 *                 {@code "provider_configs/2/models"}, {@code "mcp_configs/1"}, {@code "mcp_configs/1/tools"}
 * @param field    the form field on that node ({@code name}, {@code max_limit}, {@code reset_duration}, ...), or
 *                 {@code ""} when the problem is about the node as a whole
 * @param severity error (blocks saving) or warning
 * @param message  a sentence for the user
 */
public record Violation(String path, String field, Severity severity, String message) {
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
