package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One app per data folder: a second launch raises the first one's window and ends; nobody else can trigger it. */
class SingleInstanceTest {
    @TempDir
    Path home;
    private final List<SingleInstance> opened = new ArrayList<>();
    private final AtomicInteger raised = new AtomicInteger();

    @AfterEach
    void closeAll() {
        opened.forEach(SingleInstance::close);
    }

    private SingleInstance first(Path dir) throws Exception {
        SingleInstance.Claim claim = SingleInstance.claim(dir, 1000);
        assertThat(claim).isInstanceOf(SingleInstance.First.class);
        SingleInstance instance = ((SingleInstance.First) claim).instance();
        opened.add(instance);
        instance.onActivate(raised::incrementAndGet);
        return instance;
    }

    @Test
    void aSecondClaimOnTheSameFolderRaisesTheFirstInstead() throws Exception {
        first(home);
        assertThat(SingleInstance.claim(home, 5000)).isEqualTo(new SingleInstance.Running(true));
        assertThat(raised).hasValue(1);
    }

    @Test
    void aSecondLaunchInAnotherProcessSignalsTheFirstAndEndsWithoutAWindow() throws Exception {
        first(home.resolve("data")); // DataDirs.data() under -Dbifrostdesk.home
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dbifrostdesk.home=" + home, "-Djava.awt.headless=true", Launcher.class.getName())
                .redirectErrorStream(true).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("already running").contains(home.resolve("data").toString());
        assertThat(raised).hasValue(1);
    }

    @Test
    void theFolderIsFreeAgainOnceTheFirstCloses() throws Exception {
        first(home).close();
        first(home);
        assertThat(raised).hasValue(0);
    }

    @Test
    void anotherFolderIsAnotherApp() throws Exception {
        first(home.resolve("a"));
        first(home.resolve("b"));
        assertThat(raised).hasValue(0);
    }

    @Test
    void aHolderThatDoesNotAnswerIsReportedAsNotRaised() throws Exception {
        Files.createDirectories(home);
        try (FileChannel ch = FileChannel.open(home.resolve(SingleInstance.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var lock = ch.lock()) {
            assertThat(SingleInstance.claim(home, 300)).isEqualTo(new SingleInstance.Running(false));
        }
    }

    @Test
    void aConnectionWithoutTheTokenRaisesNothing() throws Exception {
        first(home);
        String[] portAndToken = Files.readString(home.resolve(SingleInstance.PORT_FILE)).trim().split(" ");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(portAndToken[0]))) {
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
            out.write("not-the-token activate\n");
            out.flush();
            s.shutdownOutput();
            assertThat(s.getInputStream().read()).isEqualTo(-1); // closed without an answer
        }
        assertThat(raised).hasValue(0);
        // and the right token still works afterwards
        assertThat(SingleInstance.claim(home, 5000)).isEqualTo(new SingleInstance.Running(true));
        assertThat(raised).hasValue(1);
    }
}
