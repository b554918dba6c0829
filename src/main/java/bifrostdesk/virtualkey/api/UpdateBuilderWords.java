package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.AccessLists;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Durations;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plan's sentences: what the save changes on the server compared with the server copy, in a fixed order
 * (key fields, owner, expiry, key budgets, key rate limit, provider configs in edited order then deleted ones in
 * server order, MCP clients). The budget sentences follow what the dialect's server actually does (§2.6.3):
 * A matches by duration, B/C by id then duration, v1.4 has one budget.
 * <p>
 * Over 400 lines, earned by one job: the plan's sentences, section by section.
 */
final class UpdateBuilderWords {
    private final Dialect dialect;
    private final Map<String, String> names;
    private final boolean resetUsage;
    private final List<String> out = new ArrayList<>();

    UpdateBuilderWords(Dialect dialect, Map<String, String> names, boolean resetUsage) {
        this.dialect = dialect;
        this.names = names;
        this.resetUsage = resetUsage;
    }

    List<String> update(VirtualKey e, VirtualKey s, List<McpConfig> resolvedMcp) {
        if (!Objects.equals(e.name(), s.name())) {
            out.add("renames the key from " + s.name() + " to " + e.name());
        }
        if (!Objects.equals(e.description(), s.description())) {
            out.add(e.description().isEmpty() ? "clears the description"
                    : s.description().isEmpty() ? "sets the description to \"" + e.description() + "\""
                    : "changes the description to \"" + e.description() + "\"");
        }
        if (e.active() != s.active()) {
            out.add(e.active() ? "activates the key" : "deactivates the key");
        }
        ownerWords(e, s);
        if (e.calendarAligned() != s.calendarAligned()) {
            // REFERENCE-v2.md §11.5.4: switching on "adopts" the grid (windows re-anchor, usage kept)
            out.add(e.calendarAligned() ? "aligns the key's budgets to calendar periods"
                    + (dialect.atLeast(Dialect.LATER) ? ": each budget's current window re-anchors to the start of "
                    + "its calendar period (day, week, month, quarter or year, UTC) with its usage kept, and the "
                    + "first aligned reset comes at the next period boundary" : "")
                    : "stops aligning the key's budgets to calendar periods"
                    + (dialect.atLeast(Dialect.LATER) ? ": windows roll again from each budget's creation time" : ""));
        }
        if (!Objects.equals(e.expiresAt(), s.expiresAt())) {
            out.add(e.expiresAt() == null ? "removes the key's expiry"
                    + (s.v2().deleteAfterExpire() != null
                    ? "; \"delete after expiry\" goes back to the gateway's default with it" : "")
                    : s.expiresAt() == null ? "sets the key to expire at " + e.expiresAt()
                    : "changes the key's expiry from " + s.expiresAt() + " to " + e.expiresAt());
        }
        UpdateBuilderWordsV2.keyWords(out, e, s);
        budgetWords("the key", e.budgets(), s.budgets());
        rateLimitWords("the key's rate limit", "the key", e.rateLimit(), s.rateLimit());

        Map<Long, ProviderConfig> serverPcs = UpdateBuilderBody.byId(s.providerConfigs());
        Set<Long> kept = new HashSet<>();
        for (ProviderConfig pc : e.providerConfigs()) {
            ProviderConfig sp = pc.id() == null ? null : serverPcs.get(pc.id());
            if (sp == null) {
                out.add("adds provider config " + pc.provider() + " (" + summary(pc) + ")");
            } else {
                kept.add(pc.id());
                providerConfigWords(pc, sp);
            }
        }
        for (ProviderConfig sp : s.providerConfigs()) {
            if (sp.id() == null || !kept.contains(sp.id())) {
                out.add(deletedConfig(sp));
            }
        }
        mcpWords(resolvedMcp, s.mcpConfigs());
        if (resetUsage) {
            out.add("resets budget usage to $0 for every budget of the key and its provider configs");
        }
        return out;
    }

