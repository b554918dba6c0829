package bifrostdesk.virtualkey.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metadata keys the gateway refuses are caught before a request is sent. */
class MetadataRulesTest {
    @Test
    void ordinaryKeysPass() {
        assertThat(MetadataRules.problems(Map.of("cost_center", "cc-42", "team.owner", "a@example.com", "env-1", "")))
                .isEmpty();
    }

    @Test
    void theKnownRefusalsAreExplained() {
        assertThat(MetadataRules.keyProblem("bad key")).contains("no spaces");
        assertThat(MetadataRules.keyProblem("a/b")).contains("'/'");
        assertThat(MetadataRules.keyProblem("bifrost_alb_provider")).contains("reserved");
        assertThat(MetadataRules.keyProblem("")).isEqualTo("Enter a key");
        assertThat(MetadataRules.keyProblem("k".repeat(64))).contains("63");
    }
}
