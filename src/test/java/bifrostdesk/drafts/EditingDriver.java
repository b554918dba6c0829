package bifrostdesk.drafts;

import bifrostdesk.app.MainViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A separate JVM that edits a key as the app does (main view-model, editor, autosaver, workspace) as fast as a
 * fast typist, printing each edit's number, until it is killed. Used by {@link KillDuringEditingTest}.
 */
public final class EditingDriver {
    private EditingDriver() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults());
        MainViewModel vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())),
                new DirectTaskRunner(), new ScriptedDialogs());
        Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
        Autosaver saver = new Autosaver(ws, e -> System.out.println("ERROR " + e), d -> { });
        vm.attachWorkspace(ws, saver);
        vm.start();
        vm.keys().open(vm.list().items().stream().filter(v -> v.name().equals("checkout-service")).findFirst()
                .orElseThrow());
        System.out.println("READY");
        System.out.flush();
        for (int i = 1; ; i++) {
            vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "edit-" + i);
            vm.editor().leaveField(FieldKey.of("", Field.DESCRIPTION));
            System.out.println("EDIT " + i);
            System.out.flush();
            Thread.sleep(ThreadLocalRandom.current().nextInt(2, 25));
        }
    }
}
