package bifrostdesk.virtualkey.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Node paths and field keys read back to what was written, so drafts and selections survive a restart. */
class NodePathTest {
    /** One path of every kind, in the text form the tree, the rules and the drafts use. */
    static final List<String> EVERY_KIND = List.of("", "budgets", "budgets/0", "rate_limit", "provider_configs",
            "provider_configs/2", "provider_configs/2/budgets", "provider_configs/2/budgets/1",
            "provider_configs/2/rate_limit", "provider_configs/2/keys", "provider_configs/2/models",
            "provider_configs/2/model_budgets", "provider_configs/2/model_budgets/1",
            "provider_configs/2/model_budgets/1/budgets", "provider_configs/2/model_budgets/1/budgets/0",
            "provider_configs/2/model_budgets/1/rate_limit", "mcp_configs", "mcp_configs/1", "mcp_configs/1/tools",
            "all_providers", "virtual_mcps", "virtual_mcps/0", "metadata", "agent_grants");

    @Test
    void everyPathReadsBackToItsOwnText() {
        for (String text : EVERY_KIND) {
            NodePath p = NodePath.parse(text);
            assertThat(p.toString()).as(text).isEqualTo(text);
            assertThat(NodePath.parse(p.toString())).as(text).isEqualTo(p);
        }
    }

    @Test
    void theSampleCoversEveryKind() {
        Set<NodeKind> kinds = EVERY_KIND.stream().map(t -> NodePath.parse(t).kind())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NodeKind.class)));
        assertThat(kinds).containsExactlyInAnyOrder(NodeKind.values());
    }

    @Test
    void theBuildersSpellThePathsTheParserReads() {
        assertThat(NodePath.keys(3)).isEqualTo("provider_configs/3/keys");
        assertThat(NodePath.models(3)).isEqualTo("provider_configs/3/models");
        assertThat(NodePath.tools(1)).isEqualTo("mcp_configs/1/tools");
        assertThat(NodePath.parse(NodePath.keys(3))).isEqualTo(new NodePath(NodeKind.KEYS, 3, -1, -1, -1, -1));
        assertThat(NodePath.parse(NodePath.tools(1)).mcpIndex()).isEqualTo(1);
        assertThat(NodePath.parse("")).isEqualTo(NodePath.ROOT);
        assertThat(NodePath.ROOT.toString()).isEmpty();
    }

    @Test
    void aFieldKeyIsWrittenAsPathHashFieldAndReadBack() {
        FieldKey k = FieldKey.of("provider_configs/0/budgets/1", Field.MAX_LIMIT);
        assertThat(k.toString()).isEqualTo("provider_configs/0/budgets/1#max_limit");
        assertThat(FieldKey.parse(k.toString())).isEqualTo(k);
        assertThat(FieldKey.parse("#name")).isEqualTo(new FieldKey(NodePath.ROOT, Field.NAME));
        assertThat(FieldKey.parse("rate_limit#request_max_limit").path()).isEqualTo("rate_limit");
    }

    @Test
    void aKeyThisVersionDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> FieldKey.parse("budgets/0#max_limit_v9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldKey.parse("teams/0#name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldKey.parse("budgets/0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldIdsAreUniqueAndFindTheirField() {
        assertThat(Arrays.stream(Field.values()).map(Field::id).distinct().count()).isEqualTo(Field.values().length);
        for (Field f : Field.values()) {
            assertThat(Field.of(f.id())).isSameAs(f);
        }
        assertThat(Field.MAX_LIMIT.id()).isEqualTo("max_limit");
        assertThat(Field.NODE.id()).isEmpty();
    }
}
