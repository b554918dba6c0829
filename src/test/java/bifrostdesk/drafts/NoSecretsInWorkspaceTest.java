package bifrostdesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.app.MainViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full session — connect, browse, edit, save, create, deactivate, leave a draft — then every file the
 * workspace holds is scanned for the secrets the session handled: VK values, provider key values, MCP
 * connection strings and headers (Bifrost returns the last inside VK responses).
 */
class NoSecretsInWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void noWorkspaceFileHoldsASecretAfterAFullSession() throws Exception {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults())) {
            MainViewModel vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())),
                    new DirectTaskRunner(), dialogs);
            Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
            try (Autosaver saver = new Autosaver(ws, e -> { }, d -> { })) {
                vm.attachWorkspace(ws, saver);
                vm.start();
                for (String name : List.of("mobile-app", "checkout-service", "support-bot")) {
                    vm.keys().open(find(vm, name));
                    vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "edited " + name);
                }
                vm.editor().save(); // support-bot saved; the other two stay as drafts
                dialogs.textAnswers.add("scan-me");
                vm.keys().createKey();
                vm.keys().setActive(find(vm, "analytics-batch"), false);
                vm.keys().open(find(vm, "research-sandbox"));
                vm.editor().setField(FieldKey.of("budgets/0", Field.MAX_LIMIT), "12,5k");
            }

            List<String> secrets = new ArrayList<>();
            for (VirtualKey vk : vm.list().items()) {
                secrets.add(sandbox.vkJson(vk.id()).get("value").asText());
            }
            for (String key : List.of("openai-prod", "openai-dev", "openai-batch", "anthropic-prod", "anthropic-dev",
                    "azure-eastus", "azure-westeurope")) {
                String provider = key.substring(0, key.indexOf('-'));
                secrets.add("sk-" + provider + "-" + SeedData.stableId("secret:" + key).replace("-", ""));
            }
            secrets.add("https://api.githubcopilot.com/mcp/");
            secrets.add("ghp_sandboxSecretToken0123456789");
            secrets.add("server-filesystem /srv/shared");
            assertThat(secrets).hasSizeGreaterThan(15).allMatch(s -> s.length() > 10);

            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            // the session really wrote: drafts, cached keys and lookups, journal
            assertThat(files).extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .contains("cache/keys.json", "cache/lookups.json", "journal.jsonl")
                    .anyMatch(p -> p.startsWith("drafts/"));
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    assertThat(text).as("%s must not contain a secret", dir.relativize(f)).doesNotContain(secret);
                }
            }
            // the invalid text the user typed is kept, though
            assertThat(Files.readString(dir.resolve("drafts").resolve(Workspace.slug(find(vm, "research-sandbox").id())
                    + ".json"))).contains("12,5k");
        }
    }

    private static VirtualKey find(MainViewModel vm, String name) {
        return vm.list().items().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
