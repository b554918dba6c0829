package bifrostdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesAndCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void aProductionProfileConfirmsEverySaveByDefault() {
        assertThat(Profile.create("prod", "https://gw", Profile.Colour.RED, Profile.AuthMode.BASIC, "admin")
                .confirmEverySave()).isTrue();
        assertThat(Profile.create("stage", "https://gw", Profile.Colour.AMBER, Profile.AuthMode.BASIC, "admin")
                .confirmEverySave()).isFalse();
    }

    @Test
    void credentialsOverPlainHttpAreFlaggedExceptToThisMachine() {
        Profile basic = Profile.create("x", "http://gw.example.com:8080", Profile.Colour.NONE, Profile.AuthMode.BASIC, "a");
        assertThat(basic.sendsCredentialsInClear()).isTrue();
        assertThat(basic.withUrl("https://gw.example.com").sendsCredentialsInClear()).isFalse();
        assertThat(basic.withUrl("http://127.0.0.1:8080").sendsCredentialsInClear()).isFalse();
        assertThat(basic.withUrl("http://localhost/bifrost").sendsCredentialsInClear()).isFalse();
        assertThat(Profile.of("open", "http://gw.example.com").sendsCredentialsInClear()).isFalse();
    }

    @Test
    void profilesAreSavedWithoutAnyPassword() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("profiles.json"));
        MemoryCredentialStore secrets = new MemoryCredentialStore("test");
        store.put(Profile.create("prod", "https://gw", Profile.Colour.RED, Profile.AuthMode.BASIC, "admin"));
        secrets.write("prod", "hunter2-very-secret");
        store.put(Profile.create("stage", "https://stage", Profile.Colour.GREEN, Profile.AuthMode.SESSION, "ops"));

        assertThat(store.load()).extracting(Profile::name).containsExactly("prod", "stage");
        assertThat(store.find("PROD")).get().satisfies(p -> {
            assertThat(p.colour()).isEqualTo(Profile.Colour.RED);
            assertThat(p.user()).isEqualTo("admin");
        });
        assertThat(Files.readString(dir.resolve("profiles.json"))).doesNotContain("hunter2");
        store.remove("prod");
        assertThat(store.load()).extracting(Profile::name).containsExactly("stage");
    }

    @Test
    void theMemoryStoreSaysPasswordsLastOnlyForTheSession() {
        MemoryCredentialStore m = new MemoryCredentialStore("no Secret Service");
        m.write("p", "s");
        assertThat(m.read("p")).contains("s");
        m.delete("p");
        assertThat(m.read("p")).isEmpty();
        assertThat(m.persistent()).isFalse();
        assertThat(m.describe()).contains("in memory").contains("no Secret Service");
    }

    /**
     * The real backend of this machine: either the OS keychain works end to end, or the app falls back to memory
     * and says why. On a machine without a keyring daemon (like CI) the second branch is the one that runs.
     */
    @Test
    void theRealKeychainWorksOrTheFallbackSaysWhy() {
        CredentialStore store = KeychainCredentialStore.open();
        String name = "bifrost-desk-test-" + System.nanoTime();
        store.write(name, "probe-secret");
        try {
            assertThat(store.read(name)).contains("probe-secret");
        } finally {
            store.delete(name);
        }
        assertThat(store.read(name)).isEmpty();
        if (store.persistent()) {
            assertThat(store.describe()).contains("keychain");
        } else {
            assertThat(store.describe()).startsWith("No OS keychain is available (");
        }
    }

    @Test
    void aTrustedCaFileMustHoldACertificate() throws Exception {
        Path bad = dir.resolve("ca.pem");
        Files.writeString(bad, "not a certificate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustedCertificates.withExtraCa(bad))
                .isInstanceOf(java.security.GeneralSecurityException.class);
        assertThat(List.of()).isEmpty();
    }
}
