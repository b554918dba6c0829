package bifrostdesk.virtualkey.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VirtualKeyRulesTest {

    static final RuleContext LATER = RuleContext.basic(Dialect.LATER);

    static VirtualKey valid() {
        return VirtualKey.newKey("alpha").withProviderConfigs(List.of(ProviderConfig.newConfig("openai")));
    }

    static List<Violation> check(VirtualKey vk) {
        return VirtualKeyRules.validate(vk, LATER);
    }

    static boolean has(List<Violation> vs, String path, String field, Severity sev, String fragment) {
        return vs.stream().anyMatch(v -> v.path().equals(path) && v.field().equals(field) && v.severity() == sev
                && v.message().contains(fragment));
    }

    @Test
    void aValidKeyHasNoViolations() {
        assertThat(check(valid())).isEmpty();
    }

    @Test
    void nameRequired() {
        assertThat(has(check(valid().withName(" ")), "", "name", Severity.ERROR, "required")).isTrue();
    }

    @Test
    void nameUniqueCaseSensitive() {
        RuleContext ctx = new RuleContext(Set.of("alpha", "Beta"), Set.of(), Set.of(), null, Dialect.LATER);
        List<Violation> dup = VirtualKeyRules.validate(valid(), ctx);
        assertThat(has(dup, "", "name", Severity.ERROR, "case-sensitive")).isTrue();
        List<Violation> caseOnly = VirtualKeyRules.validate(valid().withName("beta"), ctx);
        assertThat(caseOnly).extracting(Violation::severity).containsExactly(Severity.WARNING);
        assertThat(caseOnly.get(0).message()).contains("differing only in case");
    }

    @Test
    void teamAndCustomerNotBoth() {
        assertThat(has(check(valid().withOwner("t", "c")), "", "team", Severity.ERROR, "not both")).isTrue();
    }

    @Test
    void budgetLimitRules() {
        VirtualKey vk = valid().withBudgets(List.of(Budget.newBudget(null, "1d"), Budget.newBudget(0.0, "1w"),
                Budget.newBudget(-1.0, "1M")));
        List<Violation> vs = check(vk);
        assertThat(has(vs, "budgets/0", "max_limit", Severity.ERROR, "Enter a number")).isTrue();
        assertThat(has(vs, "budgets/1", "max_limit", Severity.ERROR, "greater than zero")).isTrue();
        assertThat(has(vs, "budgets/2", "max_limit", Severity.ERROR, "greater than zero")).isTrue();
    }

    @Test
    void budgetDurationRules() {
        VirtualKey vk = valid().withBudgets(List.of(Budget.newBudget(1.0, "1D"), Budget.newBudget(1.0, "1d"),
                Budget.newBudget(2.0, "1d"), Budget.newBudget(2.0, "")));
        List<Violation> vs = check(vk);
        assertThat(has(vs, "budgets/0", "reset_duration", Severity.ERROR, "case-sensitive")).isTrue();
        assertThat(has(vs, "budgets/1", "reset_duration", Severity.ERROR, "")).isFalse();
        assertThat(has(vs, "budgets/2", "reset_duration", Severity.ERROR, "already a budget with reset duration 1d")).isTrue();
        assertThat(has(vs, "budgets/3", "reset_duration", Severity.ERROR, "required")).isTrue();
    }

    @Test
    void providerConfigBudgetPaths() {
        ProviderConfig pc = ProviderConfig.newConfig("openai").withBudgets(List.of(Budget.newBudget(1.0, "1d"),
                Budget.newBudget(0.0, "1d")));
        List<Violation> vs = check(valid().withProviderConfigs(List.of(ProviderConfig.newConfig("x"), pc)));
        assertThat(has(vs, "provider_configs/1/budgets/1", "max_limit", Severity.ERROR, "")).isTrue();
        assertThat(has(vs, "provider_configs/1/budgets/1", "reset_duration", Severity.ERROR, "on openai")).isTrue();
    }

    @Test
    void legacyAllowsOneBudgetPerOwner() {
        VirtualKey vk = valid().withProviderConfigs(List.of(ProviderConfig.newConfig("openai").withWeight(1.0)))
                .withBudgets(List.of(Budget.newBudget(1.0, "1d"), Budget.newBudget(2.0, "1w")));
        List<Violation> vs = VirtualKeyRules.validate(vk, RuleContext.basic(Dialect.LEGACY));
        assertThat(has(vs, "budgets/1", "", Severity.ERROR, "one budget per key/provider config")).isTrue();
        assertThat(check(vk)).isEmpty();
    }

    @Test
    void rateLimitRules() {
        VirtualKey vk = valid().withRateLimit(RateLimit.of(100L, null, null, "1h"));
        List<Violation> vs = check(vk);
        assertThat(has(vs, "rate_limit", "token_reset_duration", Severity.ERROR, "needs a reset duration")).isTrue();
        assertThat(has(vs, "rate_limit", "request_max_limit", Severity.ERROR, "Enter a request maximum")).isTrue();
        List<Violation> zero = check(valid().withRateLimit(RateLimit.of(0L, "1h", 5L, "1x")));
        assertThat(has(zero, "rate_limit", "token_max_limit", Severity.ERROR, "greater than zero")).isTrue();
        assertThat(has(zero, "rate_limit", "request_reset_duration", Severity.ERROR, "not a Bifrost duration")).isTrue();
        assertThat(check(valid().withRateLimit(RateLimit.of(null, null, null, null)))).isEmpty();
    }

    @Test
    void providerConfigRateLimitPath() {
        ProviderConfig pc = ProviderConfig.newConfig("openai").withRateLimit(RateLimit.of(5L, null, null, null));
        assertThat(has(check(valid().withProviderConfigs(List.of(pc))), "provider_configs/0/rate_limit",
                "token_reset_duration", Severity.ERROR, "")).isTrue();
    }

    @Test
    void accessListRules() {
        ProviderConfig pc = ProviderConfig.newConfig("openai").withAllowedModels(List.of("*", "gpt-4"))
                .withKeys(false, List.of(new KeyRef("k1", "a"), new KeyRef("K1", "b")));
        VirtualKey vk = valid().withProviderConfigs(List.of(pc))
                .withMcpConfigs(List.of(new McpConfig(null, "gh", List.of("t", "t"))));
        List<Violation> vs = check(vk);
        assertThat(has(vs, "provider_configs/0/models", "allowed_models", Severity.ERROR, "'*'")).isTrue();
        assertThat(has(vs, "provider_configs/0/keys", "keys", Severity.ERROR, "duplicate")).isTrue();
        assertThat(has(vs, "mcp_configs/0/tools", "tools", Severity.ERROR, "duplicate")).isTrue();
    }

    @Test
    void blockedModelRules() {
        ProviderConfig pc = ProviderConfig.newConfig("openai").withBlacklistedModels(List.of("a", "A"));
        List<Violation> later = check(valid().withProviderConfigs(List.of(pc)));
        assertThat(has(later, "provider_configs/0/models", "blacklisted_models", Severity.ERROR, "duplicate")).isTrue();
        List<Violation> v15 = VirtualKeyRules.validate(valid().withProviderConfigs(List.of(pc.withBlacklistedModels(List.of("a")))),
                RuleContext.basic(Dialect.V1_5));
        assertThat(has(v15, "provider_configs/0/models", "blacklisted_models", Severity.ERROR, "v1.5.2")).isTrue();
    }

    @Test
    void emptyAccessListsWarnOnCurrentAndFailOnLegacy() {
        ProviderConfig pc = ProviderConfig.newConfig("openai").withWeight(1.0).withAllowedModels(List.of())
                .withKeys(false, List.of());
        VirtualKey vk = valid().withProviderConfigs(List.of(pc)).withMcpConfigs(List.of(new McpConfig(null, "gh", List.of())));
        List<Violation> current = check(vk);
        assertThat(has(current, "provider_configs/0/models", "allowed_models", Severity.WARNING, "denies every request")).isTrue();
        assertThat(has(current, "provider_configs/0/keys", "keys", Severity.WARNING, "denies every request")).isTrue();
        assertThat(has(current, "mcp_configs/0/tools", "tools", Severity.WARNING, "No tools")).isTrue();
        assertThat(current).allMatch(v -> v.severity() == Severity.WARNING);
        List<Violation> legacy = VirtualKeyRules.validate(vk, RuleContext.basic(Dialect.LEGACY));
        assertThat(has(legacy, "provider_configs/0/models", "allowed_models", Severity.ERROR, "v1.4")).isTrue();
        assertThat(has(legacy, "provider_configs/0/keys", "keys", Severity.ERROR, "v1.4")).isTrue();
        assertThat(has(legacy, "mcp_configs/0/tools", "tools", Severity.ERROR, "v1.4")).isTrue();
    }

    @Test
    void weightRules() {
        List<Violation> neg = check(valid().withProviderConfigs(List.of(ProviderConfig.newConfig("o").withWeight(-0.1))));
        assertThat(has(neg, "provider_configs/0", "weight", Severity.ERROR, "negative")).isTrue();
        assertThat(check(valid().withProviderConfigs(List.of(ProviderConfig.newConfig("o").withWeight(5.0))))).isEmpty();
        assertThat(check(valid().withProviderConfigs(List.of(ProviderConfig.newConfig("o"), ProviderConfig.newConfig("p")))))
                .isEmpty();
        List<Violation> legacy = VirtualKeyRules.validate(valid(), RuleContext.basic(Dialect.LEGACY));
        assertThat(has(legacy, "provider_configs/0", "weight", Severity.ERROR, "needs a weight")).isTrue();
    }

    @Test
    void providerAndMcpClientChecks() {
        RuleContext ctx = new RuleContext(Set.of(), Set.of("openai"), Set.of("github"), null, Dialect.LATER);
        VirtualKey vk = valid().withProviderConfigs(List.of(ProviderConfig.newConfig("openai"), ProviderConfig.newConfig("opnai"),
                        ProviderConfig.newConfig("")))
                .withMcpConfigs(List.of(new McpConfig(null, "github", List.of("*")), new McpConfig(null, "github", List.of("*")),
                        new McpConfig(null, "jira", List.of("*"))));
        List<Violation> vs = VirtualKeyRules.validate(vk, ctx);
        assertThat(has(vs, "provider_configs/0", "provider", Severity.WARNING, "")).isFalse();
        assertThat(has(vs, "provider_configs/1", "provider", Severity.WARNING, "not a configured provider")).isTrue();
        assertThat(has(vs, "provider_configs/2", "provider", Severity.ERROR, "Choose a provider")).isTrue();
        assertThat(has(vs, "mcp_configs/1", "mcp_client", Severity.ERROR, "already attached")).isTrue();
        assertThat(has(vs, "mcp_configs/2", "mcp_client", Severity.WARNING, "not an MCP client")).isTrue();
        // no lookups → no unknown-name warnings
        assertThat(has(check(vk), "provider_configs/1", "provider", Severity.WARNING, "")).isFalse();
    }

    @Test
    void limitBelowUsageWarns() {
        Budget serverBudget = new Budget("b1", 100.0, "1d", 61.20, null, false);
        VirtualKey base = valid().withBudgets(List.of(serverBudget));
        RuleContext ctx = new RuleContext(Set.of(), Set.of(), Set.of(), base, Dialect.LATER);
        List<Violation> vs = VirtualKeyRules.validate(base.withBudgets(List.of(serverBudget.withMaxLimit(50.0))), ctx);
        assertThat(vs).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("budgets/0");
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.message()).isEqualTo(
                    "The limit $50.00 is below current usage $61.20: the key is blocked until the next reset");
        });
        // unchanged limit: no warning; on v1.5 a duration change restarts usage at 0: no warning either
        assertThat(VirtualKeyRules.validate(base, ctx)).isEmpty();
        RuleContext v15 = new RuleContext(Set.of(), Set.of(), Set.of(), base, Dialect.V1_5);
        assertThat(VirtualKeyRules.validate(base.withBudgets(List.of(new Budget("b1", 50.0, "1w", 61.20, null, false))), v15))
                .isEmpty();
    }

    @Test
    void rateLimitBelowUsageWarns() {
        RateLimit server = new RateLimit("r", 1000L, "1h", 900, null, null, null, 0, null);
        VirtualKey base = valid().withRateLimit(server);
        RuleContext ctx = new RuleContext(Set.of(), Set.of(), Set.of(), base, Dialect.LATER);
        List<Violation> vs = VirtualKeyRules.validate(base.withRateLimit(server.withTokens(500L, "1h")), ctx);
        assertThat(has(vs, "rate_limit", "token_max_limit", Severity.WARNING, "below current usage 900")).isTrue();
    }

    @Test
    void configManagedKeyWarns() {
        VirtualKey vk = new VirtualKey("id", "n", "", null, true, null, null, List.of(), null,
                List.of(ProviderConfig.newConfig("openai")), List.of(), false, "hash", null, null, null);
        assertThat(has(check(vk), "", "", Severity.WARNING, "managed by config.json")).isTrue();
    }

    @Test
    void noProviderConfigs() {
        assertThat(has(check(VirtualKey.newKey("n")), "", "provider_configs", Severity.WARNING, "denies every provider"))
                .isTrue();
        assertThat(has(VirtualKeyRules.validate(VirtualKey.newKey("n"), RuleContext.basic(Dialect.LEGACY)), "",
                "provider_configs", Severity.ERROR, "every provider")).isTrue();
    }

    @Test
    void dialectOnlyFields() {
        VirtualKey base = valid();
        RuleContext v15 = new RuleContext(Set.of(), Set.of(), Set.of(), base, Dialect.V1_5);
        List<Violation> vs = VirtualKeyRules.validate(base.withCalendarAligned(true)
                .withExpiresAt(Instant.parse("2030-01-01T00:00:00Z")), v15);
        assertThat(has(vs, "", "calendar_aligned", Severity.ERROR, "v1.5")).isTrue();
        assertThat(has(vs, "", "expires_at", Severity.ERROR, "v1.5.2")).isTrue();
        RuleContext later = new RuleContext(Set.of(), Set.of(), Set.of(), base, Dialect.LATER);
        assertThat(VirtualKeyRules.validate(base.withCalendarAligned(true), later)).isEmpty();
    }

    @Test
    void thousandProviderConfigsGiveOneWarningPerUnknownProvider() {
        // speed is measured by the benchmark suite, not asserted here; this checks the result at scale
        List<ProviderConfig> pcs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            pcs.add(new ProviderConfig((long) i, "p" + (i % 7), 1.0, List.of("m1", "m2", "m3"), false,
                    List.of(new KeyRef("k" + i, "k"), new KeyRef("j" + i, "j")),
                    List.of(new Budget("b" + i, 10.0, "1d", 1, null, false), new Budget("c" + i, 20.0, "1w", 1, null, false)),
                    RateLimit.of(10L, "1h", 5L, "1m")));
        }
        VirtualKey vk = valid().withProviderConfigs(pcs);
        RuleContext ctx = new RuleContext(Set.of("x", "y"), Set.of("p0", "p1"), Set.of(), vk, Dialect.LATER);
        List<Violation> vs = VirtualKeyRules.validate(vk, ctx);
        assertThat(vs).allMatch(v -> v.field().equals("provider") && v.severity() == Severity.WARNING);
        // unknown providers p2..p6: 1000 - 143 (p0) - 143 (p1)
        assertThat(vs).filteredOn(v -> v.message().contains("not a configured provider")).hasSize(714);
        // every config after the first of its provider is a duplicate (a warning before v2)
        assertThat(vs).filteredOn(v -> v.message().contains("is also for")).hasSize(993);
    }
}
