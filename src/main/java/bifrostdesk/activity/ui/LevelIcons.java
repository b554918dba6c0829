package bifrostdesk.activity.ui;

import bifrostdesk.activity.Activity;
import bifrostdesk.common.ui.Icons;
import java.util.Locale;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icon of a level, coloured by a style class ({@code level-error}, …) so both themes colour it. */
public final class LevelIcons {
    private LevelIcons() {
    }

    public static FontIcon of(Activity.Level level) {
        FontIcon icon = Icons.of(switch (level) {
            case PROGRESS -> Icons.SYNC;
            case INFO -> Icons.INFO;
            case SUCCESS -> Icons.ONLINE;
            case WARNING -> Icons.WARNING;
            case ERROR -> Icons.ERROR;
        });
        icon.getStyleClass().add(styleClass(level));
        return icon;
    }

    public static String styleClass(Activity.Level level) {
        return "level-" + level.name().toLowerCase(Locale.ROOT);
    }

    /** The level in a word, for screen readers. */
    public static String word(Activity.Level level) {
        return switch (level) {
            case PROGRESS -> "Working";
            case INFO -> "Note";
            case SUCCESS -> "Done";
            case WARNING -> "Warning";
            case ERROR -> "Error";
        };
    }
}