    List<String> create(VirtualKey e) {
        out.add("creates the key " + e.name());
        if (!e.description().isEmpty()) {
            out.add("sets the description to \"" + e.description() + "\"");
        }
        if (!e.active()) {
            out.add("creates it deactivated");
        }
        if (ownerLabel(e) != null) {
            out.add("attaches the key to " + ownerLabel(e));
        }
        if (e.expiresAt() != null) {
            out.add("sets the key to expire at " + e.expiresAt());
        }
        if (e.calendarAligned()) {
            out.add("aligns the key's budgets to calendar periods");
        }
        for (Budget b : e.budgets()) {
            out.add("adds budget " + b.resetDuration() + " of " + money(b.maxLimit()) + " to the key");
        }
        if (e.rateLimit() != null && !e.rateLimit().isEmpty()) {
            out.add("adds a rate limit to the key: " + describe(e.rateLimit()));
        }
        if (e.v2().allowsAllProviders()) {
            out.add(UpdateBuilderWordsV2.ALL_PROVIDERS);
        } else if (e.providerConfigs().isEmpty()) {
            out.add("allows no provider (add a provider config to let the key call models)");
        }
        for (ProviderConfig pc : e.providerConfigs()) {
            out.add("adds provider config " + pc.provider() + " (" + summary(pc) + ")");
        }
        for (McpConfig m : e.mcpConfigs()) {
            out.add("attaches MCP client " + m.mcpClientName() + " with " + tools(m.toolsToExecute()));
        }
        return out;
    }

    // ---- owner -------------------------------------------------------------------------------------------

    private void ownerWords(VirtualKey e, VirtualKey s) {
        String before = ownerLabel(s);
        String after = ownerLabel(e);
        if (Objects.equals(before, after)) {
            return;
        }
        // what the change detaches: every owner the server shows (a team with its parent customer is both, §11.8),
        // whose budgets and limits then stop applying to the key
        boolean pair = s.teamId() != null && s.customerId() != null;
        String left = pair ? " (it leaves " + team(s.teamId()) + " and " + customer(s.customerId())
                + "; their budgets and limits no longer apply to it)"
                : " (" + before + "'s budgets and limits no longer apply to it)";
        if (before == null) {
            out.add("attaches the key to " + after);
        } else if (after == null) {
            out.add("detaches the key from " + before + left);
        } else {
            out.add("moves the key from " + before + " to " + after + left);
        }
    }

    private String ownerLabel(VirtualKey k) {
        if (k.teamId() != null) {
            return team(k.teamId());
        }
        if (k.customerId() != null) {
            return customer(k.customerId());
        }
        String bu = k.businessUnitId();
        if (bu == null) {
            return null;
        }
        String name = names.getOrDefault(bu, k.v2().businessUnitName());
        return "business unit " + (name == null ? bu : name);
    }

    private String team(String id) {
        return "team " + names.getOrDefault(id, id);
    }

    private String customer(String id) {
        return "customer " + names.getOrDefault(id, id);
    }

    // ---- provider configs --------------------------------------------------------------------------------

    static String label(ProviderConfig pc) {
        return pc.id() == null ? pc.provider() + " (new)" : pc.provider() + " (id " + pc.id() + ")";
    }

    private void providerConfigWords(ProviderConfig e, ProviderConfig s) {
        String label = label(s);
        if (!Objects.equals(e.provider(), s.provider())) {
            out.add("changes the provider of provider config " + s.id() + " from " + s.provider() + " to "
                    + e.provider() + (dialect.atLeast(Dialect.V2) && (!s.budgets().isEmpty()
                    || (s.rateLimit() != null && !s.rateLimit().isEmpty()) || !s.modelBudgets().isEmpty())
                    ? "; Bifrost v2 keeps budgets and limits per provider, so " + s.provider()
                    + "'s budgets, rate limit and per-model budgets are deleted with their usage" : ""));
            label = label(e);
        }
        if (!Objects.equals(e.weight(), s.weight())) {
            if (e.weight() == null) {
                out.add("takes " + label + " out of weighted routing (weight was " + number(s.weight()) + ")");
            } else if (s.weight() == null) {
                out.add("sets the weight of " + label + " to " + number(e.weight()) + " (it had none)");
            } else {
                out.add("changes the weight of " + label + " from " + number(s.weight()) + " to "
                        + number(e.weight()));
            }
        }
        listWords(label, "models", e.allowedModels(), s.allowedModels());
        blockedWords(label, e.blacklistedModels(), s.blacklistedModels());
        keyWords(label, e, s);
        budgetWords(label, e.budgets(), s.budgets());
        rateLimitWords("the rate limit of " + label, label, e.rateLimit(), s.rateLimit());
        if (!UpdateBuilderV2.sameSettings(e.modelBudgets(), s.modelBudgets())) {
            UpdateBuilderWordsV2.modelBudgetWords(out, label, e.modelBudgets(), s.modelBudgets());
        }
    }

