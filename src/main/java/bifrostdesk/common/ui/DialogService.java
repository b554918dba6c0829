package bifrostdesk.common.ui;

import bifrostdesk.virtualkey.api.SavePlan;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Something failed that nobody expected (an uncaught exception): a short message, with the details (redacted
     * by the caller) folded away and a button that copies them for a bug report.
     */
    void showErrorDetails(String title, String message, String details);

    /** Asks the user to type a confirmation text; empty when cancelled. */
    Optional<String> askText(String title, String message, String prompt);

    /**
     * Asks where to save a file, starting from {@code suggestedName}; empty when the user cancelled. The caller
     * writes the file itself, through its {@code TaskRunner}.
     */
    Optional<Path> askSaveFile(String title, String suggestedName, FileType type);

    /** Asks for an existing file to read; empty when the user cancelled. */
    Optional<Path> askOpenFile(String title, FileType type);

    /** A kind of file a chooser offers: {@code new FileType("CSV", "*.csv")}. */
    record FileType(String description, List<String> patterns) {
        public FileType(String description, String... patterns) {
            this(description, List.of(patterns));
        }

        public FileType {
            patterns = List.copyOf(patterns);
        }
    }

    /** Shows a secret once with a copy button (e.g. the value of a newly created key). */
    void showSecretOnce(String title, String message, String secret);

    /**
     * Sync found fields both sides changed: shows base, mine and the server's value side by side and returns the
     * user's choice per conflict id; empty when the user cancelled.
     */
    Optional<java.util.Map<String, bifrostdesk.drafts.merge.Choice>> resolveMerge(String keyName,
            java.util.List<bifrostdesk.drafts.merge.Conflict> conflicts);

    /** A key with a queued draft was deleted on the server meanwhile. */
    DeletedChoice keyDeletedOnServer(String keyName);

    /**
     * The server needs a sign-in (at connect, or a 401 in the middle of work). {@code storeNote} says where the
     * password will be kept. Empty when the user cancelled.
     */
    Optional<SignIn> signIn(String server, String user, String reason, String storeNote);

    /**
     * The gateway's setup lock wants its setup token (Bifrost v2.2.6+ with dashboard auth off, REFERENCE-v2.md
     * §11.2.1). {@code reason} says why (first time, a wrong token); {@code storeNote} where a remembered token is
     * kept. Empty when the user cancelled. A default so that doubles which never meet a locked gateway need not care.
     */
    default Optional<SetupToken> askSetupToken(String server, String reason, String storeNote) {
        return Optional.empty();
    }

    /** What the user typed as the setup token. */
    record SetupToken(String token, boolean remember) {
        @Override
        public String toString() {
            return "SetupToken[token=***, remember=" + remember + "]";
        }
    }

    /** What the user typed to sign in. */
    record SignIn(String user, String password, boolean remember) {
        @Override
        public String toString() {
            return "SignIn[user=" + user + ", password=***]";
        }
    }

    enum DeletedChoice {
        /** Create a new key with the draft's settings. */
        RECREATE,
        /** Drop the draft. */
        DISCARD,
        /** Keep the draft for later. */
        KEEP
    }

    enum ConflictChoice {
        /** Discard my edits (they stay in undo history) and show the server's copy. */
        TAKE_THEIRS,
        /** Save my version on top of theirs; the plan is computed against their copy and shown first. */
        OVERWRITE,
        CANCEL
    }
}
