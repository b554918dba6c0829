package bifrostdesk.activity.ui;

import bifrostdesk.common.ui.DialogService;
import bifrostdesk.drafts.merge.Choice;
import bifrostdesk.drafts.merge.Conflict;
import bifrostdesk.virtualkey.api.SavePlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The window's dialog service with a record kept: notices and errors become activity events, and a confirmed plan
 * is remembered so the save that follows can say what it changed. Everything else is passed through unchanged.
 */
public final class ActivityDialogs implements DialogService {
    private final DialogService dialogs;
    private final ActivityViewModel activity;

    public ActivityDialogs(DialogService dialogs, ActivityViewModel activity) {
        this.dialogs = dialogs;
        this.activity = activity;
    }

    @Override
    public boolean confirmPlan(String title, SavePlan plan) {
        boolean yes = dialogs.confirmPlan(title, plan);
        if (yes) {
            activity.planConfirmed(plan.changes());
        }
        return yes;
    }

    @Override
    public ConflictChoice resolveConflict(String keyName, String theirChanges) {
        return dialogs.resolveConflict(keyName, theirChanges);
    }

    @Override
    public void showError(String title, String message) {
        activity.error(title, message, null);
        dialogs.showError(title, message);
    }

    @Override
    public void notify(String message) {
        activity.notice(message);
        dialogs.notify(message);
    }

    @Override
    public void showErrorDetails(String title, String message, String details) {
        activity.error(title, message, details);
        dialogs.showErrorDetails(title, message, details);
    }

    @Override
    public Optional<String> askText(String title, String message, String prompt) {
        return dialogs.askText(title, message, prompt);
    }

    @Override
    public Optional<Path> askSaveFile(String title, String suggestedName, FileType type) {
        return dialogs.askSaveFile(title, suggestedName, type);
    }

    @Override
    public Optional<Path> askOpenFile(String title, FileType type) {
        return dialogs.askOpenFile(title, type);
    }

    @Override
    public void showSecretOnce(String title, String message, String secret) {
        dialogs.showSecretOnce(title, message, secret);
    }

    @Override
    public Optional<Map<String, Choice>> resolveMerge(String keyName, List<Conflict> conflicts) {
        return dialogs.resolveMerge(keyName, conflicts);
    }

    @Override
    public DeletedChoice keyDeletedOnServer(String keyName) {
        return dialogs.keyDeletedOnServer(keyName);
    }

    @Override
    public Optional<SignIn> signIn(String server, String user, String reason, String storeNote) {
        return dialogs.signIn(server, user, reason, storeNote);
    }

    @Override
    public Optional<SetupToken> askSetupToken(String server, String reason, String storeNote) {
        return dialogs.askSetupToken(server, reason, storeNote);
    }
}
