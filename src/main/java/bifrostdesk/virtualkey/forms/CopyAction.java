package bifrostdesk.virtualkey.forms;

/** Copies a secret to the clipboard (and clears it later); supplied by the app. */
@FunctionalInterface
public interface CopyAction {
    void copy(String secret);
}
