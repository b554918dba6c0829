package bifrostdesk.virtualkey.list;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.connection.ConnectionState;
import bifrostdesk.drafts.SyncService;
import bifrostdesk.drafts.ui.DraftBook;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.CommittedErrors;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the user does to whole keys, from the key list and the toolbar: open one (its kept draft first), create,
 * delete, activate or deactivate, rotate its value, copy its value. Deleting and rotating ask for the key's name
 * first. What a command sends is journaled; the results go to the list, the editor and the user.
 * Call on the FX thread; server work goes through the {@link TaskRunner}.
 */
public final class KeyCommands {

    /** Records what a command sent (the sync journal); called on the background thread that sent it. */
    @FunctionalInterface
    public interface Recorder {
        void record(String action, VirtualKey key, List<PlannedRequest> sent, boolean ok, String result);
    }

    private final BifrostClient client;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final VirtualKeyListViewModel list;
    private final VirtualKeyEditorViewModel editor;
    private final DraftBook drafts;
    private final ConnectionState connection;
    private final Recorder journal;
    private Consumer<String> clipboard = secret -> { };

    public KeyCommands(BifrostClient client, TaskRunner runner, DialogService dialogs, VirtualKeyListViewModel list,
                       VirtualKeyEditorViewModel editor, DraftBook drafts, ConnectionState connection,
                       Recorder journal) {
        this.client = client;
        this.runner = runner;
        this.dialogs = dialogs;
        this.list = list;
        this.editor = editor;
        this.drafts = drafts;
        this.connection = connection;
        this.journal = journal;
    }

    /** Where "copy value" puts a key's value (the app's clipboard, cleared again after a while). */
    public void useClipboard(Consumer<String> copier) {
        this.clipboard = copier;
    }

    // ---- opening -----------------------------------------------------------------------------------------------

    /** Opens a key from the list: a kept draft if there is one, else the server's current copy. */
    public void open(VirtualKey fromList) {
        if (isOpen(fromList.id())) {
            return;
        }
        if (drafts.openKept(fromList.id())) {
            drafts.fillValueFromList();
            return;
        }
        if (!connection.isOnline()) {
            // offline: the list holds the last pulled copy of the key
            editor.selectedPathProperty().set("");
            editor.open(fromList);
            return;
        }
        runner.run("Opening " + fromList.name(), p -> client.getVirtualKey(fromList.id()), vk -> {
            editor.selectedPathProperty().set("");
            editor.open(vk);
        }, e -> {
            dialogs.notify("Could not open " + fromList.name() + " from the server (" + message(e)
                    + "); showing the last pulled copy.");
            editor.open(fromList);
        });
    }

    /**
     * Opens a key in the editor at a node (e.g. from the budgets view): "" for the key,
     * "provider_configs/2/budgets/0"…
     */
    public void openAt(String vkId, String path) {
        if (isOpen(vkId)) {
            editor.selectedPathProperty().set(path);
            return;
        }
        if (drafts.openKept(vkId)) {
            editor.selectedPathProperty().set(path);
            return;
        }
        runner.run("Opening key", p -> client.getVirtualKey(vkId), vk -> {
            editor.open(vk);
            editor.selectedPathProperty().set(path);
        }, e -> dialogs.notify("Could not open the key: " + message(e)));
    }

    private boolean isOpen(String vkId) {
        VirtualKey current = editor.editedProperty().get();
        return current != null && Objects.equals(current.id(), vkId);
    }

    // ---- creating and deleting ---------------------------------------------------------------------------------

    /** Asks for a name, creates the key, shows its value once and opens it. */
    public void createKey() {
        dialogs.askText("New virtual key", "Name of the new key (unique on the server):", "e.g. checkout-service")
                .map(String::trim).filter(s -> !s.isEmpty()).ifPresent(name -> {
                    SavePlan plan = UpdateBuilder.planCreate(VirtualKey.newKey(name), connection.dialect());
                    if (plan.isRefused()) {
                        dialogs.showError("Cannot create the key", String.join("\n", plan.refusals()));
                        return;
                    }
                    runner.run("Creating " + name, p -> {
                        VirtualKey created = client.execute(plan.requests().get(0));
                        journal.record("create", created, plan.requests(), true, "created");
                        return created;
                    }, vk -> {
                        list.replace(vk);
                        drafts.keepOpen();
                        editor.open(vk);
                        dialogs.showSecretOnce("Key created", "Copy the value of " + vk.name()
                                + " now and hand it to its user. It stays masked in the editor.", vk.value());
                    }, e -> dialogs.showError("Cannot create the key", message(e)));
                });
    }

    /** Deletes a key after the user typed its name. */
    public void deleteKey(VirtualKey vk) {
        if (!confirmByName(vk, "Delete " + vk.name(), "This deletes the key, its provider configs, budgets and rate "
                + "limits on the server. Requests using it will fail.", "Not deleted", "nothing was deleted")) {
            return;
        }
        SavePlan plan = UpdateBuilder.planDelete(vk);
        runner.run("Deleting " + vk.name(), p -> {
            client.execute(plan.requests().get(0));
            journal.record("delete", vk, plan.requests(), true, "deleted");
            return vk;
        }, r -> {
            list.removeById(vk.id());
            drafts.forget(vk.id());
            if (isOpen(vk.id())) {
                editor.close();
            }
            dialogs.notify("Deleted " + vk.name() + ".");
        }, e -> dialogs.showError("Could not delete " + vk.name(), message(e)));
    }

