package bifrostdesk.drafts.merge;

import bifrostdesk.virtualkey.model.AccessLists;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One run of the merge, with a fixed set of choices (none = every conflict provisionally THEIRS).
 * <p>
 * Rules, for every mergeable field: mine == base → theirs; theirs == base → mine; mine == theirs → theirs; otherwise
 * a conflict (result per choice). Lists of models, blocked models, key ids and MCP tools compare as sets and, when no
 * side uses {@code "*"}, merge as set operations (theirs, minus what mine removed, plus what mine added); a set merge
 * that would leave an allow-list empty although neither side emptied it is a conflict instead. Budgets, provider
 * configs and MCP configs are matched by id; items new in mine (id {@code null}) are added, except a budget whose
 * reset duration the server already has (conflict unless equal) and an MCP client the server already attached
 * (conflict on the tools unless equal). Server-owned data always comes from theirs; items that only mine (or base)
 * has are re-created as new (no id, zero usage).
 * <p>
 * Over 400 lines, earned by one job: the three-way merge rules of each part of a key.
 */
final class Merger {
    record Owner(String team, String customer) {
    }

    record Sub(Long max, String duration) {
        boolean empty() {
            return max == null && duration == null;
        }
    }

    private record BudgetKey(String id, Double max, String duration, boolean aligned) {
    }

    private record RlKey(Sub tokens, Sub requests) {
    }

    /** A provider config's settings without server-owned data (budget ids kept, so changed budgets differ). */
    private record PcKey(String provider, Double weight, Set<String> models, Set<String> keys, Set<String> blocked,
                         Set<BudgetKey> budgets, RlKey rateLimit) {
    }

    /**
     * Conflict fields that are the merge's own rather than a {@link Field}: an item deleted on one side, an item
     * added on both, and a rate limit's token or request sub-limit (maximum and duration as one).
     */
    static final String ITEM_DELETED = "deleted";
    static final String ITEM_ADDED = "added";
    static final String TOKEN_LIMIT = "token_limit";
    static final String REQUEST_LIMIT = "request_limit";

    private static final Comparator<Conflict> ORDER = Comparator.<Conflict, String>comparing(Conflict::path, Merger::comparePaths)
            .thenComparing(Conflict::field).thenComparing(Conflict::id);

    private final VirtualKey base;
    private final VirtualKey mine;
    private final VirtualKey theirs;
    private final Map<String, Choice> choices;
    private final List<Conflict> conflicts = new ArrayList<>();
    private final Set<String> usedIds = new HashSet<>();

    Merger(VirtualKey base, VirtualKey mine, VirtualKey theirs, Map<String, Choice> choices) {
        this.base = base;
        this.mine = mine;
        this.theirs = theirs;
        this.choices = choices;
    }

    List<Conflict> conflicts() {
        List<Conflict> out = new ArrayList<>(conflicts);
        out.sort(ORDER);
        return out;
    }

    VirtualKey run() {
        VirtualKey b = base;
        VirtualKey m = mine;
        VirtualKey t = theirs;
        String name = pick("", "", Field.NAME, "Key: name", b.name(), m.name(), t.name(), Objects::equals,
                Render::text);
        String description = pick("", "", Field.DESCRIPTION, "Key: description",
                b.description(), m.description(), t.description(), Objects::equals, Render::text);
        boolean active = pick("", "", Field.ACTIVE, "Key: active", b.active(), m.active(), t.active(),
                Objects::equals, Render::active);
        Owner owner = pick("", "", Field.OWNER, "Key: owner (team or customer)", owner(b), owner(m), owner(t),
                Objects::equals, Render::owner);
        boolean aligned = pick("", "", Field.CALENDAR_ALIGNED, "Key: calendar-aligned budgets",
                b.calendarAligned(), m.calendarAligned(), t.calendarAligned(), Objects::equals, Render::aligned);
        var expires = pick("", "", Field.EXPIRES_AT, "Key: expiry", b.expiresAt(), m.expiresAt(), t.expiresAt(),
                Objects::equals, Render::expiry);
        RateLimit rl = rateLimit("", "", "the key", b.rateLimit(), m.rateLimit(), t.rateLimit());
        List<Budget> budgets = budgets("", "", "the key", b.budgets(), m.budgets(), t.budgets());
        List<ProviderConfig> pcs = providerConfigs();
        List<McpConfig> mcps = mcpConfigs();
        // v2 fields are not edited here: the server's copy carries them through unchanged (a named team or
        // customer still replaces a business-unit owner, as on the server)
        var v2 = owner.team() == null && owner.customer() == null ? t.v2() : t.v2().withBusinessUnit(null, null);
        return new VirtualKey(t.id(), name, description, t.value(), active, owner.team(), owner.customer(), budgets, rl,
                pcs, mcps, aligned, t.configHash(), t.createdAt(), t.updatedAt(), expires, v2);
    }

