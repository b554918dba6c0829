package bifrostdesk.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: options with a value ({@code --server URL} or {@code --server=URL}), flags, and
 * positional words. Each command says which options it accepts; anything else is a usage error.
 */
final class CliArgs {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new java.util.HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param valued  options taking a value, e.g. {@code --server}, {@code -o}
     * @param boolean flags, e.g. {@code --json}
     */
    static CliArgs parse(List<String> args, Set<String> valued, Set<String> flagNames, Map<String, String> aliases)
            throws CliException {
        CliArgs out = new CliArgs();
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                out.positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            name = aliases.getOrDefault(name, name);
            if (valued.contains(name)) {
                if (inline == null) {
                    if (i + 1 >= args.size()) {
                        throw CliException.usage(name + " needs a value");
                    }
                    inline = args.get(++i);
                }
                out.values.put(name, inline);
            } else if (flagNames.contains(name) && inline == null) {
                out.flags.add(name);
            } else {
                throw CliException.usage("Unknown option " + a);
            }
        }
        return out;
    }

    String value(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }
}
