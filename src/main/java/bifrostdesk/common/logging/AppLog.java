package bifrostdesk.common.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log: a rolling file (5 × 1 MB) in the OS's usual log folder, every line passed through
 * {@link Redaction}. It records what happened (connected, saved key X, error Y), never bodies or secrets.
 */
public final class AppLog {
    private static Path installedDir;

    private AppLog() {
    }

    /** Sends the app's logging (and libraries' via java.util.logging) to the rolling file under {@code dir}. */
    public static synchronized void install(Path dir) throws IOException {
        if (dir.equals(installedDir)) {
            return;
        }
        Files.createDirectories(dir);
        FileHandler file = new FileHandler(dir.resolve("bifrost-desk.%g.log").toString(), 1_000_000, 5, true);
        file.setFormatter(new RedactingFormatter());
        file.setLevel(Level.INFO);
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            h.setFormatter(new RedactingFormatter());
        }
        root.addHandler(file);
        installedDir = dir;
        Logger.getLogger("bifrostdesk").info("Bifrost Desk started; log folder " + dir);
    }

    public static Logger get(Class<?> c) {
        return Logger.getLogger(c.getName());
    }

    /** One line per record: time, level, logger, message (and the exception's message, not its cause chain). */
    static final class RedactingFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            String msg = formatMessage(r);
            String thrown = r.getThrown() == null ? "" : " — " + r.getThrown().getClass().getSimpleName() + ": "
                    + r.getThrown().getMessage();
            return Redaction.redact(Instant.ofEpochMilli(r.getMillis()) + " " + r.getLevel() + " "
                    + r.getLoggerName() + ": " + msg + thrown) + System.lineSeparator();
        }
    }
}
