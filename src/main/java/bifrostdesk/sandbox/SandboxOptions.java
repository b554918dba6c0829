package bifrostdesk.sandbox;

import bifrostdesk.virtualkey.model.Dialect;
import java.time.Duration;

/**
 * Immutable sandbox configuration; start from {@link #defaults()} and use the {@code with*} methods.
 *
 * @param dialect                which Bifrost generation to imitate
 * @param seed                   the data it starts with
 * @param port                   0 = a free port
 * @param username               HTTP Basic user, {@code null} for no dashboard auth
 * @param password               its password
 * @param setupLock              the v2.2.6 setup lock is installed (it acts only on V2 without basic auth)
 * @param setupToken             the token the lock accepts, {@code null} for "no token configured"
 * @param version                what {@code GET /api/version} answers instead of the dialect's version, or null
 * @param keyIdsOmittedKeepsKeys V2: the post-v2.2.6 fix (PR #7362) for a PUT that omits {@code key_ids}
 * @param rotationCooldown       V2 {@code client_config.vk_rotation_cooldown}
 * @param logs                   whether the gateway keeps request logs, and how it says it does not (LOGS.md §7.1)
 * @param logRetentionDays       {@code client_config.log_retention_days}: how far back the synthetic history goes
 */
public record SandboxOptions(Dialect dialect, Seed seed, int port, String username, String password,
                             boolean setupLock, String setupToken, String version, boolean keyIdsOmittedKeepsKeys,
                             Duration rotationCooldown, Logs logs, int logRetentionDays) {

    /** The gateway's request logs (shared/bifrost-api/LOGS.md §7.1). */
    public enum Logs {
        /** Logs kept: {@code /api/logs/*} serves a synthetic history consistent with the budgets. */
        ON,
        /** Logging off: {@code /api/config} says so and every {@code /api/logs*} route answers a JSON 404. */
        OFF,
        /**
         * An older build with logging off: its {@code /api/config} has no logging fields, and {@code /api/logs*}
         * GETs get the dashboard's HTML page with status 200 (the old UI catch-all).
         */
        OLD_BUILD
    }

    /**
     * V2 (v2.2.6) dialect, SMALL seed, a free port, no auth, no setup lock, key_ids trap on, no cooldown, logs on with
     * Bifrost's default retention of 365 days.
     */
    public static SandboxOptions defaults() {
        return new SandboxOptions(Dialect.V2, Seed.SMALL, 0, null, null, false, null, null, false, Duration.ZERO,
                Logs.ON, 365);
    }

    public SandboxOptions withDialect(Dialect d) {
        return new SandboxOptions(d, seed, port, username, password, setupLock, setupToken, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, logRetentionDays);
    }

    public SandboxOptions withSeed(Seed s) {
        return new SandboxOptions(dialect, s, port, username, password, setupLock, setupToken, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, logRetentionDays);
    }

    /** 0 = pick a free port. */
    public SandboxOptions withPort(int p) {
        return new SandboxOptions(dialect, seed, p, username, password, setupLock, setupToken, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, logRetentionDays);
    }

    /** Requires HTTP Basic (or a session from /api/session/login) on every /api route but /api/version. */
    public SandboxOptions withBasicAuth(String user, String pass) {
        return new SandboxOptions(dialect, seed, port, user, pass, setupLock, setupToken, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, logRetentionDays);
    }

    /**
     * The v2.2.6 setup lock with this token (REFERENCE-v2.md §11.2.1): on the {@link Dialect#V2} dialect without
     * basic auth, non-public {@code /api} routes need {@code X-Bifrost-Setup-Token}. {@code null}: no lock.
     */
    public SandboxOptions withSetupToken(String token) {
        boolean lock = token != null && !token.isBlank();
        return new SandboxOptions(dialect, seed, port, username, password, lock, lock ? token : null, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, logRetentionDays);
    }

    /** The setup lock with no token configured: every non-public {@code /api} route answers 403 (§11.2.1). */
    public SandboxOptions withSetupLockWithoutToken() {
        return new SandboxOptions(dialect, seed, port, username, password, true, null, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, logRetentionDays);
    }

    /** What {@code GET /api/version} answers instead of the dialect's usual version (e.g. "v2.3.0"). */
    public SandboxOptions withVersion(String v) {
        return new SandboxOptions(dialect, seed, port, username, password, setupLock, setupToken, v,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, logRetentionDays);
    }

    /**
     * V2 only. {@code false} (default): a PUT that omits {@code key_ids} on an existing provider config denies
     * every key, as v2.2.6 release servers most likely still do. {@code true}: the post-v2.2.6 fix (PR #7362)
     * keeps the stored keys (REFERENCE-v2 §11.4.2).
     */
    public SandboxOptions withKeyIdsOmittedKeepsKeys(boolean keep) {
        return new SandboxOptions(dialect, seed, port, username, password, setupLock, setupToken, version, keep,
                rotationCooldown, logs, logRetentionDays);
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
        return new SandboxOptions(dialect, seed, port, username, password, setupLock, setupToken, version,
                keyIdsOmittedKeepsKeys, cooldown, logs, logRetentionDays);
    }

    /** {@link Logs#ON}, {@link Logs#OFF} (JSON 404) or {@link Logs#OLD_BUILD} (HTML 200). */
    public SandboxOptions withLogs(Logs mode) {
        return new SandboxOptions(dialect, seed, port, username, password, setupLock, setupToken, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, mode, logRetentionDays);
    }

    /** {@code client_config.log_retention_days} (at least 1, LOGS.md §7.2): no synthetic spend older than that. */
    public SandboxOptions withLogRetentionDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("log_retention_days must be at least 1");
        }
        return new SandboxOptions(dialect, seed, port, username, password, setupLock, setupToken, version,
                keyIdsOmittedKeepsKeys, rotationCooldown, logs, days);
    }
}
