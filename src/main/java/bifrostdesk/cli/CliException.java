package bifrostdesk.cli;

/** Ends a command with an exit code and a reason in plain words (printed on stderr). */
final class CliException extends Exception {
    final int code;

    private CliException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** Invalid input or usage: exit 2. */
    static CliException usage(String message) {
        return new CliException(Cli.EXIT_INVALID, message);
    }

    /** The server changed meanwhile, or the key is gone: exit 3. */
    static CliException conflict(String message) {
        return new CliException(Cli.EXIT_CONFLICT, message);
    }

    /** Network, server or file trouble: exit 1. */
    static CliException error(String message) {
        return new CliException(Cli.EXIT_ERROR, message);
    }
}
