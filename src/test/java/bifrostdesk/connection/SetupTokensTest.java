package bifrostdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setup tokens live in the credential store beside the password, never in profiles.json (REFERENCE-v2 §11.2.1). */
class SetupTokensTest {
    @TempDir
    Path dir;

    @Test
    void aTokenIsKeptPerProfileBesideThePasswordNotInsteadOfIt() {
        MemoryCredentialStore store = new MemoryCredentialStore("test");
        SetupTokens tokens = new SetupTokens(store);
        store.write("prod", "the-password");
        tokens.write("prod", "the-setup-token");
        tokens.write("stage", "other-token");
        assertThat(store.read("prod")).contains("the-password");
        assertThat(tokens.read("prod")).contains("the-setup-token");
        assertThat(tokens.read("stage")).contains("other-token");
        assertThat(tokens.read("dev")).isEmpty();
        tokens.delete("prod");
        assertThat(tokens.read("prod")).isEmpty();
        assertThat(store.read("prod")).contains("the-password");
        assertThat(tokens.persistent()).isFalse();
        assertThat(tokens.describe()).contains("in memory").contains("the setup token is");
    }

    @Test
    void theProfileStoreKeepsTheKindButNeverTheToken() throws Exception {
        ProfileStore profiles = new ProfileStore(dir.resolve("profiles.json"));
        SetupTokens tokens = new SetupTokens(new MemoryCredentialStore("test"));
        Profile p = Profile.create("locked", "https://gw.example.com", Profile.Colour.AMBER,
                Profile.AuthMode.SETUP_TOKEN, null);
        profiles.put(p);
        tokens.write(p.name(), "very-secret-setup-token");
        assertThat(profiles.find("locked")).get().extracting(Profile::authMode).isEqualTo(Profile.AuthMode.SETUP_TOKEN);
        assertThat(Files.readString(dir.resolve("profiles.json"))).contains("SETUP_TOKEN")
                .doesNotContain("very-secret-setup-token");
    }

    @Test
    void aSetupTokenProfileNeedsNoUserButCountsAsACredentialOverPlainHttp() {
        assertThat(Profile.AuthMode.SETUP_TOKEN.needsUser()).isFalse();
        assertThat(Profile.AuthMode.BASIC.needsUser()).isTrue();
        assertThat(Profile.AuthMode.SETUP_TOKEN.label()).contains("setup token");
        Profile p = Profile.create("x", "http://gw.example.com", Profile.Colour.NONE, Profile.AuthMode.SETUP_TOKEN, null);
        assertThat(p.sendsCredentialsInClear()).isTrue();
        assertThat(p.withUrl("http://127.0.0.1:8080").sendsCredentialsInClear()).isFalse();
    }
}
