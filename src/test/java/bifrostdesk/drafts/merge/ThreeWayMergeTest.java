package bifrostdesk.drafts.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One example per merge rule. */
class ThreeWayMergeTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");

    static Budget budget(String id, double max, String dur, double used) {
        return new Budget(id, max, dur, used, T0, false);
    }

    static ProviderConfig openai() {
        return new ProviderConfig(12L, "openai", 1.0, List.of("gpt-4o", "gpt-4o-mini"), false,
                List.of(new KeyRef("k1", "Main"), new KeyRef("k2", "Backup")), List.of(budget("pb1", 50, "1d", 10)),
                new RateLimit("prl", 1000L, "1h", 300, T0, null, null, 0, null), List.of());
    }

    static ProviderConfig anthropic() {
        return new ProviderConfig(13L, "anthropic", 1.0, List.of("*"), true, List.of(), List.of(), null, List.of());
    }

    static VirtualKey base() {
        return new VirtualKey("vk-1", "team-key", "for the team", "sk-bf-secret", true, "team-1", null,
                List.of(budget("b1", 100, "1d", 42.5)), new RateLimit("rl", 1000L, "1h", 300, T0, 60L, "1m", 5, T0),
                List.of(openai(), anthropic()), List.of(new McpConfig(3L, "github", List.of("search", "create_issue"))),
                false, null, T0, T0, null);
    }

    /** The server's copy: same settings, usage moved on and a later {@code updatedAt}. */
    static VirtualKey server() {
        VirtualKey b = base();
        return new VirtualKey(b.id(), b.name(), b.description(), b.value(), b.active(), b.teamId(), b.customerId(),
                List.of(budget("b1", 100, "1d", 77)), new RateLimit("rl", 1000L, "1h", 900, T1, 60L, "1m", 50, T1),
                List.of(openai().withBudgets(List.of(budget("pb1", 50, "1d", 33))), anthropic()), b.mcpConfigs(),
                false, null, T0, T1, null);
    }

    static VirtualKey pc(VirtualKey vk, long id, UnaryOperator<ProviderConfig> edit) {
        List<ProviderConfig> out = new ArrayList<>();
        for (ProviderConfig p : vk.providerConfigs()) {
            out.add(p.id() != null && p.id() == id ? edit.apply(p) : p);
        }
        return vk.withProviderConfigs(out);
    }

    static VirtualKey withoutPc(VirtualKey vk, long id) {
        return vk.withProviderConfigs(vk.providerConfigs().stream().filter(p -> p.id() != id).toList());
    }

    static MergeResult merge(VirtualKey mine, VirtualKey theirs) {
        return ThreeWayMerge.merge(base(), mine, theirs);
    }

    static Conflict only(MergeResult r) {
        assertThat(r.conflicts()).hasSize(1);
        return r.conflicts().get(0);
    }

    @Nested
    class KeyFields {
        @Test
        void changeOnOneSideWins() {
            MergeResult r = merge(base().withName("mine"), server().withDescription("theirs"));
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().name()).isEqualTo("mine");
            assertThat(r.merged().description()).isEqualTo("theirs");
        }

        @Test
        void sameChangeOnBothSidesIsNoConflict() {
            MergeResult r = merge(base().withActive(false), server().withActive(false));
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().active()).isFalse();
        }

        @Test
        void differentChangesConflictAndResolve() {
            MergeResult r = merge(base().withName("mine"), server().withName("theirs"));
            assertThat(only(r)).isEqualTo(new Conflict("name", "", "name", "Key: name", "team-key", "mine", "theirs"));
            assertThat(r.merged().name()).isEqualTo("theirs");
            assertThat(r.resolve(Map.of("name", Choice.MINE)).name()).isEqualTo("mine");
            assertThat(r.resolve(Map.of("name", Choice.BASE)).name()).isEqualTo("team-key");
            assertThat(r.resolve(Map.of()).name()).isEqualTo("theirs");
        }

        @Test
        void ownerIsOneField() {
            // mine moves the key to a customer, the server to another team: one conflict, never team+customer
            MergeResult r = merge(base().withCustomer("cust-9"), server().withTeam("team-2"));
            Conflict c = only(r);
            assertThat(c.field()).isEqualTo("owner");
            assertThat(c).extracting(Conflict::base, Conflict::mine, Conflict::theirs)
                    .containsExactly("team team-1", "customer cust-9", "team team-2");
            VirtualKey mine = r.resolve(Map.of(c.id(), Choice.MINE));
            assertThat(mine.teamId()).isNull();
            assertThat(mine.customerId()).isEqualTo("cust-9");
        }

        @Test
        void calendarAlignmentAndExpiry() {
            Instant exp = Instant.parse("2026-06-01T00:00:00Z");
            MergeResult r = merge(base().withCalendarAligned(true).withExpiresAt(exp),
                    server().withExpiresAt(Instant.parse("2026-07-01T00:00:00Z")));
            Conflict c = only(r);
            assertThat(c.field()).isEqualTo("expires_at");
            assertThat(c.base()).isEqualTo("never");
            assertThat(r.merged().calendarAligned()).isTrue();
        }

        @Test
        void serverOwnedDataComesFromTheirs() {
            VirtualKey mine = base().withName("mine");
            VirtualKey r = merge(mine, server()).merged();
            assertThat(r.updatedAt()).isEqualTo(T1);
            assertThat(r.budgets().get(0).currentUsage()).isEqualTo(77);
            assertThat(r.rateLimit().tokenCurrentUsage()).isEqualTo(900);
            assertThat(r.providerConfigs().get(0).budgets().get(0).currentUsage()).isEqualTo(33);
        }
    }

    @Nested
    class RateLimits {
        @Test
        void tokenAndRequestLimitsMergeSeparately() {
            MergeResult r = merge(base().withRateLimit(base().rateLimit().withTokens(2000L, "1h")),
                    server().withRateLimit(server().rateLimit().withRequests(120L, "1m")));
            assertThat(r.clean()).isTrue();
            RateLimit rl = r.merged().rateLimit();
            assertThat(rl.tokenMaxLimit()).isEqualTo(2000L);
            assertThat(rl.requestMaxLimit()).isEqualTo(120L);
            assertThat(rl.id()).isEqualTo("rl");
            assertThat(rl.tokenCurrentUsage()).isEqualTo(900);
        }

        @Test
        void bothChangingTokensConflicts() {
            MergeResult r = merge(base().withRateLimit(base().rateLimit().withTokens(2000L, "1h")),
                    server().withRateLimit(server().rateLimit().withTokens(5000L, "1d")));
            assertThat(only(r)).isEqualTo(new Conflict("rate_limit/token", "rate_limit", "token_limit",
                    "Rate limit of the key: tokens", "1,000 tokens / 1h", "2,000 tokens / 1h", "5,000 tokens / 1d"));
        }

        @Test
        void removedHereAndUnchangedThereIsRemoved() {
            assertThat(merge(base().withRateLimit(null), server()).merged().rateLimit()).isNull();
        }
    }

    @Nested
    class Budgets {
        @Test
        void limitChangedHereKeepsServerUsage() {
            VirtualKey mine = base().withBudgets(List.of(budget("b1", 200, "1d", 42.5)));
            Budget b = merge(mine, server()).merged().budgets().get(0);
            assertThat(b).isEqualTo(budget("b1", 200, "1d", 77));
        }

        @Test
        void bothChangingTheLimitConflicts() {
            VirtualKey mine = base().withBudgets(List.of(budget("b1", 200, "1d", 42.5)));
            VirtualKey theirs = server().withBudgets(List.of(budget("b1", 150, "1d", 77)));
            assertThat(only(merge(mine, theirs))).isEqualTo(new Conflict("budget#b1/max_limit", "budgets/0", "max_limit",
                    "Budget 1d of the key: limit", "$100.00", "$200.00", "$150.00"));
        }

        @Test
        void newBudgetIsAddedWhenTheServerHasNoneOfThatDuration() {
            VirtualKey mine = base().withBudgets(List.of(budget("b1", 100, "1d", 42.5), Budget.newBudget(500.0, "1M")));
            MergeResult r = merge(mine, server());
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().budgets()).extracting(Budget::id, Budget::resetDuration)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("b1", "1d"), org.assertj.core.groups.Tuple.tuple(null, "1M"));
        }

        @Test
        void newBudgetOfADurationTheServerAddedConflicts() {
            VirtualKey mine = base().withBudgets(List.of(budget("b1", 100, "1d", 42.5), Budget.newBudget(500.0, "1M")));
            VirtualKey theirs = server().withBudgets(List.of(budget("b1", 100, "1d", 77), budget("b9", 300, "1M", 3)));
            MergeResult r = merge(mine, theirs);
            Conflict c = only(r);
            assertThat(c).isEqualTo(new Conflict("budget+1M", "budgets/1", "added",
                    "Budget 1M of the key (added here; the server has one)", "(none)", "$500.00 / 1M", "$300.00 / 1M"));
            assertThat(r.merged().budgets()).hasSize(2);
            assertThat(r.resolve(Map.of(c.id(), Choice.MINE)).budgets().get(1)).isEqualTo(budget("b9", 500, "1M", 3));
            assertThat(r.resolve(Map.of(c.id(), Choice.BASE)).budgets()).extracting(Budget::id).containsExactly("b1");
        }

        @Test
        void sameNewBudgetOnBothSidesIsNotDuplicated() {
            VirtualKey mine = base().withBudgets(List.of(budget("b1", 100, "1d", 42.5), Budget.newBudget(300.0, "1M")));
            VirtualKey theirs = server().withBudgets(List.of(budget("b1", 100, "1d", 77), budget("b9", 300, "1M", 3)));
            MergeResult r = merge(mine, theirs);
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().budgets()).extracting(Budget::id).containsExactly("b1", "b9");
        }

        @Test
        void deletedHereAndOnlyUsedThereIsDeleted() {
            MergeResult r = merge(base().withBudgets(List.of()), server());
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().budgets()).isEmpty();
        }

        @Test
        void deletedHereAndChangedThereConflicts() {
            VirtualKey theirs = server().withBudgets(List.of(budget("b1", 150, "1d", 77)));
            MergeResult r = merge(base().withBudgets(List.of()), theirs);
            Conflict c = only(r);
            assertThat(c).extracting(Conflict::id, Conflict::path, Conflict::field, Conflict::mine, Conflict::theirs)
                    .containsExactly("budget#b1", "budgets/0", "deleted", "(deleted)", "$150.00 / 1d");
            assertThat(r.merged().budgets()).hasSize(1);
            assertThat(r.resolve(Map.of(c.id(), Choice.MINE)).budgets()).isEmpty();
        }

        @Test
        void deletedOnTheServerAndChangedHereConflicts() {
            VirtualKey mine = base().withBudgets(List.of(budget("b1", 200, "1d", 42.5)));
            MergeResult r = merge(mine, server().withBudgets(List.of()));
            Conflict c = only(r);
            assertThat(c).extracting(Conflict::path, Conflict::field, Conflict::mine, Conflict::theirs)
                    .containsExactly("budgets", "deleted", "$200.00 / 1d", "(deleted)");
            assertThat(r.merged().budgets()).isEmpty();
            // re-created as a new budget: no id, no usage carried over
            assertThat(r.resolve(Map.of(c.id(), Choice.MINE)).budgets()).containsExactly(Budget.newBudget(200.0, "1d"));
        }
    }

    @Nested
    class ProviderConfigs {
        @Test
        void newConfigHereIsAdded() {
            VirtualKey mine = base().withProviderConfigs(append(base().providerConfigs(), ProviderConfig.newConfig("azure")));
            MergeResult r = merge(mine, server());
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().providerConfigs()).extracting(ProviderConfig::id).containsExactly(12L, 13L, null);
        }

        @Test
        void deletedOnTheServerButChangedHereConflicts() {
            VirtualKey mine = pc(base(), 12, p -> p.withWeight(2.0));
            MergeResult r = merge(mine, withoutPc(server(), 12));
            Conflict c = only(r);
            assertThat(c.id()).isEqualTo("pc#12/deleted");
            assertThat(c.path()).isEqualTo("provider_configs");
            assertThat(c.label()).isEqualTo("Provider config openai (id 12) (deleted on the server, changed here)");
            assertThat(c.theirs()).isEqualTo("(deleted)");
            assertThat(c.mine()).startsWith("openai, weight 2");
            assertThat(r.merged().providerConfigs()).extracting(ProviderConfig::id).containsExactly(13L);
            ProviderConfig again = r.resolve(Map.of(c.id(), Choice.MINE)).providerConfigs().get(1);
            assertThat(again.id()).isNull();
            assertThat(again.weight()).isEqualTo(2.0);
            assertThat(again.budgets()).allMatch(b -> b.id() == null && b.currentUsage() == 0);
            assertThat(again.rateLimit().id()).isNull();
        }

        @Test
        void deletedHereAndOnlyUsedThereIsDeleted() {
            MergeResult r = merge(withoutPc(base(), 12), server());
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().providerConfigs()).extracting(ProviderConfig::id).containsExactly(13L);
        }

        @Test
        void deletedHereButChangedThereConflicts() {
            MergeResult r = merge(withoutPc(base(), 12), pc(server(), 12, p -> p.withWeight(3.0)));
            Conflict c = only(r);
            assertThat(c).extracting(Conflict::path, Conflict::field, Conflict::mine)
                    .containsExactly("provider_configs/0", "deleted", "(deleted)");
            assertThat(r.resolve(Map.of(c.id(), Choice.MINE)).providerConfigs()).extracting(ProviderConfig::id)
                    .containsExactly(13L);
            ProviderConfig base = r.resolve(Map.of(c.id(), Choice.BASE)).providerConfigs().get(0);
            assertThat(base.weight()).isEqualTo(1.0);
            assertThat(base.budgets().get(0).currentUsage()).isEqualTo(33);
        }

        @Test
        void providerAndWeightConflict() {
            MergeResult r = merge(pc(base(), 12, p -> p.withWeight(2.0)), pc(server(), 12, p -> p.withWeight(0.5)));
            assertThat(only(r)).isEqualTo(new Conflict("pc#12/weight", "provider_configs/0", "weight",
                    "Provider config openai (id 12): weight", "1", "2", "0.5"));
        }

        @Test
        void pathsPointIntoTheMergedKey() {
            // the server added a config in front: conflicts in config 12 are now at index 1
            VirtualKey theirs = server().withProviderConfigs(List.of(
                    new ProviderConfig(99L, "groq", null, List.of("*"), true, List.of(), List.of(), null),
                    openai().withWeight(0.5).withBudgets(List.of(budget("pb1", 80, "1d", 33))), anthropic()));
            VirtualKey mine = pc(base(), 12, p -> p.withWeight(2.0).withBudgets(List.of(budget("pb1", 70, "1d", 10))));
            MergeResult r = merge(mine, theirs);
            assertThat(r.conflicts()).extracting(Conflict::path, Conflict::field, Conflict::label).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("provider_configs/1", "weight", "Provider config openai (id 12): weight"),
                    org.assertj.core.groups.Tuple.tuple("provider_configs/1/budgets/0", "max_limit",
                            "Budget 1d of provider config openai (id 12): limit"));
        }

        @Test
        void modelsMergeAsSets() {
            MergeResult r = merge(pc(base(), 12, p -> p.withAllowedModels(List.of("gpt-4o", "gpt-4o-mini", "o1"))),
                    pc(server(), 12, p -> p.withAllowedModels(List.of("gpt-4o"))));
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().providerConfigs().get(0).allowedModels()).containsExactly("gpt-4o", "o1");
        }

        @Test
        void modelsRemovedOnBothSidesDownToNothingConflict() {
            MergeResult r = merge(pc(base(), 12, p -> p.withAllowedModels(List.of("gpt-4o-mini"))),
                    pc(server(), 12, p -> p.withAllowedModels(List.of("gpt-4o"))));
            Conflict c = only(r);
            assertThat(c).extracting(Conflict::path, Conflict::field, Conflict::base, Conflict::mine, Conflict::theirs)
                    .containsExactly("provider_configs/0/models", "allowed_models", "gpt-4o, gpt-4o-mini", "gpt-4o-mini", "gpt-4o");
        }

        @Test
        void allModelsAgainstAnAddConflicts() {
            MergeResult r = merge(pc(base(), 12, p -> p.withAllowedModels(List.of("*"))),
                    pc(server(), 12, p -> p.withAllowedModels(List.of("gpt-4o", "gpt-4o-mini", "o3"))));
            Conflict c = only(r);
            assertThat(c.mine()).isEqualTo("all models");
            assertThat(r.resolve(Map.of(c.id(), Choice.MINE)).providerConfigs().get(0).allowedModels()).containsExactly("*");
        }

        @Test
        void blockedModelsMergeAsSetsAndMayEndEmpty() {
            VirtualKey b = pc(base(), 12, p -> p.withBlacklistedModels(List.of("o1", "o3")));
            VirtualKey mine = pc(b, 12, p -> p.withBlacklistedModels(List.of("o3")));
            VirtualKey theirs = pc(server(), 12, p -> p.withBlacklistedModels(List.of("o1")));
            MergeResult r = ThreeWayMerge.merge(b, mine, theirs);
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().providerConfigs().get(0).blacklistedModels()).isEmpty();
        }

        @Test
        void keysMergeAsSetsAndKeepNames() {
            MergeResult r = merge(pc(base(), 12, p -> p.withKeys(false, append(p.keys(), new KeyRef("k3", "Spare")))),
                    pc(server(), 12, p -> p.withKeys(false, List.of(new KeyRef("k1", "Main")))));
            assertThat(r.clean()).isTrue();
            ProviderConfig pc = r.merged().providerConfigs().get(0);
            assertThat(pc.allowAllKeys()).isFalse();
            assertThat(pc.keys()).containsExactly(new KeyRef("k1", "Main"), new KeyRef("k3", "Spare"));
        }

        @Test
        void allKeysAgainstAKeyChangeConflicts() {
            MergeResult r = merge(pc(base(), 12, p -> p.withKeys(true, List.of())),
                    pc(server(), 12, p -> p.withKeys(false, List.of(new KeyRef("k1", "Main")))));
            Conflict c = only(r);
            assertThat(c).extracting(Conflict::path, Conflict::base, Conflict::mine, Conflict::theirs)
                    .containsExactly("provider_configs/0/keys", "Main, Backup", "all keys", "Main");
            assertThat(r.resolve(Map.of(c.id(), Choice.MINE)).providerConfigs().get(0).allowAllKeys()).isTrue();
        }

        @Test
        void configRateLimitConflictHasItsNode() {
            MergeResult r = merge(pc(base(), 12, p -> p.withRateLimit(p.rateLimit().withTokens(5L, "1h"))),
                    pc(server(), 12, p -> p.withRateLimit(p.rateLimit().withTokens(7L, "1h"))));
            assertThat(only(r)).extracting(Conflict::id, Conflict::path, Conflict::label).containsExactly(
                    "pc#12/rate_limit/token", "provider_configs/0/rate_limit",
                    "Rate limit of provider config openai (id 12): tokens");
        }

        @Test
        void budgetChangeInAConfigKeepsServerUsage() {
            VirtualKey mine = pc(base(), 12, p -> p.withBudgets(List.of(budget("pb1", 90, "1d", 10))));
            assertThat(merge(mine, server()).merged().providerConfigs().get(0).budgets())
                    .containsExactly(budget("pb1", 90, "1d", 33));
        }
    }

    @Nested
    class McpConfigs {
        @Test
        void toolsMergeAsSets() {
            VirtualKey mine = base().withMcpConfigs(List.of(new McpConfig(3L, "github", List.of("search", "create_issue", "list_prs"))));
            VirtualKey theirs = server().withMcpConfigs(List.of(new McpConfig(3L, "github", List.of("search"))));
            MergeResult r = merge(mine, theirs);
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().mcpConfigs().get(0).toolsToExecute()).containsExactly("search", "list_prs");
        }

        @Test
        void newAttachmentMatchesTheServersByClientName() {
            McpConfig jira = new McpConfig(null, "jira", List.of("create"));
            VirtualKey mine = base().withMcpConfigs(append(base().mcpConfigs(), jira));
            VirtualKey theirs = server().withMcpConfigs(append(server().mcpConfigs(), new McpConfig(8L, "jira", List.of("*"))));
            MergeResult r = merge(mine, theirs);
            Conflict c = only(r);
            assertThat(c).isEqualTo(new Conflict("mcp@jira/tools", "mcp_configs/1/tools", "tools",
                    "MCP client jira (attached here; the server has it): tools", "(not attached)", "create", "all tools"));
            assertThat(r.resolve(Map.of(c.id(), Choice.MINE)).mcpConfigs().get(1)).isEqualTo(new McpConfig(8L, "jira", List.of("create")));
            assertThat(merge(base().withMcpConfigs(append(base().mcpConfigs(), jira)), server()).merged().mcpConfigs())
                    .extracting(McpConfig::mcpClientName).containsExactly("github", "jira");
        }

        @Test
        void removedOnTheServerChangedHereConflicts() {
            VirtualKey mine = base().withMcpConfigs(List.of(new McpConfig(3L, "github", List.of("*"))));
            Conflict c = only(merge(mine, server().withMcpConfigs(List.of())));
            assertThat(c).extracting(Conflict::id, Conflict::path, Conflict::mine, Conflict::theirs)
                    .containsExactly("mcp#3/deleted", "mcp_configs", "github: all tools", "(deleted)");
        }
    }

    @Nested
    class ResultContract {
        @Test
        void conflictsAreOrderedByPathNumericallyThenField() {
            List<ProviderConfig> many = new ArrayList<>();
            for (long i = 0; i < 12; i++) {
                many.add(new ProviderConfig(100 + i, "p" + i, 1.0, List.of("*"), true, List.of(), List.of(), null));
            }
            VirtualKey b = base().withProviderConfigs(many);
            VirtualKey mine = b.withName("mine");
            VirtualKey theirs = b.withName("theirs");
            for (long id : new long[] {111, 102}) {
                mine = pc(mine, id, p -> p.withWeight(2.0).withProvider("x"));
                theirs = pc(theirs, id, p -> p.withWeight(3.0).withProvider("y"));
            }
            assertThat(ThreeWayMerge.merge(b, mine, theirs).conflicts()).extracting(Conflict::path, Conflict::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("", "name"),
                            org.assertj.core.groups.Tuple.tuple("provider_configs/2", "provider"),
                            org.assertj.core.groups.Tuple.tuple("provider_configs/2", "weight"),
                            org.assertj.core.groups.Tuple.tuple("provider_configs/11", "provider"),
                            org.assertj.core.groups.Tuple.tuple("provider_configs/11", "weight"));
        }

        @Test
        void resolveRejectsUnknownConflictIds() {
            MergeResult r = merge(base().withName("mine"), server().withName("theirs"));
            assertThatThrownBy(() -> r.resolve(Map.of("nope", Choice.MINE))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aThousandConfigsWithEditsOnBothSides() {
            List<ProviderConfig> many = new ArrayList<>();
            for (long i = 1; i <= 1000; i++) {
                many.add(new ProviderConfig(i, "p" + i, 1.0, List.of("m1", "m2"), false, List.of(new KeyRef("k", null)),
                        List.of(budget("b" + i, 10, "1d", 1)), null));
            }
            VirtualKey b = base().withProviderConfigs(many);
            List<ProviderConfig> mine = new ArrayList<>();
            List<ProviderConfig> theirs = new ArrayList<>();
            for (ProviderConfig p : many) {
                mine.add(p.id() % 2 == 0 ? p.withAllowedModels(List.of("m1", "m2", "m3")) : p);
                theirs.add(p.id() % 2 == 1 ? p.withWeight(2.0) : p);
            }
            MergeResult r = ThreeWayMerge.merge(b, b.withProviderConfigs(mine), b.withProviderConfigs(theirs));
            assertThat(r.clean()).isTrue();
            assertThat(r.merged().providerConfigs()).hasSize(1000);
            assertThat(r.merged().providerConfigs().get(1).allowedModels()).contains("m3");
            assertThat(r.merged().providerConfigs().get(0).weight()).isEqualTo(2.0);
        }
    }

    @SafeVarargs
    static <T> List<T> append(List<T> list, T... more) {
        List<T> out = new ArrayList<>(list);
        out.addAll(List.of(more));
        return out;
    }
}
