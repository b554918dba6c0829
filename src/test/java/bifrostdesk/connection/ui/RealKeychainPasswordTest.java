package bifrostdesk.connection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.KeychainCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import bifrostdesk.drafts.DataDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile's password in the real OS keychain (a Secret Service: gnome-keyring in a private D-Bus session, started
 * by {@code .ci/run}), saved and removed through the profiles window's model as the app does it. Checked from
 * outside the app with {@code secret-tool}, libsecret's own client. Tagged {@code real-keychain}: only
 * {@code .ci/run} (which starts the Secret Service) includes it; {@code mvn test} alone leaves it out (pom.xml).
 * <p>
 * The keyring daemon's own folder is {@code $BIFROST_DESK_KEYRING_HOME} (set by {@code .ci/run}); it is scanned too,
 * to show the keyring stores the password encrypted.
 */
@Tag("real-keychain")
class RealKeychainPasswordTest {
    /** java-keyring's item attributes on the Secret Service: service = the app, account = the profile. */
    private static final String SERVICE = "Bifrost Desk";

    @TempDir
    Path appFolder;

    private static String secretTool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("secret-tool"));
        cmd.addAll(List.of(args));
        // stdout only: the daemon may print warnings on stderr
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out : null;
    }

    /** The regular files under {@code roots} that hold {@code secret} as plain bytes. */
    private static List<Path> filesHolding(String secret, List<Path> roots) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                        found.add(f);
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aSavedPasswordLivesOnlyInTheKeychainSurvivesARestartAndGoesWithTheProfile() throws Exception {
        CredentialStore keychain = KeychainCredentialStore.open();
        assertThat(keychain.persistent()).as(keychain.describe()).isTrue();
        String name = "real-keychain-" + System.nanoTime();
        String password = "pw-" + Long.toHexString(System.nanoTime()) + "-Zq7";
        ProfileStore profiles = new ProfileStore(appFolder.resolve("profiles.json"));
        Profile profile = Profile.create(name, "https://gateway.example.com", Profile.Colour.RED,
                Profile.AuthMode.BASIC, "admin");

        ProfilesViewModel window = new ProfilesViewModel(profiles, keychain, new DirectTaskRunner());
        window.secretProperty().set(password);
        window.save(profile);
        assertThat(window.resultProperty().get()).isEqualTo("Saved " + name + ".");
        try {
            // read back from the Secret Service by another program
            assertThat(secretTool("lookup", "service", SERVICE, "account", name)).isEqualTo(password);

            // in no file of the app (profiles.json, data, logs) nor the keyring daemon's folder (encrypted there)
            List<Path> roots = new ArrayList<>(List.of(appFolder, DataDirs.data(), DataDirs.logs()));
            String keyringHome = System.getenv("BIFROST_DESK_KEYRING_HOME");
            if (keyringHome != null) {
                roots.add(Path.of(keyringHome));
                assertThat(Path.of(keyringHome, ".local", "share", "keyrings")).isDirectory();
            }
            assertThat(filesHolding(password, roots)).isEmpty();
            assertThat(Files.readString(appFolder.resolve("profiles.json"))).contains(name).contains("admin");

            // "restart": a new keychain connection and a new window model find it
            CredentialStore afterRestart = KeychainCredentialStore.open();
            assertThat(afterRestart.read(name)).contains(password);
            ProfilesViewModel reopened = new ProfilesViewModel(new ProfileStore(appFolder.resolve("profiles.json")),
                    afterRestart, new DirectTaskRunner());
            reopened.reload();
            assertThat(reopened.profiles()).extracting(Profile::name).contains(name);
            reopened.select(profile);
            assertThat(reopened.secretPromptProperty().get()).isEqualTo("stored — type to replace");

            // removing the profile removes the password from the Secret Service
            boolean[] removed = {false};
            reopened.remove(profile, () -> removed[0] = true);
            assertThat(removed[0]).isTrue();
            assertThat(secretTool("lookup", "service", SERVICE, "account", name)).isNull();
            assertThat(KeychainCredentialStore.open().read(name)).isEmpty();
        } finally {
            keychain.delete(name); // a failed run leaves nothing behind either
        }
    }
}