    private void listWords(String label, String what, List<String> e, List<String> s) {
        Set<String> es = new LinkedHashSet<>(e);
        Set<String> ss = new LinkedHashSet<>(s);
        if (es.equals(ss)) {
            return;
        }
        boolean eAll = es.contains(AccessLists.ALL);
        boolean sAll = ss.contains(AccessLists.ALL);
        if (eAll) {
            out.add("allows all " + what + " of " + label);
        } else if (es.isEmpty()) {
            out.add("denies every " + singular(what) + " of " + label);
        } else if (sAll) {
            out.add("restricts " + what + " of " + label + " to " + String.join(", ", es));
        } else if (ss.isEmpty()) {
            out.add("allows " + what + " " + String.join(", ", es) + " of " + label + " (none before)");
        } else {
            out.add("changes allowed " + what + " of " + label + ": " + addsRemoves(es, ss));
        }
    }

    private void blockedWords(String label, List<String> e, List<String> s) {
        Set<String> es = new LinkedHashSet<>(e);
        Set<String> ss = new LinkedHashSet<>(s);
        if (es.equals(ss)) {
            return;
        }
        if (es.isEmpty()) {
            out.add("stops blocking models of " + label + " (was " + String.join(", ", ss) + ")");
        } else if (es.contains(AccessLists.ALL)) {
            out.add("blocks every model of " + label);
        } else {
            out.add("changes blocked models of " + label + ": " + addsRemoves(es, ss));
        }
    }

