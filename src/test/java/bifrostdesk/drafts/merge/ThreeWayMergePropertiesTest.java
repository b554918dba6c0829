package bifrostdesk.drafts.merge;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.drafts.merge.VkGen.Scope;
import bifrostdesk.drafts.merge.VkGen.Side;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Merge laws over random keys and random edits on each side (all randomness comes from the seed). */
class ThreeWayMergePropertiesTest {

    private record Case(VirtualKey base, VirtualKey mine, VirtualKey theirs) {
    }

    private static Case random(long seed, int configs, int mineEdits, int theirEdits) {
        VkGen g = new VkGen(seed);
        VirtualKey base = g.base(configs);
        return new Case(base, g.edit(base, Side.MINE, Scope.ALL, mineEdits), g.edit(base, Side.THEIRS, Scope.ALL, theirEdits));
    }

    @Property(tries = 300)
    void unchangedServerGivesMine(@ForAll long seed, @ForAll @IntRange(max = 6) int configs,
                                  @ForAll @IntRange(max = 8) int edits) {
        Case c = random(seed, configs, edits, 0);
        MergeResult r = ThreeWayMerge.merge(c.base(), c.mine(), c.base());
        assertThat(r.conflicts()).isEmpty();
        assertThat(Fields.settingsView(r.merged())).isEqualTo(Fields.settingsView(c.mine()));
        assertServerOwnedFromTheirs(r.merged(), c.base());
    }

