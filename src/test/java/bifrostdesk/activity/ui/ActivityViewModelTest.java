package bifrostdesk.activity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.activity.Activity;
import bifrostdesk.app.MainViewModel;
import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.drafts.Autosaver;
import bifrostdesk.drafts.Workspace;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status line and the activity entries of a composed window model, against the sandbox over HTTP: what the
 * connection, the editor, the sync and the dialogs report becomes events, the line is replaced on each, and old
 * problems are cleared once solved (the "Offline: the s…" that stayed after the sync saved the key).
 */
class ActivityViewModelTest {
    private SandboxServer sandbox;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainViewModel vm;
    private Autosaver autosaver;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        // the autosaver writes on its own thread: stop it before the temporary folder is deleted
        if (autosaver != null) {
            autosaver.close();
        }
        sandbox.close();
    }

    private void open(SandboxOptions options) {
        sandbox = SandboxServer.start(options);
        vm = new MainViewModel(new BifrostClient(ServerEndpoint.of(sandbox.baseUrl())), new DirectTaskRunner(), dialogs);
        Workspace ws = new Workspace(dir, sandbox.baseUrl(), false);
        autosaver = new Autosaver(ws, e -> { }, d -> { });
        vm.attachWorkspace(ws, autosaver);
        vm.start();
    }

    private VirtualKey listed(String name) {
        return vm.list().items().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private ActivityViewModel activity() {
        return vm.activity();
    }

    private Activity line() {
        return activity().statusProperty().get();
    }

    private List<Activity.Kind> kinds() {
        return activity().entries().stream().map(Activity::kind).toList();
    }

    @Test
    void connectingSavingAndANoticeEachBecomeAnEventAndReplaceTheLine() {
        open(SandboxOptions.defaults().withDialect(Dialect.LATER));
        assertThat(line().kind()).isEqualTo(Activity.Kind.CONNECTED);
        assertThat(line().level()).isEqualTo(Activity.Level.SUCCESS);
        assertThat(line().summary()).startsWith("Connected: Bifrost");
        assertThat(activity().entries()).anySatisfy(a -> {
            assertThat(a.level()).isEqualTo(Activity.Level.PROGRESS);
            assertThat(a.summary()).startsWith("Connecting to");
        });

        vm.keys().open(listed("mobile-app"));
        vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "for the app store build");
        vm.editor().save();

        assertThat(line().kind()).isEqualTo(Activity.Kind.SAVED);
        assertThat(line().summary()).isEqualTo("Saved mobile-app");
        // the saved event says what the confirmed plan changed
        assertThat(line().details()).contains("Plan:").contains("description");
        assertThat(activity().finishedProperty().get()).isSameAs(line());
        // the steps before it were on the line in turn
        assertThat(activity().entries()).extracting(Activity::summary)
                .contains("Checking the server's copy…", "Saving…");

        vm.sync().sync();
        assertThat(line().kind()).isEqualTo(Activity.Kind.SYNC);
        assertThat(line().summary()).isEqualTo("Nothing to sync: no queued drafts");
    }

    @Test
    void anErrorShownToTheUserIsAnEventWithItsDetails() {
        open(SandboxOptions.defaults().withDialect(Dialect.LATER));
        dialogs.textAnswers.add("not the name");
        vm.keys().deleteKey(listed("mobile-app"));

        assertThat(dialogs.errors).hasSize(1);
        assertThat(line().kind()).isEqualTo(Activity.Kind.ERROR);
        assertThat(line().level()).isEqualTo(Activity.Level.ERROR);
        assertThat(line().details()).contains("The name did not match");
        assertThat(activity().openProblemsProperty().get()).isEqualTo(1);
    }

    @Test
    void offlineThenReconnectedThenSyncedClearsTheOfflineLine() throws Exception {
        open(SandboxOptions.defaults().withDialect(Dialect.LATER));
        vm.keys().open(listed("mobile-app"));
        int port = sandbox.port();
        sandbox.close();
        vm.editor().setField(FieldKey.of("", Field.DESCRIPTION), "from the train");
        vm.editor().save();

        assertThat(kinds()).contains(Activity.Kind.OFFLINE);
        assertThat(activity().entries()).filteredOn(a -> a.kind() == Activity.Kind.OFFLINE).singleElement()
                .satisfies(a -> {
                    assertThat(a.level()).isEqualTo(Activity.Level.WARNING);
                    assertThat(a.details()).startsWith("Offline since").contains("did not answer a save");
                });
        assertThat(line().summary()).startsWith("Offline: the save is queued");
        assertThat(line().level()).isEqualTo(Activity.Level.WARNING);
        assertThat(activity().openProblemsProperty().get()).isEqualTo(2);

        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(port));
        vm.session().tryReconnect();
        assertThat(kinds()).contains(Activity.Kind.RECONNECTED);
        assertThat(activity().entries()).filteredOn(a -> a.kind() == Activity.Kind.RECONNECTED).singleElement()
                .satisfies(a -> assertThat(a.summary()).startsWith("Reconnected: Bifrost"));
        // reconnecting solved "offline"; the queued save is still open until the sync sends it
        assertThat(activity().openProblemsProperty().get()).isEqualTo(1);

        vm.sync().sync();
        assertThat(activity().entries()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(Activity.Kind.SYNC);
            assertThat(a.summary()).isEqualTo("Synced mobile-app");
            assertThat(a.details()).contains("description");
        });
        assertThat(line().summary()).isEqualTo("Sync finished: 1 saved, 0 still queued");
        assertThat(line().level()).isEqualTo(Activity.Level.SUCCESS);
        assertThat(line().summary()).doesNotContain("Offline");
        assertThat(activity().openProblemsProperty().get()).isZero();
    }

    @Test
    void aGatewayThatWantsASignInIsAnEvent() {
        open(SandboxOptions.defaults().withBasicAuth("admin", "secret-pass"));
        // nobody signed in (the scripted dialog was cancelled)
        assertThat(activity().entries()).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(Activity.Kind.SIGN_IN);
            assertThat(a.level()).isEqualTo(Activity.Level.WARNING);
        });
        assertThat(line().summary()).startsWith("Not signed in");
    }
}
