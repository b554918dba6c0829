package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.logging.AppLog;
import bifrostdesk.common.ui.DialogService.SignIn;
import bifrostdesk.connection.MemoryCredentialStore;
import bifrostdesk.connection.Profile;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in against a sandbox with auth on, a 401 in the middle of work, and the secrets left behind (none). */
class SignInAndSecretsTest {
    private static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private static VirtualKey find(MainViewModel vm, String name) {
        return vm.list().items().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aFullSessionWithSignInLeavesNoSecretInTheLogOrAnyFile() throws Exception {
        AppLog.install(dir.resolve("logs"));
        Set<String> tokens = new HashSet<>();
        List<String> secrets = new ArrayList<>();
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withBasicAuth("admin", PASSWORD))) {
            MainViewModel vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())),
                    new DirectTaskRunner(), dialogs);
            Workspace ws = new Workspace(dir.resolve("workspace"), sandbox.baseUrl(), false);
            MemoryCredentialStore store = new MemoryCredentialStore("test");
            try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
                vm.attachWorkspace(ws, saver);
                vm.attachProfile(Profile.create("acme", sandbox.baseUrl(), Profile.Colour.RED,
                        Profile.AuthMode.SESSION, "admin"), store);
                dialogs.signIns.add(new SignIn("admin", "wrong", false));
                dialogs.signIns.add(new SignIn("admin", PASSWORD, true));

                vm.start();

                assertThat(dialogs.signInReasons).hasSize(2);
                assertThat(dialogs.signInReasons.get(1)).contains("Wrong user name or password");
                assertThat(vm.session().onlineProperty().get()).isTrue();
                assertThat(vm.list().items()).hasSize(8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
                assertThat(store.read("acme")).contains(PASSWORD);
                tokens.addAll(sandbox.activeSessions());

                // the session ends in the middle of work: the save asks to sign in again and loses nothing
                vm.keys().open(find(vm, "mobile-app"));
                vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "edited while signed in");
                sandbox.expireSessions();
                dialogs.signIns.add(new SignIn("admin", PASSWORD, false));
                vm.editor().save();
                assertThat(vm.editor().statusProperty().get()).contains("Signed in again");
                assertThat(vm.editor().editedProperty().get().description()).isEqualTo("edited while signed in");
                tokens.addAll(sandbox.activeSessions());
                vm.editor().save();
                assertThat(sandbox.vkJson(sandbox.vkIdByName("mobile-app")).get("description").asText())
                        .isEqualTo("edited while signed in");

                vm.keys().open(find(vm, "checkout-service"));
                vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "a draft");
                for (VirtualKey vk : vm.list().items()) {
                    secrets.add(sandbox.vkJson(vk.id()).get("value").asText());
                }
            }
        }
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }
        secrets.add(PASSWORD);
        secrets.addAll(tokens);
        secrets.add("ghp_sandboxSecretToken0123456789");
        secrets.add("https://api.githubcopilot.com/mcp/");
        assertThat(tokens).isNotEmpty();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".lck")).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().startsWith("bifrost-desk.0.log"));
        String log = Files.readString(files.stream().filter(f -> f.getFileName().toString().equals("bifrost-desk.0.log"))
                .findFirst().orElseThrow(), StandardCharsets.UTF_8);
        assertThat(log).contains("Signed in to").contains("save of key");
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (String s : secrets) {
                assertThat(text).as("%s must not contain a secret", dir.relativize(f)).doesNotContain(s);
            }
        }
    }
}