    // ---- generic field rules ---------------------------------------------------------------------------------

    private Choice conflict(String id, String path, String field, String label, String b, String m, String t) {
        String unique = id;
        for (int n = 2; !usedIds.add(unique); n++) {
            unique = id + "#" + n;
        }
        conflicts.add(new Conflict(unique, path, field, label, b, m, t));
        Choice c = choices.get(unique);
        return c == null ? Choice.THEIRS : c;
    }

    /** {@link #pick} of a {@link Field}: its conflict id is {@code idPrefix} followed by the field's id. */
    private <T> T pick(String idPrefix, String path, Field field, String label, T b, T m, T t,
                       BiPredicate<T, T> same, Function<T, String> render) {
        return pick(idPrefix + field.id(), path, field.id(), label, b, m, t, same, render);
    }

    private <T> T pick(String id, String path, String field, String label, T b, T m, T t, BiPredicate<T, T> same,
                       Function<T, String> render) {
        if (same.test(m, b) || same.test(m, t)) {
            return t;
        }
        if (same.test(t, b)) {
            return m;
        }
        return switch (conflict(id, path, field, label, render.apply(b), render.apply(m), render.apply(t))) {
            case MINE -> m;
            case BASE -> b;
            case THEIRS -> t;
        };
    }

    /**
     * Set-merges string lists (models, blocked models, key ids, tools). Returns one of the given lists unchanged when
     * the result is one side's value (callers compare by identity), otherwise a new list. The conflict id is
     * {@code idPrefix} followed by the field's id.
     */
    private List<String> set(String idPrefix, String path, Field field, String label, List<String> b, List<String> m,
                             List<String> t, boolean emptyMeansNone, Function<List<String>, String> render) {
        String id = idPrefix + field.id();
        if (m.equals(b) || m.equals(t)) {
            return t;
        }
        if (t.equals(b)) {
            return m;
        }
        Set<String> bs = new LinkedHashSet<>(b);
        Set<String> ms = new LinkedHashSet<>(m);
        Set<String> ts = new LinkedHashSet<>(t);
        if (ms.equals(bs) || ms.equals(ts)) {
            return t;
        }
        if (ts.equals(bs)) {
            return m;
        }
        if (!bs.contains(AccessLists.ALL) && !ms.contains(AccessLists.ALL) && !ts.contains(AccessLists.ALL)) {
            List<String> out = new ArrayList<>(ts.size() + ms.size());
            for (String v : ts) {
                if (!bs.contains(v) || ms.contains(v)) {
                    out.add(v);
                }
            }
            for (String v : ms) {
                if (!bs.contains(v) && !ts.contains(v)) {
                    out.add(v);
                }
            }
            if (!(emptyMeansNone && out.isEmpty())) {
                return List.copyOf(out);
            }
        }
        return switch (conflict(id, path, field.id(), label, render.apply(b), render.apply(m), render.apply(t))) {
            case MINE -> m;
            case BASE -> b;
            case THEIRS -> t;
        };
    }

    // ---- rate limits -------------------------------------------------------------------------------------------

