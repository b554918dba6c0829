package bifrostdesk.sandbox;

import bifrostdesk.virtualkey.model.Dialect;
import java.io.PrintStream;
import java.util.Locale;

/** Standalone sandbox: {@code java -cp ... bifrostdesk.sandbox.SandboxMain [options]}. Runs until killed. */
public final class SandboxMain {
    static final String USAGE = "Usage: SandboxMain [--port N (default 8080)] [--dialect legacy|v1.5|later|v2"
            + " (default v2)] [--seed empty|small|large (default small)] [--auth user:pass]"
            + " [--rotation-cooldown DURATION (v2, e.g. 1h; default 0)] [--key-ids-fix true|false (v2, default false)]"
            + " [--help]";

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxServer server;
        try {
            server = run(args, System.out);
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
        SandboxOptions o = SandboxOptions.defaults().withPort(8080);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return null;
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
                case "--rotation-cooldown" -> {
                    Double nanos = GoDuration.parseNanos(v);
                    if (nanos == null || nanos < 0) {
                        throw new IllegalArgumentException("Bad duration: " + v);
                    }
                    o = o.withRotationCooldown(java.time.Duration.ofNanos(nanos.longValue()));
                }
                case "--key-ids-fix" -> o = o.withKeyIdsOmittedKeepsKeys(Boolean.parseBoolean(v));
                default -> throw new IllegalArgumentException("Unknown option: " + a);
            }
        }
        SandboxServer server = SandboxServer.start(o);
        out.println("Bifrost sandbox (" + o.dialect().label() + ", " + SandboxServer.versionOf(o.dialect()) + ", seed "
                + o.seed().name().toLowerCase(Locale.ROOT) + (o.username() != null ? ", auth on" : "")
                + ") listening on " + server.baseUrl());
        out.flush();
        return server;
    }
}
