package bifrostdesk.virtualkey.list;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.testing.QueuedTaskRunner;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key list's CSV export: the file is chosen through the dialog service and written in the runner. */
class KeyListExportTest {
    private final QueuedTaskRunner runner = new QueuedTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    // never called: exporting needs no server
    private final VirtualKeyListViewModel vm = new VirtualKeyListViewModel(
            new BifrostClient(ServerEndpoint.of("http://127.0.0.1:9")), runner, dialogs);
    private final List<VirtualKey> keys = List.of(VirtualKey.newKey("checkout"), VirtualKey.newKey("=SUM(A1)"));
    @TempDir
    Path dir;

    @Test
    void theListedKeysAreWrittenByTheRunnerAndTheOutcomeIsANotice() throws Exception {
        Path file = dir.resolve("keys.csv");
        dialogs.files.add(file);

        vm.exportCsv(keys, Map.of());

        assertThat(dialogs.fileChoosers).containsExactly("Export keys as CSV | virtual-keys.csv");
        assertThat(file).doesNotExist();
        assertThat(runner.titles()).containsExactly("Exporting keys");
        runner.runAll();
        assertThat(Files.readString(file)).isEqualTo(KeyListCsv.toCsv(keys, Map.of()));
        assertThat(dialogs.notices).containsExactly("Exported 2 keys to " + file);
    }

    @Test
    void cancellingTheChooserStartsNothing() {
        vm.exportCsv(keys, Map.of());
        assertThat(runner.titles()).isEmpty();
        assertThat(dialogs.notices).isEmpty();
    }

    @Test
    void aFailedWriteIsANotice() throws Exception {
        dialogs.files.add(Files.createDirectory(dir.resolve("folder.csv")));
        vm.exportCsv(keys, Map.of());
        runner.runAll();
        assertThat(dialogs.notices).singleElement().asString().contains("folder.csv");
    }
}
