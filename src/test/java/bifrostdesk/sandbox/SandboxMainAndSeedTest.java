package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxMainAndSeedTest {
    @Test
    void mainStartsAndPrintsUrl() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SandboxServer s = SandboxMain.run(new String[] {"--port", "0", "--dialect", "v1.5", "--seed", "empty",
            "--auth", "admin:pw"}, new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(buf.toString(StandardCharsets.UTF_8)).contains(s.baseUrl());
            assertThat(s.dialect()).isEqualTo(Dialect.V1_5);
            Http h = new Http(s.baseUrl());
            assertThat(h.get("/health").status()).isEqualTo(200);
            assertThat(h.get("/api/version").status()).isEqualTo(401);
            assertThat(h.with("Authorization", "Basic YWRtaW46cHc=").get("/api/governance/virtual-keys").json()
                    .get("count").asInt()).isZero();
        } finally {
            s.close();
        }
    }

    @Test
    void v2OptionsFromTheCommandLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SandboxServer s = SandboxMain.run(new String[] {"--port", "0", "--rotation-cooldown", "2h", "--key-ids-fix",
            "true"}, new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(s.dialect()).isEqualTo(Dialect.V2);
            assertThat(buf.toString(StandardCharsets.UTF_8)).contains("v2.2.6");
            Http h = new Http(s.baseUrl());
            JsonNode vk = h.post("/api/governance/virtual-keys/" + s.vkIdByName("checkout-service") + "/rotate", null)
                    .vk();
            assertThat(java.time.Duration.between(java.time.Instant.parse(vk.get("rotated_at").asText()),
                    java.time.Instant.parse(vk.get("previous_value_expires_at").asText())))
                    .isEqualTo(java.time.Duration.ofHours(2));
        } finally {
            s.close();
        }
    }

    @Test
    void helpAndBadArguments() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertThat(SandboxMain.run(new String[] {"--help"}, new PrintStream(buf, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("--dialect legacy|v1.5|later");
        assertThatThrownBy(() -> SandboxMain.run(new String[] {"--dialect", "v9"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxMain.run(new String[] {"--rotation-cooldown", "soon"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxMain.run(new String[] {"--rotation-cooldown", "31d"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeSeedStartsQuicklyAndHasHugeRouter() {
        long t0 = System.nanoTime();
        try (SandboxServer s = SandboxServer.start(SandboxOptions.defaults().withSeed(Seed.LARGE))) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isLessThan(3000);
            Http h = new Http(s.baseUrl());
            JsonNode list = h.get("/api/governance/virtual-keys?limit=10").json();
            assertThat(list.get("total_count").asInt()).isEqualTo(8 + SeedDataV2.KEY_COUNT + 10_000 + 1);
            JsonNode huge = s.vkJson(s.vkIdByName(SyntheticData.HUGE_ROUTER));
            assertThat(huge.get("provider_configs")).hasSize(1000);
            JsonNode pc = huge.get("provider_configs").get(0);
            assertThat(pc.get("budgets")).hasSize(3);
            assertThat(pc.get("keys")).hasSize(10);
            assertThat(pc.get("allowed_models")).hasSize(20);
            assertThat(h.getVk(s.vkIdByName(SyntheticData.HUGE_ROUTER)).get("provider_configs")).hasSize(1000);
        }
    }

    @Test
    void seedIdsAreStable() {
        try (SandboxServer a = SandboxServer.start(SandboxOptions.defaults());
             SandboxServer b = SandboxServer.start(SandboxOptions.defaults())) {
            String id = a.vkIdByName("mobile-app");
            assertThat(b.vkIdByName("mobile-app")).isEqualTo(id);
            assertThat(a.vkJson(id).get("provider_configs").toString())
                    .isEqualTo(b.vkJson(id).get("provider_configs").toString());
        }
    }
}
