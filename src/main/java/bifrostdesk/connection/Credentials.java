package bifrostdesk.connection;

import java.util.Objects;

/**
 * How the desk proves who it is to a Bifrost server. Bifrost accepts no auth at all (the OSS default), the admin
 * user and password as HTTP Basic on every request, or a session token from {@code POST /api/session/login}.
 * <p>
 * {@code toString()} never shows a password or token: these objects end up in logs and exception texts.
 */
public sealed interface Credentials permits Credentials.None, Credentials.Basic, Credentials.SessionToken {

    static Credentials none() {
        return None.INSTANCE;
    }

    static Credentials basic(String user, String password) {
        return new Basic(user, password);
    }

    static Credentials sessionToken(String token) {
        return new SessionToken(token);
    }

    /** Auth is disabled on the server. */
    final class None implements Credentials {
        static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public String toString() {
            return "no credentials";
        }
    }

    /** Admin user and password, sent as {@code Authorization: Basic} on every request. */
    record Basic(String user, String password) implements Credentials {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Basic auth as " + user;
        }
    }

    /** A session token (the {@code token} cookie a login returned), sent back as that cookie. */
    record SessionToken(String token) implements Credentials {
        public SessionToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "session token";
        }
    }
}
