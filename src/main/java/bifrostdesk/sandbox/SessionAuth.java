package bifrostdesk.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bifrost's admin auth (REFERENCE §6.5): Basic, {@code Bearer <session>}, {@code Bearer base64(user:pass)} or the
 * {@code token} cookie. Disabled when no credentials are configured.
 */
final class SessionAuth {
    private final String user;
    private final String pass;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    SessionAuth(String user, String pass) {
        this.user = user;
        this.pass = pass;
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
