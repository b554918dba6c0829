package bifrostdesk.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksEverySecretShapeTheAppHandles() {
        String line = "PUT failed for sk-bf-3f0c1a2b-1111-2222-3333-444455556666 with Authorization: Basic "
                + "YWRtaW46aHVudGVyMg== cookie token=0b1c2d3e-aaaa; Bearer eyJhbGciOi.payload.sig "
                + "{\"password\":\"hunter2\",\"connection_string\":\"https://mcp.example/x\",\"value\":\"abc\"} "
                + "key sk-openai-0123456789abcdef0123";
        String out = Redaction.redact(line);
        assertThat(out).doesNotContain("3f0c1a2b", "YWRtaW46aHVudGVyMg", "0b1c2d3e", "eyJhbGciOi", "hunter2",
                "mcp.example", "0123456789abcdef0123");
        assertThat(out).contains("sk-bf-***", "Basic ***", "token=***", "Bearer ***", "\"password\": \"***\"");
    }

    @Test
    void masksTheSetupTokenInEveryShape() {
        // REFERENCE-v2.md §11.2.1: the header, the setup session cookie, config.json's key and the variables
        String line = "X-Bifrost-Setup-Token: hdr-secret-1 Cookie: bifrost_setup_session=v1.123.nonce.cookie-secret-2 "
                + "{\"setup_token\": \"json-secret-3\"} BIFROST_SETUP_TOKEN=env-secret-4 "
                + "BIFROST_DESK_SETUP_TOKEN=env-secret-5 x-bifrost-setup-token=hdr-secret-6";
        String out = Redaction.redact(line);
        assertThat(out).doesNotContain("hdr-secret-1", "cookie-secret-2", "json-secret-3", "env-secret-4",
                "env-secret-5", "hdr-secret-6");
        assertThat(out).contains("X-Bifrost-Setup-Token: ***", "bifrost_setup_session=***", "\"setup_token\": \"***\"",
                "BIFROST_SETUP_TOKEN=***", "BIFROST_DESK_SETUP_TOKEN=***");
    }

    @Test
    void theLocksOwnMessagesStayReadable() {
        String line = "GET /api/governance/virtual-keys: SETUP_TOKEN_REQUIRED 401 — dashboard auth is not configured; "
                + "send the setup token in the X-Bifrost-Setup-Token header";
        assertThat(Redaction.redact(line)).isEqualTo(line);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String line = "Connected to http://127.0.0.1:8080/ (Bifrost v2.1.1, dialect v1.6+); save of key 42 ok";
        assertThat(Redaction.redact(line)).isEqualTo(line);
    }
}
