package bifrostdesk.app;

import bifrostdesk.drafts.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Where the window was and how its split panes were divided when it last closed: kept in the app's settings,
 * {@code window.json} in the data folder, and given back at the next start. No JavaFX here; {@link WindowMemory}
 * applies it to a stage.
 *
 * @param dividers each split pane's divider positions (0..1), by the split pane's id
 */
public record WindowState(double x, double y, double width, double height, boolean maximized,
                          Map<String, List<Double>> dividers) {
    private static final Logger LOG = Logger.getLogger(WindowState.class.getName());
    static final String FILE = "window.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public WindowState {
        dividers = dividers == null ? Map.of() : Map.copyOf(new TreeMap<>(dividers));
    }

    /** This state with one split pane's dividers replaced. */
    public WindowState withDividers(String splitId, List<Double> positions) {
        Map<String, List<Double>> d = new TreeMap<>(dividers);
        d.put(splitId, List.copyOf(positions));
        return new WindowState(x, y, width, height, maximized, d);
    }

    /** This state with the window's bounds (those of the restored window, when it is maximized) replaced. */
    public WindowState withBounds(double x, double y, double width, double height, boolean maximized) {
        return new WindowState(x, y, width, height, maximized, dividers);
    }

    /** The saved state, or empty when there is none or it cannot be read (the window then opens at its default). */
    public static Optional<WindowState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            WindowState s = JSON.readValue(file.toFile(), WindowState.class);
            return s.width() > 0 && s.height() > 0 ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warning("The saved window layout could not be read, using the default: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes atomically, like the drafts: a crash never leaves a half-written settings file. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(this));
    }
}