    private RateLimit rateLimit(String idPrefix, String ownerPath, String ownerLabel, RateLimit b, RateLimit m, RateLimit t) {
        String path = NodePath.rateLimit(ownerPath);
        String label = "Rate limit of " + ownerLabel;
        Sub tok = pick(idPrefix + NodePath.RATE_LIMIT + "/token", path, TOKEN_LIMIT, label + ": tokens",
                tokens(b), tokens(m), tokens(t), Objects::equals, s -> Render.sub(s, "tokens"));
        Sub req = pick(idPrefix + NodePath.RATE_LIMIT + "/request", path, REQUEST_LIMIT, label + ": requests",
                requests(b), requests(m), requests(t), Objects::equals, s -> Render.sub(s, "requests"));
        if (tok.empty() && req.empty() && m != null && m.isEmpty() && t != null && !t.isEmpty()) {
            // this draft keeps an emptied rate limit object (same meaning as none): keep its shape
            return t.withTokens(null, null).withRequests(null, null);
        }
        return rateLimitOver(t, tok, req);
    }

    /** A rate limit with the given settings over the server's id and counters. */
    private static RateLimit rateLimitOver(RateLimit server, Sub tok, Sub req) {
        if (tok.empty() && req.empty()) {
            return server != null && server.isEmpty() ? server : null;
        }
        if (server == null) {
            return RateLimit.of(tok.max(), tok.duration(), req.max(), req.duration());
        }
        if (tokens(server).equals(tok) && requests(server).equals(req)) {
            return server;
        }
        return server.withTokens(tok.max(), tok.duration()).withRequests(req.max(), req.duration());
    }

    private static Sub tokens(RateLimit r) {
        return r == null ? new Sub(null, null) : new Sub(r.tokenMaxLimit(), r.tokenResetDuration());
    }

    private static Sub requests(RateLimit r) {
        return r == null ? new Sub(null, null) : new Sub(r.requestMaxLimit(), r.requestResetDuration());
    }

    private static RlKey rlKey(RateLimit r) {
        return new RlKey(tokens(r), requests(r));
    }

    // ---- budgets -----------------------------------------------------------------------------------------------

