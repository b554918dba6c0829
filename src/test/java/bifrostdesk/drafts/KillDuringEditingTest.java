package bifrostdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.app.MainViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real editing JVM with SIGKILL at random moments, many times: the draft on disk must always parse, must
 * hold every edit made more than the autosave window before the kill, and must reopen in a new session.
 */
class KillDuringEditingTest {
    /** The promise to the user: at most the last second of work is lost. */
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;

    private record Edit(int number, long receivedNanos) {
    }

    @Test
    void killingTheAppAtAnyMomentNeverCorruptsOrLosesMoreThanTheLastSecond() throws Exception {
        Random random = new Random(42);
        int lastKept = 0;
        for (int run = 0; run < 8; run++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                    EditingDriver.class.getName(), dir.toString()).redirectErrorStream(true).start();
            ConcurrentLinkedDeque<Edit> edits = new ConcurrentLinkedDeque<>();
            CountDownLatch ready = new CountDownLatch(1);
            StringBuilder errors = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.equals("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("EDIT ")) {
                            edits.add(new Edit(Integer.parseInt(line.substring(5)), System.nanoTime()));
                        } else if (line.startsWith("ERROR") || line.contains("Exception")) {
                            errors.append(line).append('\n');
                        }
                    }
                } catch (Exception ignored) {
                    // the stream closes when the process is killed
                }
            });
            reader.start();
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("driver ready; output: " + errors).isTrue();
            Thread.sleep(300 + random.nextInt(1700));
            long killedAt = System.nanoTime();
            p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no flush
            p.waitFor(30, TimeUnit.SECONDS);
            reader.join(5000);

            assertThat(errors.toString()).isEmpty();
            List<Draft> drafts = new Workspace(dir, "x", false).loadDrafts(); // throws if any draft is corrupt
            int mustHave = edits.stream().filter(e -> e.receivedNanos() <= killedAt - WINDOW_NANOS)
                    .mapToInt(Edit::number).max().orElse(0);
            if (mustHave > 0) {
                assertThat(drafts).hasSize(1);
            }
            if (!drafts.isEmpty()) {
                int kept = Integer.parseInt(drafts.get(0).edited().description().substring("edit-".length()));
                assertThat(kept).as("run %d: kept edit %d, typed %d more than a second before the kill", run,
                        kept, mustHave).isGreaterThanOrEqualTo(mustHave);
                lastKept = kept;
            }
            if (Files.isDirectory(dir.resolve("drafts"))) {
                try (var files = Files.list(dir.resolve("drafts"))) {
                    assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSizeLessThanOrEqualTo(1);
                }
            }
        }

        // a new session reopens the draft with the last kept edit
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
            MainViewModel vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())),
                    new DirectTaskRunner(), new ScriptedDialogs());
            Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
            try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
                vm.attachWorkspace(ws, saver);
                vm.start();
                assertThat(vm.editor().editedProperty().get().description()).isEqualTo("edit-" + lastKept);
                assertThat(vm.editor().dirtyProperty().get()).isTrue();
                // the draft on disk has no key value; the reopened key gets it back from the server's list
                assertThat(vm.editor().editedProperty().get().value()).startsWith("sk-bf-");
            }
        }
    }
}
