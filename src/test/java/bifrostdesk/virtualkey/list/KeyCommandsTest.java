package bifrostdesk.virtualkey.list;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.app.MainViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.V2Fields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Create, delete, rotate, activate and copy, in a composed window model against the sandbox over HTTP. */
class KeyCommandsTest {
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainViewModel vm;
    private KeyCommands keys;

    private void start(Dialect dialect) {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect));
        vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), new DirectTaskRunner(),
                dialogs);
        vm.start();
        keys = vm.keys();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private VirtualKey listed(String name) {
        return vm.list().items().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void deactivatingFromTheListKeepsEverythingElseEvenOnV15() {
        start(Dialect.V1_5);
        keys.setActive(listed("checkout-service"), false);
        var stored = sandbox.vkJson(sandbox.vkIdByName("checkout-service"));
        assertThat(stored.get("is_active").asBoolean()).isFalse();
        assertThat(stored.get("team_id").asText()).isEqualTo(SeedData.TEAM_PLATFORM);
        assertThat(stored.get("provider_configs")).hasSize(2);
        assertThat(stored.at("/provider_configs/0/keys/0/key_id").asText()).isEqualTo(SeedData.keyId("openai-prod"));
        assertThat(listed("checkout-service").active()).isFalse();
    }

    @Test
    void createShowsTheValueOnceAndOpensTheKey() {
        start(Dialect.LATER);
        dialogs.textAnswers.add("new-service");
        keys.createKey();
        String id = sandbox.vkIdByName("new-service");
        assertThat(id).isNotNull();
        assertThat(dialogs.secretsShown).singleElement().asString().startsWith("sk-bf-");
        assertThat(vm.editor().editedProperty().get().name()).isEqualTo("new-service");
        assertThat(vm.list().items()).anyMatch(v -> v.name().equals("new-service"));
    }

    @Test
    void rotatingGivesANewValueOnceAndKeepsTheConfiguration() {
        start(Dialect.LATER);
        VirtualKey before = listed("checkout-service");
        var storedBefore = sandbox.vkJson(before.id());
        dialogs.textAnswers.add("checkout-service");
        keys.rotateKey(before);
        var after = sandbox.vkJson(before.id());
        assertThat(after.get("value").asText()).startsWith("sk-bf-").isNotEqualTo(before.value());
        assertThat(dialogs.secretsShown).containsExactly(after.get("value").asText());
        assertThat(after.get("provider_configs")).isEqualTo(storedBefore.get("provider_configs"));
        assertThat(after.get("team_id")).isEqualTo(storedBefore.get("team_id"));
    }

    @Test
    void rotatingIsRefusedOnServersWithoutIt() {
        start(Dialect.V1_5);
        dialogs.textAnswers.add("checkout-service");
        keys.rotateKey(listed("checkout-service"));
        assertThat(dialogs.errors).singleElement().asString().contains("v1.5.2");
        assertThat(dialogs.secretsShown).isEmpty();
    }

    @Test
    void rotatingNeedsTheExactNameAndACancelIsSilent() {
        start(Dialect.LATER);
        VirtualKey before = listed("checkout-service");
        dialogs.textAnswers.add("checkout");
        keys.rotateKey(before);
        assertThat(dialogs.errors).singleElement().asString().isEqualTo("Not rotated: The name did not match; "
                + "nothing was changed.");
        keys.rotateKey(before); // no answer: cancelled
        assertThat(dialogs.errors).hasSize(1);
        assertThat(sandbox.vkJson(before.id()).get("value").asText()).isEqualTo(before.value());
        assertThat(dialogs.secretsShown).isEmpty();
    }

    @Test
    void deleteNeedsTheExactName() {
        start(Dialect.LATER);
        dialogs.textAnswers.add("support");
        keys.deleteKey(listed("support-bot"));
        assertThat(sandbox.vkIdByName("support-bot")).isNotNull();
        assertThat(dialogs.errors).singleElement().asString().contains("nothing was deleted");

        dialogs.textAnswers.add("support-bot");
        keys.deleteKey(listed("support-bot"));
        assertThat(sandbox.vkIdByName("support-bot")).isNull();
        assertThat(vm.list().items()).noneMatch(v -> v.name().equals("support-bot"));
    }

    @Test
    void deletingTheOpenKeyClosesItAndForgetsItsDraft() {
        start(Dialect.LATER);
        keys.open(listed("support-bot"));
        vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "half-done");
        keys.open(listed("mobile-app"));
        assertThat(vm.drafts().pendingProperty().get()).isEqualTo(1);
        dialogs.textAnswers.add("support-bot");
        keys.deleteKey(listed("support-bot"));
        assertThat(vm.drafts().pendingProperty().get()).isZero();

        dialogs.textAnswers.add("mobile-app");
        keys.deleteKey(listed("mobile-app"));
        assertThat(vm.editor().editedProperty().get()).isNull();
        assertThat(dialogs.notices).contains("Deleted mobile-app.");
    }

    @Test
    void copyValueHandsTheKeysValueToTheClipboard() {
        start(Dialect.LATER);
        List<String> copied = new ArrayList<>();
        keys.useClipboard(copied::add);
        keys.copyValue(listed("support-bot"));
        assertThat(copied).containsExactly(sandbox.vkJson(sandbox.vkIdByName("support-bot")).get("value").asText());
    }

    @Test
    void theOldValueStopsAtOnceOrAfterTheRotationCooldown() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        VirtualKey plain = VirtualKey.newKey("k");
        assertThat(KeyCommands.oldValueWords(plain, now)).isEqualTo("the old value no longer works.");
        VirtualKey cooling = plain.withV2(cooldownUntil(Instant.parse("2026-12-02T11:30:00Z")));
        assertThat(KeyCommands.oldValueWords(cooling, now)).isEqualTo("the old value keeps working until "
                + "2026-12-02 11:30 UTC (the gateway's rotation cooldown), then stops.");
        VirtualKey expired = plain.withV2(cooldownUntil(Instant.parse("2026-12-02T09:00:00Z")));
        assertThat(KeyCommands.oldValueWords(expired, now)).isEqualTo("the old value no longer works.");
    }

    private static V2Fields cooldownUntil(Instant until) {
        return new V2Fields(null, null, null, null, null, null, null, null, null, false, until, null);
    }
}
