package bifrostdesk.app;

import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** Copies secrets to the system clipboard and clears them again after 30 seconds if still there. */
public final class Clipboards {
    static final Duration CLEAR_AFTER = Duration.seconds(30);
    private final java.util.function.Consumer<String> notices;
    private final Duration clearAfter;

    public Clipboards(java.util.function.Consumer<String> notices) {
        this(notices, CLEAR_AFTER);
    }

    Clipboards(java.util.function.Consumer<String> notices, Duration clearAfter) {
        this.notices = notices;
        this.clearAfter = clearAfter;
    }

    public void copySecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            notices.accept("There is no value to copy.");
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(secret);
        Clipboard.getSystemClipboard().setContent(content);
        notices.accept("Copied. The clipboard is cleared in " + (int) clearAfter.toSeconds() + " seconds.");
        PauseTransition clear = new PauseTransition(clearAfter);
        clear.setOnFinished(e -> {
            Clipboard cb = Clipboard.getSystemClipboard();
            if (secret.equals(cb.getString())) {
                cb.clear();
            }
        });
        clear.play();
    }
}
