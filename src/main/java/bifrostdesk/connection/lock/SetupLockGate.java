package bifrostdesk.connection.lock;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.SetupTokens;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.AuthStatus;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The first step of connecting (REFERENCE-v2.md §11.14 step 1): asks {@code GET /api/session/is-auth-enabled}
 * (public) and gets the client past the v2.2.6 OSS setup lock (§11.2.1) before anything else is read.
 * <ul>
 * <li>Not locked (older server, lock inactive, dashboard auth on): goes on at once; sign-in stays the caller's.</li>
 * <li>Locked, the server has a token: uses the token the client already carries, else the profile's stored one,
 * else asks the user; checks it with {@code POST /api/session/setup}; a wrong one (403) is forgotten and the user is
 * asked again, as often as they like. An accepted token the user chose to remember is stored for the profile
 * (in the background, like every keychain call here).</li>
 * <li>Locked without a token on the server: stops with a plain sentence; nothing else can work until the operator
 * restarts Bifrost with one.</li>
 * </ul>
 * Nothing here touches drafts or the editor: a wrong token costs no edit. Call {@link #pass} on the UI thread; the
 * calls run on the task runner, the questions on the UI thread. The token is never logged.
 */
public final class SetupLockGate {
    private static final Logger LOG = Logger.getLogger(SetupLockGate.class.getName());

    /** Why connecting stopped at the lock: a short status line and the full reason. */
    public record Stop(String status, String reason, boolean lockedWithoutToken) {
    }

    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private String profile;
    private SetupTokens tokens = new SetupTokens(new MemoryCredentialStore("none configured"));
    /** The user cancelled the question: background reconnects do not ask again until {@link #askAgain()}. */
    private boolean declined;

    public SetupLockGate(BifrostClient client, TaskRunner runner, DialogService dialogs) {
        this.client = client;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    /** Where this profile's token is kept (the keychain); without a profile, it lasts for the session only. */
    public void attach(String profileName, SetupTokens store) {
        this.profile = profileName;
        this.tokens = store;
    }

    /** After the user asked for it (start, Refresh): the next check may show the question again. */
    public void askAgain() {
        declined = false;
    }

    /**
     * Checks the lock and calls exactly one of: {@code open} with what is-auth-enabled said (go on connecting),
     * {@code stopped} (locked without a token on the server, or the user cancelled the question), {@code failed}
     * (the check itself failed: unreachable, a proxy's 401, ...).
     */
    public void pass(Consumer<AuthStatus> open, Consumer<Stop> stopped, Consumer<Throwable> failed) {
        runner.run("Checking the gateway's setup lock", p -> check(), c -> {
            if (c.status().lockedWithoutToken()) {
                stopped.accept(noTokenOnServer());
            } else if (c.accepted()) {
                open.accept(c.status());
            } else if (declined) {
                stopped.accept(cancelledStop());
            } else {
                ask(c.reason(), c.status(), open, stopped, failed);
            }
        }, failed);
    }

    /** What a background check found: the status, whether the token in use passed, else why to ask. */
    private record Check(AuthStatus status, boolean accepted, String reason) {
    }

    private Check check() throws ApiException {
        AuthStatus status;
        try {
            status = client.authStatus();
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                // before v2.1-ish there is no endpoint (§11.1.3); such servers have no lock either
                return new Check(AuthStatus.UNKNOWN, true, null);
            }
            throw e;
        }
        if (!status.needsSetupToken()) {
            return new Check(status, true, null);
        }
        boolean stored = false;
        if (!client.hasSetupToken() && profile != null) {
            stored = tokens.read(profile).map(t -> {
                client.useSetupToken(t);
                return true;
            }).orElse(false);
        }
        if (!client.hasSetupToken()) {
            return new Check(status, false, firstTime());
        }
        try {
            client.checkSetupToken();
            return new Check(status, true, null);
        } catch (ApiException e) {
            if (e.isSetupTokenNotConfigured()) {
                return new Check(new AuthStatus(false, false, true, false), false, null);
            }
            if (!e.isSetupTokenInvalid() && !e.isSetupTokenMissing()) {
                throw e;
            }
            client.useSetupToken(null);
            if (stored) {
                // the operator changed the token: the stored one will never work again
                tokens.delete(profile);
                LOG.info("The stored setup token of " + profile + " was refused by " + server() + "; forgotten");
                return new Check(status, false, "The stored setup token was not accepted: the gateway's token has "
                        + "changed. Enter the current one.");
            }
            return new Check(status, false, "The gateway did not accept the setup token it was given. Enter the "
                    + "current one.");
        }
    }

    private void ask(String reason, AuthStatus status, Consumer<AuthStatus> open, Consumer<Stop> stopped,
                     Consumer<Throwable> failed) {
        var answer = dialogs.askSetupToken(server(), reason, storeNote())
                .filter(a -> a.token() != null && !a.token().isBlank());
        if (answer.isEmpty()) {
            client.useSetupToken(null);
            declined = true;
            stopped.accept(cancelledStop());
            return;
        }
        DialogService.SetupToken a = answer.get();
        String token = a.token().trim();
        client.useSetupToken(token);
        String keepFor = a.remember() ? profile : null;
        SetupTokens store = tokens;
        runner.run("Checking the setup token", p -> {
            client.checkSetupToken();
            // the keychain may block: the accepted token is stored here, off the FX thread
            return keepFor == null ? "" : remember(store, keepFor, token);
        }, problem -> {
            LOG.info("Setup token accepted by " + server() + (keepFor == null ? "" : problem.isEmpty()
                    ? "; stored for " + keepFor : "; not stored for " + keepFor));
            if (!problem.isEmpty()) {
                dialogs.notify(problem);
            }
            open.accept(status);
        }, e -> {
            if (e instanceof ApiException api && (api.isSetupTokenInvalid() || api.isSetupTokenMissing())) {
                client.useSetupToken(null);
                LOG.info("A setup token was refused by " + server());
                ask("The gateway did not accept that setup token (403 invalid setup token). Check it and try "
                        + "again; your drafts are kept.", status, open, stopped, failed);
            } else if (e instanceof ApiException api && api.isSetupTokenNotConfigured()) {
                stopped.accept(noTokenOnServer());
            } else {
                failed.accept(e);
            }
        });
    }

    /** Off the FX thread: keeps an accepted token; a keychain that refuses costs the connection nothing. */
    private static String remember(SetupTokens store, String profile, String token) {
        try {
            store.write(profile, token);
            return "";
        } catch (RuntimeException e) {
            LOG.warning("The setup token of " + profile + " was not stored: " + e.getMessage());
            return "The setup token was accepted but not stored: " + e.getMessage();
        }
    }

    private static Stop cancelledStop() {
        return new Stop("Setup token needed — press Refresh to try again",
                "This gateway is locked until it gets its setup token. " + ApiException.WHERE_THE_TOKEN_IS, false);
    }

    private String firstTime() {
        return "This Bifrost is locked until it is set up: dashboard auth is off, so every call needs the "
                + "gateway's setup token.";
    }

    private Stop noTokenOnServer() {
        return new Stop("Offline: the gateway is locked and has no setup token",
                "This Bifrost is locked (dashboard auth is off) and has no setup token, so nothing can be read or "
                        + "changed. The operator must set setup_token in config.json (or the BIFROST_SETUP_TOKEN "
                        + "environment variable) and restart Bifrost; the app connects by itself once it is back.",
                true);
    }

    /** Where the token goes, and a warning when it would cross the network in clear (§11.2.1: it is a password). */
    private String storeNote() {
        String url = server();
        boolean clear = new Profile("x", url, null, Profile.AuthMode.SETUP_TOKEN, null, false, null, false)
                .sendsCredentialsInClear();
        return ApiException.WHERE_THE_TOKEN_IS + " " + tokens.describe() + (clear ? " Warning: this is plain http, "
                + "so the token crosses the network unencrypted." : "");
    }

    private String server() {
        return client.endpoint().baseUrl().toString();
    }
}