    private List<Budget> budgets(String idPrefix, String ownerPath, String ownerLabel, List<Budget> bl, List<Budget> ml,
                                 List<Budget> tl) {
        Map<String, Budget> bById = budgetIndex(bl);
        Map<String, Budget> mById = budgetIndex(ml);
        Map<String, Budget> tById = budgetIndex(tl);
        String listPath = NodePath.budgets(ownerPath);
        List<Budget> out = new ArrayList<>(tl.size() + 2);
        Set<Integer> deletedHere = new HashSet<>(); // kept only because the deletion is in conflict
        for (Budget t : tl) {
            Budget b = t.id() == null ? null : bById.get(t.id());
            if (b == null) {
                out.add(t); // new on the server
                continue;
            }
            Budget m = mById.get(t.id());
            String id = idPrefix + "budget#" + t.id();
            String path = NodePath.budget(ownerPath, out.size());
            String label = "Budget " + Render.duration(t.resetDuration()) + " of " + ownerLabel;
            if (m == null) {
                if (sameBudget(b, t)) {
                    continue; // deleted here, unchanged on the server
                }
                switch (conflict(id, path, ITEM_DELETED, label + " (deleted here, changed on the server)",
                        Render.budget(b), Render.DELETED, Render.budget(t))) {
                    case MINE -> { }
                    case BASE -> {
                        deletedHere.add(out.size());
                        out.add(budgetOver(t, b));
                    }
                    case THEIRS -> {
                        deletedHere.add(out.size());
                        out.add(t);
                    }
                }
                continue;
            }
            Double max = pick(id + "/", path, Field.MAX_LIMIT, label + ": limit", b.maxLimit(), m.maxLimit(),
                    t.maxLimit(), Objects::equals, Render::money);
            String dur = pick(id + "/", path, Field.RESET_DURATION, label + ": reset duration",
                    b.resetDuration(), m.resetDuration(), t.resetDuration(), Objects::equals, Render::duration);
            boolean aligned = pick(id + "/", path, Field.CALENDAR_ALIGNED, label + ": calendar aligned",
                    b.calendarAligned(), m.calendarAligned(), t.calendarAligned(), Objects::equals, Render::aligned);
            out.add(budgetOver(t, new Budget(null, max, dur, 0, null, aligned)));
        }
        for (Budget b : bl) {
            if (b.id() == null || tById.containsKey(b.id())) {
                continue;
            }
            Budget m = mById.get(b.id());
            if (m == null || sameBudget(m, b)) {
                continue; // deleted on the server (and here, or unchanged here)
            }
            String label = "Budget " + Render.duration(b.resetDuration()) + " of " + ownerLabel;
            switch (conflict(idPrefix + "budget#" + b.id(), listPath, ITEM_DELETED,
                    label + " (deleted on the server, changed here)", Render.budget(b), Render.budget(m), Render.DELETED)) {
                case MINE -> out.add(newBudget(m));
                case BASE -> out.add(newBudget(b));
                case THEIRS -> { }
            }
        }
        // budgets new in mine: matched by reset duration against the merged list (the server's budgets)
        Map<String, Integer> outByDuration = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            outByDuration.putIfAbsent(trim(out.get(i).resetDuration()), i);
        }
        boolean removed = false;
        for (Budget m : ml) {
            boolean isNew = m.id() == null || (!bById.containsKey(m.id()) && !tById.containsKey(m.id()));
            if (!isNew) {
                continue;
            }
            String dur = trim(m.resetDuration());
            Integer idx = outByDuration.get(dur);
            if (idx == null || out.get(idx) == null) {
                outByDuration.putIfAbsent(dur, out.size());
                out.add(newBudget(m));
                continue;
            }
            if (deletedHere.contains(idx)) {
                continue; // mine replaced that budget: the deletion conflict decides (MINE adds this one)
            }
            Budget cur = out.get(idx);
            if (Objects.equals(cur.maxLimit(), m.maxLimit()) && cur.calendarAligned() == m.calendarAligned()) {
                continue; // the server already has it
            }
            Budget inBase = cur.id() == null ? null : bById.get(cur.id());
            switch (conflict(idPrefix + "budget+" + dur, NodePath.budget(ownerPath, idx), ITEM_ADDED,
                    "Budget " + Render.duration(dur) + " of " + ownerLabel + " (added here; the server has one)",
                    inBase == null ? Render.NONE : Render.budget(inBase), Render.budget(m), Render.budget(cur))) {
                case MINE -> out.set(idx, budgetOver(cur, m));
                case BASE -> {
                    if (inBase == null) {
                        out.set(idx, null);
                        removed = true;
                    } else {
                        out.set(idx, budgetOver(cur, inBase));
                    }
                }
                case THEIRS -> { }
            }
        }
        if (removed) {
            out.removeIf(Objects::isNull);
        }
        return out;
    }

    private static Map<String, Budget> budgetIndex(List<Budget> list) {
        Map<String, Budget> map = new HashMap<>(list.size() * 2);
        for (Budget x : list) {
            if (x.id() != null) {
                map.putIfAbsent(x.id(), x);
            }
        }
        return map;
    }

    private static boolean sameBudget(Budget a, Budget b) {
        return Objects.equals(a.maxLimit(), b.maxLimit()) && Objects.equals(a.resetDuration(), b.resetDuration())
                && a.calendarAligned() == b.calendarAligned();
    }

    /** The settings of {@code settings} over the server budget's id, usage and window. */
    private static Budget budgetOver(Budget server, Budget settings) {
        if (sameBudget(server, settings)) {
            return server;
        }
        return new Budget(server.id(), settings.maxLimit(), settings.resetDuration(), server.currentUsage(),
                server.lastReset(), settings.calendarAligned(), settings.quarterStartMonth(), server.override());
    }

    private static Budget newBudget(Budget b) {
        return new Budget(null, b.maxLimit(), b.resetDuration(), 0, null, b.calendarAligned(), b.quarterStartMonth(),
                null);
    }

    private static BudgetKey budgetKey(Budget b, boolean withId) {
        return new BudgetKey(withId ? b.id() : null, b.maxLimit(), b.resetDuration(), b.calendarAligned());
    }

    // ---- provider configs --------------------------------------------------------------------------------------

    private List<ProviderConfig> providerConfigs() {
        List<ProviderConfig> bl = base.providerConfigs();
        List<ProviderConfig> ml = mine.providerConfigs();
        List<ProviderConfig> tl = theirs.providerConfigs();
        Map<Long, ProviderConfig> bById = pcIndex(bl);
        Map<Long, ProviderConfig> mById = pcIndex(ml);
        Map<Long, ProviderConfig> tById = pcIndex(tl);
        List<ProviderConfig> out = new ArrayList<>(tl.size() + 4);
        // configs the server has but base had not, keyed by settings: a config new in mine that equals one of them
        // was already created (e.g. the same change saved twice) and is not added again
        Map<PcKey, Integer> serverNew = new HashMap<>();
        for (ProviderConfig t : tl) {
            ProviderConfig b = t.id() == null ? null : bById.get(t.id());
            if (b == null) {
                out.add(t);
                serverNew.merge(pcKey(t, false), 1, Integer::sum);
                continue;
            }
            ProviderConfig m = mById.get(t.id());
            String id = "pc#" + t.id();
            int index = out.size();
            String path = NodePath.provider(index);
            String label = pcLabel(t);
            if (m == null) {
                if (pcKey(b, true).equals(pcKey(t, true))) {
                    continue;
                }
                switch (conflict(id + "/" + ITEM_DELETED, path, ITEM_DELETED,
                        label + " (deleted here, changed on the server)",
                        Render.providerConfig(b), Render.DELETED, Render.providerConfig(t))) {
                    case MINE -> { }
                    case BASE -> out.add(pcOver(t, b));
                    case THEIRS -> out.add(t);
                }
                continue;
            }
            out.add(providerConfig(id + "/", index, label, b, m, t));
        }
        for (ProviderConfig b : bl) {
            if (b.id() == null || tById.containsKey(b.id())) {
                continue;
            }
            ProviderConfig m = mById.get(b.id());
            if (m == null || pcKey(m, true).equals(pcKey(b, true))) {
                continue;
            }
            switch (conflict("pc#" + b.id() + "/" + ITEM_DELETED, NodePath.PROVIDER_CONFIGS, ITEM_DELETED,
                    pcLabel(b) + " (deleted on the server, changed here)",
                    Render.providerConfig(b), Render.providerConfig(m), Render.DELETED)) {
                case MINE -> out.add(newPc(m));
                case BASE -> out.add(newPc(b));
                case THEIRS -> { }
            }
        }
        for (ProviderConfig m : ml) {
            boolean isNew = m.id() == null || (!bById.containsKey(m.id()) && !tById.containsKey(m.id()));
            if (!isNew) {
                continue;
            }
            PcKey key = pcKey(m, false);
            Integer left = serverNew.get(key);
            if (left != null && left > 0) {
                serverNew.put(key, left - 1);
                continue;
            }
            out.add(newPc(m));
        }
        return out;
    }

    private ProviderConfig providerConfig(String idPrefix, int index, String label, ProviderConfig b,
                                          ProviderConfig m, ProviderConfig t) {
        String path = NodePath.provider(index);
        String provider = pick(idPrefix, path, Field.PROVIDER, label + ": provider",
                b.provider(), m.provider(), t.provider(), Objects::equals, Render::text);
        Double weight = pick(idPrefix, path, Field.WEIGHT, label + ": weight",
                b.weight(), m.weight(), t.weight(), Objects::equals, Render::weight);
        String models = NodePath.models(index);
        List<String> allowed = set(idPrefix, models, Field.ALLOWED_MODELS, label + ": allowed models",
                b.allowedModels(), m.allowedModels(), t.allowedModels(), true, v -> Render.access(v, "models"));
        List<String> blocked = set(idPrefix, models, Field.BLACKLISTED_MODELS,
                label + ": blocked models", b.blacklistedModels(), m.blacklistedModels(), t.blacklistedModels(), false,
                Render::blocked);
        // keys: allowAllKeys as "*", so the set rules apply unchanged
        List<String> bk = b.keyIds();
        List<String> mk = m.keyIds();
        List<String> tk = t.keyIds();
        List<String> keyIds = set(idPrefix, NodePath.keys(index), Field.KEYS, label + ": keys", bk, mk, tk, true,
                ids -> keysText(ids, b, m, t));
        boolean allKeys;
        List<KeyRef> keys;
        if (keyIds == tk) {
            allKeys = t.allowAllKeys();
            keys = t.keys();
        } else if (keyIds == mk) {
            allKeys = m.allowAllKeys();
            keys = m.keys();
        } else if (keyIds == bk) {
            allKeys = b.allowAllKeys();
            keys = b.keys();
        } else {
            allKeys = false;
            keys = keyRefs(keyIds, t, m, b);
        }
        List<Budget> budgets = budgets(idPrefix, path, label.substring(0, 1).toLowerCase() + label.substring(1),
                b.budgets(), m.budgets(), t.budgets());
        RateLimit rl = rateLimit(idPrefix, path, label.substring(0, 1).toLowerCase() + label.substring(1),
                b.rateLimit(), m.rateLimit(), t.rateLimit());
        return new ProviderConfig(t.id(), provider, weight, allowed, allKeys, keys, budgets, rl, blocked,
                t.modelBudgets());
    }

    private static String keysText(List<String> ids, ProviderConfig... sides) {
        if (ids.contains(AccessLists.ALL)) {
            return "all keys";
        }
        return Render.keys(false, keyRefs(ids, sides));
    }

    /** Key references for the ids, named from the first side that knows the key. */
    private static List<KeyRef> keyRefs(List<String> ids, ProviderConfig... sides) {
        Map<String, KeyRef> known = new HashMap<>();
        for (ProviderConfig pc : sides) {
            for (KeyRef k : pc.keys()) {
                known.putIfAbsent(k.keyId(), k);
            }
        }
        List<KeyRef> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            KeyRef k = known.get(id);
            out.add(k != null ? k : new KeyRef(id, null));
        }
        return out;
    }

    private static String pcLabel(ProviderConfig pc) {
        return "Provider config " + (pc.provider() == null || pc.provider().isBlank() ? "(no provider)" : pc.provider())
                + (pc.id() == null ? " (new)" : " (id " + pc.id() + ")");
    }

    private static Map<Long, ProviderConfig> pcIndex(List<ProviderConfig> list) {
        Map<Long, ProviderConfig> map = new HashMap<>(list.size() * 2);
        for (ProviderConfig x : list) {
            if (x.id() != null) {
                map.putIfAbsent(x.id(), x);
            }
        }
        return map;
    }

    private static PcKey pcKey(ProviderConfig pc, boolean withIds) {
        Set<BudgetKey> budgets = new HashSet<>();
        for (Budget b : pc.budgets()) {
            budgets.add(budgetKey(b, withIds));
        }
        return new PcKey(pc.provider(), pc.weight(), new HashSet<>(pc.allowedModels()), new HashSet<>(pc.keyIds()),
                new HashSet<>(pc.blacklistedModels()), budgets, rlKey(pc.rateLimit()));
    }

    /** The settings of {@code settings} over the server config's ids and counters (budgets matched by id). */
    private static ProviderConfig pcOver(ProviderConfig server, ProviderConfig settings) {
        Map<String, Budget> serverBudgets = budgetIndex(server.budgets());
        List<Budget> budgets = new ArrayList<>();
        for (Budget b : settings.budgets()) {
            Budget s = b.id() == null ? null : serverBudgets.get(b.id());
            budgets.add(s == null ? newBudget(b) : budgetOver(s, b));
        }
        RateLimit rl = rateLimitOver(server.rateLimit(), tokens(settings.rateLimit()), requests(settings.rateLimit()));
        return new ProviderConfig(server.id(), settings.provider(), settings.weight(), settings.allowedModels(),
                settings.allowAllKeys(), settings.keys(), budgets, rl, settings.blacklistedModels(),
                server.modelBudgets());
    }

    /** A copy to be created on the server: no ids, zero usage. */
    private static ProviderConfig newPc(ProviderConfig pc) {
        List<Budget> budgets = new ArrayList<>(pc.budgets().size());
        for (Budget b : pc.budgets()) {
            budgets.add(newBudget(b));
        }
        RateLimit r = pc.rateLimit();
        RateLimit rl = r == null ? null
                : RateLimit.of(r.tokenMaxLimit(), r.tokenResetDuration(), r.requestMaxLimit(), r.requestResetDuration());
        return new ProviderConfig(null, pc.provider(), pc.weight(), pc.allowedModels(), pc.allowAllKeys(), pc.keys(),
                budgets, rl, pc.blacklistedModels());
    }

    // ---- MCP configs -------------------------------------------------------------------------------------------

    private List<McpConfig> mcpConfigs() {
        List<McpConfig> bl = base.mcpConfigs();
        List<McpConfig> ml = mine.mcpConfigs();
        List<McpConfig> tl = theirs.mcpConfigs();
        Map<Long, McpConfig> bById = mcpIndex(bl);
        Map<Long, McpConfig> mById = mcpIndex(ml);
        Map<Long, McpConfig> tById = mcpIndex(tl);
        List<McpConfig> out = new ArrayList<>(tl.size() + 2);
        Set<Integer> deletedHere = new HashSet<>(); // kept only because the removal is in conflict
        for (McpConfig t : tl) {
            McpConfig b = t.id() == null ? null : bById.get(t.id());
            if (b == null) {
                out.add(t);
                continue;
            }
            McpConfig m = mById.get(t.id());
            String id = "mcp#" + t.id();
            int index = out.size();
            String path = NodePath.mcp(index);
            String label = mcpLabel(t);
            if (m == null) {
                if (sameMcp(b, t)) {
                    continue;
                }
                switch (conflict(id + "/" + ITEM_DELETED, path, ITEM_DELETED,
                        label + " (removed here, changed on the server)",
                        Render.mcp(b), Render.DELETED, Render.mcp(t))) {
                    case MINE -> { }
                    case BASE -> {
                        deletedHere.add(out.size());
                        out.add(new McpConfig(t.id(), b.mcpClientName(), b.toolsToExecute()));
                    }
                    case THEIRS -> {
                        deletedHere.add(out.size());
                        out.add(t);
                    }
                }
                continue;
            }
            String client = pick(id + "/", path, Field.MCP_CLIENT, label + ": MCP client",
                    b.mcpClientName(), m.mcpClientName(), t.mcpClientName(), Objects::equals, Render::text);
            List<String> tools = set(id + "/", NodePath.tools(index), Field.TOOLS, label + ": tools",
                    b.toolsToExecute(), m.toolsToExecute(), t.toolsToExecute(), true, v -> Render.access(v, "tools"));
            out.add(Objects.equals(client, t.mcpClientName()) && tools == t.toolsToExecute() ? t
                    : new McpConfig(t.id(), client, tools));
        }
        for (McpConfig b : bl) {
            if (b.id() == null || tById.containsKey(b.id())) {
                continue;
            }
            McpConfig m = mById.get(b.id());
            if (m == null || sameMcp(m, b)) {
                continue;
            }
            switch (conflict("mcp#" + b.id() + "/" + ITEM_DELETED, NodePath.MCP_CONFIGS, ITEM_DELETED,
                    mcpLabel(b) + " (removed on the server, changed here)", Render.mcp(b), Render.mcp(m), Render.DELETED)) {
                case MINE -> out.add(new McpConfig(null, m.mcpClientName(), m.toolsToExecute()));
                case BASE -> out.add(new McpConfig(null, b.mcpClientName(), b.toolsToExecute()));
                case THEIRS -> { }
            }
        }
        Map<String, Integer> outByName = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            outByName.putIfAbsent(out.get(i).mcpClientName(), i);
        }
        boolean removed = false;
        for (McpConfig m : ml) {
            boolean isNew = m.id() == null || (!bById.containsKey(m.id()) && !tById.containsKey(m.id()));
            if (!isNew) {
                continue;
            }
            Integer idx = outByName.get(m.mcpClientName());
            if (idx == null || out.get(idx) == null) {
                out.add(new McpConfig(null, m.mcpClientName(), m.toolsToExecute()));
                continue;
            }
            if (deletedHere.contains(idx)) {
                continue; // mine re-attached that client: the removal conflict decides (MINE adds this one)
            }
            McpConfig cur = out.get(idx);
            if (new HashSet<>(cur.toolsToExecute()).equals(new HashSet<>(m.toolsToExecute()))) {
                continue; // already attached with the same tools
            }
            McpConfig inBase = cur.id() == null ? null : bById.get(cur.id());
            switch (conflict("mcp@" + m.mcpClientName() + "/" + Field.TOOLS.id(), NodePath.tools(idx), Field.TOOLS.id(),
                    "MCP client " + m.mcpClientName() + " (attached here; the server has it): tools",
                    inBase == null ? "(not attached)" : Render.access(inBase.toolsToExecute(), "tools"),
                    Render.access(m.toolsToExecute(), "tools"), Render.access(cur.toolsToExecute(), "tools"))) {
                case MINE -> out.set(idx, cur.withTools(m.toolsToExecute()));
                case BASE -> {
                    if (inBase == null) {
                        out.set(idx, null);
                        removed = true;
                    } else {
                        out.set(idx, cur.withTools(inBase.toolsToExecute()));
                    }
                }
                case THEIRS -> { }
            }
        }
        if (removed) {
            out.removeIf(Objects::isNull);
        }
        return out;
    }

    private static Map<Long, McpConfig> mcpIndex(List<McpConfig> list) {
        Map<Long, McpConfig> map = new HashMap<>(list.size() * 2);
        for (McpConfig x : list) {
            if (x.id() != null) {
                map.putIfAbsent(x.id(), x);
            }
        }
        return map;
    }

    private static boolean sameMcp(McpConfig a, McpConfig b) {
        return Objects.equals(a.mcpClientName(), b.mcpClientName())
                && new HashSet<>(a.toolsToExecute()).equals(new HashSet<>(b.toolsToExecute()));
    }

    private static String mcpLabel(McpConfig m) {
        return "MCP client " + (m.mcpClientName() == null ? "(none)" : m.mcpClientName())
                + (m.id() == null ? " (new)" : " (id " + m.id() + ")");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Owner owner(VirtualKey vk) {
        return new Owner(vk.teamId(), vk.customerId());
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** Orders paths segment by segment, numbers numerically ({@code provider_configs/2} before {@code /10}). */
    static int comparePaths(String a, String b) {
        String[] pa = a.isEmpty() ? new String[0] : a.split("/");
        String[] pb = b.isEmpty() ? new String[0] : b.split("/");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c;
            boolean na = !pa[i].isEmpty() && pa[i].chars().allMatch(Character::isDigit);
            boolean nb = !pb[i].isEmpty() && pb[i].chars().allMatch(Character::isDigit);
            if (na && nb) {
                c = Long.compare(Long.parseLong(pa[i]), Long.parseLong(pb[i]));
            } else {
                c = pa[i].compareTo(pb[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
