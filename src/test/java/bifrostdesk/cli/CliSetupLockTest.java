package bifrostdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.model.Dialect;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a sandbox with the v2.2.6 setup lock (REFERENCE-v2.md §11.2.1). */
class CliSetupLockTest {
    private static final String TOKEN = "cli-setup-token-42";

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result list(SandboxServer s, String token) {
        Map<String, String> env = new HashMap<>();
        if (token != null) {
            env.put("BIFROST_DESK_SETUP_TOKEN", token);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"list", "--server", s.baseUrl(), "--workspace", tmp.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(r.out() + r.err()).as("the token is never printed").doesNotContain(TOKEN);
        return r;
    }

    private static SandboxServer locked(SandboxOptions o) {
        return SandboxServer.start(o.withDialect(Dialect.V2));
    }

    @Test
    void theTokenFromTheEnvironmentOpensTheLock() {
        try (SandboxServer s = locked(SandboxOptions.defaults().withSetupToken(TOKEN))) {
            Result r = list(s, TOKEN);
            assertThat(r.code()).as(r.err()).isEqualTo(Cli.EXIT_OK);
            assertThat(r.out()).contains("checkout-service", "mobile-app");
        }
    }

    @Test
    void withoutTheTokenItSaysWhichVariableToSet() {
        try (SandboxServer s = locked(SandboxOptions.defaults().withSetupToken(TOKEN))) {
            Result r = list(s, null);
            assertThat(r.code()).isEqualTo(Cli.EXIT_ERROR);
            assertThat(r.err()).contains("locked", "set BIFROST_DESK_SETUP_TOKEN", "BIFROST_SETUP_TOKEN",
                    "config.json").doesNotContain("Log in again");
        }
    }

    @Test
    void aWrongTokenIsReportedAsWrong() {
        try (SandboxServer s = locked(SandboxOptions.defaults().withSetupToken(TOKEN))) {
            Result r = list(s, "not-the-token");
            assertThat(r.code()).isEqualTo(Cli.EXIT_ERROR);
            assertThat(r.err()).contains("did not accept the setup token in BIFROST_DESK_SETUP_TOKEN", "403");
            assertThat(r.err()).doesNotContain("not-the-token");
        }
    }

    @Test
    void aServerWithoutATokenMustBeRestarted() {
        try (SandboxServer s = locked(SandboxOptions.defaults().withSetupLockWithoutToken())) {
            Result r = list(s, TOKEN);
            assertThat(r.code()).isEqualTo(Cli.EXIT_ERROR);
            assertThat(r.err()).contains("has no setup token", "restart Bifrost");
        }
    }

    @Test
    void theHelpNamesTheVariable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli.run(new String[] {"list", "--help"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("BIFROST_DESK_SETUP_TOKEN");
    }
}
