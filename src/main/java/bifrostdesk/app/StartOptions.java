package bifrostdesk.app;

import bifrostdesk.virtualkey.model.Dialect;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of the app. With no server given (option or {@code BIFROST_DESK_SERVER}), the app starts
 * the built-in sandbox and connects to it.
 *
 * @param sandboxLogs whether the built-in sandbox keeps request logs: {@code on}, {@code off} or {@code old}
 *                    ({@code off} and {@code old} let a user see what the Budgets tab says about a gateway without
 *                    them; only {@code DeskApp}, which starts the sandbox, turns it into the sandbox's option)
 */
public record StartOptions(String server, Dialect dialectOverride, String sandboxSeed, Dialect sandboxDialect,
                           boolean help, String profile, String sandboxLogs) {

    public static final String USAGE = """
            Usage: bifrost-desk [options]
              --server URL          Bifrost gateway to manage (default: $BIFROST_DESK_SERVER, else the built-in sandbox)
              --profile NAME        a saved server profile (name, URL, sign-in, colour tag)
              --dialect D           force the API dialect: legacy | v1.5 | later | v2 (default: detected)
              --sandbox-seed S      seed of the built-in sandbox: small | large | empty (default: small)
              --sandbox-dialect D   dialect the built-in sandbox speaks (default: later)
              --sandbox-logs L      request logs of the built-in sandbox: on | off | old (default: on;
                                    off answers a JSON 404, old an HTML page as older builds do)
              --help                this text
            Environment: BIFROST_DESK_SERVER (server URL), BIFROST_DESK_USER and BIFROST_DESK_PASSWORD (admin
            credentials for scripted use; never stored), BIFROST_DESK_SETUP_TOKEN (the setup token of a locked
            v2.2.6+ gateway; never stored), BIFROST_DESK_HOME (one folder for data and logs).
            """;

    public static StartOptions parse(List<String> args, String envServer) {
        String server = envServer == null || envServer.isBlank() ? null : envServer.trim();
        Dialect dialect = null;
        String seed = "small";
        Dialect sandboxDialect = Dialect.V2;
        boolean help = false;
        String profile = null;
        String logs = "on";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--server" -> server = value(args, ++i, a);
                case "--dialect" -> dialect = Dialect.parse(value(args, ++i, a));
                case "--sandbox-seed" -> seed = value(args, ++i, a).toLowerCase(Locale.ROOT);
                case "--sandbox-dialect" -> sandboxDialect = Dialect.parse(value(args, ++i, a));
                case "--profile" -> profile = value(args, ++i, a);
                case "--sandbox-logs" -> logs = logs(value(args, ++i, a));
                case "--help", "-h" -> help = true;
                default -> {
                    if (a.startsWith("--server=")) {
                        server = a.substring("--server=".length());
                    } else if (!a.startsWith("-")) {
                        // JavaFX passes no positional arguments of its own; ignore stray words
                        continue;
                    } else {
                        throw new IllegalArgumentException("Unknown option " + a + "\n" + USAGE);
                    }
                }
            }
        }
        return new StartOptions(server, dialect, seed, sandboxDialect, help, profile, logs);
    }

    private static String logs(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        if (!List.of("on", "off", "old").contains(l)) {
            throw new IllegalArgumentException("--sandbox-logs takes on, off or old, not '" + v + "'\n" + USAGE);
        }
        return l;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }
}