    /**
     * The one "type the key's name to confirm" question of the commands that cannot be undone. True when the user
     * typed the name exactly; a wrong name is told ({@code notDone}: "nothing was deleted"), a cancel is silent.
     */
    private boolean confirmByName(VirtualKey vk, String title, String warning, String notDoneTitle, String notDone) {
        var typed = dialogs.askText(title, warning + "\nType the key's name to confirm:", vk.name());
        if (typed.isEmpty()) {
            return false;
        }
        if (!typed.get().equals(vk.name())) {
            dialogs.showError(notDoneTitle, "The name did not match; " + notDone + ".");
            return false;
        }
        return true;
    }

    // ---- changing a key ----------------------------------------------------------------------------------------

    /**
     * Gives a key a new value (Bifrost v1.5.2+; the old value stops working, the configuration stays). Asks for the
     * key's name first and shows the new value once.
     */
    public void rotateKey(VirtualKey vk) {
        Dialect dialect = connection.dialect();
        if (!dialect.atLeast(Dialect.LATER)) {
            dialogs.showError("Cannot rotate " + vk.name(), "Rotating a key's value needs Bifrost v1.5.2 or later; "
                    + "this server speaks " + dialect.label() + ".");
            return;
        }
        String stops = dialect.atLeast(Dialect.V2)
                ? "The key gets a new value. The current one stops working at once, or after the gateway's rotation "
                + "cooldown if its operator set one (vk_rotation_cooldown); a value from an earlier rotation still in "
                + "its cooldown stops at once."
                : "The key gets a new value and the current one stops working (in a cluster, peers may accept it "
                + "until they converge).";
        if (!confirmByName(vk, "Rotate " + vk.name(), stops + " Budgets, limits and access stay.", "Not rotated",
                "nothing was changed")) {
            return;
        }
        PlannedRequest r = UpdateBuilder.planRotate(vk);
        runner.run("Rotating " + vk.name(), p -> {
            VirtualKey rotated;
            try {
                rotated = client.execute(r);
            } catch (ApiException e) {
                if (!CommittedErrors.isCommitted(e)) {
                    throw e;
                }
                // "rotated in database but failed to reload": the new value is stored; read it, don't rotate again
                rotated = client.getVirtualKey(vk.id());
            }
            journal.record("rotate", vk, List.of(r), true, "rotated");
            return rotated.keepGetOnlyFrom(vk);
        }, rotated -> {
            list.replace(rotated);
            if (isOpen(rotated.id()) && !editor.dirtyProperty().get()) {
                editor.open(rotated);
            }
            dialogs.showSecretOnce("Key rotated", "The new value of " + rotated.name() + ". Copy it now and "
                    + "hand it to its user; " + oldValueWords(rotated, Instant.now()), rotated.value());
        }, e -> dialogs.showError("Could not rotate " + vk.name(), message(e)));
    }

    /**
     * What happens to the previous value after a rotation: with the gateway's rotation cooldown (v2.1+,
     * REFERENCE-v2.md §11.10) it keeps working until {@code previous_value_expires_at}; otherwise it stops at once.
     */
    static String oldValueWords(VirtualKey rotated, Instant now) {
        Instant until = rotated.v2().previousValueExpiresAt();
        if (until != null && until.isAfter(now)) {
            return "the old value keeps working until " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .withZone(ZoneOffset.UTC).format(until) + " (the gateway's rotation cooldown), then stops.";
        }
        return "the old value no longer works.";
    }

    /**
     * Activates or deactivates a key from the list with a full-desired-state save of the server's current copy,
     * so nothing else on the key changes (a bare {@code {"is_active":false}} would detach it on v1.5 servers).
     */
    public void setActive(VirtualKey vk, boolean active) {
        Dialect dialect = connection.dialect();
        runner.run((active ? "Activating " : "Deactivating ") + vk.name(), p -> {
            VirtualKey serverCopy = client.getVirtualKey(vk.id());
            SavePlan plan = UpdateBuilder.planUpdate(serverCopy.withActive(active), serverCopy, dialect);
            if (plan.isRefused()) {
                throw new IllegalStateException(String.join(" ", plan.refusals()));
            }
            VirtualKey last = new SyncService(client, dialect, Map.of()).send(plan, serverCopy, null, "activate");
            journal.record(active ? "activate" : "deactivate", serverCopy, plan.requests(), true, "saved");
            return last;
        }, saved -> {
            list.replace(saved);
            if (isOpen(saved.id())) {
                if (editor.dirtyProperty().get()) {
                    dialogs.notify((active ? "Activated " : "Deactivated ") + saved.name()
                            + " on the server; your open edits were made before that and will be checked on save.");
                } else {
                    editor.open(saved);
                }
            }
            dialogs.notify((active ? "Activated " : "Deactivated ") + saved.name() + ".");
        }, e -> dialogs.showError("Could not change " + vk.name(), message(e)));
    }

    /** Copies a key's value to the clipboard (the list's "copy value"). */
    public void copyValue(VirtualKey vk) {
        clipboard.accept(vk.value());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
