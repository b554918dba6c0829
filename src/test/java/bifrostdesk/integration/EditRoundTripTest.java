package bifrostdesk.integration;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edits that combine several list reconciliations in one save (REFERENCE §2.6.2-§2.6.4), on every dialect: after
 * the plan is executed the client reads back exactly the edited key (server-assigned ids, counters and window
 * starts aside), and re-planning finds nothing left to send.
 */
class EditRoundTripTest {

    record Edit(String name, String vk, UnaryOperator<VirtualKey> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<ProviderConfig> mapPcs(VirtualKey vk, UnaryOperator<ProviderConfig> f) {
        return vk.providerConfigs().stream().map(f).toList();
    }

    static Stream<Arguments> edits() {
        List<Edit> edits = List.of(
                new Edit("remove every budget and rate limit", "checkout-service", vk -> vk.withBudgets(List.of())
                        .withRateLimit(null)
                        .withProviderConfigs(mapPcs(vk, p -> p.withBudgets(List.of()).withRateLimit(null)))),
                new Edit("add a provider config with keys, budget and rate limit, drop another", "mobile-app",
                        vk -> vk.withProviderConfigs(List.of(vk.providerConfigs().get(1),
                                new ProviderConfig(null, "anthropic", 0.5, List.of("claude-sonnet-4"), false,
                                        List.of(new KeyRef(SeedData.keyId("anthropic-prod"), "anthropic-prod")),
                                        List.of(Budget.newBudget(25.0, "1d")), RateLimit.of(null, null, 30L, "1m"))))),
                new Edit("add token limit to a request-only limit and raise the budget", "research-sandbox",
                        vk -> vk.withRateLimit(vk.rateLimit().withTokens(90_000L, "1h"))
                                .withBudgets(List.of(vk.budgets().get(0).withMaxLimit(400.0)))),
                new Edit("give a key without anything a full setup", "marketing-assistant",
                        vk -> vk.withTeam(SeedData.TEAM_DATA)
                                .withBudgets(List.of(Budget.newBudget(15.0, "1w")))
                                .withRateLimit(RateLimit.of(5_000L, "1d", 10L, "1m"))
                                .withProviderConfigs(List.of(ProviderConfig.newConfig("openai").withWeight(1.0)))
                                .withMcpConfigs(List.of(new McpConfig(null, "filesystem", List.of("read_file"))))),
                new Edit("swap MCP attachments and narrow tools", "mobile-app",
                        vk -> vk.withMcpConfigs(List.of(vk.mcpConfigs().get(1).withTools(List.of("read_file")),
                                vk.mcpConfigs().get(0).withTools(List.of("search_code"))))),
                new Edit("replace the keys of a config and clear a pc sub-limit", "mobile-app",
                        vk -> vk.withProviderConfigs(mapPcs(vk, p -> p.provider().equals("azure")
                                ? p.withKeys(false, List.of(new KeyRef(SeedData.keyId("azure-westeurope"), "azure-westeurope")))
                                        .withRateLimit(p.rateLimit().withRequests(100L, "1m"))
                                : p.withKeys(false, List.of(new KeyRef(SeedData.keyId("openai-dev"), "openai-dev")))))),
                new Edit("activate and rename", "legacy-integration",
                        vk -> vk.withName("legacy-integration-renamed").withActive(true)));
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            for (Edit e : edits) {
                out.add(Arguments.of(d, e));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("edits")
    void theServerHoldsExactlyTheEditedKey(Dialect dialect, Edit edit) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(edit.vk());
            VirtualKey edited = edit.change().apply(vk);
            VirtualKey after = h.save(edited);
            assertThat(after).usingRecursiveComparison()
                    .ignoringFields("updatedAt")
                    .ignoringFieldsMatchingRegexes(".*\\.id", ".*[lL]astReset", ".*[cC]urrentUsage")
                    .isEqualTo(edited);
            assertThat(UpdateBuilder.planUpdate(after, after, dialect).requests()).isEmpty();
        }
    }
}
