package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window layout kept in the app's settings: written and read back whole; a broken file means the default. */
class WindowStateTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenStateIsReadBackWhole() throws Exception {
        WindowState s = new WindowState(40, 30, 1100, 700, true, Map.of("keysSplit", List.of(0.3),
                "editorSplit", List.of(0.7)));
        s.write(dir.resolve(WindowState.FILE));
        assertThat(WindowState.read(dir.resolve(WindowState.FILE))).contains(s);
    }

    @Test
    void noFileABrokenFileOrAnEmptySizeMeanTheDefaultLayout() throws Exception {
        assertThat(WindowState.read(dir.resolve(WindowState.FILE))).isEmpty();
        Files.writeString(dir.resolve(WindowState.FILE), "{\"x\": 1, \"width\": ");
        assertThat(WindowState.read(dir.resolve(WindowState.FILE))).isEmpty();
        new WindowState(0, 0, 0, 0, false, Map.of()).write(dir.resolve(WindowState.FILE));
        assertThat(WindowState.read(dir.resolve(WindowState.FILE))).isEmpty();
    }

    @Test
    void replacingOneSplitKeepsTheOthers() {
        WindowState s = new WindowState(0, 0, 800, 600, false, Map.of("a", List.of(0.1)))
                .withDividers("b", List.of(0.5, 0.8));
        assertThat(s.dividers()).containsEntry("a", List.of(0.1)).containsEntry("b", List.of(0.5, 0.8));
    }
}
