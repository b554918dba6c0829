package bifrostdesk.integration;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * REFERENCE §2.6.4: v1.5 (and v1.4) merge rate-limit fields (null = keep), so a single sub-limit cannot be
 * cleared in place: the builder removes the limit ({@code {}}) and re-creates it in a second PUT. Later servers
 * replace the object whole, so one PUT does it. Seed "checkout-service": key limit 1M tokens/1h + 1000 req/1m;
 * its openai config 500k tokens/1h + 500 req/1m.
 */
class RateLimitTrapTest {
    private static final String VK = "checkout-service";
    /** Rate-limit ids and counters restart when the limit is re-created; everything else must stay. */
    private static final Set<String> RATE_LIMIT_FIELDS = Set.of("rate_limit", "rate_limit_id", "updated_at");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void clearingOneSubLimitTakesTwoRequestsOnMergingServersAndEndsWithExactlyTheDesiredLimit(Dialect dialect)
            throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(VK);
            ObjectNode before = h.stored(VK);
            ProviderConfig openai = vk.providerConfigs().get(0);
            assertThat(openai.provider()).isEqualTo("openai");
            // key: drop the token limit, keep requests; openai config: drop the request limit, keep tokens
            VirtualKey edited = vk.withRateLimit(vk.rateLimit().withTokens(null, null))
                    .withProviderConfigs(java.util.List.of(
                            openai.withRateLimit(openai.rateLimit().withRequests(null, null)),
                            vk.providerConfigs().get(1)));
            SavePlan plan = h.plan(edited, vk);
            assertThat(plan.requests()).hasSize(dialect.atLeast(Dialect.LATER) ? 1 : 2);
            h.execute(plan);

            ObjectNode after = h.stored(VK);
            JsonNode rl = after.path("rate_limit");
            assertThat(rl.has("token_max_limit")).isFalse();
            assertThat(rl.has("token_reset_duration")).isFalse();
            assertThat(rl.path("request_max_limit").asLong()).isEqualTo(1000);
            assertThat(rl.path("request_reset_duration").asText()).isEqualTo("1m");
            JsonNode pcRl = TrapHarness.pcByProvider(after, "openai").path("rate_limit");
            assertThat(pcRl.path("token_max_limit").asLong()).isEqualTo(500_000);
            assertThat(pcRl.path("token_reset_duration").asText()).isEqualTo("1h");
            assertThat(pcRl.has("request_max_limit")).isFalse();
            assertThat(pcRl.has("request_reset_duration")).isFalse();
            // nothing but the rate limits changed
            assertThat(TrapHarness.without(after, RATE_LIMIT_FIELDS))
                    .isEqualTo(TrapHarness.without(before, RATE_LIMIT_FIELDS));
            VirtualKey reread = h.read(VK);
            assertThat(reread.rateLimit().sameSettings(edited.rateLimit())).isTrue();
            assertThat(reread.providerConfigs().get(0).rateLimit().sameSettings(
                    edited.providerConfigs().get(0).rateLimit())).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"LEGACY", "V1_5"})
    void aNaiveSingleRequestCannotClearASubLimitOnMergingServers(Dialect dialect) throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            h.naivePut(VK, """
                    {"team_id": "%s", "rate_limit": {"token_max_limit": null, "token_reset_duration": null,
                      "request_max_limit": 1000, "request_reset_duration": "1m"}}
                    """.formatted(SeedData.TEAM_PLATFORM));
            RateLimit rl = h.read(VK).rateLimit();
            // null meant "keep": the token limit the user cleared is still enforced
            assertThat(rl.tokenMaxLimit()).isEqualTo(1_000_000L);
            assertThat(rl.tokenResetDuration()).isEqualTo("1h");
        }
    }
}
