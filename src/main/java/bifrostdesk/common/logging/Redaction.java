package bifrostdesk.common.logging;

import java.util.regex.Pattern;

/**
 * Masks secrets in text that is about to be logged: VK values, Authorization headers, session cookies, passwords
 * in JSON, the setup token (header, cookie, variables). The app never logs request or response bodies in the first place; this is the second line of defence.
 */
public final class Redaction {
    private static final Pattern VK_VALUE = Pattern.compile("sk-bf-[A-Za-z0-9_-]{4,}");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9+/=._~-]{6,}");
    private static final Pattern TOKEN_COOKIE = Pattern.compile("(?i)\\btoken=[^;\\s\"]+");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)\"(password|token|setup_token|connection_string|value|headers)\"\\s*:\\s*(\"[^\"]*\"|\\{[^}]*\\})");
    /** The v2.2.6 setup lock (REFERENCE-v2.md §11.2.1): its header, its session cookie, its variables. */
    private static final Pattern SETUP_HEADER = Pattern.compile(
            "(?i)\\b(x-bifrost-setup-token)\\s*[:=]\\s*[^\\s,;\"]+");
    private static final Pattern SETUP_COOKIE = Pattern.compile("(?i)\\b(bifrost_setup_session)=[^;\\s\"]+");
    private static final Pattern SETUP_VARIABLE = Pattern.compile(
            "(?i)\\b((?:bifrost_(?:desk_)?)?setup_token)\\s*=\\s*[^\\s,;\"]+");
    private static final Pattern PROVIDER_KEY = Pattern.compile("\\bsk-[A-Za-z0-9]{2,}-[A-Za-z0-9]{16,}");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = VK_VALUE.matcher(text).replaceAll("sk-bf-***");
        s = AUTH_HEADER.matcher(s).replaceAll("$1 ***");
        s = TOKEN_COOKIE.matcher(s).replaceAll("token=***");
        s = JSON_SECRET.matcher(s).replaceAll("\"$1\": \"***\"");
        s = SETUP_HEADER.matcher(s).replaceAll("$1: ***");
        s = SETUP_COOKIE.matcher(s).replaceAll("$1=***");
        s = SETUP_VARIABLE.matcher(s).replaceAll("$1=***");
        s = PROVIDER_KEY.matcher(s).replaceAll("sk-***");
        return s;
    }
}
