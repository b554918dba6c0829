package bifrostdesk.connection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ProfileStore;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile editor's "Test connection" says why a connection fails, in words that say what to do: nothing
 * answers, the certificate is not trusted, the gateway wants a sign-in or its setup token, or what answered is not
 * a Bifrost. Real sockets: a closed port, an HTTPS server with its own certificate, the sandbox, a web server.
 */
class ConnectionTestExplainsTest {
    @TempDir
    Path dir;

    @StartStop
    private final MockWebServer web = new MockWebServer();

    private String test(Profile p, String secret) {
        ProfilesViewModel vm = new ProfilesViewModel(new ProfileStore(dir.resolve("profiles.json")),
                new MemoryCredentialStore("tests"), new DirectTaskRunner());
        vm.secretProperty().set(secret);
        vm.test(p);
        return vm.resultProperty().get();
    }

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(test(Profile.of("gw", "http://127.0.0.1:" + port), ""))
                .isEqualTo("✘ Nothing answers at 127.0.0.1:" + port + ". Is Bifrost running there, and is the port "
                        + "right?");
    }

    @Test
    void aWebPageIsNotABifrost() {
        web.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>It works!</body></html>").build());
        String result = test(Profile.of("gw", web.url("/").toString()), "");
        assertThat(result).startsWith("✘ Not a Bifrost: " + web.getHostName() + ":" + web.getPort()
                + " answered, but not as a Bifrost gateway does.").contains("HTML page");
    }

    @Test
    void aGatewayWithSignInOnSaysHowToSignIn() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withBasicAuth("admin", "pw-1"))) {
            assertThat(test(Profile.of("gw", sandbox.baseUrl()), ""))
                    .isEqualTo("✘ Sign-in needed: this gateway has its admin sign-in on. Choose \"user and password\" "
                            + "under Sign-in and enter the admin user and password.");
            Profile basic = Profile.create("gw", sandbox.baseUrl(), Profile.Colour.NONE, Profile.AuthMode.BASIC,
                    "admin");
            assertThat(test(basic, "wrong")).isEqualTo("✘ Sign-in refused: the gateway did not accept the user "
                    + "name or password.");
            assertThat(test(basic, "pw-1")).startsWith("✔ Bifrost").contains("signed in");
        }
    }

    @Test
    void aLockedGatewayAsksForItsSetupToken() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withSetupToken("tok-1"))) {
            assertThat(test(Profile.of("gw", sandbox.baseUrl()), "")).startsWith("✘")
                    .contains("locked until it is set up").contains("setup token");
        }
    }

    @Test
    void anUntrustedCertificateIsExplainedAsTls() throws Exception {
        HttpsServer server = selfSignedHttps();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort();
            assertThat(test(Profile.of("gw", url), "")).startsWith("✘ TLS: the certificate of 127.0.0.1:"
                    + server.getAddress().getPort() + " is not trusted.").contains("Trusted CA");
        } finally {
            server.stop(0);
        }
    }

    private HttpsServer selfSignedHttps() throws Exception {
        Path keystore = dir.resolve("gw.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "gw", "-keyalg", "EC", "-groupname",
                "secp256r1", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1", "-storetype",
                "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        return server;
    }
}
