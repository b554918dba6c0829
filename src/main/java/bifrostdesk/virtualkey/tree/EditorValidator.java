package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The editor's validator in a window. The rule context (other keys' names, known providers and MCP clients, the open
 * key's server copy, the dialect) is rebuilt only when one of its inputs changes — not on every keystroke — and an
 * edit re-checks only what it touched ({@link VirtualKeyRules#revalidate}), so typing stays fast on a key with a
 * thousand provider configs. Runs on the FX thread.
 */
public final class EditorValidator implements VirtualKeyEditorViewModel.Validator {
    private final Supplier<Collection<String>> names;
    private final Supplier<Lookups.Snapshot> lookups;
    private final Supplier<VirtualKey> base;
    private final Supplier<Dialect> dialect;

    private RuleContext cachedContext;
    private VirtualKey contextBase;
    private Lookups.Snapshot contextLookups;
    private int contextNames = -1;
    private int namesVersion;
    private RuleContext lastContext;
    private VirtualKey lastValidated;
    private List<Violation> lastViolations;

    /**
     * @param names   the names of the keys loaded in the list (tell {@link #namesChanged()} when they change)
     * @param lookups providers, MCP clients, teams and customers
     * @param base    the open key's server copy
     * @param dialect what the server speaks
     */
    public EditorValidator(Supplier<Collection<String>> names, Supplier<Lookups.Snapshot> lookups,
                           Supplier<VirtualKey> base, Supplier<Dialect> dialect) {
        this.names = names;
        this.lookups = lookups;
        this.base = base;
        this.dialect = dialect;
    }

    /** The list's keys changed: the next validation rebuilds the names it checks against. */
    public void namesChanged() {
        namesVersion++;
    }

    @Override
    public List<Violation> apply(VirtualKey vk) {
        RuleContext ctx = ruleContext();
        List<Violation> result = ctx == lastContext && lastValidated != null
                ? VirtualKeyRules.revalidate(lastValidated, lastViolations, vk, ctx)
                : VirtualKeyRules.validate(vk, ctx);
        lastContext = ctx;
        lastValidated = vk;
        lastViolations = result;
        return result;
    }

    private RuleContext ruleContext() {
        VirtualKey b = base.get();
        Lookups.Snapshot l = lookups.get();
        Dialect d = dialect.get();
        if (cachedContext != null && contextBase == b && contextLookups == l && contextNames == namesVersion
                && cachedContext.dialect() == d) {
            return cachedContext;
        }
        Set<String> others = new HashSet<>(names.get());
        if (b != null) {
            others.remove(b.name());
        }
        Set<String> providers = l.providers().stream().map(Lookups.Provider::name).collect(Collectors.toSet());
        Set<String> clients = l.mcpClients().stream().map(Lookups.McpClient::name).collect(Collectors.toSet());
        cachedContext = new RuleContext(others, providers, clients, b, d);
        contextBase = b;
        contextLookups = l;
        contextNames = namesVersion;
        return cachedContext;
    }
}
