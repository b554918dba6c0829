package bifrostdesk.virtualkey.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code regex:} model entries are checked as the gateway checks them (v2.2.0: not empty, not *, RE2 syntax). */
class RegexModelsTest {
    @Test
    void aValidPatternPasses() {
        assertThat(AccessLists.problems(List.of("gpt-4o", "regex:^gpt-4o-mini.*$", "regex:claude-(3|4)"))).isEmpty();
    }

    @Test
    void emptyStarAndBrokenPatternsAreExplained() {
        assertThat(AccessLists.problems(List.of("regex:"))).singleElement().asString().contains("needs a pattern");
        assertThat(AccessLists.problems(List.of("regex:*"))).singleElement().asString().contains("not allowed");
        assertThat(AccessLists.problems(List.of("regex:gpt-(4"))).singleElement().asString()
                .contains("not a valid regular expression");
    }

    @Test
    void javaOnlyConstructsAreRefusedBecauseRe2LacksThem() {
        assertThat(AccessLists.problems(List.of("regex:gpt(?!-3)"))).singleElement().asString().contains("RE2");
        assertThat(AccessLists.problems(List.of("regex:(?<=x)y"))).singleElement().asString().contains("RE2");
        assertThat(AccessLists.problems(List.of("regex:(a)\\1"))).singleElement().asString().contains("RE2");
        assertThat(AccessLists.problems(List.of("regex:a++"))).singleElement().asString().contains("RE2");
    }
}
