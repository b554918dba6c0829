package bifrostdesk.cli;

import bifrostdesk.virtualkey.api.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of Bifrost Desk: {@code list}, {@code export}, {@code plan}, {@code apply}, {@code sync},
 * {@code budgets}, {@code spend}. It
 * composes the app's own pieces (client, update builder, validation rules, workspace, merge, sync) so a save from
 * a terminal is exactly the save of the editor. See docs/cli.md.
 * <p>
 * Exit codes: {@value #EXIT_OK} ok, {@value #EXIT_ERROR} error (network, server, I/O), {@value #EXIT_INVALID}
 * invalid input or usage, {@value #EXIT_CONFLICT} conflict (the server changed, or the key is gone). The reason
 * is always printed on stderr.
 */
public final class Cli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_INVALID = 2;
    public static final int EXIT_CONFLICT = 3;

    /** First arguments that select the command line instead of the window. */
    public static final Set<String> COMMANDS = Set.of("list", "export", "plan", "apply", "sync", "budgets", "spend",
            "bulk", "cli");

    static final String COMMON = """
            Common options:
              --server URL        Bifrost gateway (default: $BIFROST_DESK_SERVER)
              --dialect D         force the API dialect: legacy | v1.5 | later | v2 (default: detected)
              --workspace DIR     workspace folder for drafts and the journal (default: the app's folder for
                                  this server, under $BIFROST_DESK_HOME or the OS data folder)
              -h, --help          help of the command
            Credentials: $BIFROST_DESK_USER and $BIFROST_DESK_PASSWORD (HTTP Basic) when set;
            $BIFROST_DESK_SETUP_TOKEN, the setup token of a locked v2.2.6+ gateway (X-Bifrost-Setup-Token).
            """;

    static final String USAGE = """
            Usage: bifrost-desk COMMAND [options]      (no command: start the desktop app)

            Commands:
              list      list the virtual keys
              export    write a key's editable state to a draft file
              plan      show what applying a draft file would change on the server
              apply     save a draft file to the server (the editor's full-state save)
              sync      send the drafts queued in the workspace while offline
              budgets   the budget review: every limit's usage, closest to exhaustion first
              spend     one key's spend over time and where its budgets are heading
              bulk      one change across many keys (reviewed, then sent with progress)

            Run 'bifrost-desk COMMAND --help' for a command's options.
            Exit codes: 0 ok, 1 error (network, server, I/O), 2 invalid input or usage, 3 conflict.
            """ + "\n" + COMMON;

    static final Map<String, String> HELP = Map.of("bulk", BulkCommand.HELP,
            "list", """
                    Usage: bifrost-desk list [--search TEXT] [--json] [common options]
                    Lists the virtual keys: name, id, active, owner (team or customer id), number of provider
                    configs, and the highest budget usage in percent.
                      --search TEXT   only keys whose name contains TEXT (case-insensitive)
                      --json          one JSON array instead of the table
                    """,
            "export", """
                    Usage: bifrost-desk export NAME_OR_ID [-o FILE] [common options]
                    Writes the key's editable state as a draft file (JSON): "base" is the server copy, "edited"
                    the same state for you to change. The key's secret value is never written. Without -o the
                    file goes to stdout.
                      -o, --output FILE   write to FILE instead of stdout
                    """,
            "plan", """
                    Usage: bifrost-desk plan FILE | --draft ID [--merge] [--json] [common options]
                    Validates the draft's edited state, reads the key from the server and prints what a save
                    would change, in words. Nothing is sent.
                      --draft ID   a draft of the workspace (key id or name) instead of a file
                      --merge      if the key changed on the server since the draft's base, merge three ways
                                   (as apply --merge would) instead of stopping with exit 3
                      --json       also print the exact requests (method, path, JSON body)
                    Exit 2 when the edited state is invalid or cannot be saved on this server; 3 when the key
                    changed on the server (without --merge, or with conflicts) or was deleted.
                    """,
            "apply", """
                    Usage: bifrost-desk apply FILE | --draft ID [--merge] [--yes] [--json] [common options]
                    Saves the draft's edited state: the same full-desired-state save as the editor. Prints the
                    plan and asks for confirmation (type y) unless --yes. On success prints the new updated_at;
                    the save is recorded in the workspace journal.
                      --draft ID   a draft of the workspace (key id or name) instead of a file; deleted once saved
                      --merge      if the key changed on the server since the draft's base, merge three ways
                                   (base, edited, server) and save only when no field conflicts
                      -y, --yes    do not ask
                      --json       also print the exact requests
                    Exit 3 when the key changed on the server (without --merge), when --merge finds conflicts
                    (each is listed with the base, your and the server's value) or when the key is gone.
                    """,
            "sync", """
                    Usage: bifrost-desk sync [--yes] [--json] [common options]
                    Sends the drafts queued in the server's workspace (saves asked for while offline). For each:
                    re-read the key; unchanged or cleanly merged → print the plan, send (asks unless --yes) and
                    remove the draft; conflicts or deleted on the server → report and keep the draft.
                      -y, --yes    do not ask
                      --json       also print the exact requests
                    Exit 3 if a draft was kept for a conflict or deletion, 2 if one was invalid or refused, 1 if
                    one failed to send (1 wins over 3, 3 over 2).
                    """,
            "budgets", BudgetsCommand.HELP,
            "spend", SpendCommand.HELP);

    private Cli() {
    }

    /**
     * The user message of a failed call, with what to do on the command line for the setup lock's refusals
     * (REFERENCE-v2.md §11.2.1): they are auth errors like a 401 and exit 1 like them.
     */
    static String explain(ApiException e) {
        String where = ApiException.WHERE_THE_TOKEN_IS;
        return switch (e.kind()) {
            case SETUP_TOKEN_REQUIRED -> "The gateway is locked until it is set up (401 from its setup lock): set "
                    + Connection.SETUP_TOKEN_VARIABLE + " to its setup token. " + where;
            case SETUP_TOKEN_INVALID -> "The gateway did not accept the setup token in "
                    + Connection.SETUP_TOKEN_VARIABLE + " (403 invalid setup token). " + where;
            default -> e.userMessage();
        };
    }

    private static BulkCommand bulk(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        return new BulkCommand(out, err, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), env);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command with stdin and the process environment. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err, System.getenv());
    }

    /**
     * Runs one command.
     *
     * @param in  answers to confirmation questions
     * @param env environment variables ({@code BIFROST_DESK_SERVER}, {@code BIFROST_DESK_USER}, ...)
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && list.get(0).equals("cli")) {
            list = list.subList(1, list.size());
        }
        if (list.isEmpty() || list.get(0).equals("--help") || list.get(0).equals("-h") || list.get(0).equals("help")) {
            (list.isEmpty() ? err : out).print(USAGE);
            return list.isEmpty() ? EXIT_INVALID : EXIT_OK;
        }
        String command = list.get(0);
        List<String> rest = list.subList(1, list.size());
        if (!HELP.containsKey(command)) {
            err.println("Unknown command '" + command + "'.");
            err.print(USAGE);
            return EXIT_INVALID;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(HELP.get(command));
            out.print(COMMON);
            return EXIT_OK;
        }
        Commands commands = new Commands(out, err, new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8)), env);
        try {
            return switch (command) {
                case "list" -> commands.list(rest);
                case "export" -> commands.export(rest);
                case "plan" -> commands.plan(rest, false);
                case "apply" -> BulkCommand.isFolderApply(rest) ? bulk(out, err, in, env).applyFolder(rest)
                        : commands.plan(rest, true);
                case "bulk" -> bulk(out, err, in, env).run(rest);
                case "sync" -> commands.sync(rest);
                case "budgets" -> new BudgetsCommand(out, err, env).run(rest);
                case "spend" -> new SpendCommand(out, err, env).run(rest);
                default -> throw new IllegalStateException(command);
            };
        } catch (CliException e) {
            err.println(e.getMessage());
            String m = e.getMessage();
            if (e.code == EXIT_INVALID && (m.startsWith("Unknown option") || m.endsWith("needs a value")
                    || m.startsWith("Unexpected argument"))) {
                err.print(HELP.get(command));
            }
            return e.code;
        } catch (ApiException e) {
            err.println(explain(e));
            return EXIT_ERROR;
        } catch (IOException e) {
            err.println("File error: " + e.getMessage());
            return EXIT_ERROR;
        }
    }
}
