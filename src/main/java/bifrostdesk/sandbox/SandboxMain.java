package bifrostdesk.sandbox;

import bifrostdesk.virtualkey.model.Dialect;
import java.io.PrintStream;
import java.util.Locale;

/** Standalone sandbox: {@code java -cp ... bifrostdesk.sandbox.SandboxMain [options]}. Runs until killed. */
public final class SandboxMain {
    static final String USAGE = "Usage: SandboxMain [--port N (default 8080)] [--dialect legacy|v1.5|later|v2"
            + " (default v2)] [--seed empty|small|large (default small)] [--auth user:pass]"
            + " [--setup-token TOKEN | --setup-lock-without-token (v2 only; default: $BIFROST_SETUP_TOKEN)]"
            + " [--rotation-cooldown DURATION (v2, e.g. 1h; default 0)] [--key-ids-fix true|false (v2, default false)]"
            + " [--logs on|off|old-build (request logs; off = JSON 404, old-build = HTML 200; default on)]"
            + " [--log-retention-days N (default 365)] [--help]";

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxServer server;
        try {
            server = run(args, System.out, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (server == null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    /** Parses the arguments and starts the server (null after --help). Does not block. */
    public static SandboxServer run(String[] args, PrintStream out) {
        return run(args, out, java.util.Map.of());
    }

    /**
     * As above; {@code env} may hold {@code BIFROST_SETUP_TOKEN}, which locks a v2 sandbox as it locks Bifrost
     * (REFERENCE-v2.md §11.2.1) unless {@code --setup-token} or {@code --setup-lock-without-token} is given.
     */
    public static SandboxServer run(String[] args, PrintStream out, java.util.Map<String, String> env) {
        SandboxOptions o = SandboxOptions.defaults().withPort(8080);
        boolean lockGiven = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return null;
            }
            if (a.equals("--setup-lock-without-token")) {
                o = o.withSetupLockWithoutToken();
                lockGiven = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--port" -> {
                    try {
                        o = o.withPort(Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Bad port: " + v);
                    }
                }
                case "--dialect" -> o = o.withDialect(switch (v.toLowerCase(Locale.ROOT)) {
                    case "legacy" -> Dialect.LEGACY;
                    case "v1.5", "v1_5" -> Dialect.V1_5;
                    case "later", "v1.6" -> Dialect.LATER;
                    case "v2", "latest" -> Dialect.V2;
                    default -> throw new IllegalArgumentException("Unknown dialect: " + v);
                });
                case "--seed" -> {
                    try {
                        o = o.withSeed(Seed.valueOf(v.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Unknown seed: " + v);
                    }
                }
                case "--auth" -> {
                    int c = v.indexOf(':');
                    if (c <= 0) {
                        throw new IllegalArgumentException("--auth needs user:pass");
                    }
                    o = o.withBasicAuth(v.substring(0, c), v.substring(c + 1));
                }
                case "--setup-token" -> {
                    o = o.withSetupToken(v);
                    lockGiven = true;
                }
                case "--rotation-cooldown" -> {
                    Double nanos = GoDuration.parseNanos(v);
                    if (nanos == null || nanos < 0) {
                        throw new IllegalArgumentException("Bad duration: " + v);
                    }
                    o = o.withRotationCooldown(java.time.Duration.ofNanos(nanos.longValue()));
                }
                case "--key-ids-fix" -> o = o.withKeyIdsOmittedKeepsKeys(Boolean.parseBoolean(v));
                case "--logs" -> o = o.withLogs(switch (v.toLowerCase(Locale.ROOT)) {
                    case "on" -> SandboxOptions.Logs.ON;
                    case "off" -> SandboxOptions.Logs.OFF;
                    case "old-build", "old_build" -> SandboxOptions.Logs.OLD_BUILD;
                    default -> throw new IllegalArgumentException("Unknown --logs value: " + v);
                });
                case "--log-retention-days" -> {
                    try {
                        o = o.withLogRetentionDays(Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Bad number of days: " + v);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + a);
            }
        }
        String envToken = env.get("BIFROST_SETUP_TOKEN");
        if (!lockGiven && o.dialect() == Dialect.V2 && envToken != null && !envToken.isBlank()) {
            o = o.withSetupToken(envToken);
        }
        if (o.setupLock() && o.dialect() != Dialect.V2) {
            throw new IllegalArgumentException("The setup lock came with Bifrost v2.2.6: use it with --dialect v2");
        }
        SandboxServer server = SandboxServer.start(o);
        // never print the token: Bifrost does not either (§11.2.1)
        String lock = !o.setupLock() || o.username() != null ? ""
                : o.setupToken() != null ? ", setup lock on" : ", setup lock on without a token";
        out.println("Bifrost sandbox (" + o.dialect().label() + ", " + SandboxServer.versionOf(o.dialect()) + ", seed "
                + o.seed().name().toLowerCase(Locale.ROOT) + (o.username() != null ? ", auth on" : "") + lock
                + (o.logs() == SandboxOptions.Logs.ON ? "" : ", request logs "
                + (o.logs() == SandboxOptions.Logs.OFF ? "off" : "off (old build)"))
                + ") listening on " + server.baseUrl());
        out.flush();
        return server;
    }
}
