package bifrostdesk.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bifrost's admin auth (REFERENCE §6.5): Basic, {@code Bearer <session>}, {@code Bearer base64(user:pass)} or the
 * {@code token} cookie. Disabled when no credentials are configured.
 * <p>
 * Also the v2.2.6 OSS setup lock (REFERENCE-v2.md §11.2.1, {@code SetupLockMiddleware}): installed on the V2
 * dialect when the options ask for it, active while dashboard auth is off, checked before the auth above.
 */
final class SessionAuth {
    static final String SETUP_HEADER = "X-Bifrost-Setup-Token";
    static final String SETUP_COOKIE = "bifrost_setup_session";
    /** §11.2.1: the setup session cookie lives 12 hours. */
    static final long SETUP_SESSION_SECONDS = 12 * 3600;
    // §11.2.1 exact texts (S:middlewares.go)
    static final String LOCK_NO_TOKEN = "dashboard auth is not configured; send the setup token in the "
            + "X-Bifrost-Setup-Token header";
    static final String LOCK_INVALID = "invalid setup token";
    static final String LOCK_NOT_SET = "dashboard auth is not configured and no setup token is set; set setup_token "
            + "in config.json (or the BIFROST_SETUP_TOKEN env var) and restart Bifrost";
    /** §11.2.1: routes that stay public while locked (exact paths), and the public prefixes. */
    private static final Set<String> PUBLIC = Set.of("/api/session/is-auth-enabled", "/api/session/login",
            "/api/session/logout", "/api/oauth/callback", "/health", "/login", "/favicon.ico",
            "/api/scim/oauth/config", "/api/scim/oauth/callback", "/api/scim/oauth/refresh",
            "/api/scim/oauth/logout", "/api/version");
    private static final java.util.List<String> PUBLIC_PREFIXES = java.util.List.of("/assets/", "/api/dev/",
            "/api/skills/serve/", "/.well-known/");

    private final String user;
    private final String pass;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final boolean reportsSetupLock;
    private final boolean lockInstalled;
    private final String setupToken;

    SessionAuth(String user, String pass) {
        this(user, pass, null, false, null);
    }

    /**
     * @param dialect   the lock and the {@code setup_*} keys of is-auth-enabled exist on {@link
     *                  bifrostdesk.virtualkey.model.Dialect#V2} only (v2.2.6)
     * @param setupLock whether the lock is installed; {@code setupToken} null = installed without a token
     */
    SessionAuth(String user, String pass, bifrostdesk.virtualkey.model.Dialect dialect, boolean setupLock,
                String setupToken) {
        this.user = user;
        this.pass = pass;
        this.reportsSetupLock = dialect == bifrostdesk.virtualkey.model.Dialect.V2;
        this.lockInstalled = reportsSetupLock && setupLock;
        this.setupToken = setupToken;
    }

    /** Whether is-auth-enabled carries {@code setup_required}/{@code setup_token_configured} (v2.2.6+). */
    boolean reportsSetupLock() {
        return reportsSetupLock;
    }

    /** §11.2.1: the lock is installed and dashboard auth is not active; with basic auth it steps aside. */
    boolean setupRequired() {
        return lockInstalled && !enabled();
    }

    boolean setupTokenConfigured() {
        return lockInstalled && setupToken != null;
    }

    static boolean isPublic(String path) {
        return PUBLIC.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /**
     * The lock's decision for one request (§11.2.1 "Decision order"): answers a refused request with the lock's
     * error envelope and returns true; false when it may go on (public route, lock inactive, right token or a valid
     * setup cookie).
     */
    boolean refusedBySetupLock(Exchange ex) throws java.io.IOException {
        if (!setupRequired() || isPublic(ex.path)) {
            return false;
        }
        if (setupToken == null) {
            ex.error(403, LOCK_NOT_SET);
            return true;
        }
        String header = ex.header(SETUP_HEADER);
        if (header != null) {
            if (!setupTokenMatches(header)) {
                ex.error(403, LOCK_INVALID);
                return true;
            }
            return false;
        }
        if (validSetupSession(cookie(ex, SETUP_COOKIE))) {
            return false;
        }
        ex.error(401, LOCK_NO_TOKEN);
        return true;
    }

    boolean setupTokenMatches(String candidate) {
        return setupToken != null && candidate != null && MessageDigest.isEqual(bytes(setupToken), bytes(candidate));
    }

    /**
     * A setup session cookie value: {@code v1.<expiry>.<nonce>.<hmac>}, the HMAC keyed by the token so that a new
     * token invalidates every cookie (§11.2.1).
     */
    String newSetupSession(long expiresEpochSeconds) {
        String payload = "v1." + expiresEpochSeconds + "." + java.util.UUID.randomUUID().toString().replace("-", "");
        return payload + "." + hmac(payload);
    }

    private boolean validSetupSession(String value) {
        if (value == null || setupToken == null) {
            return false;
        }
        int dot = value.lastIndexOf('.');
        String[] parts = value.split("\\.");
        if (dot < 0 || parts.length != 4 || !parts[0].equals("v1")) {
            return false;
        }
        String payload = value.substring(0, dot);
        try {
            return MessageDigest.isEqual(bytes(hmac(payload)), bytes(value.substring(dot + 1)))
                    && Long.parseLong(parts[1]) > java.time.Instant.now().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String hmac(String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(bytes(setupToken), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(bytes(payload)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean enabled() {
        return user != null;
    }

    boolean credentialsMatch(String u, String p) {
        return enabled() && MessageDigest.isEqual(bytes(user + "\0" + pass), bytes(u + "\0" + p));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    String newSession() {
        String t = java.util.UUID.randomUUID().toString();
        sessions.add(t);
        return t;
    }

    java.util.Set<String> sessions() {
        return java.util.Set.copyOf(sessions);
    }

    void endAll() {
        sessions.clear();
    }

    void endSession(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** The session token from {@code Authorization: Bearer} or the cookie, if any. */
    static String sessionToken(Exchange ex) {
        String auth = ex.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return cookie(ex, "token");
    }

    static String cookie(Exchange ex, String name) {
        String header = ex.header("Cookie");
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** Whether the request carries valid credentials. */
    boolean authorized(Exchange ex) {
        if (!enabled()) {
            return true;
        }
        String auth = ex.header("Authorization");
        if (auth != null) {
            if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                return basicMatches(auth.substring(6).trim());
            }
            if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String token = auth.substring(7).trim();
                return sessions.contains(token) || basicMatches(token);
            }
            return false;
        }
        String cookie = cookie(ex, "token");
        return cookie != null && sessions.contains(cookie);
    }

    boolean hasValidSession(Exchange ex) {
        String t = sessionToken(ex);
        return t != null && sessions.contains(t);
    }

    private boolean basicMatches(String b64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && credentialsMatch(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