    @Property(tries = 300)
    void unchangedDraftGivesTheirs(@ForAll long seed, @ForAll @IntRange(max = 6) int configs,
                                   @ForAll @IntRange(max = 8) int edits) {
        Case c = random(seed, configs, 0, edits);
        MergeResult r = ThreeWayMerge.merge(c.base(), c.base(), c.theirs());
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.merged()).isEqualTo(c.theirs());
    }

    @Property(tries = 300)
    void sameChangeOnBothSidesIsClean(@ForAll long seed, @ForAll @IntRange(max = 6) int configs,
                                      @ForAll @IntRange(max = 8) int edits) {
        Case c = random(seed, configs, edits, 0);
        VirtualKey x = c.mine();
        MergeResult r = ThreeWayMerge.merge(c.base(), x, x);
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.merged()).isEqualTo(x);
    }

    @Property(tries = 300)
    void sameChangeAlreadySavedOnTheServerIsClean(@ForAll long seed, @ForAll @IntRange(max = 6) int configs,
                                                  @ForAll @IntRange(max = 8) int edits) {
        Case c = random(seed, configs, edits, 0);
        VirtualKey saved = serverSave(c.mine());
        MergeResult r = ThreeWayMerge.merge(c.base(), c.mine(), saved);
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.merged()).isEqualTo(saved);
    }

    @Property(tries = 300)
    void disjointEditsNeverConflictAndBothApply(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int configs,
                                                @ForAll @IntRange(max = 8) int mineEdits,
                                                @ForAll @IntRange(max = 8) int theirEdits) {
        VkGen g = new VkGen(seed);
        VirtualKey base = g.base(configs);
        VirtualKey mine = g.edit(base, Side.MINE, new Scope(false, id -> id % 2 == 0, true, 0), mineEdits);
        VirtualKey theirs = g.edit(base, Side.THEIRS, new Scope(false, id -> id % 2 == 1, true, 1), theirEdits);
        MergeResult r = ThreeWayMerge.merge(base, mine, theirs);

        assertThat(r.conflicts()).isEmpty();
        VirtualKey m = r.merged();
        Set<Long> mergedIds = m.providerConfigs().stream().map(ProviderConfig::id).filter(id -> id != null)
                .collect(Collectors.toSet());
        for (ProviderConfig b : base.providerConfigs()) {
            long id = b.id();
            VirtualKey editor = id % 2 == 0 ? mine : theirs;
            boolean kept = editor.providerConfigs().stream().anyMatch(p -> Long.valueOf(id).equals(p.id()));
            assertThat(mergedIds.contains(id)).as("config %d kept", id).isEqualTo(kept);
            if (kept) {
                assertThat(Fields.ofConfig(m, id)).as("config %d", id).isEqualTo(Fields.ofConfig(editor, id));
            }
        }
        assertThat(m.providerConfigs().stream().filter(p -> p.id() == null).count())
                .isEqualTo(mine.providerConfigs().stream().filter(p -> p.id() == null).count());
        assertThat(m.providerConfigs().stream().filter(p -> "groq".equals(p.provider())).count())
                .isEqualTo(theirs.providerConfigs().stream().filter(p -> "groq".equals(p.provider())).count());
        for (McpConfig b : base.mcpConfigs()) {
            VirtualKey editor = b.id() % 2 == 0 ? mine : theirs;
            assertThat(find(m.mcpConfigs(), b.id())).isEqualTo(find(editor.mcpConfigs(), b.id()));
        }
        Set<String> clients = m.mcpConfigs().stream().map(McpConfig::mcpClientName).collect(Collectors.toSet());
        mine.mcpConfigs().stream().filter(x -> x.id() == null).forEach(x -> assertThat(clients).contains(x.mcpClientName()));
        assertServerOwnedFromTheirs(m, theirs);
    }

    @Property(tries = 300)
    void mergedKeepsTheServersIdsAndUsageWhateverTheChoices(@ForAll long seed, @ForAll @IntRange(max = 6) int configs,
                                                            @ForAll @IntRange(max = 10) int edits,
                                                            @ForAll Choice choice) {
        Case c = random(seed, configs, edits, edits);
        MergeResult r = ThreeWayMerge.merge(c.base(), c.mine(), c.theirs());
        assertServerOwnedFromTheirs(r.merged(), c.theirs());
        assertServerOwnedFromTheirs(r.resolve(all(r, choice)), c.theirs());
    }

    @Property(tries = 300)
    void resolvingAllMineReproducesMinesValues(@ForAll long seed, @ForAll @IntRange(max = 6) int configs,
                                               @ForAll @IntRange(max = 12) int edits) {
        Case c = random(seed, configs, edits, edits);
        MergeResult r = ThreeWayMerge.merge(c.base(), c.mine(), c.theirs());
        VirtualKey resolved = r.resolve(all(r, Choice.MINE));
        Map<String, Object> got = Fields.of(resolved);
        Map<String, Object> want = Fields.of(c.mine());
        Map<String, Object> theirs = Fields.of(c.theirs());
        for (Conflict k : r.conflicts()) {
            switch (k.field()) {
                case "deleted" -> {
                    // a whole config's conflict is "pc#7/deleted"; a budget's is the budget's own id, "pc#7/budget#b1"
                    String prefix = k.id().endsWith("/deleted")
                            ? k.id().substring(0, k.id().length() - "deleted".length()) : k.id() + "/";
                    if (prefix.startsWith("pc#") || prefix.startsWith("mcp#")) {
                        boolean mineHas = want.keySet().stream().anyMatch(f -> f.startsWith(prefix));
                        if (!mineHas) {
                            assertThat(got.keySet()).noneMatch(f -> f.startsWith(prefix));
                        }
                    }
                }
                case "added" -> { }
                default -> {
                    if (k.id().startsWith("mcp@")) {
                        String client = k.id().substring(4, k.id().length() - "/tools".length());
                        assertThat(tools(resolved, client)).as(k.toString()).isEqualTo(tools(c.mine(), client));
                    } else {
                        assertThat(theirs).as(k.id()).containsKey(k.id());
                        assertThat(got.get(k.id())).as(k.toString()).isEqualTo(want.get(k.id()));
                    }
                }
            }
        }
        // and every field nobody fought over is unchanged by the resolution
        Map<String, Object> provisional = Fields.of(r.merged());
        Set<String> touched = new HashSet<>();
        r.conflicts().forEach(k -> touched.addAll(touchedPrefixes(k, c.theirs())));
        provisional.forEach((f, v) -> {
            if (touched.stream().noneMatch(f::startsWith) && got.containsKey(f)) {
                assertThat(got.get(f)).as(f).isEqualTo(v);
            }
        });
    }

    /** Field-key prefixes a conflict's resolution may change. */
    private static Set<String> touchedPrefixes(Conflict k, VirtualKey theirs) {
        Set<String> out = new HashSet<>();
        String id = k.id();
        if (id.startsWith("mcp@")) {
            String client = id.substring(4, id.length() - "/tools".length());
            theirs.mcpConfigs().stream().filter(m -> client.equals(m.mcpClientName()) && m.id() != null)
                    .forEach(m -> out.add("mcp#" + m.id() + "/"));
        } else if (id.contains("budget+")) {
            String owner = id.substring(0, id.indexOf("budget+"));
            String dur = id.substring(id.indexOf("budget+") + "budget+".length()).replaceAll("#\\d+$", "");
            List<Budget> budgets = owner.isEmpty() ? theirs.budgets() : theirs.providerConfigs().stream()
                    .filter(p -> owner.equals("pc#" + p.id() + "/")).findFirst().map(ProviderConfig::budgets).orElse(List.of());
            budgets.stream().filter(b -> dur.equals(b.resetDuration()))
                    .forEach(b -> out.add(owner + "budget#" + b.id() + "/"));
        } else if (id.endsWith("/deleted")) {
            out.add(id.substring(0, id.length() - "deleted".length()));
        } else {
            out.add(id);
        }
        return out;
    }

    @Property(tries = 300)
    void conflictsAreSymmetric(@ForAll long seed, @ForAll @IntRange(max = 6) int configs,
                               @ForAll @IntRange(max = 12) int edits) {
        Case c = random(seed, configs, edits, edits);
        assertThat(idsAndFields(ThreeWayMerge.merge(c.base(), c.mine(), c.theirs())))
                .isEqualTo(idsAndFields(ThreeWayMerge.merge(c.base(), c.theirs(), c.mine())));
    }

    @Property(tries = 200)
    void deterministicAndOrdered(@ForAll long seed, @ForAll @IntRange(max = 12) int configs,
                                 @ForAll @IntRange(max = 12) int edits) {
        Case c = random(seed, configs, edits, edits);
        MergeResult a = ThreeWayMerge.merge(c.base(), c.mine(), c.theirs());
        MergeResult b = ThreeWayMerge.merge(c.base(), c.mine(), c.theirs());
        assertThat(a.merged()).isEqualTo(b.merged());
        assertThat(a.conflicts()).isEqualTo(b.conflicts());
        assertThat(a.clean()).isEqualTo(a.conflicts().isEmpty());
        for (int i = 1; i < a.conflicts().size(); i++) {
            Conflict p = a.conflicts().get(i - 1);
            Conflict q = a.conflicts().get(i);
            int byPath = Merger.comparePaths(p.path(), q.path());
            assertThat(byPath < 0 || byPath == 0 && p.field().compareTo(q.field()) <= 0).as(p + " before " + q).isTrue();
        }
        assertThat(a.conflicts().stream().map(Conflict::id).distinct().count()).isEqualTo(a.conflicts().size());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Set<List<String>> idsAndFields(MergeResult r) {
        return r.conflicts().stream().map(k -> List.of(k.id(), k.field())).collect(Collectors.toSet());
    }

    private static Map<String, Choice> all(MergeResult r, Choice c) {
        Map<String, Choice> m = new HashMap<>();
        r.conflicts().forEach(k -> m.put(k.id(), c));
        return m;
    }

    private static Set<String> tools(VirtualKey vk, String client) {
        return vk.mcpConfigs().stream().filter(m -> client.equals(m.mcpClientName())).findFirst()
                .map(m -> (Set<String>) new HashSet<>(m.toolsToExecute())).orElse(null);
    }

    private static McpConfig find(List<McpConfig> list, long id) {
        return list.stream().filter(x -> x.id() != null && x.id() == id).findFirst().orElse(null);
    }

    /** What a server does with a saved draft: new items get ids. */
    private static VirtualKey serverSave(VirtualKey vk) {
        long[] seq = {9000};
        List<ProviderConfig> pcs = vk.providerConfigs().stream().map(pc -> {
            ProviderConfig p = pc.id() == null ? new ProviderConfig(++seq[0], pc.provider(), pc.weight(),
                    pc.allowedModels(), pc.allowAllKeys(), pc.keys(), pc.budgets(), pc.rateLimit(), pc.blacklistedModels()) : pc;
            return p.withBudgets(ids(p.budgets(), seq)).withRateLimit(id(p.rateLimit(), seq));
        }).toList();
        List<McpConfig> mcps = vk.mcpConfigs().stream()
                .map(m -> m.id() == null ? new McpConfig(++seq[0], m.mcpClientName(), m.toolsToExecute()) : m).toList();
        return vk.withBudgets(ids(vk.budgets(), seq)).withRateLimit(id(vk.rateLimit(), seq))
                .withProviderConfigs(pcs).withMcpConfigs(mcps);
    }

    private static List<Budget> ids(List<Budget> budgets, long[] seq) {
        return budgets.stream().map(b -> b.id() != null ? b
                : new Budget("saved" + ++seq[0], b.maxLimit(), b.resetDuration(), 0, null, b.calendarAligned())).toList();
    }

    private static RateLimit id(RateLimit r, long[] seq) {
        return r == null || r.id() != null ? r : new RateLimit("savedrl" + ++seq[0], r.tokenMaxLimit(),
                r.tokenResetDuration(), 0, null, r.requestMaxLimit(), r.requestResetDuration(), 0, null);
    }

    /** Ids, timestamps, value, hash and every counter of the merged key come from the server's copy. */
    static void assertServerOwnedFromTheirs(VirtualKey merged, VirtualKey theirs) {
        assertThat(merged.id()).isEqualTo(theirs.id());
        assertThat(merged.value()).isEqualTo(theirs.value());
        assertThat(merged.configHash()).isEqualTo(theirs.configHash());
        assertThat(merged.createdAt()).isEqualTo(theirs.createdAt());
        assertThat(merged.updatedAt()).isEqualTo(theirs.updatedAt());
        assertBudgetsFrom(merged.budgets(), theirs.budgets());
        assertRateLimitFrom(merged.rateLimit(), theirs.rateLimit());
        Map<Long, ProviderConfig> server = new HashMap<>();
        theirs.providerConfigs().forEach(p -> server.put(p.id(), p));
        for (ProviderConfig pc : merged.providerConfigs()) {
            if (pc.id() == null) {
                assertThat(pc.budgets()).allMatch(b -> b.id() == null && b.currentUsage() == 0 && b.lastReset() == null);
                assertThat(pc.rateLimit() == null || pc.rateLimit().id() == null).isTrue();
                continue;
            }
            ProviderConfig s = server.get(pc.id());
            assertThat(s).as("config %d is on the server", pc.id()).isNotNull();
            assertBudgetsFrom(pc.budgets(), s.budgets());
            assertRateLimitFrom(pc.rateLimit(), s.rateLimit());
        }
        Set<Long> serverMcp = new HashSet<>();
        theirs.mcpConfigs().forEach(x -> serverMcp.add(x.id()));
        merged.mcpConfigs().stream().filter(x -> x.id() != null).forEach(x -> assertThat(serverMcp).contains(x.id()));
    }

    private static void assertBudgetsFrom(List<Budget> merged, List<Budget> server) {
        Map<String, Budget> byId = new HashMap<>();
        server.forEach(b -> byId.put(b.id(), b));
        for (Budget b : merged) {
            if (b.id() == null) {
                assertThat(b.currentUsage()).isZero();
                assertThat(b.lastReset()).isNull();
                continue;
            }
            Budget s = byId.get(b.id());
            assertThat(s).as("budget %s is on the server", b.id()).isNotNull();
            assertThat(b.currentUsage()).isEqualTo(s.currentUsage());
            assertThat(b.lastReset()).isEqualTo(s.lastReset());
        }
    }

    private static void assertRateLimitFrom(RateLimit merged, RateLimit server) {
        if (merged == null || merged.id() == null) {
            assertThat(merged == null || merged.tokenCurrentUsage() == 0 && merged.requestCurrentUsage() == 0).isTrue();
            return;
        }
        assertThat(server).isNotNull();
        assertThat(merged.id()).isEqualTo(server.id());
        assertThat(merged.tokenCurrentUsage()).isEqualTo(server.tokenCurrentUsage());
        assertThat(merged.requestCurrentUsage()).isEqualTo(server.requestCurrentUsage());
        assertThat(merged.tokenLastReset()).isEqualTo(server.tokenLastReset());
        assertThat(merged.requestLastReset()).isEqualTo(server.requestLastReset());
    }
}
