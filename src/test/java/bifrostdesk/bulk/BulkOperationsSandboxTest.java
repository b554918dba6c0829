package bifrostdesk.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bulk operation over every key of the seed (a mixed selection: owners of each kind, keys with and without
 * budgets, provider configs, MCP tools, rate limits, v2 features), on every dialect, sent to the sandbox: each key
 * that changed holds exactly what the operation makes of its server copy and everything else as it was (owners,
 * other configs, key and model access, budget usage, MCP tools); each key that was not sent is byte-for-byte as
 * it was on the server.
 */
class BulkOperationsSandboxTest {

    static Stream<Arguments> cases() {
        Instant future = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<BulkOperation> ops = List.of(
                BulkOperations.setActive(false),
                BulkOperations.changeBudget(BudgetScope.ALL, "1d", LimitChange.parse("-20%")),
                BulkOperations.changeBudget(BudgetScope.KEY, "1M", LimitChange.parse("750")),
                BulkOperations.addBudget(BudgetScope.KEY, "1w", 75),
                BulkOperations.removeBudget(BudgetScope.ALL, "1M"),
                BulkOperations.setRateLimit(BudgetScope.KEY, 5000L, "1h", 100L, "1m"),
                BulkOperations.removeRateLimit(BudgetScope.ALL),
                BulkOperations.addProvider("anthropic", List.of("claude-3-5-haiku"), 1.0),
                BulkOperations.removeProvider("openai"),
                BulkOperations.setModels("openai", List.of("o3-mini"), true),
                BulkOperations.setModels("anthropic", List.of("claude-sonnet-4"), false),
                BulkOperations.attachMcp("github", List.of("list_issues")),
                BulkOperations.detachMcp("filesystem"),
                BulkOperations.changeOwner(bifrostdesk.sandbox.SeedData.TEAM_SUPPORT, null, null, "Support"),
                BulkOperations.changeOwner(null, null, null, null),
                BulkOperations.setExpiry(future),
                BulkOperations.resetUsage(),
                BulkOperations.rotate());
        return Stream.of(Dialect.values()).flatMap(d -> ops.stream().map(op -> Arguments.of(d, op)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void eachOperationChangesOnlyWhatItSaysOnEveryKey(Dialect dialect, BulkOperation op) throws Exception {
        try (BulkFixture f = BulkFixture.start(dialect)) {
            List<VirtualKey> keys = f.readAll();
            Map<String, ObjectNode> stored = new HashMap<>();
            keys.forEach(k -> stored.put(k.id(), f.sandbox.vkJson(k.id()).deepCopy()));
            BulkPlanner planner = BulkPlanner.basic(dialect);
            BulkReview review = planner.review(keys, op);
            assertThat(review.size()).isEqualTo(keys.size());
            assertThat(review.count(KeyOutcome.Status.UNCHANGED)).as("the operation reaches some key: "
                    + review.summary()).isLessThan(keys.size());
            BulkReport report = f.sender(planner).send("t", op, review.toSend(), () -> false, p -> { });
            assertThat(report.with(KeyResult.Status.FAILED)).as(report.summary()).isEmpty();
            assertThat(report.count(KeyResult.Status.SENT)).isEqualTo(review.count(KeyOutcome.Status.CHANGE));
            for (VirtualKey before : keys) {
                KeyOutcome outcome = review.outcomes().stream().filter(o -> o.vkId().equals(before.id()))
                        .findFirst().orElseThrow();
                if (outcome.status() != KeyOutcome.Status.CHANGE) {
                    assertThat(f.sandbox.vkJson(before.id())).as(before.name() + " " + outcome)
                            .isEqualTo(stored.get(before.id()));
                    continue;
                }
                VirtualKey after = f.client.getVirtualKey(before.id());
                VirtualKey expected = BulkFixture.withNewBudgetUsage(
                        op.kind() == BulkOperation.Kind.UPDATE ? op.apply(before) : before, after);
                boolean zero = op.resetsUsage();
                assertThat(BulkFixture.comparable(after, zero)).as(before.name())
                        .usingRecursiveComparison().isEqualTo(BulkFixture.comparable(expected, zero));
                if (op.kind() == BulkOperation.Kind.ROTATE) {
                    assertThat(after.value()).as("new value").isNotEqualTo(before.value());
                }
                // the operation now finds nothing left to do on the key (a percentage would apply again)
                if (op.kind() == BulkOperation.Kind.UPDATE && !op.resetsUsage() && !op.describe().contains("%")) {
                    assertThat(planner.evaluate(after, op, null).status()).as(before.name())
                            .isEqualTo(KeyOutcome.Status.UNCHANGED);
                }
            }
        }
    }
}
