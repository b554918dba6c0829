package bifrostdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerEndpointTest {

    @Test
    void toStringNeverRevealsSecrets() {
        ServerEndpoint basic = new ServerEndpoint("http://gw:8080", Credentials.basic("admin", "hunter2"));
        ServerEndpoint session = new ServerEndpoint("http://gw:8080", Credentials.sessionToken("tok-secret"));
        assertThat(basic.toString()).contains("gw:8080").contains("admin").doesNotContain("hunter2");
        assertThat(basic.credentials().toString()).doesNotContain("hunter2");
        assertThat(session.toString()).doesNotContain("tok-secret");
        assertThat(ServerEndpoint.of("http://gw:8080").toString()).contains("no credentials");
    }

    @Test
    void parsesAndNormalises() {
        ServerEndpoint e = ServerEndpoint.of("  https://gw.example.com/bifrost?x=1  ");
        assertThat(e.baseUrl().toString()).isEqualTo("https://gw.example.com/bifrost");
        assertThat(e.hostAndPort()).isEqualTo("gw.example.com:443");
        assertThat(e).isEqualTo(ServerEndpoint.of("https://gw.example.com/bifrost"));
    }

    @Test
    void refusesBadUrlsAndUserInfo() {
        assertThatThrownBy(() -> ServerEndpoint.of("gw:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerEndpoint.of("http://admin:pw@gw:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw@");
    }

    @Test
    void withCredentialsKeepsTheUrl() {
        ServerEndpoint e = ServerEndpoint.of("http://gw:8080").withCredentials(Credentials.basic("a", "b"));
        assertThat(e.credentials()).isEqualTo(Credentials.basic("a", "b"));
        assertThat(e.baseUrl().port()).isEqualTo(8080);
    }
}
