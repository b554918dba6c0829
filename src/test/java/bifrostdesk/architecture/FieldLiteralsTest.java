package bifrostdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.NodePath;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Field names and node-path segments are spelled once, in {@link Field} and {@link NodePath}: no other main source
 * has them as a string literal ({@code "max_limit"}) or builds a path from text ({@code "provider_configs/" + i},
 * {@code path + "/keys"}). Everyone else uses the constants and builders.
 * <p>
 * Two packages are left out on purpose: {@code virtualkey.api}, whose literals are Bifrost's JSON names (the wire
 * format, which the codec owns), and {@code sandbox}, a stand-in server that shares no code with the client by
 * design. A few files use the same words in another role; each is listed in {@link #OTHER_ROLES} with the role.
 */
class FieldLiteralsTest {
    private static final Path MAIN = Paths.get("src/main/java/bifrostdesk");

    /** The files that define the words. */
    private static final Set<String> OWNERS = Set.of("virtualkey/model/Field.java", "virtualkey/model/NodePath.java");

    /** Packages whose literals are not field names of the editor (see the class comment). */
    private static final List<String> NOT_SCANNED = List.of("virtualkey/api/", "sandbox/");

    /** The same words in another role, by file (relative to bifrostdesk/). */
    private static final Map<String, Set<String>> OTHER_ROLES = Map.ofEntries(
            // column names of the budget CSV export and of the key list CSV (formats of their own)
            Map.entry("budgets/CsvExport.java", Set.of("provider", "team", "reset_duration", "calendar_aligned")),
            Map.entry("virtualkey/list/KeyListCsv.java", Set.of("name", "active", "team", "provider_configs")),
            // keys of `list --json` (docs/cli.md)
            Map.entry("cli/Commands.java", Set.of("name", "active", "provider_configs")),
            // JavaFX property names of the budget filters
            Map.entry("budgets/BudgetsViewModel.java", Set.of("provider", "team")),
            // English words in a subtitle, a tree node's detail and the merge view's renderings ("all models")
            Map.entry("virtualkey/list/VirtualKeyListViewModel.java", Set.of("active")),
            Map.entry("virtualkey/tree/V2Nodes.java", Set.of("active")),
            Map.entry("drafts/merge/Render.java", Set.of("active", "models", "tools")),
            Map.entry("drafts/merge/Merger.java", Set.of("models", "tools")),
            // words looked for in the server's free-text error messages
            Map.entry("virtualkey/tree/ServerErrors.java", Set.of("name", "keys")),
            // keys and column names of the `budgets` and `spend` commands' JSON/CSV output, and the command's own
            // name (docs/cli.md), and of the usage snapshot lines (docs/workspace-format.md): formats of their own
            Map.entry("cli/BudgetsCommand.java", Set.of("owner", "provider", "reset_duration")),
            Map.entry("cli/Cli.java", Set.of("budgets")),
            Map.entry("cli/SpendCommand.java", Set.of("name")),
            Map.entry("spend/SnapshotReader.java", Set.of("owner")),
            // a dimension of the gateway's logs histogram (LOGS.md §4.2), the query's own word
            Map.entry("budgets/history/Dimension.java", Set.of("provider")),
            Map.entry("spend/SnapshotStore.java", Set.of("owner")),
            // the kind of the key cache file, and a null-check message
            Map.entry("drafts/Workspace.java", Set.of("keys")),
            Map.entry("connection/Profile.java", Set.of("name")));

    private static Set<String> words;
    private static Set<String> segments;

    @BeforeAll
    static void centralisedWords() throws IllegalAccessException {
        segments = new TreeSet<>();
        for (java.lang.reflect.Field f : NodePath.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
                    && f.getType() == String.class) {
                segments.add((String) f.get(null));
            }
        }
        words = new TreeSet<>(segments);
        Arrays.stream(Field.values()).map(Field::id).filter(id -> !id.isEmpty()).forEach(words::add);
    }

    @Test
    void noFieldNameOrPathSegmentIsSpelledOutsideTheDomain() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String rel = MAIN.relativize(file).toString().replace('\\', '/');
            if (OWNERS.contains(rel) || NOT_SCANNED.stream().anyMatch(rel::startsWith)) {
                continue;
            }
            Set<String> allowed = OTHER_ROLES.getOrDefault(rel, Set.of());
            for (String literal : StringLiterals.of(Files.readString(file))) {
                String word = centralised(literal);
                if (word != null && !allowed.contains(literal)) {
                    found.add(rel + ": \"" + literal + "\"");
                }
            }
        }
        assertThat(found).as("use Field / NodePath (or add the file to OTHER_ROLES with the role it plays)").isEmpty();
    }

    @Test
    void theScanSeesTheWordsWhereTheyAreDefined() throws IOException {
        // guards the scanner itself: were it blind, the test above would pass for nothing
        List<String> inField = StringLiterals.of(Files.readString(MAIN.resolve("virtualkey/model/Field.java")));
        assertThat(inField).contains("max_limit", "token_reset_duration", "allowed_models");
        List<String> inNodePath = StringLiterals.of(Files.readString(MAIN.resolve("virtualkey/model/NodePath.java")));
        assertThat(inNodePath).contains("provider_configs", "model_budgets", "virtual_mcps", "agent_grants", "/");
        assertThat(centralised("provider_configs/")).isEqualTo("provider_configs");
        assertThat(centralised("/keys")).isEqualTo("keys");
        assertThat(centralised("/bifrostdesk/budgets/budgets.css")).as("a resource path").isNull();
        assertThat(StringLiterals.of("// \"max_limit\"\n/* \"keys\" */ String s = \"a\\\"b\"; char c = '\"';"))
                .containsExactly("a\\\"b");
    }

    /** The centralised word a literal spells or builds a path from, or null. */
    private static String centralised(String literal) {
        if (words.contains(literal)) {
            return literal;
        }
        if (literal.contains("/") && literal.matches("[a-z0-9_/#]+")) {
            for (String part : literal.split("/")) {
                if (segments.contains(part)) {
                    return part;
                }
            }
        }
        return null;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The string literals of a Java source, comments left out (enough of a lexer for this check). */
    static final class StringLiterals {
        private StringLiterals() {
        }

        static List<String> of(String src) {
            List<String> out = new ArrayList<>();
            int i = 0;
            int n = src.length();
            while (i < n) {
                if (src.startsWith("//", i)) {
                    int end = src.indexOf('\n', i);
                    i = end < 0 ? n : end;
                } else if (src.startsWith("/*", i)) {
                    int end = src.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (src.startsWith("\"\"\"", i)) {
                    int end = src.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? n : end + 3; // text blocks hold prose (usage texts), not field names
                } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                    char quote = src.charAt(i);
                    int j = i + 1;
                    while (j < n && src.charAt(j) != quote) {
                        j += src.charAt(j) == '\\' ? 2 : 1;
                    }
                    if (quote == '"') {
                        out.add(src.substring(i + 1, Math.min(j, n)));
                    }
                    i = j + 1;
                } else {
                    i++;
                }
            }
            return out;
        }
    }
}
