package bifrostdesk.sandbox;

import bifrostdesk.virtualkey.model.Dialect;

/** Immutable sandbox configuration; start from {@link #defaults()} and use the {@code with*} methods. */
public final class SandboxOptions {
    private final Dialect dialect;
    private final Seed seed;
    private final int port;
    private final String user;
    private final String password;

    private SandboxOptions(Dialect dialect, Seed seed, int port, String user, String password) {
        this.dialect = dialect;
        this.seed = seed;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** LATER dialect, SMALL seed, a free port, no auth. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(Dialect.LATER, Seed.SMALL, 0, null, null);
    }

    public SandboxOptions withDialect(Dialect d) {
        return new SandboxOptions(d, seed, port, user, password);
    }

    public SandboxOptions withSeed(Seed s) {
        return new SandboxOptions(dialect, s, port, user, password);
    }

    /** 0 = any free port. */
    public SandboxOptions withPort(int p) {
        return new SandboxOptions(dialect, seed, p, user, password);
    }

    /** Enables auth: Basic, Bearer and session login (cookie or Bearer token) are accepted. */
    public SandboxOptions withBasicAuth(String username, String pass) {
        return new SandboxOptions(dialect, seed, port, username, pass);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Seed seed() {
        return seed;
    }

    public int port() {
        return port;
    }

    public String username() {
        return user;
    }

    public String password() {
        return password;
    }
}
