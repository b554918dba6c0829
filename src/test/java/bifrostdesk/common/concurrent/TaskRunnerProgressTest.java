package bifrostdesk.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Progress reported by work reaches the caller on the FX thread in the app, and inline in tests. */
class TaskRunnerProgressTest {
    private final FxTaskRunner fx = new FxTaskRunner();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        fx.shutdown();
    }

    @Test
    void progressArrivesOnTheFxThreadAndBeforeSuccess() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> fx.run("count", p -> {
            for (int i = 1; i <= 3; i++) {
                p.update(i, 3, "step " + i);
            }
            return "done";
        }, u -> {
            onFxThread.add(Platform.isFxApplicationThread());
            events.add(u.message() + " " + u.fraction());
        }, r -> events.add(r), e -> events.add("failed " + e)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("done"));

        assertThat(onFxThread).isNotEmpty().containsOnly(true);
        // several reports within one pulse may be merged, but the last one always arrives, and before success
        assertThat(events).endsWith("step 3 1.0", "done");
    }

    @Test
    void theDirectRunnerReportsEveryStepInline() {
        List<String> events = new java.util.ArrayList<>();
        new DirectTaskRunner().run("count", p -> {
            p.update(-1, 1, "starting");
            p.update(1, 2, null);
            return "done";
        }, u -> events.add(u.message() + " " + u.fraction()), events::add, e -> events.add("failed"));
        assertThat(events).containsExactly("starting -1.0", "null 0.5", "done");
    }
}
