package bifrostdesk.connection.lock;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ClientOptions;
import bifrostdesk.virtualkey.model.Dialect;
import org.junit.jupiter.api.Test;

/** The profile editor's connection test in words, for each state of the setup lock (REFERENCE-v2.md §11.2.1). */
class SetupLockReportTest {
    private static String report(SandboxOptions o, String token) throws Exception {
        try (SandboxServer s = SandboxServer.start(o)) {
            return SetupLockReport.of(new BifrostClient(ServerEndpoint.of(s.baseUrl()),
                    ClientOptions.defaults().withSetupToken(token)), false);
        }
    }

    @Test
    void eachStateOfTheLockInOneLine() throws Exception {
        SandboxOptions v2 = SandboxOptions.defaults().withDialect(Dialect.V2);
        assertThat(report(SandboxOptions.defaults(), null)).as("v1.6: no lock").isNull();
        assertThat(report(v2, null)).as("unlocked v2").isNull();
        assertThat(report(v2.withSetupToken("t"), null)).startsWith("✘").contains("choose the sign-in \"setup token");
        assertThat(report(v2.withSetupToken("t"), "u")).startsWith("✘").contains("did not accept the setup token");
        assertThat(report(v2.withSetupToken("t"), "t")).startsWith("✔").contains("v2.x", "token was accepted");
        assertThat(report(v2.withSetupLockWithoutToken(), "t")).startsWith("✘").contains("restart");
    }
}
