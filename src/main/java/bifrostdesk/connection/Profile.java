package bifrostdesk.connection;

import java.util.Locale;
import java.util.Objects;

/**
 * A saved server: where it is, how to sign in, and how careful to be. Holds no secret: the password or token
 * lives in the OS keychain (or, where there is none, in memory for the session).
 *
 * @param colour            a tag shown on the window so production is never mistaken for staging
 * @param user              user name for Basic or session sign-in, or {@code null} (none for a setup token)
 * @param confirmEverySave  saves need an explicit tick in the plan dialog (on by default for red profiles)
 * @param trustedCaFile     a PEM certificate file to trust in addition to the system's CAs, or {@code null}
 * @param keepKeyValues     the user opted in to keeping VK values in this profile's workspace (off by default)
 */
public record Profile(String name, String url, Colour colour, AuthMode authMode, String user,
                      boolean confirmEverySave, String trustedCaFile, boolean keepKeyValues) {

    /** The name of the built-in sandbox's profile: never saved, always offered, reserved for it. */
    public static final String SANDBOX = "Built-in sandbox";

    public enum Colour { NONE, GREEN, BLUE, AMBER, RED }

    public enum AuthMode {
        /** No sign-in (Bifrost's default when auth is not enabled). */
        NONE,
        /** The admin user and password on every request. */
        BASIC,
        /** Sign in once ({@code POST /api/session/login}) and use the session cookie. */
        SESSION,
        /**
         * A Bifrost v2.2.6+ gateway whose dashboard auth is off: its setup lock wants the operator's setup token on
         * every {@code /api} call (REFERENCE-v2.md §11.2.1). The token is kept like a password, see
         * {@link SetupTokens}; no user name.
         */
        SETUP_TOKEN;

        /** Words for the profile editor's choice. */
        public String label() {
            return switch (this) {
                case NONE -> "none";
                case BASIC -> "user and password (every request)";
                case SESSION -> "user and password (sign in once)";
                case SETUP_TOKEN -> "setup token (v2.2.6+, auth off)";
            };
        }

        /** Whether this kind of sign-in needs a user name. */
        public boolean needsUser() {
            return this == BASIC || this == SESSION;
        }
    }

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        colour = colour == null ? Colour.NONE : colour;
        authMode = authMode == null ? AuthMode.NONE : authMode;
    }

    public static Profile of(String name, String url) {
        return new Profile(name, url, Colour.NONE, AuthMode.NONE, null, false, null, false);
    }

    /**
     * The unsaved profile of a server given on the command line ({@code --server}, {@code BIFROST_DESK_SERVER}):
     * named by its host (and port, if the URL has one), so the picker says where the app is connected.
     */
    public static Profile forServer(String url) {
        String name = url;
        try {
            java.net.URI u = java.net.URI.create(url.trim());
            if (u.getHost() != null) {
                name = u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
            }
        } catch (IllegalArgumentException e) {
            // not a URL: the client will say so; the name is the text as given
        }
        return of(name, url);
    }

    /** A new profile tagged red (production) confirms every save unless the user turns it off. */
    public static Profile create(String name, String url, Colour colour, AuthMode mode, String user) {
        return new Profile(name, url, colour, mode, user, colour == Colour.RED, null, false);
    }

    public boolean isProduction() {
        return colour == Colour.RED;
    }

    /** Plain http to anything but this machine: credentials would cross the network readable by anyone on the way. */
    public boolean sendsCredentialsInClear() {
        if (authMode == AuthMode.NONE || !url.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return false;
        }
        String host = url.replaceFirst("(?i)^http://", "").replaceFirst("[:/].*$", "").toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.equals("127.0.0.1") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }

    public Profile withUrl(String value) {
        return new Profile(name, value, colour, authMode, user, confirmEverySave, trustedCaFile, keepKeyValues);
    }
}
