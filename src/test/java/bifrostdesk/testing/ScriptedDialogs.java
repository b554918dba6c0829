package bifrostdesk.testing;

import bifrostdesk.common.ui.DialogService;
import bifrostdesk.virtualkey.api.SavePlan;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service for view-model tests: answers from a script and records what was shown. */
public final class ScriptedDialogs implements DialogService {
    public final List<SavePlan> plansShown = new ArrayList<>();
    public final List<String> conflicts = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    public final List<String> secretsShown = new ArrayList<>();
    public final Deque<String> textAnswers = new ArrayDeque<>();
    public boolean confirmPlans = true;
    public ConflictChoice conflictChoice = ConflictChoice.CANCEL;
    public final List<List<bifrostdesk.drafts.merge.Conflict>> mergesShown = new ArrayList<>();
    /** Answer to a merge: the same choice for every conflict; null cancels. */
    public bifrostdesk.drafts.merge.Choice mergeChoice = bifrostdesk.drafts.merge.Choice.MINE;
    public DeletedChoice deletedChoice = DeletedChoice.KEEP;

    @Override
    public boolean confirmPlan(String title, SavePlan plan) {
        plansShown.add(plan);
        return confirmPlans;
    }

    @Override
    public ConflictChoice resolveConflict(String keyName, String theirChanges) {
        conflicts.add(theirChanges);
        return conflictChoice;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void notify(String message) {
        notices.add(message);
    }

    @Override
    public Optional<String> askText(String title, String message, String prompt) {
        return Optional.ofNullable(textAnswers.poll());
    }

    @Override
    public Optional<java.util.Map<String, bifrostdesk.drafts.merge.Choice>> resolveMerge(String keyName,
            List<bifrostdesk.drafts.merge.Conflict> conflicts) {
        mergesShown.add(conflicts);
        if (mergeChoice == null) {
            return Optional.empty();
        }
        java.util.Map<String, bifrostdesk.drafts.merge.Choice> m = new java.util.HashMap<>();
        conflicts.forEach(c -> m.put(c.id(), mergeChoice));
        return Optional.of(m);
    }

    public final Deque<SignIn> signIns = new ArrayDeque<>();
    public final List<String> signInReasons = new ArrayList<>();

    @Override
    public Optional<SignIn> signIn(String server, String user, String reason, String storeNote) {
        signInReasons.add(reason);
        return Optional.ofNullable(signIns.poll());
    }

    @Override
    public DeletedChoice keyDeletedOnServer(String keyName) {
        return deletedChoice;
    }

    /** Answers to file choosers (save and open), in order; none left = cancel. */
    public final Deque<Path> files = new ArrayDeque<>();
    /** Each file chooser shown: its title and suggested name ("" for an open chooser). */
    public final List<String> fileChoosers = new ArrayList<>();

    @Override
    public Optional<Path> askSaveFile(String title, String suggestedName, FileType type) {
        fileChoosers.add(title + " | " + suggestedName);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> askOpenFile(String title, FileType type) {
        fileChoosers.add(title + " | ");
        return Optional.ofNullable(files.poll());
    }

    @Override
    public void showSecretOnce(String title, String message, String secret) {
        secretsShown.add(secret);
    }

    /** Answers to setup-token questions, in order; none left = cancel. */
    public final Deque<SetupToken> setupTokens = new ArrayDeque<>();
    /** The reasons given with each setup-token question. */
    public final List<String> setupTokenReasons = new ArrayList<>();

    @Override
    public Optional<SetupToken> askSetupToken(String server, String reason, String storeNote) {
        setupTokenReasons.add(reason);
        return Optional.ofNullable(setupTokens.poll());
    }

    /** Uncaught failures shown: title, message and details. */
    public final List<String[]> errorDetails = new ArrayList<>();

    /** When set, showing an error with details fails with this (a dialog that cannot be shown). */
    public RuntimeException errorDetailsFail;

    @Override
    public void showErrorDetails(String title, String message, String details) {
        if (errorDetailsFail != null) {
            throw errorDetailsFail;
        }
        errorDetails.add(new String[] {title, message, details});
    }
}
