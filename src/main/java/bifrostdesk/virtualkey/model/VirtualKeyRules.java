package bifrostdesk.virtualkey.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Client-side validation of a virtual key before saving (REFERENCE §9 step 5). ERRORs mirror what the server
 * rejects (§3), often only as an opaque 500 from inside its transaction; WARNINGs point at things the server
 * accepts but that are probably not what the user wants. Linear in the size of the key (lookups are hash maps),
 * so a key with 1,000 provider configs validates in well under 10 ms.
 * <p>
 * Over 400 lines, earned by one job: the validation rules of a key, with their incremental re-run.
 */
public final class VirtualKeyRules {
    private VirtualKeyRules() {
    }

    public static List<Violation> validate(VirtualKey vk, RuleContext ctx) {
        RuleContext c = ctx == null ? RuleContext.basic(Dialect.V2) : ctx;
        return new Run(c).run(vk);
    }

    /**
     * Re-validation after an edit, equal to {@code validate(after, ctx)} (same violations, same order) but
     * re-checking only the provider configs that changed when nothing else did. {@code previous} must be
     * {@code validate(before, ctx)} with the same {@code ctx}. Falls back to {@link #validate} when key-level
     * fields, key budgets, the key rate limit, MCP configs or the number of provider configs changed, or when more
     * than a few configs changed. Provider-config rules depend only on the config itself and {@code ctx} (there are
     * no cross-config rules), which is what makes this exact.
     */
    public static List<Violation> revalidate(VirtualKey before, List<Violation> previous, VirtualKey after,
                                             RuleContext ctx) {
        RuleContext c = ctx == null ? RuleContext.basic(Dialect.V2) : ctx;
        if (before == null || previous == null || !sameExceptProviderConfigs(before, after)
                || crossConfigRulesMayChange(before, after)) {
            return validate(after, c);
        }
        List<ProviderConfig> was = before.providerConfigs();
        List<ProviderConfig> now = after.providerConfigs();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            if (was.get(i) != now.get(i) && !was.get(i).equals(now.get(i))) {
                changed.add(i);
                if (changed.size() > MAX_INCREMENTAL_CONFIGS) {
                    return validate(after, c);
                }
            }
        }
        if (changed.isEmpty()) {
            return List.copyOf(previous);
        }
        // previous = key-level part, then provider configs in index order, then MCP configs (see Run.run)
        List<Violation> out = new ArrayList<>(previous.size() + 8);
        int k = 0;
        int n = previous.size();
        Run run = new Run(c, true);
        for (int ci : changed) {
            // copy everything before config ci's violations, skip its old ones, add the new ones
            while (k < n && pcIndex(previous.get(k).key().node()) < ci) {
                out.add(previous.get(k++));
            }
            while (k < n && pcIndex(previous.get(k).key().node()) == ci) {
                k++;
            }
            run.out.clear();
            run.providerConfig(ci, now.get(ci));
            out.addAll(run.out);
        }
        while (k < n) {
            out.add(previous.get(k++));
        }
        return out;
    }

    /**
     * The two rules that look at several configs at once (duplicate providers, no access at all): while either may
     * apply, a changed config is not checked on its own.
     */
    private static boolean crossConfigRulesMayChange(VirtualKey before, VirtualKey after) {
        return VirtualKeyRulesV2.hasDuplicateProviders(before) || VirtualKeyRulesV2.hasDuplicateProviders(after)
                || VirtualKeyRulesV2.deniesEverything(before) != VirtualKeyRulesV2.deniesEverything(after);
    }

    /** More changed configs than this and {@link #revalidate} just validates the whole key. */
    static final int MAX_INCREMENTAL_CONFIGS = 8;

    /** -1 for key-level paths, the config index for {@code provider_configs/i…}, MAX for MCP paths. */
    private static int pcIndex(NodePath path) {
        if (path.inProviderConfig()) {
            return path.providerIndex();
        }
        return path.mcpIndex() >= 0 ? Integer.MAX_VALUE : -1;
    }

    private static boolean sameExceptProviderConfigs(VirtualKey a, VirtualKey b) {
        return a.providerConfigs().size() == b.providerConfigs().size()
                && Objects.equals(a.id(), b.id()) && Objects.equals(a.name(), b.name())
                && Objects.equals(a.description(), b.description()) && Objects.equals(a.value(), b.value())
                && a.active() == b.active() && Objects.equals(a.teamId(), b.teamId())
                && Objects.equals(a.customerId(), b.customerId()) && a.budgets().equals(b.budgets())
                && Objects.equals(a.rateLimit(), b.rateLimit()) && a.mcpConfigs().equals(b.mcpConfigs())
                && a.calendarAligned() == b.calendarAligned() && Objects.equals(a.configHash(), b.configHash())
                && Objects.equals(a.createdAt(), b.createdAt()) && Objects.equals(a.updatedAt(), b.updatedAt())
                && Objects.equals(a.expiresAt(), b.expiresAt()) && Objects.equals(a.v2(), b.v2());
    }

    /** Only the errors (what blocks a save). */
    public static List<Violation> errors(VirtualKey vk, RuleContext ctx) {
        return validate(vk, ctx).stream().filter(Violation::isError).toList();
    }

    private static final class Run {
        private final RuleContext ctx;
        private final Dialect dialect;
        private final List<Violation> out = new ArrayList<>();
        private final Map<String, Budget> baseBudgetsById = new HashMap<>();
        private final Map<Long, ProviderConfig> basePcs = new HashMap<>();

        /** Incremental runs look base items up by scanning instead of indexing the whole base first. */
        private final boolean scanBase;

        Run(RuleContext ctx) {
            this(ctx, false);
        }

        Run(RuleContext ctx, boolean scanBase) {
            this.ctx = ctx;
            this.dialect = ctx.dialect();
            this.scanBase = scanBase;
            VirtualKey base = ctx.base();
            if (base != null && !scanBase) {
                base.budgets().forEach(b -> putBudget(b));
                for (ProviderConfig pc : base.providerConfigs()) {
                    if (pc.id() != null) {
                        basePcs.put(pc.id(), pc);
                    }
                    pc.budgets().forEach(b -> putBudget(b));
                }
            }
        }

        private void putBudget(Budget b) {
            if (b.id() != null) {
                baseBudgetsById.put(b.id(), b);
            }
        }

        /** Like the maps: the last base item with the id wins. */
        private Budget baseBudget(String id) {
            if (!scanBase) {
                return baseBudgetsById.get(id);
            }
            Budget found = null;
            VirtualKey base = ctx.base();
            if (base != null) {
                for (Budget b : base.budgets()) {
                    if (id.equals(b.id())) {
                        found = b;
                    }
                }
                for (ProviderConfig pc : base.providerConfigs()) {
                    for (Budget b : pc.budgets()) {
                        if (id.equals(b.id())) {
                            found = b;
                        }
                    }
                }
            }
            return found;
        }

        private ProviderConfig basePc(Long id) {
            if (!scanBase) {
                return basePcs.get(id);
            }
            ProviderConfig found = null;
            VirtualKey base = ctx.base();
            if (base != null) {
                for (ProviderConfig pc : base.providerConfigs()) {
                    if (id.equals(pc.id())) {
                        found = pc;
                    }
                }
            }
            return found;
        }

        private void error(String path, Field field, String message) {
            out.add(Violation.at(path, field, Severity.ERROR, message));
        }

        private void warn(String path, Field field, String message) {
            out.add(Violation.at(path, field, Severity.WARNING, message));
        }

        List<Violation> run(VirtualKey vk) {
            keyFields(vk);
            budgets("", "this key", vk.budgets());
            rateLimit(NodePath.rateLimit(""), vk.rateLimit(), ctx.base() == null ? null : ctx.base().rateLimit());
            providerConfigs(vk);
            mcpConfigs(vk);
            return out;
        }

        private void keyFields(VirtualKey vk) {
            String name = vk.name();
            if (name == null || name.isBlank()) {
                error("", Field.NAME, "Name is required");
            } else {
                // idx_virtual_key_name is a plain unique index: exact, case-sensitive comparison (§2.4, §3).
                if (ctx.otherVkNames().contains(name)) {
                    error("", Field.NAME, "Another virtual key is already named '" + name + "'; names must be unique "
                            + "(compared exactly, case-sensitive, like the server's index)");
                } else if (!ctx.otherVkNames().isEmpty()) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    for (String other : ctx.otherVkNames()) {
                        if (other != null && other.toLowerCase(Locale.ROOT).equals(lower)) {
                            warn("", Field.NAME, "Another virtual key is named '" + other + "', differing only "
                                    + "in case; the server allows it (names are case-sensitive) but it is easy to "
                                    + "confuse");
                            break;
                        }
                    }
                }
                if (!name.equals(name.trim())) {
                    warn("", Field.NAME, "The name starts or ends with spaces");
                }
            }
            // some v2 builds show a team-owned key with the team's parent customer (REFERENCE-v2.md §11.8): as read
            // from the server it is fine (a save resends the team alone); only a pair the edit made is a contradiction
            if (vk.teamId() != null && vk.customerId() != null && !(ctx.base() != null
                    && vk.teamId().equals(ctx.base().teamId()) && vk.customerId().equals(ctx.base().customerId()))) {
                error("", Field.TEAM, "A key belongs to a team or a customer, not both");
            }
            if (vk.isConfigManaged()) {
                warn("", Field.NODE,
                        "This key is managed by config.json — the server's next restart can overwrite this edit");
            }
            VirtualKey base = ctx.base();
            boolean baseAligned = base != null && base.calendarAligned();
            if (vk.calendarAligned() != baseAligned && base != null) {
                if (dialect == Dialect.V1_5) {
                    error("", Field.CALENDAR_ALIGNED,
                            "This server (v1.5) does not store a change of calendar alignment");
                } else if (dialect == Dialect.LEGACY) {
                    error("", Field.CALENDAR_ALIGNED, "This server (v1.4) has no key-level calendar alignment");
                }
            } else if (base == null && vk.calendarAligned() && dialect == Dialect.LEGACY) {
                error("", Field.CALENDAR_ALIGNED, "This server (v1.4) has no key-level calendar alignment");
            }
            if (!dialect.atLeast(Dialect.LATER) && !Objects.equals(vk.expiresAt(), base == null ? null : base.expiresAt())) {
                error("", Field.EXPIRES_AT, "Key expiry needs Bifrost v1.5.2 or later");
            }
            if (vk.providerConfigs().isEmpty()) {
                if (dialect == Dialect.LEGACY) {
                    if (base == null || !base.providerConfigs().isEmpty()) {
                        error("", Field.PROVIDER_CONFIGS, "This server (v1.4) reads an empty provider list as "
                                + "access to every provider; add at least one provider config");
                    } else {
                        warn("", Field.PROVIDER_CONFIGS, "On this server (v1.4) a key without provider configs may use "
                                + "every provider");
                    }
                } else if (!vk.v2().allowsAllProviders()) {
                    // §11.9: with allow_all_providers the key reaches every configured provider without a config
                    warn("", Field.PROVIDER_CONFIGS, "The key has no provider configs, so it denies every provider");
                }
            }
            VirtualKeyRulesV2.keyLevel(vk, ctx, out);
        }

        // ---- budgets ---------------------------------------------------------------------------------

        private void budgets(String ownerPath, String owner, List<Budget> budgets) {
            Set<String> durations = new HashSet<>();
            for (int i = 0; i < budgets.size(); i++) {
                Budget b = budgets.get(i);
                String path = NodePath.budget(ownerPath, i);
                if (b.maxLimit() == null) {
                    error(path, Field.MAX_LIMIT, "Enter a number");
                } else if (b.maxLimit().isNaN() || b.maxLimit().isInfinite()) {
                    error(path, Field.MAX_LIMIT, "Enter a number");
                } else if (b.maxLimit() <= 0) {
                    error(path, Field.MAX_LIMIT, "The limit must be greater than zero");
                }
                Durations.problem(b.resetDuration()).ifPresent(p -> error(path, Field.RESET_DURATION, p));
                if (Durations.isQuarterly(b.resetDuration()) && !dialect.atLeast(Dialect.V2)) {
                    error(path, Field.RESET_DURATION, "Quarterly budgets (Q) need Bifrost v2; this server speaks "
                            + dialect.label());
                }
                if (b.quarterStartMonth() != null && (b.quarterStartMonth() < 0 || b.quarterStartMonth() > 12)) {
                    error(path, Field.RESET_DURATION, "The fiscal year's start month must be 1 to 12");
                }
                if (b.resetDuration() != null && !b.resetDuration().isBlank()
                        && !durations.add(b.resetDuration().trim())) {
                    error(path, Field.RESET_DURATION, "There is already a budget with reset duration "
                            + b.resetDuration().trim() + " on " + owner + "; one budget per reset duration");
                }
                if (dialect == Dialect.LEGACY && i > 0) {
                    error(path, Field.NODE, "This server (v1.4) allows one budget per key/provider config");
                }
                belowUsage(path, b);
            }
        }

        private void belowUsage(String path, Budget b) {
            if (b.maxLimit() == null || b.maxLimit() <= 0) {
                return;
            }
            Budget base = b.id() == null ? null : baseBudget(b.id());
            double usage;
            if (base != null) {
                if (Objects.equals(base.maxLimit(), b.maxLimit())) {
                    return; // not a new limit
                }
                // On v1.5 a budget whose duration changed is re-created at usage 0 (§2.6.3).
                if (dialect == Dialect.V1_5 && !Objects.equals(base.resetDuration(), b.resetDuration())) {
                    return;
                }
                usage = base.currentUsage();
            } else {
                usage = b.currentUsage();
            }
            if (usage > b.maxLimit()) {
                warn(path, Field.MAX_LIMIT, "The limit " + money(b.maxLimit()) + " is below current usage "
                        + money(usage) + ": the key is blocked until the next reset");
            }
        }

        // ---- rate limits -----------------------------------------------------------------------------

        private void rateLimit(String path, RateLimit r, RateLimit base) {
            if (r == null || r.isEmpty()) {
                return;
            }
            subLimit(path, "token", Field.TOKEN_MAX_LIMIT, Field.TOKEN_RESET_DURATION, r.tokenMaxLimit(),
                    r.tokenResetDuration());
            subLimit(path, "request", Field.REQUEST_MAX_LIMIT, Field.REQUEST_RESET_DURATION, r.requestMaxLimit(),
                    r.requestResetDuration());
            if (base != null) {
                usage(path, "token", Field.TOKEN_MAX_LIMIT, r.tokenMaxLimit(), base.tokenMaxLimit(),
                        base.tokenCurrentUsage());
                usage(path, "request", Field.REQUEST_MAX_LIMIT, r.requestMaxLimit(), base.requestMaxLimit(),
                        base.requestCurrentUsage());
            }
        }

        private void subLimit(String path, String kind, Field maxField, Field durField, Long max, String duration) {
            boolean hasDuration = duration != null && !duration.isBlank();
            if (max != null) {
                if (max <= 0) {
                    error(path, maxField, "The " + kind + " limit must be greater than zero");
                }
                if (!hasDuration) {
                    error(path, durField, "A " + kind + " limit needs a reset duration");
                }
            } else if (hasDuration) {
                error(path, maxField, "Enter a " + kind + " maximum, or clear its reset duration");
            }
            if (hasDuration) {
                Durations.problem(duration).ifPresent(p -> error(path, durField, p));
                if (Durations.isQuarterly(duration)) {
                    // §11.4.4: Q is documented for budgets only; whether rate limits take it is unknown
                    error(path, durField, "Quarterly windows (Q) are for budgets only; use 90d for a rate limit");
                }
            }
        }

        private void usage(String path, String kind, Field maxField, Long max, Long baseMax, long used) {
            if (max != null && max > 0 && !Objects.equals(max, baseMax) && used > max) {
                warn(path, maxField, String.format(Locale.US,
                        "The %s limit %,d is below current usage %,d: the key is blocked until the next reset",
                        kind, max, used));
            }
        }

        // ---- provider configs ------------------------------------------------------------------------

        private void providerConfigs(VirtualKey vk) {
            List<ProviderConfig> pcs = vk.providerConfigs();
            Map<String, Integer> firstByProvider = new HashMap<>();
            for (int i = 0; i < pcs.size(); i++) {
                VirtualKeyRulesV2.duplicate(i, pcs.get(i), firstByProvider, dialect, out);
                providerConfig(i, pcs.get(i));
            }
        }

        private void providerConfig(int i, ProviderConfig pc) {
            String path = NodePath.provider(i);
            String models = NodePath.models(i);
            String keys = NodePath.keys(i);
            String label = pc.provider() == null || pc.provider().isBlank() ? "this provider config" : pc.provider();
            if (pc.provider() == null || pc.provider().isBlank()) {
                error(path, Field.PROVIDER, "Choose a provider");
            } else if (!ctx.knownProviders().isEmpty() && !ctx.knownProviders().contains(pc.provider().trim())) {
                warn(path, Field.PROVIDER, "'" + pc.provider() + "' is not a configured provider on this server; "
                        + "the server rejects unknown providers");
            }
            Double w = pc.weight();
            if (w == null) {
                if (dialect == Dialect.LEGACY) {
                    error(path, Field.WEIGHT, "This server (v1.4) needs a weight for every provider config");
                }
            } else if (w.isNaN() || w.isInfinite()) {
                error(path, Field.WEIGHT, "Enter a number");
            } else if (w < 0) {
                error(path, Field.WEIGHT, "The weight cannot be negative");
            }
            // models
            for (String p : AccessLists.problems(pc.allowedModels())) {
                error(models, Field.ALLOWED_MODELS, "Allowed models: " + p);
            }
            if (pc.allowedModels().isEmpty()) {
                if (dialect == Dialect.LEGACY) {
                    error(models, Field.ALLOWED_MODELS, "This server (v1.4) cannot express \"no models\": "
                            + "an empty list means all models there");
                } else {
                    warn(models, Field.ALLOWED_MODELS, "No models are allowed: " + label
                            + " denies every request");
                }
            }
            for (String p : AccessLists.problems(pc.blacklistedModels())) {
                error(models, Field.BLACKLISTED_MODELS, "Blocked models: " + p);
            }
            if (!pc.blacklistedModels().isEmpty() && !dialect.atLeast(Dialect.LATER)) {
                error(models, Field.BLACKLISTED_MODELS, "Blocking models needs Bifrost v1.5.2 or later");
            }
            VirtualKeyRulesV2.regexOnOlderServer(i, pc.allowedModels(), Field.ALLOWED_MODELS, dialect, out);
            VirtualKeyRulesV2.regexOnOlderServer(i, pc.blacklistedModels(), Field.BLACKLISTED_MODELS, dialect, out);
            // keys
            if (!pc.allowAllKeys()) {
                List<String> ids = new ArrayList<>(pc.keys().size());
                for (KeyRef k : pc.keys()) {
                    ids.add(k.keyId());
                }
                for (String p : AccessLists.problems(ids)) {
                    error(keys, Field.KEYS, "Keys: " + p);
                }
                if (ids.isEmpty()) {
                    if (dialect == Dialect.LEGACY) {
                        error(keys, Field.KEYS, "This server (v1.4) cannot express \"no keys\": an empty "
                                + "key list means all keys there");
                    } else {
                        warn(keys, Field.KEYS, "No keys are allowed: " + label + " denies every request");
                    }
                }
            }
            budgets(path, label, pc.budgets());
            ProviderConfig basePc = pc.id() == null ? null : basePc(pc.id());
            rateLimit(NodePath.rateLimit(path), pc.rateLimit(), basePc == null ? null : basePc.rateLimit());
            // per-model entries (v2, §11.6): the same budget and rate-limit rules, under the model's path
            VirtualKeyRulesV2.modelNames(i, pc, out);
            for (int m = 0; m < pc.modelBudgets().size(); m++) {
                ModelBudget mb = pc.modelBudgets().get(m);
                String owner = NodePath.modelBudget(i, m);
                budgets(owner, "model " + mb.modelName() + " of " + label, mb.budgets());
                rateLimit(NodePath.rateLimit(owner), mb.rateLimit(), null);
            }
        }

        // ---- MCP ------------------------------------------------------------------------------------

        private void mcpConfigs(VirtualKey vk) {
            Set<String> seen = new HashSet<>();
            List<McpConfig> mcps = vk.mcpConfigs();
            for (int i = 0; i < mcps.size(); i++) {
                McpConfig m = mcps.get(i);
                String path = NodePath.mcp(i);
                String tools = NodePath.tools(i);
                String name = m.mcpClientName();
                if (name == null || name.isBlank()) {
                    error(path, Field.MCP_CLIENT, "Choose an MCP client");
                } else {
                    if (!seen.add(name)) {
                        error(path, Field.MCP_CLIENT, "MCP client " + name + " is already attached to this key");
                    }
                    if (!ctx.knownMcpClients().isEmpty() && !ctx.knownMcpClients().contains(name)) {
                        warn(path, Field.MCP_CLIENT, "'" + name + "' is not an MCP client on this server; "
                                + "the server rejects unknown clients");
                    }
                }
                for (String p : AccessLists.problems(m.toolsToExecute())) {
                    error(tools, Field.TOOLS, "Tools: " + p);
                }
                if (m.toolsToExecute().isEmpty()) {
                    if (dialect == Dialect.LEGACY) {
                        error(tools, Field.TOOLS, "This server (v1.4) cannot express \"no tools\": an empty "
                                + "list means all tools there");
                    } else {
                        warn(tools, Field.TOOLS, "No tools are allowed on MCP client "
                                + (name == null ? "" : name));
                    }
                }
            }
        }

        private static String money(double v) {
            return Money.format(v);
        }
    }
}
