package bifrostdesk.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Team (and customer) rate limits come from the lookups and show as rows and, for their keys, as blockers. */
class OwnerRateLimitsTest {
    @Test
    void aTeamsRateLimitIsARowAboveItsKeysAndCountsForThem() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
            BifrostClient client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
            var teams = client.teams();
            assertThat(teams).filteredOn(t -> t.id().equals(SeedData.TEAM_SUPPORT)).singleElement()
                    .satisfies(t -> assertThat(t.rateLimit().requestMaxLimit()).isEqualTo(600L));
            List<VirtualKey> keys = client.listAllVirtualKeys(VkQuery.firstPage(), ProgressListener.NONE);

            List<BudgetRow> rows = BudgetAggregation.rows(keys, teams, client.customers(), List.of(), Instant.now());

            assertThat(rows).filteredOn(r -> r.kind() == BudgetKind.TEAM_REQUEST_LIMIT).singleElement()
                    .satisfies(r -> {
                        assertThat(r.teamName()).isEqualTo("Support");
                        assertThat(r.limit()).isEqualTo(600);
                        assertThat(r.usage()).isEqualTo(300);
                        assertThat(r.ownerChain()).contains("Support");
                        assertThat(r.nodePath()).isEmpty();
                    });
        }
    }
}
