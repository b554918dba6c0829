package bifrostdesk.virtualkey.model;

import java.util.Set;

/**
 * What {@link VirtualKeyRules} needs besides the key.
 *
 * @param otherVkNames    names of the server's other virtual keys (not this one)
 * @param knownProviders  configured provider names; empty = unknown (no provider warning)
 * @param knownMcpClients MCP client names; empty = unknown (no client warning)
 * @param base            the server copy the edit started from, or {@code null} for a new key
 * @param dialect         the server's dialect
 */
public record RuleContext(Set<String> otherVkNames, Set<String> knownProviders, Set<String> knownMcpClients,
                          VirtualKey base, Dialect dialect) {
    public RuleContext {
        otherVkNames = otherVkNames == null ? Set.of() : otherVkNames;
        knownProviders = knownProviders == null ? Set.of() : knownProviders;
        knownMcpClients = knownMcpClients == null ? Set.of() : knownMcpClients;
        dialect = dialect == null ? Dialect.V2 : dialect;
    }

    /** No lookups, no base, current server. */
    public static RuleContext basic(Dialect dialect) {
        return new RuleContext(Set.of(), Set.of(), Set.of(), null, dialect);
    }
}
