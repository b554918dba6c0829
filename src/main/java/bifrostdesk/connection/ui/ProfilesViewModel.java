package bifrostdesk.connection.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.Credentials;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.connection.lock.SetupLockReport;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profiles window's state and commands: the saved profiles, the password or setup token being typed, and what
 * the last action found. Every {@link ProfileStore} (profiles.json) and {@link CredentialStore} (the OS keychain,
 * which may block) call, and the connection test, runs in the {@link TaskRunner}; results land on the FX thread.
 * Secrets never go into profiles.json.
 */
public final class ProfilesViewModel {
    private final ProfileStore store;
    private final CredentialStore credentials;
    private final SetupTokens tokens;
    private final TaskRunner runner;
    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final StringProperty secret = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper secretPrompt = new ReadOnlyStringWrapper("kept in the keychain");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");

    public ProfilesViewModel(ProfileStore store, CredentialStore credentials, TaskRunner runner) {
        this.store = store;
        this.credentials = credentials;
        this.tokens = new SetupTokens(credentials);
        this.runner = runner;
    }

    /** Where passwords are kept, in a sentence for the window's heading. */
    public String storeNote() {
        return credentials.describe();
    }

    /** Reads the saved profiles. */
    public void reload() {
        runner.run("Reading the profiles", p -> store.load(), profiles::setAll,
                e -> result.set("Cannot read the profiles: " + e.getMessage()));
    }

    /** A new, empty profile is being made. */
    public void clear() {
        secret.set("");
        result.set("");
    }

    /** The user picked a saved profile: says whether its password (or token) is stored, without showing it. */
    public void select(Profile p) {
        secret.set("");
        result.set("");
        runner.run("Reading the keychain", t -> storedSecret(p).isPresent(),
                stored -> secretPrompt.set(stored ? "stored — type to replace" : "not stored"),
                e -> secretPrompt.set("not stored"));
    }

    /** Saves {@code p} and, if one was typed, its password or setup token; then reads the list again. */
    public void save(Profile p) {
        String problem = validate(p);
        if (problem != null) {
            result.set(problem);
            return;
        }
        String typed = secret.get();
        runner.run("Saving " + p.name(), t -> {
            store.put(p);
            if (!typed.isEmpty()) {
                if (p.authMode() == Profile.AuthMode.SETUP_TOKEN) {
                    tokens.write(p.name(), typed.trim());
                } else {
                    credentials.write(p.name(), typed);
                }
            }
            try {
                return store.load();
            } catch (IOException unreadable) {
                return null; // saved all the same: the list keeps what it showed
            }
        }, all -> {
            if (!typed.isEmpty()) {
                secret.set("");
            }
            if (all != null) {
                profiles.setAll(all);
            }
            result.set("Saved " + p.name() + (credentials.persistent() ? "."
                    : "; the password is kept for this session only."));
        }, e -> result.set("Not saved: " + e.getMessage()));
    }

    /** Removes a saved profile with its password and token; {@code removed} runs (on the FX thread) once gone. */
    public void remove(Profile p, Runnable removed) {
        runner.run("Removing " + p.name(), t -> {
            store.remove(p.name());
            credentials.delete(p.name());
            tokens.delete(p.name());
            return store.load();
        }, all -> {
            profiles.setAll(all);
            removed.run();
        }, e -> result.set("Not removed: " + e.getMessage()));
    }

    /** Health, version and sign-in check of {@code p}, with the typed password or token, else the stored one. */
    public void test(Profile p) {
        String typed = secret.get();
        result.set("Testing " + p.url() + "…");
        runner.run("Testing " + p.url(), t -> testConnection(p, !typed.isEmpty() ? typed : storedSecret(p).orElse("")),
                result::set, e -> result.set("✘ " + ConnectionProblems.explain(e, p.url(),
                        !typed.isEmpty() || p.authMode() != Profile.AuthMode.NONE)));
    }

    /** Blocking: the profile's stored password, or its setup token for a setup-token profile. */
    private Optional<String> storedSecret(Profile p) {
        return p.authMode() == Profile.AuthMode.SETUP_TOKEN ? tokens.read(p.name()) : credentials.read(p.name());
    }

    /** Why {@code p} cannot be saved, or null. */
    static String validate(Profile p) {
        if (p.name().isBlank()) {
            return "Give the profile a name.";
        }
        if (p.name().equals(Profile.SANDBOX)) {
            return "That name is taken by the built-in sandbox.";
        }
        try {
            ServerEndpoint.of(p.url());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (p.authMode().needsUser() && (p.user() == null || p.user().isBlank())) {
            return "Sign-in needs a user name.";
        }
        return null;
    }

    /**
     * Health, version and sign-in check of a profile, in words. Blocking. {@code password} is the setup token for a
     * SETUP_TOKEN profile.
     */
    static String testConnection(Profile p, String password) throws Exception {
        Credentials c = p.authMode() == Profile.AuthMode.BASIC && p.user() != null && !password.isEmpty()
                ? Credentials.basic(p.user(), password) : Credentials.none();
        ClientOptions o = ClientOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15));
        if (p.trustedCaFile() != null) {
            o = o.withTrustedCa(Path.of(p.trustedCaFile()));
        }
        if (p.authMode() == Profile.AuthMode.SETUP_TOKEN) {
            o = o.withSetupToken(password);
        }
        BifrostClient client = new BifrostClient(new ServerEndpoint(p.url(), c), o);
        client.health();
        String lock = SetupLockReport.of(client, p.sendsCredentialsInClear());
        if (lock != null) {
            return lock;
        }
        boolean auth = client.isAuthEnabled();
        if (auth && p.authMode() == Profile.AuthMode.SESSION && p.user() != null && !password.isEmpty()) {
            client.login(p.user(), password);
        }
        String version = client.version();
        return "✔ Bifrost " + version + " (" + client.detectDialect().label() + ")"
                + (auth && p.authMode() == Profile.AuthMode.NONE ? ", but it needs a sign-in: choose \"user and "
                + "password\" under Sign-in" : auth ? ", signed in" : ", no sign-in") + (p.sendsCredentialsInClear()
                ? ". Warning: plain http — the password would cross the network unencrypted." : ".");
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    /** The password or setup token being typed (bound to the password field); cleared once stored. */
    public StringProperty secretProperty() {
        return secret;
    }

    /** The password field's prompt: whether the selected profile's secret is stored. */
    public ReadOnlyStringProperty secretPromptProperty() {
        return secretPrompt.getReadOnlyProperty();
    }

    /** What the last save, removal or test found. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }
}
