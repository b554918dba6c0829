package bifrostdesk.connection;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The OS keychain through java-keyring: Secret Service on Linux, Keychain on macOS, Credential Manager on Windows.
 * {@link #open()} checks that the backend really works (a Linux box without a running keyring daemon has the
 * library but no service) and falls back to memory, telling the user.
 */
public final class KeychainCredentialStore implements CredentialStore {
    static final String SERVICE = "Bifrost Desk";
    private final Keyring keyring;

    private KeychainCredentialStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The keychain if it answers a write/read/delete probe, else a memory store saying why. */
    public static CredentialStore open() {
        return open(Keyring::create);
    }

    /** How to reach the OS keychain; {@link Keyring#create()} but for tests of the fallback. */
    interface Backend {
        Keyring connect() throws Exception;
    }

    static CredentialStore open(Backend backend) {
        try {
            Keyring k = backend.connect();
            String probe = "probe-" + System.nanoTime();
            k.setPassword(SERVICE, probe, "ok");
            boolean ok = "ok".equals(k.getPassword(SERVICE, probe));
            k.deletePassword(SERVICE, probe);
            if (ok) {
                return new KeychainCredentialStore(k);
            }
            return new MemoryCredentialStore("the keychain did not return what was stored");
        } catch (Exception | LinkageError e) {
            return new MemoryCredentialStore(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    @Override
    public Optional<String> read(String profile) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, profile));
        } catch (PasswordAccessException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String profile, String secret) {
        try {
            keyring.setPassword(SERVICE, profile, secret);
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("The keychain refused to store the password: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String profile) {
        try {
            keyring.deletePassword(SERVICE, profile);
        } catch (PasswordAccessException ignored) {
            // nothing stored
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public String describe() {
        return "Passwords are kept in the operating system's keychain.";
    }
}
