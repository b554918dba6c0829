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
    void leavesOrdinaryTextAlone() {
        String line = "Connected to http://127.0.0.1:8080/ (Bifrost v2.1.1, dialect v1.6+); save of key 42 ok";
        assertThat(Redaction.redact(line)).isEqualTo(line);
    }
}
