package bifrostdesk.connection;

import java.util.Objects;
import java.util.Optional;

/**
 * Setup tokens of locked gateways (Bifrost v2.2.6+, REFERENCE-v2.md §11.2.1), one per profile, kept in the
 * {@link CredentialStore} like a password: the OS keychain, or memory for the session where there is none. Never in
 * profiles.json, never logged. Stored under its own entry, so a profile's password is never overwritten by it.
 */
public final class SetupTokens {
    private static final String SUFFIX = " (setup token)";
    private final CredentialStore store;

    public SetupTokens(CredentialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The credential-store entry of a profile's setup token. */
    static String entry(String profile) {
        return profile + SUFFIX;
    }

    public Optional<String> read(String profile) {
        return store.read(entry(profile)).filter(t -> !t.isBlank());
    }

    public void write(String profile, String token) {
        store.write(entry(profile), token);
    }

    public void delete(String profile) {
        store.delete(entry(profile));
    }

    /** True when a stored token survives a restart (the OS keychain). */
    public boolean persistent() {
        return store.persistent();
    }

    /** A sentence for the user about where the token will be kept. */
    public String describe() {
        return store.persistent() ? "The setup token is kept in the operating system's keychain, never in a file."
                : store.describe().replace("passwords are", "the setup token is");
    }
}
