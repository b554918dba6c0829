package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ClipboardAndAboutTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aCopiedSecretIsClearedAfterTheDelayUnlessSomethingElseWasCopied(FxRobot robot) throws Exception {
        List<String> notices = new ArrayList<>();
        Clipboards clipboards = new Clipboards(notices::add, Duration.millis(300));
        robot.interact(() -> clipboards.copySecret("sk-bf-secret-1"));
        String now = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(now).isEqualTo("sk-bf-secret-1");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get() == null);
        assertThat(notices).singleElement().asString().contains("cleared");

        // something the user copied afterwards is left alone
        robot.interact(() -> clipboards.copySecret("sk-bf-secret-2"));
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("the user's own text");
            Clipboard.getSystemClipboard().setContent(c);
        });
        Thread.sleep(800);
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo("the user's own text");
    }

    @Test
    void theAboutVersionIsThePomVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>bifrost-desk</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        assertThat(AboutDialog.appVersion()).isEqualTo(m.group(1));
    }
}