    private void keyWords(String label, ProviderConfig e, ProviderConfig s) {
        if (e.allowAllKeys() && s.allowAllKeys()) {
            return;
        }
        Map<String, String> keyNames = new HashMap<>();
        for (KeyRef k : s.keys()) {
            keyNames.put(k.keyId(), k.label());
        }
        for (KeyRef k : e.keys()) {
            keyNames.put(k.keyId(), k.label());
        }
        List<String> ev = e.allowAllKeys() ? List.of(AccessLists.ALL) : e.keys().stream().map(KeyRef::keyId).toList();
        List<String> sv = s.allowAllKeys() ? List.of(AccessLists.ALL) : s.keys().stream().map(KeyRef::keyId).toList();
        Set<String> es = new LinkedHashSet<>(ev);
        Set<String> ss = new LinkedHashSet<>(sv);
        if (es.equals(ss)) {
            return;
        }
        if (e.allowAllKeys()) {
            out.add("allows all keys of " + label);
        } else if (es.isEmpty()) {
            out.add("denies every key of " + label);
        } else if (s.allowAllKeys()) {
            out.add("restricts keys of " + label + " to " + names(es, keyNames));
        } else if (ss.isEmpty()) {
            out.add("allows keys " + names(es, keyNames) + " of " + label + " (none before)");
        } else {
            Set<String> added = new LinkedHashSet<>(es);
            added.removeAll(ss);
            Set<String> removed = new LinkedHashSet<>(ss);
            removed.removeAll(es);
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                parts.add("adds " + names(added, keyNames));
            }
            if (!removed.isEmpty()) {
                parts.add("removes " + names(removed, keyNames));
            }
            out.add("changes keys of " + label + ": " + String.join(", ", parts));
        }
    }

    private static String names(Set<String> ids, Map<String, String> keyNames) {
        return String.join(", ", ids.stream().map(id -> keyNames.getOrDefault(id, id)).toList());
    }

    private String deletedConfig(ProviderConfig sp) {
        StringBuilder sb = new StringBuilder("deletes provider config ")
                .append(sp.id() == null ? "" : sp.id() + " ").append("(").append(sp.provider()).append(")");
        List<String> parts = new ArrayList<>();
        for (Budget b : sp.budgets()) {
            parts.add(b.resetDuration() + " budget with " + money(b.currentUsage()) + " used");
        }
        if (sp.rateLimit() != null && !sp.rateLimit().isEmpty()) {
            parts.add("rate limit");
        }
        if (!sp.modelBudgets().isEmpty()) {
            // §11.6: the per-model tiers are stored with the provider and go with it
            parts.add(sp.modelBudgets().size() + " per-model budget" + (sp.modelBudgets().size() == 1 ? "" : "s")
                    + " (" + sp.modelBudgets().stream().map(m -> m.modelName()).toList().stream()
                    .reduce((a, b) -> a + ", " + b).orElse("") + ") with " + money(sp.modelBudgetUsage())
                    + " used");
        }
        if (!parts.isEmpty()) {
            sb.append(" and its ").append(String.join(" and ", parts));
        }
        return sb.toString();
    }

    private String summary(ProviderConfig pc) {
        List<String> parts = new ArrayList<>();
        parts.add(pc.allowsAllModels() ? "all models"
                : pc.allowedModels().isEmpty() ? "no models" : "models " + String.join(", ", pc.allowedModels()));
        if (!pc.blacklistedModels().isEmpty()) {
            parts.add("blocking " + String.join(", ", pc.blacklistedModels()));
        }
        parts.add(pc.allowAllKeys() ? "all keys"
                : pc.keys().isEmpty() ? "no keys"
                : "keys " + String.join(", ", pc.keys().stream().map(KeyRef::label).toList()));
        if (pc.weight() != null) {
            parts.add("weight " + number(pc.weight()));
        }
        for (Budget b : pc.budgets()) {
            parts.add("budget " + b.resetDuration() + " of " + money(b.maxLimit()));
        }
        if (pc.rateLimit() != null && !pc.rateLimit().isEmpty()) {
            parts.add("rate limit " + describe(pc.rateLimit()));
        }
        return String.join(", ", parts);
    }

    // ---- budgets -----------------------------------------------------------------------------------------

    private String kept(double usage) {
        return resetUsage ? "" : " (usage " + money(usage) + " kept)";
    }

    private void limitChange(String owner, String duration, Budget e, Budget s, String note) {
        if (!Objects.equals(e.maxLimit(), s.maxLimit())) {
            out.add("changes budget " + duration + " of " + owner + " from " + money(s.maxLimit()) + " to "
                    + money(e.maxLimit()) + (resetUsage ? "" : " (usage " + money(s.currentUsage()) + " kept"
                    + note + ")"));
        }
    }

    private void budgetWords(String owner, List<Budget> edited, List<Budget> server) {
        switch (dialect) {
            case LEGACY -> legacyBudgetWords(owner, edited, server);
            case V1_5 -> byDurationBudgetWords(owner, edited, server);
            case LATER, V2 -> byIdBudgetWords(owner, edited, server);
        }
    }

    private void legacyBudgetWords(String owner, List<Budget> edited, List<Budget> server) {
        Budget e = edited.isEmpty() ? null : edited.get(0);
        Budget s = server.isEmpty() ? null : server.get(0);
        if (e == null && s == null) {
            return;
        }
        if (e == null) {
            out.add("removes budget " + s.resetDuration() + " of " + owner + " (" + money(s.currentUsage()) + " used)");
        } else if (s == null) {
            out.add("adds budget " + e.resetDuration() + " of " + money(e.maxLimit()) + " to " + owner);
        } else if (Objects.equals(e.resetDuration(), s.resetDuration())) {
            limitChange(owner, s.resetDuration(), e, s, "");
        } else {
            out.add("changes budget " + s.resetDuration() + " of " + owner + " to " + money(e.maxLimit())
                    + " per " + e.resetDuration() + " (was " + money(s.maxLimit()) + " per " + s.resetDuration()
                    + "; " + money(s.currentUsage()) + " used)");
        }
    }

    /** A (§2.6.3): reconciled by reset_duration; a budget whose duration changed restarts at 0. */
    private void byDurationBudgetWords(String owner, List<Budget> edited, List<Budget> server) {
        Map<String, Budget> serverByDuration = new HashMap<>();
        Map<String, Budget> serverById = new HashMap<>();
        for (Budget s : server) {
            serverByDuration.putIfAbsent(s.resetDuration(), s);
            if (s.id() != null) {
                serverById.put(s.id(), s);
            }
        }
        Set<String> editedDurations = new HashSet<>();
        for (Budget e : edited) {
            editedDurations.add(e.resetDuration());
        }
        Set<Budget> handled = identitySet();
        for (Budget e : edited) {
            Budget s = serverByDuration.get(e.resetDuration());
            if (s != null) {
                handled.add(s);
                limitChange(owner, s.resetDuration(), e, s, "");
                continue;
            }
            Budget old = e.id() == null ? null : serverById.get(e.id());
            if (old != null && !editedDurations.contains(old.resetDuration())) {
                handled.add(old);
                out.add("restarts budget " + e.resetDuration() + " of " + owner + " at $0 usage (reset duration "
                        + "changed from " + old.resetDuration()
                        + (old.currentUsage() > 0 ? "; " + money(old.currentUsage()) + " used is dropped" : "")
                        + (Objects.equals(e.maxLimit(), old.maxLimit()) ? ""
                        : "; limit " + money(old.maxLimit()) + " → " + money(e.maxLimit())) + ")");
            } else {
                out.add("adds budget " + e.resetDuration() + " of " + money(e.maxLimit()) + " to " + owner);
            }
        }
        for (Budget s : server) {
            if (!handled.contains(s)) {
                out.add("removes budget " + s.resetDuration() + " of " + owner + " (" + money(s.currentUsage())
                        + " used)");
            }
        }
    }

    /** B/C (§2.6.3): matched by id first, then by duration; a matched budget keeps usage across a duration change. */
    private void byIdBudgetWords(String owner, List<Budget> edited, List<Budget> server) {
        Map<String, Budget> serverById = new HashMap<>();
        for (Budget s : server) {
            if (s.id() != null) {
                serverById.put(s.id(), s);
            }
        }
        Set<Budget> claimed = identitySet();
        for (Budget e : edited) {
            if (e.id() != null && serverById.containsKey(e.id())) {
                claimed.add(serverById.get(e.id()));
            }
        }
        for (Budget e : edited) {
            Budget s = e.id() == null ? null : serverById.get(e.id());
            String note = "";
            if (s == null) {
                for (Budget c : server) {
                    if (!claimed.contains(c) && Objects.equals(c.resetDuration(), e.resetDuration())) {
                        s = c;
                        claimed.add(c);
                        note = ": the server matches it by reset duration";
                        break;
                    }
                }
            }
            if (s == null) {
                out.add("adds budget " + e.resetDuration() + " of " + money(e.maxLimit()) + " to " + owner
                        + inherits(e, server));
            } else if (!Objects.equals(e.resetDuration(), s.resetDuration())) {
                out.add("changes budget " + s.resetDuration() + " of " + owner + " to reset every "
                        + e.resetDuration()
                        + (Objects.equals(e.maxLimit(), s.maxLimit()) ? ""
                        : " and its limit from " + money(s.maxLimit()) + " to " + money(e.maxLimit()))
                        + kept(s.currentUsage())
                        + (s.quarterStartMonth() != null && !e.isQuarterly()
                        ? "; its fiscal-quarter start month is dropped (only quarterly budgets have one)" : ""));
            } else {
                limitChange(owner, s.resetDuration(), e, s, note);
            }
        }
        for (Budget s : server) {
            if (!claimed.contains(s)) {
                out.add("removes budget " + s.resetDuration() + " of " + owner + " (" + money(s.currentUsage())
                        + " used)");
            }
        }
    }

    /**
     * B (inheritUsageFromClosestShorterBudget, §2.6.3): a new budget starts with the usage of the closest shorter
     * budget the owner had before the request.
     */
    private String inherits(Budget e, List<Budget> server) {
        if (resetUsage) {
            return "";
        }
        Optional<Duration> d = Durations.parse(e.resetDuration());
        if (d.isEmpty()) {
            return "";
        }
        Budget best = null;
        Duration bestD = null;
        for (Budget s : server) {
            Optional<Duration> sd = Durations.parse(s.resetDuration());
            if (sd.isPresent() && sd.get().compareTo(d.get()) < 0 && (bestD == null || sd.get().compareTo(bestD) > 0)) {
                best = s;
                bestD = sd.get();
            }
        }
        return best == null || best.currentUsage() <= 0 ? ""
                : " (the server may start it with the " + money(best.currentUsage()) + " used of the "
                + best.resetDuration() + " budget)";
    }

    // ---- rate limits -------------------------------------------------------------------------------------

    private void rateLimitWords(String what, String owner, RateLimit e, RateLimit s) {
        boolean eNone = e == null || e.isEmpty();
        boolean sNone = s == null || s.isEmpty();
        if (eNone && sNone) {
            return;
        }
        if (eNone) {
            out.add("removes " + what);
        } else if (sNone) {
            out.add("adds a rate limit to " + owner + ": " + describe(e));
        } else if (!e.sameSettings(s)) {
            out.add("changes " + what + " to " + describe(e) + " (was " + describe(s) + ")");
        }
    }

    static String describe(RateLimit r) {
        List<String> parts = new ArrayList<>();
        if (r.tokenMaxLimit() != null || r.tokenResetDuration() != null) {
            parts.add(count(r.tokenMaxLimit()) + " tokens per " + r.tokenResetDuration());
        }
        if (r.requestMaxLimit() != null || r.requestResetDuration() != null) {
            parts.add(count(r.requestMaxLimit()) + " requests per " + r.requestResetDuration());
        }
        return parts.isEmpty() ? "no limits" : String.join(", ", parts);
    }

    // ---- MCP ---------------------------------------------------------------------------------------------

    private void mcpWords(List<McpConfig> edited, List<McpConfig> server) {
        Map<Long, McpConfig> serverById = new HashMap<>();
        for (McpConfig s : server) {
            if (s.id() != null) {
                serverById.put(s.id(), s);
            }
        }
        Set<Long> kept = new HashSet<>();
        for (McpConfig m : edited) {
            McpConfig s = m.id() == null ? null : serverById.get(m.id());
            if (s == null) {
                out.add("attaches MCP client " + m.mcpClientName() + " with " + tools(m.toolsToExecute()));
                continue;
            }
            kept.add(m.id());
            String label = "MCP client " + m.mcpClientName();
            Set<String> es = new LinkedHashSet<>(m.toolsToExecute());
            Set<String> ss = new LinkedHashSet<>(s.toolsToExecute());
            if (es.equals(ss)) {
                continue;
            }
            if (es.contains(AccessLists.ALL)) {
                out.add("allows all tools of " + label);
            } else if (es.isEmpty()) {
                out.add("denies every tool of " + label);
            } else if (ss.contains(AccessLists.ALL)) {
                out.add("restricts tools of " + label + " to " + String.join(", ", es));
            } else {
                out.add("changes tools of " + label + ": " + addsRemoves(es, ss));
            }
        }
        for (McpConfig s : server) {
            if (s.id() == null || !kept.contains(s.id())) {
                out.add("removes MCP client " + s.mcpClientName());
            }
        }
    }

    private static String tools(List<String> tools) {
        return tools.contains(AccessLists.ALL) ? "all tools"
                : tools.isEmpty() ? "no tools" : "tools " + String.join(", ", tools);
    }

    private static <T> Set<T> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    // ---- formatting --------------------------------------------------------------------------------------

    private static String addsRemoves(Set<String> e, Set<String> s) {
        List<String> added = e.stream().filter(x -> !s.contains(x)).toList();
        List<String> removed = s.stream().filter(x -> !e.contains(x)).toList();
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("adds " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removes " + String.join(", ", removed));
        }
        return String.join(", ", parts);
    }

    private static String singular(String what) {
        return what.endsWith("s") ? what.substring(0, what.length() - 1) : what;
    }

    static String money(Double v) {
        return bifrostdesk.virtualkey.model.Money.format(v, "(no limit)");
    }

    static String money(double v) {
        return bifrostdesk.virtualkey.model.Money.format(v);
    }

    static String number(Double v) {
        return v == null ? "none" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String count(Long v) {
        return v == null ? "?" : String.format(Locale.US, "%,d", v);
    }
}
