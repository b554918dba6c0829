package bifrostdesk.drafts.merge;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;

/** Random virtual keys and random edits of them, from a seed (so jqwik reports a reproducible case). */
final class VkGen {
    static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "o1", "o3", "gpt-4.1", "claude-3");
    static final List<String> PROVIDERS = List.of("openai", "anthropic", "azure", "bedrock");
    static final List<String> DURATIONS = List.of("1h", "1d", "1w", "1M");
    static final List<String> TOOLS = List.of("search", "read", "write", "deploy");
    static final List<String> CLIENTS = List.of("github", "jira", "slack", "notion", "linear", "zapier");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    enum Side { MINE, THEIRS }

    /** What a side may edit. */
    record Scope(boolean keyLevel, LongPredicate configs, boolean distinctNewProviders, int clientParity) {
        static final Scope ALL = new Scope(true, id -> true, false, -1);
    }

    private final Random r;
    private int serverSeq = 5000;

    VkGen(long seed) {
        this.r = new Random(seed);
    }

    // ---- base --------------------------------------------------------------------------------------------------

    VirtualKey base(int configs) {
        List<ProviderConfig> pcs = new ArrayList<>();
        for (long id = 1; id <= configs; id++) {
            pcs.add(pc(id));
        }
        List<McpConfig> mcps = new ArrayList<>();
        List<String> clients = subset(CLIENTS, 0, 3);
        for (int i = 0; i < clients.size(); i++) {
            mcps.add(new McpConfig((long) i + 1, clients.get(i), tools()));
        }
        int owner = r.nextInt(3);
        return new VirtualKey("vk-1", "key-" + r.nextInt(100), r.nextBoolean() ? "" : "desc " + r.nextInt(9),
                "sk-bf-secret", r.nextBoolean(), owner == 1 ? "team-" + r.nextInt(3) : null,
                owner == 2 ? "cust-" + r.nextInt(3) : null, budgets("vb"), r.nextBoolean() ? rl("vrl") : null, pcs, mcps,
                r.nextBoolean(), r.nextInt(4) == 0 ? "hash" : null, T0, T0.plusSeconds(60),
                r.nextBoolean() ? null : T0.plusSeconds(86_400L * (1 + r.nextInt(100))));
    }

    private ProviderConfig pc(long id) {
        boolean allKeys = r.nextInt(3) == 0;
        return new ProviderConfig(id, pick(PROVIDERS), weight(), models(), allKeys, allKeys ? List.of() : keys(),
                budgets("pb" + id + "-"), r.nextBoolean() ? rl("prl" + id) : null, r.nextInt(3) == 0 ? subset(MODELS, 1, 2) : List.of());
    }

    private List<Budget> budgets(String idPrefix) {
        List<String> durs = subset(DURATIONS, 0, 2);
        List<Budget> out = new ArrayList<>();
        for (int i = 0; i < durs.size(); i++) {
            out.add(new Budget(idPrefix + i, limit(), durs.get(i), r.nextInt(50), T0, r.nextInt(4) == 0));
        }
        return out;
    }

    private RateLimit rl(String id) {
        boolean tok = r.nextBoolean();
        boolean req = !tok || r.nextBoolean();
        return new RateLimit(id, tok ? 1000L * (1 + r.nextInt(5)) : null, tok ? pick(DURATIONS) : null, r.nextInt(900), T0,
                req ? 10L * (1 + r.nextInt(5)) : null, req ? pick(DURATIONS) : null, r.nextInt(9), T0);
    }

    // ---- edits -------------------------------------------------------------------------------------------------

    /** {@code n} random edits by one side; the server side also moves usage counters and {@code updatedAt}. */
    VirtualKey edit(VirtualKey vk, Side side, Scope scope, int n) {
        VirtualKey x = vk;
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            if (kind < 2 && scope.keyLevel()) {
                x = keyEdit(x, side);
            } else if (kind < 7) {
                x = configEdit(x, side, scope);
            } else {
                x = mcpEdit(x, side, scope);
            }
        }
        return side == Side.THEIRS ? serverTick(x) : x;
    }

    private VirtualKey keyEdit(VirtualKey x, Side side) {
        return switch (r.nextInt(9)) {
            case 0 -> x.withName("key-" + r.nextInt(100));
            case 1 -> x.withDescription("desc " + r.nextInt(9));
            case 2 -> x.withActive(!x.active());
            case 3 -> x.withOwner(r.nextBoolean() ? "team-" + r.nextInt(3) : null, null);
            case 4 -> x.withCalendarAligned(!x.calendarAligned());
            case 5 -> x.withExpiresAt(r.nextBoolean() ? null : T0.plusSeconds(86_400L * r.nextInt(100)));
            case 6 -> x.withRateLimit(editRl(x.rateLimit(), side));
            default -> x.withBudgets(editBudgets(x.budgets(), side));
        };
    }

    private VirtualKey configEdit(VirtualKey x, Side side, Scope scope) {
        List<ProviderConfig> pcs = new ArrayList<>(x.providerConfigs());
        List<Integer> editable = new ArrayList<>();
        for (int i = 0; i < pcs.size(); i++) {
            Long id = pcs.get(i).id();
            if (id != null && id < 5000 && scope.configs().test(id)) {
                editable.add(i);
            }
        }
        int what = r.nextInt(12);
        if (what == 0 || editable.isEmpty()) {
            ProviderConfig pc = pc(0L);
            String provider = scope.distinctNewProviders() ? (side == Side.MINE ? "mistral" : "groq") : pc.provider();
            pc = new ProviderConfig(side == Side.MINE ? null : (long) ++serverSeq, provider, pc.weight(),
                    pc.allowedModels(), pc.allowAllKeys(), pc.keys(), newBudgets(pc.budgets(), side),
                    pc.rateLimit() == null ? null : renew(pc.rateLimit(), side), pc.blacklistedModels());
            pcs.add(pc);
            return x.withProviderConfigs(pcs);
        }
        int i = editable.get(r.nextInt(editable.size()));
        ProviderConfig pc = pcs.get(i);
        switch (what) {
            case 1 -> {
                pcs.remove(i);
                return x.withProviderConfigs(pcs);
            }
            case 2 -> pc = pc.withProvider(pick(PROVIDERS));
            case 3 -> pc = pc.withWeight(weight());
            case 4, 5 -> pc = pc.withAllowedModels(editList(pc.allowedModels(), MODELS, true));
            case 6 -> pc = pc.withBlacklistedModels(editList(pc.blacklistedModels(), MODELS, false));
            case 7, 8 -> pc = editKeys(pc);
            case 9, 10 -> pc = pc.withBudgets(editBudgets(pc.budgets(), side));
            default -> pc = pc.withRateLimit(editRl(pc.rateLimit(), side));
        }
        pcs.set(i, pc);
        return x.withProviderConfigs(pcs);
    }

    private VirtualKey mcpEdit(VirtualKey x, Side side, Scope scope) {
        List<McpConfig> mcps = new ArrayList<>(x.mcpConfigs());
        List<Integer> editable = new ArrayList<>();
        for (int i = 0; i < mcps.size(); i++) {
            Long id = mcps.get(i).id();
            if (id != null && id < 5000 && scope.configs().test(id)) {
                editable.add(i);
            }
        }
        int what = r.nextInt(4);
        if (what == 0 || editable.isEmpty()) {
            Set<String> taken = new HashSet<>();
            mcps.forEach(m -> taken.add(m.mcpClientName()));
            List<String> free = new ArrayList<>();
            for (int c = 0; c < CLIENTS.size(); c++) {
                if (!taken.contains(CLIENTS.get(c))
                        && (scope.clientParity() < 0 || c % 2 == (side == Side.MINE ? 0 : 1))) {
                    free.add(CLIENTS.get(c));
                }
            }
            if (!free.isEmpty()) {
                mcps.add(new McpConfig(side == Side.MINE ? null : (long) ++serverSeq, pick(free), tools()));
            }
            return x.withMcpConfigs(mcps);
        }
        int i = editable.get(r.nextInt(editable.size()));
        if (what == 1) {
            mcps.remove(i);
        } else {
            mcps.set(i, mcps.get(i).withTools(editList(mcps.get(i).toolsToExecute(), TOOLS, true)));
        }
        return x.withMcpConfigs(mcps);
    }

    private ProviderConfig editKeys(ProviderConfig pc) {
        int what = r.nextInt(3);
        if (what == 0) {
            return pc.allowAllKeys() ? pc.withKeys(false, keys()) : pc.withKeys(true, List.of());
        }
        if (pc.allowAllKeys()) {
            return pc.withKeys(false, keys());
        }
        List<KeyRef> keys = new ArrayList<>(pc.keys());
        if (what == 1 || keys.size() <= 1) {
            KeyRef k = key(r.nextInt(6));
            if (keys.stream().noneMatch(e -> e.keyId().equals(k.keyId()))) {
                keys.add(k);
            }
        } else {
            keys.remove(r.nextInt(keys.size()));
        }
        return pc.withKeys(false, keys);
    }

    private List<String> editList(List<String> list, List<String> pool, boolean allowAll) {
        int what = r.nextInt(5);
        if (allowAll && what == 0) {
            return List.of("*");
        }
        List<String> out = new ArrayList<>(list.contains("*") ? List.of() : list);
        if (what <= 2 || out.size() <= 1) {
            String v = pick(pool);
            if (!out.contains(v)) {
                out.add(v);
            }
        } else {
            out.remove(r.nextInt(out.size()));
        }
        return out;
    }

    private List<Budget> editBudgets(List<Budget> budgets, Side side) {
        List<Budget> out = new ArrayList<>(budgets);
        int what = r.nextInt(4);
        if (what == 0 || out.isEmpty()) {
            Set<String> used = new HashSet<>();
            out.forEach(b -> used.add(b.resetDuration()));
            List<String> free = new ArrayList<>(DURATIONS);
            free.removeAll(used);
            if (!free.isEmpty()) {
                Budget b = new Budget(side == Side.MINE ? null : "s" + ++serverSeq, limit(), pick(free), 0, null,
                        r.nextInt(4) == 0);
                out.add(b);
            }
            return out;
        }
        int i = r.nextInt(out.size());
        Budget b = out.get(i);
        switch (what) {
            case 1 -> out.remove(i);
            case 2 -> out.set(i, b.withMaxLimit(limit()));
            default -> out.set(i, new Budget(b.id(), b.maxLimit(), b.resetDuration(), b.currentUsage(), b.lastReset(),
                    !b.calendarAligned()));
        }
        return out;
    }

    private RateLimit editRl(RateLimit rl, Side side) {
        int what = r.nextInt(4);
        if (rl == null) {
            return renew(rl("x"), side);
        }
        return switch (what) {
            case 0 -> null;
            case 1 -> rl.withTokens(1000L * (1 + r.nextInt(5)), pick(DURATIONS));
            case 2 -> r.nextBoolean() ? rl.withRequests(null, null) : rl.withRequests(10L * (1 + r.nextInt(5)), pick(DURATIONS));
            default -> rl.withTokens(null, null);
        };
    }

    private RateLimit renew(RateLimit rl, Side side) {
        return new RateLimit(side == Side.MINE ? null : "srl" + ++serverSeq, rl.tokenMaxLimit(), rl.tokenResetDuration(),
                0, null, rl.requestMaxLimit(), rl.requestResetDuration(), 0, null);
    }

    private List<Budget> newBudgets(List<Budget> budgets, Side side) {
        List<Budget> out = new ArrayList<>();
        for (Budget b : budgets) {
            out.add(new Budget(side == Side.MINE ? null : "s" + ++serverSeq, b.maxLimit(), b.resetDuration(), 0, null,
                    b.calendarAligned()));
        }
        return out;
    }

    /** What the server does on its own: usage moves, windows reset, {@code updatedAt} advances. */
    VirtualKey serverTick(VirtualKey x) {
        List<ProviderConfig> pcs = new ArrayList<>();
        for (ProviderConfig pc : x.providerConfigs()) {
            pcs.add(pc.withBudgets(tick(pc.budgets())).withRateLimit(tick(pc.rateLimit())));
        }
        return new VirtualKey(x.id(), x.name(), x.description(), x.value(), x.active(), x.teamId(), x.customerId(),
                tick(x.budgets()), tick(x.rateLimit()), pcs, x.mcpConfigs(), x.calendarAligned(), x.configHash(),
                x.createdAt(), x.updatedAt().plusSeconds(3600), x.expiresAt());
    }

    private List<Budget> tick(List<Budget> budgets) {
        List<Budget> out = new ArrayList<>();
        for (Budget b : budgets) {
            out.add(new Budget(b.id(), b.maxLimit(), b.resetDuration(), b.currentUsage() + 1 + r.nextInt(5),
                    T0.plusSeconds(r.nextInt(1000)), b.calendarAligned()));
        }
        return out;
    }

    private RateLimit tick(RateLimit rl) {
        if (rl == null) {
            return null;
        }
        return new RateLimit(rl.id(), rl.tokenMaxLimit(), rl.tokenResetDuration(), rl.tokenCurrentUsage() + 7,
                T0.plusSeconds(5), rl.requestMaxLimit(), rl.requestResetDuration(), rl.requestCurrentUsage() + 1,
                T0.plusSeconds(5));
    }

    // ---- small values ------------------------------------------------------------------------------------------

    private Double limit() {
        return (double) (10 * (1 + r.nextInt(20)));
    }

    private Double weight() {
        return r.nextInt(3) == 0 ? null : (double) r.nextInt(4) / 2;
    }

    private List<String> models() {
        return r.nextInt(3) == 0 ? List.of("*") : subset(MODELS, 1, 4);
    }

    private List<String> tools() {
        return r.nextInt(3) == 0 ? List.of("*") : subset(TOOLS, 1, 3);
    }

    private List<KeyRef> keys() {
        List<KeyRef> out = new ArrayList<>();
        for (int i : subsetIdx(6, 1, 3)) {
            out.add(key(i));
        }
        return out;
    }

    static KeyRef key(int i) {
        return new KeyRef("k" + i, "Key " + i);
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private <T> List<T> subset(List<T> list, int min, int max) {
        List<T> out = new ArrayList<>();
        for (int i : subsetIdx(list.size(), min, max)) {
            out.add(list.get(i));
        }
        return out;
    }

    private List<Integer> subsetIdx(int size, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            idx.add(i);
        }
        java.util.Collections.shuffle(idx, r);
        return new ArrayList<>(idx.subList(0, Math.min(n, size)));
    }
}
