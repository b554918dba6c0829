package bifrostdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.BackendNotSupportedException;
import org.junit.jupiter.api.Test;

/**
 * Without an OS keychain the app keeps passwords in memory for the session and says why. Runs the same everywhere
 * (with or without a Secret Service on the machine): the keychain that cannot be reached is simulated.
 */
class KeychainCredentialStoreTest {
    @Test
    void noSecretServiceMeansPasswordsInMemoryAndASentenceSayingWhy() {
        CredentialStore store = KeychainCredentialStore.open(() -> {
            throw new BackendNotSupportedException("Error connecting to dbus");
        });
        assertThat(store.persistent()).isFalse();
        assertThat(store.describe()).startsWith("No OS keychain is available (BackendNotSupportedException: "
                + "Error connecting to dbus)").contains("in memory").contains("never written to disk");
        store.write("prod", "hunter2");
        assertThat(store.read("prod")).contains("hunter2");
        store.delete("prod");
        assertThat(store.read("prod")).isEmpty();
    }

    @Test
    void aMissingNativeLibraryIsAFallbackTooNotACrash() {
        CredentialStore store = KeychainCredentialStore.open(() -> {
            throw new UnsatisfiedLinkError("no libsecret\nsecond line");
        });
        assertThat(store.persistent()).isFalse();
        assertThat(store.describe()).contains("(UnsatisfiedLinkError: no libsecret)");
    }
}
