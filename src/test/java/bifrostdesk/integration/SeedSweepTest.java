package bifrostdesk.integration;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every seed VK × every dialect: what the client reads, the builder re-plans as "No changes" (no request may be
 * sent for an untouched key), and a trivial description edit leaves every other stored field identical — the
 * summary of all the traps (REFERENCE §2.6, §9: the PUT always carries the full desired state).
 */
class SeedSweepTest {
    /** The eight keys of SeedData's SMALL seed. */
    static final List<String> SEED_KEYS = List.of("checkout-service", "support-bot", "analytics-batch",
            "legacy-integration", "config-managed-gateway", "research-sandbox", "marketing-assistant", "mobile-app");

    static Stream<Arguments> keysAndDialects() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            for (String name : SEED_KEYS) {
                out.add(Arguments.of(d, name));
            }
        }
        return out.stream();
    }

    @Test
    void theSweepCoversEverySeedKey() throws Exception {
        try (TrapHarness h = TrapHarness.start(Dialect.LATER)) {
            List<VirtualKey> all = h.client.listAllVirtualKeys(VkQuery.firstPage(), ProgressListener.NONE);
            assertThat(all).extracting(VirtualKey::name).containsExactlyInAnyOrderElementsOf(SEED_KEYS);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keysAndDialects")
    void aFreshlyReadKeyPlansNoChangesAndADescriptionEditChangesNothingElse(Dialect dialect, String name)
            throws Exception {
        try (TrapHarness h = TrapHarness.start(dialect)) {
            VirtualKey vk = h.read(name);
            SavePlan idle = UpdateBuilder.planUpdate(vk, vk, dialect);
            assertThat(idle.requests()).isEmpty();
            assertThat(idle.refusals()).isEmpty();
            assertThat(idle.changes()).containsExactly("No changes");

            ObjectNode before = h.stored(name);
            String description = vk.description() + " (swept)";
            VirtualKey edited = vk.withDescription(description);
            SavePlan plan = h.plan(edited, vk);
            assertThat(plan.requests()).hasSize(1);
            h.execute(plan);

            ObjectNode after = h.stored(name);
            assertThat(after.path("description").asText()).isEqualTo(description);
            Set<String> ignored = Set.of("description", "updated_at");
            JsonNode beforeRest = TrapHarness.without(before, ignored);
            JsonNode afterRest = TrapHarness.without(after, ignored);
            assertThat(afterRest).isEqualTo(beforeRest);

            VirtualKey reread = h.read(name);
            assertThat(reread).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(edited);
            assertThat(UpdateBuilder.planUpdate(reread, reread, dialect).requests()).isEmpty();
        }
    }
}
