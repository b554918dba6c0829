package bifrostdesk.sandbox;

import bifrostdesk.virtualkey.model.Dialect;

/** Immutable sandbox configuration; start from {@link #defaults()} and use the {@code with*} methods. */
public final class SandboxOptions {
    private final Dialect dialect;
    private final Seed seed;
    private final int port;
    private final String user;
    private final String password;
    private final boolean setupLock;
    private final String setupToken;
    private final String version;

    private SandboxOptions(Dialect dialect, Seed seed, int port, String user, String password, boolean setupLock,
                           String setupToken, String version) {
        this.dialect = dialect;
        this.seed = seed;
        this.port = port;
        this.user = user;
        this.password = password;
        this.setupLock = setupLock;
        this.setupToken = setupToken;
        this.version = version;
    }

    /** LATER dialect, SMALL seed, a free port, no auth, no setup lock. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(Dialect.LATER, Seed.SMALL, 0, null, null, false, null, null);
    }

    public SandboxOptions withDialect(Dialect d) {
        return new SandboxOptions(d, seed, port, user, password, setupLock, setupToken, version);
    }

    public SandboxOptions withSeed(Seed s) {
        return new SandboxOptions(dialect, s, port, user, password, setupLock, setupToken, version);
    }

    /** 0 = any free port. */
    public SandboxOptions withPort(int p) {
        return new SandboxOptions(dialect, seed, p, user, password, setupLock, setupToken, version);
    }

    /** Enables auth: Basic, Bearer and session login (cookie or Bearer token) are accepted. */
    public SandboxOptions withBasicAuth(String username, String pass) {
        return new SandboxOptions(dialect, seed, port, username, pass, setupLock, setupToken, version);
    }

    /**
     * The v2.2.6 setup lock with this token (REFERENCE-v2.md §11.2.1): on the {@link Dialect#V2} dialect without
     * basic auth, non-public {@code /api} routes need {@code X-Bifrost-Setup-Token}. {@code null}: no lock.
     */
    public SandboxOptions withSetupToken(String token) {
        boolean lock = token != null && !token.isBlank();
        return new SandboxOptions(dialect, seed, port, user, password, lock, lock ? token : null, version);
    }

    /** The setup lock with no token configured: every non-public {@code /api} route answers 403 (§11.2.1). */
    public SandboxOptions withSetupLockWithoutToken() {
        return new SandboxOptions(dialect, seed, port, user, password, true, null, version);
    }

    /** What {@code GET /api/version} answers instead of the dialect's usual version (e.g. "v2.3.0"). */
    public SandboxOptions withVersion(String v) {
        return new SandboxOptions(dialect, seed, port, user, password, setupLock, setupToken, v);
    }

    /** Whether the setup lock is installed (it acts only on V2 without basic auth). */
    public boolean setupLock() {
        return setupLock;
    }

    /** The setup token, or null (no lock, or a lock without a token). */
    public String setupToken() {
        return setupToken;
    }

    /** The version override, or null. */
    public String version() {
        return version;
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
