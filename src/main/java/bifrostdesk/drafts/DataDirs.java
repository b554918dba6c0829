package bifrostdesk.drafts;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps its data and logs: the operating system's usual places (XDG on Linux, Application Support
 * on macOS, AppData on Windows). {@code -Dbifrostdesk.home=DIR} or {@code BIFROST_DESK_HOME} moves everything
 * under one folder (tests, portable installs).
 */
public final class DataDirs {
    static final String APP = "bifrost-desk";

    private DataDirs() {
    }

    public static Path data() {
        Path override = override();
        if (override != null) {
            return override.resolve("data");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Bifrost Desk");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Bifrost Desk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve(APP);
    }

    public static Path logs() {
        Path override = override();
        if (override != null) {
            return override.resolve("logs");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Logs", "Bifrost Desk");
        }
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "Bifrost Desk", "Logs");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "state")).resolve(APP)
                .resolve("logs");
    }

    private static Path override() {
        String p = System.getProperty("bifrostdesk.home");
        if (p == null || p.isBlank()) {
            p = System.getenv("BIFROST_DESK_HOME");
        }
        return p == null || p.isBlank() ? null : Path.of(p);
    }
}
