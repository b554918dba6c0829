package bifrostdesk.sandbox;

import bifrostdesk.virtualkey.model.Dialect;
import java.time.Duration;

/** Immutable sandbox configuration; start from {@link #defaults()} and use the {@code with*} methods. */
public final class SandboxOptions {
    private final Dialect dialect;
    private final Seed seed;
    private final int port;
    private final String user;
    private final String password;
    private final boolean keyIdsOmittedKeepsKeys;
    private final Duration rotationCooldown;

    private SandboxOptions(Dialect dialect, Seed seed, int port, String user, String password,
            boolean keyIdsOmittedKeepsKeys, Duration rotationCooldown) {
        this.dialect = dialect;
        this.seed = seed;
        this.port = port;
        this.user = user;
        this.password = password;
        this.keyIdsOmittedKeepsKeys = keyIdsOmittedKeepsKeys;
        this.rotationCooldown = rotationCooldown;
    }

    /** V2 (v2.2.6) dialect, SMALL seed, a free port, no auth, key_ids trap on, no rotation cooldown. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(Dialect.V2, Seed.SMALL, 0, null, null, false, Duration.ZERO);
    }

    public SandboxOptions withDialect(Dialect d) {
        return new SandboxOptions(d, seed, port, user, password, keyIdsOmittedKeepsKeys, rotationCooldown);
    }

    public SandboxOptions withSeed(Seed s) {
        return new SandboxOptions(dialect, s, port, user, password, keyIdsOmittedKeepsKeys, rotationCooldown);
    }

    /** 0 = any free port. */
    public SandboxOptions withPort(int p) {
        return new SandboxOptions(dialect, seed, p, user, password, keyIdsOmittedKeepsKeys, rotationCooldown);
    }

    /** Enables auth: Basic, Bearer and session login (cookie or Bearer token) are accepted. */
    public SandboxOptions withBasicAuth(String username, String pass) {
        return new SandboxOptions(dialect, seed, port, username, pass, keyIdsOmittedKeepsKeys, rotationCooldown);
    }

    /**
     * V2 only. {@code false} (default): a PUT that omits {@code key_ids} on an existing provider config denies
     * every key, as v2.2.6 release servers most likely still do. {@code true}: the post-v2.2.6 fix (PR #7362)
     * keeps the stored keys (REFERENCE-v2 §11.4.2).
     */
    public SandboxOptions withKeyIdsOmittedKeepsKeys(boolean keep) {
        return new SandboxOptions(dialect, seed, port, user, password, keep, rotationCooldown);
    }

    /**
     * V2 {@code client_config.vk_rotation_cooldown}: with a positive value a rotation sets
     * {@code previous_value_expires_at} = now + cooldown; zero (default) clears it (REFERENCE-v2 §11.10). The real
     * server refuses negative values and more than 30 days.
     */
    public SandboxOptions withRotationCooldown(Duration cooldown) {
        if (cooldown.isNegative() || cooldown.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("vk_rotation_cooldown must be between 0 and 30 days");
        }
        return new SandboxOptions(dialect, seed, port, user, password, keyIdsOmittedKeepsKeys, cooldown);
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

    public boolean keyIdsOmittedKeepsKeys() {
        return keyIdsOmittedKeepsKeys;
    }

    public Duration rotationCooldown() {
        return rotationCooldown;
    }
}
