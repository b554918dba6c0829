package bifrostdesk.connection.lock;

import bifrostdesk.connection.Profile;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.AuthStatus;
import bifrostdesk.virtualkey.api.BifrostClient;

/** The v2.2.6 setup lock in words for a connection test (REFERENCE-v2.md §11.2.1). Blocking. */
public final class SetupLockReport {
    private SetupLockReport() {
    }

    /**
     * One line about the lock, or null when it does not stand in the way (no lock, an older server, or the token the
     * client carries was accepted by {@code POST /api/session/setup}).
     *
     * @param clearText the token would cross the network over plain http
     */
    public static String of(BifrostClient client, boolean clearText) throws ApiException {
        AuthStatus status;
        try {
            status = client.authStatus();
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
        if (status.lockedWithoutToken()) {
            return "✘ Bifrost " + client.version() + " is locked and has no setup token: the operator must set "
                    + "setup_token in config.json (or BIFROST_SETUP_TOKEN) and restart it.";
        }
        if (!status.needsSetupToken()) {
            return null;
        }
        if (!client.hasSetupToken()) {
            return "✘ Bifrost " + client.version() + " is locked until it is set up: choose the sign-in \""
                    + Profile.AuthMode.SETUP_TOKEN.label() + "\" and enter its setup token.";
        }
        try {
            client.checkSetupToken();
        } catch (ApiException e) {
            if (e.isSetupLock()) {
                return "✘ " + e.userMessage();
            }
            throw e;
        }
        return "✔ Bifrost " + client.version() + " (" + client.detectDialect().label() + "), setup lock: the token "
                + "was accepted" + (clearText ? ". Warning: plain http — the token would cross the network "
                + "unencrypted." : ".");
    }
}
