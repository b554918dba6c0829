package bifrostdesk.common.ui;

import bifrostdesk.virtualkey.api.SavePlan;
import java.util.Optional;

/**
 * Decisions and messages that need the user. View-models call it; the app shows real dialogs, tests answer
 * with a scripted double. Calls are made on the FX thread and block until the user answers.
 */
public interface DialogService {

    /** Shows what a save will change (words, with the exact JSON on demand); true to send. */
    boolean confirmPlan(String title, SavePlan plan);

    /** Someone else changed the key since it was opened. {@code theirChanges} describes how, in words. */
    ConflictChoice resolveConflict(String keyName, String theirChanges);

    void showError(String title, String message);

    /** A non-modal notice ("Saved", "Offline — kept as draft"). */
    void notify(String message);

    /** Asks the user to type a confirmation text; empty when cancelled. */
    Optional<String> askText(String title, String message, String prompt);

    /** Shows a secret once with a copy button (e.g. the value of a newly created key). */
    void showSecretOnce(String title, String message, String secret);

    enum ConflictChoice {
        /** Discard my edits (they stay in undo history) and show the server's copy. */
        TAKE_THEIRS,
        /** Save my version on top of theirs; the plan is computed against their copy and shown first. */
        OVERWRITE,
        CANCEL
    }
}
