package bifrostdesk.virtualkey.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.virtualkey.model.Dialect;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The real client against a sandbox with the v2.2.6 setup lock (REFERENCE-v2.md §11.2.1): each refusal, then success. */
class BifrostClientLockedSandboxTest {
    private static final String TOKEN = "locked-sandbox-token";

    private static BifrostClient client(SandboxServer s, String token) {
        return new BifrostClient(ServerEndpoint.of(s.baseUrl()), ClientOptions.defaults().withSetupToken(token));
    }

    private static ApiException failure(ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("an ApiException").isNotNull();
        return e;
    }

    @Test
    void withoutTokenWrongTokenThenTheRightOne() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2)
                .withSetupToken(TOKEN))) {
            BifrostClient c = client(s, null);
            AuthStatus status = c.authStatus();
            assertThat(status.needsSetupToken()).isTrue();
            // the public version still detects the dialect while locked
            assertThat(c.detectDialect()).isEqualTo(Dialect.V2);
            assertThat(c.features().setupLock()).isTrue();
            assertThat(c.features().describe()).isEqualTo("Bifrost v2.2.6");

            ApiException missing = failure(() -> c.listVirtualKeys(VkQuery.firstPage()));
            assertThat(missing.kind()).isEqualTo(ApiException.Kind.SETUP_TOKEN_REQUIRED);
            assertThat(failure(c::checkSetupToken).isSetupTokenMissing()).isTrue();

            c.useSetupToken("wrong");
            ApiException wrong = failure(() -> c.listVirtualKeys(VkQuery.firstPage()));
            assertThat(wrong.kind()).isEqualTo(ApiException.Kind.SETUP_TOKEN_INVALID);
            assertThat(failure(c::checkSetupToken).isSetupTokenInvalid()).isTrue();

            c.useSetupToken(TOKEN);
            assertThat(c.checkSetupToken()).isTrue();
            assertThat(c.listVirtualKeys(VkQuery.firstPage()).totalCount()).isEqualTo(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
            assertThat(c.lookups().providers()).isNotEmpty();
            assertThat(client(s, TOKEN).listVirtualKeys(VkQuery.firstPage()).items()).hasSize(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
        }
    }

    @Test
    void aServerWithoutATokenRefusesEverythingWithItsOwnKind() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2)
                .withSetupLockWithoutToken())) {
            BifrostClient c = client(s, "anything");
            assertThat(c.authStatus().lockedWithoutToken()).isTrue();
            ApiException none = failure(() -> c.listVirtualKeys(VkQuery.firstPage()));
            assertThat(none.kind()).isEqualTo(ApiException.Kind.SETUP_TOKEN_NOT_CONFIGURED);
            assertThat(none.status()).isEqualTo(403);
            assertThat(failure(client(s, null)::providers).isSetupTokenNotConfigured()).isTrue();
        }
    }

    @Test
    void anUnlockedServerNeedsNoTokenAndBasicAuthStaysAnOrdinary401() throws Exception {
        try (SandboxServer open = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2))) {
            BifrostClient c = client(open, null);
            assertThat(c.authStatus().needsSetupToken()).isFalse();
            assertThat(c.checkSetupToken()).as("409: the lock is not active").isFalse();
            assertThat(c.listVirtualKeys(VkQuery.firstPage()).items()).hasSize(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
        }
        try (SandboxServer auth = SandboxServer.start(SandboxOptions.defaults().withDialect(Dialect.V2)
                .withSetupToken(TOKEN).withBasicAuth("admin", "pw"))) {
            ApiException e = failure(() -> client(auth, TOKEN).listVirtualKeys(VkQuery.firstPage()));
            assertThat(e.kind()).isEqualTo(ApiException.Kind.UNAUTHORIZED);
            assertThat(e.isSetupLock()).isFalse();
        }
    }
}
