package bifrostdesk.spend;

import bifrostdesk.drafts.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget watch's settings ({@code budget-watch.json} beside {@code profiles.json} in the data folder, one for
 * every profile): the thresholds that alert and the horizon of "runs out before its reset". Written atomically;
 * a missing or unreadable file gives the defaults (80 % and 100 %, 3 days). Blocking file I/O: call it through the
 * task runner.
 */
public final class WatchSettingsFile {
    /** The file's name in the data folder. */
    public static final String NAME = "budget-watch.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WatchSettingsFile() {
    }

    public static BudgetWatch.Settings load(Path file) {
        if (file == null || !Files.exists(file)) {
            return BudgetWatch.Settings.defaults();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n.path("format").asInt() != 1) {
                return BudgetWatch.Settings.defaults();
            }
            List<Double> thresholds = new ArrayList<>();
            n.path("thresholds_percent").forEach(t -> {
                if (t.isNumber() && t.asDouble() > 0) {
                    thresholds.add(t.asDouble() / 100);
                }
            });
            long hours = n.path("horizon_hours").asLong(0);
            BudgetWatch.Settings d = BudgetWatch.Settings.defaults();
            return new BudgetWatch.Settings(thresholds, hours > 0 ? Duration.ofHours(hours) : d.horizon());
        } catch (IOException e) {
            return BudgetWatch.Settings.defaults();
        }
    }

    public static void save(Path file, BudgetWatch.Settings s) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        var arr = n.putArray("thresholds_percent");
        s.thresholds().forEach(t -> arr.add(Math.round(t * 100)));
        n.put("horizon_hours", s.horizon().toHours());
        AtomicFiles.write(file, JSON.writeValueAsBytes(n));
    }
}
