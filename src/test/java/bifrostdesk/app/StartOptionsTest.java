package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The app's command line: the built-in sandbox can run without request logs, so the Budgets tab's wording shows. */
class StartOptionsTest {

    @Test
    void sandboxLogsDefaultToOnAndTakeOffOrOld() {
        assertThat(StartOptions.parse(List.of(), null).sandboxLogs()).isEqualTo("on");
        assertThat(StartOptions.parse(List.of("--sandbox-logs", "off"), null).sandboxLogs()).isEqualTo("off");
        assertThat(StartOptions.parse(List.of("--sandbox-logs", "OLD"), null).sandboxLogs()).isEqualTo("old");
        assertThat(StartOptions.USAGE).contains("--sandbox-logs L");
    }

    @Test
    void anyOtherSandboxLogsValueIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> StartOptions.parse(List.of("--sandbox-logs", "maybe"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--sandbox-logs takes on, off or old, not 'maybe'");
        assertThatThrownBy(() -> StartOptions.parse(List.of("--sandbox-logs"), null))
                .hasMessageContaining("--sandbox-logs needs a value");
    }
}
