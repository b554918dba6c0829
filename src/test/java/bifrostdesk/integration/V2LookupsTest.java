package bifrostdesk.integration;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SeedDataV2;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Lookups;
import org.junit.jupiter.api.Test;

/** The v2 lookups the owner and Virtual MCP pickers need; older servers answer with none instead of failing. */
class V2LookupsTest {
    @Test
    void aV2ServerListsBusinessUnitsAndVirtualMcps() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.V2)) {
            Lookups.Snapshot s = h.client.lookups();
            assertThat(s.businessUnits()).extracting(Lookups.BusinessUnit::id).contains(SeedDataV2.BU_FINANCE);
            assertThat(s.virtualMcps()).extracting(Lookups.VirtualMcp::id)
                    .contains(SeedDataV2.VMCP_ENGINEERING, SeedDataV2.VMCP_READ_ONLY);
            String docs = h.id(SeedDataV2.DOCS_AGENT);
            assertThat(s.virtualMcps()).allSatisfy(v -> assertThat(v.virtualKeyIds()).contains(docs));
        }
    }

    @Test
    void anOlderServerHasNone() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LATER)) {
            Lookups.Snapshot s = h.client.lookups();
            assertThat(s.businessUnits()).isEmpty();
            assertThat(s.virtualMcps()).isEmpty();
            assertThat(s.teams()).isNotEmpty();
        }
    }
}
