package bifrostdesk.virtualkey.model;

import static bifrostdesk.virtualkey.model.VirtualKeyRulesTest.has;
import static bifrostdesk.virtualkey.model.VirtualKeyRulesTest.valid;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.edit.KeyEditsV2;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules for what v2 added and for access as a whole (VirtualKeyRulesV2), in the editor's rules and the plan. */
class VirtualKeyRulesV2Test {
    private static final RuleContext V2 = RuleContext.basic(Dialect.V2);
    private static final RuleContext LATER = RuleContext.basic(Dialect.LATER);

    private static VirtualKey twoOpenai() {
        List<ProviderConfig> pcs = new ArrayList<>(valid().providerConfigs());
        pcs.add(ProviderConfig.newConfig("openai"));
        return valid().withProviderConfigs(pcs);
    }

    @Test
    void aSecondConfigForTheSameProviderIsRefusedOnV2AndWarnedBefore() {
        VirtualKey vk = twoOpenai();
        assertThat(has(VirtualKeyRules.validate(vk, V2), "provider_configs/1", "provider", Severity.ERROR,
                "share them and the later one would win")).isTrue();
        assertThat(has(VirtualKeyRules.validate(vk, LATER), "provider_configs/1", "provider", Severity.WARNING,
                "Provider config 1 is also for openai")).isTrue();
        assertThat(VirtualKeyRules.validate(valid(), V2)).noneMatch(v -> v.message().contains("also for"));

        VirtualKey server = valid().withName("k");
        server = new VirtualKey("vk-1", "k", "", null, true, null, null, List.of(), null, server.providerConfigs(),
                List.of(), false, null, null, null, null);
        VirtualKey edited = server.withProviderConfigs(twoOpenai().providerConfigs());
        SavePlan v2 = UpdateBuilder.planUpdate(edited, server, Dialect.V2);
        assertThat(v2.requests()).isEmpty();
        assertThat(v2.refusals()).anyMatch(r -> r.contains("Two provider configs are for openai"));
        assertThat(UpdateBuilder.planUpdate(edited, server, Dialect.LATER).refusals()).isEmpty();
    }

    @Test
    void aKeyWhoseConfigsLetNothingThroughIsWarnedUnlessItAllowsAllProviders() {
        VirtualKey none = valid().withProviderConfigs(List.of(ProviderConfig.newConfig("openai")
                .withAllowedModels(List.of())));
        assertThat(has(VirtualKeyRules.validate(none, V2), "", "provider_configs", Severity.WARNING,
                "it can call no provider at all")).isTrue();
        assertThat(VirtualKeyRules.validate(KeyEditsV2.setAllProviders(none, true), V2))
                .noneMatch(v -> v.message().contains("no provider at all"));
        VirtualKey blocked = valid().withProviderConfigs(List.of(ProviderConfig.newConfig("openai")
                .withBlacklistedModels(List.of("*"))));
        assertThat(has(VirtualKeyRules.validate(blocked, V2), "", "provider_configs", Severity.WARNING,
                "no provider at all")).isTrue();
    }

    @Test
    void deleteAfterExpiryNeedsAnExpiryExceptWhenTheExpiryIsBeingCleared() {
        VirtualKey vk = KeyEditsV2.setDeleteAfterExpire(valid(), true);
        assertThat(has(VirtualKeyRules.validate(vk, V2), "", "delete_after_expire", Severity.ERROR,
                "needs an expiry date")).isTrue();
        assertThat(VirtualKeyRules.validate(vk.withExpiresAt(Instant.parse("2099-01-01T00:00:00Z")), V2))
                .noneMatch(v -> v.field().equals("delete_after_expire"));
        VirtualKey base = vk.withExpiresAt(Instant.parse("2099-01-01T00:00:00Z"));
        RuleContext withBase = new RuleContext(null, null, null, base, Dialect.V2);
        assertThat(VirtualKeyRules.validate(base.withExpiresAt(null), withBase))
                .as("clearing the expiry sends the option back to the gateway's default on the server")
                .noneMatch(v -> v.field().equals("delete_after_expire"));
    }

    @Test
    void metadataKeysAreCheckedAsTheGatewayChecksThem() {
        VirtualKey vk = valid().withV2(V2Fields.NONE.withMetadata(Map.of("bad key", "x", "bifrost_x", "y", "ok", "z")));
        List<Violation> vs = VirtualKeyRules.validate(vk, V2);
        assertThat(vs).filteredOn(v -> v.field().equals("metadata")).hasSize(2)
                .allMatch(v -> v.severity() == Severity.ERROR && v.path().equals("metadata"));
    }

    @Test
    void aPatternOnAnOlderServerIsWarnedAndABadPatternIsAnError() {
        VirtualKey vk = valid().withProviderConfigs(List.of(ProviderConfig.newConfig("openai")
                .withAllowedModels(List.of("regex:^gpt-4o.*$"))));
        assertThat(has(VirtualKeyRules.validate(vk, LATER), "provider_configs/0/models", "allowed_models",
                Severity.WARNING, "reads it as a model name")).isTrue();
        assertThat(VirtualKeyRules.validate(vk, V2)).isEmpty();
        VirtualKey bad = valid().withProviderConfigs(List.of(ProviderConfig.newConfig("openai")
                .withBlacklistedModels(List.of("regex:(?=x)"))));
        assertThat(has(VirtualKeyRules.validate(bad, V2), "provider_configs/0/models", "blacklisted_models",
                Severity.ERROR, "RE2")).isTrue();
    }

    @Test
    void perModelEntriesAreValidatedLikeBudgetsWithTheirModelNames() {
        VirtualKey vk = KeyEditsV2.addModelBudget(valid(), 0, "gpt-4o", Budget.newBudget(0.0, "1M"));
        vk = KeyEditsV2.addModelBudget(vk, 0, "gpt-4o", Budget.newBudget(5.0, "1d"));
        List<Violation> vs = VirtualKeyRules.validate(vk, V2);
        assertThat(has(vs, "provider_configs/0/model_budgets/0/budgets/0", "max_limit", Severity.ERROR,
                "greater than zero")).isTrue();
        assertThat(has(vs, "provider_configs/0/model_budgets/1", "model_name", Severity.ERROR,
                "already has per-model limits")).isTrue();
    }
}
