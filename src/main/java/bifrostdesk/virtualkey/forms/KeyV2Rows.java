package bifrostdesk.virtualkey.forms;

import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.V2Text;
import java.time.Instant;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The key form's read-only lines for what Bifrost v2 added (REFERENCE-v2.md §11.4.1, §11.9, §11.10, §11.11.2):
 * all providers, rotation and its cooldown, content logging, deletion after expiry, the assigned user and the
 * Virtual MCPs. A line shows only when the server told something about it.
 */
final class KeyV2Rows extends GridPane {
    private final Label allProviders = row("keyAllProviders", "Providers");
    private final Label rotation = row("keyRotation", "Rotation");
    private final Label contentLogging = row("keyContentLogging", "Content logging");
    private final Label deleteAfterExpire = row("keyDeleteAfterExpire", "After expiry");
    private final Label assignedUser = row("keyAssignedUser", "Assigned user");
    private final Label virtualMcps = row("keyVirtualMcps", "Virtual MCPs");
    private int rows;

    KeyV2Rows() {
        setId("keyV2");
        setHgap(10);
        setVgap(6);
    }

    private Label row(String id, String name) {
        Label l = new Label(name);
        l.setMinWidth(120);
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.setAccessibleText(name);
        l.setLabelFor(v);
        GridPane.setHgrow(v, Priority.ALWAYS);
        add(l, 0, rows);
        add(v, 1, rows++);
        return v;
    }

    /** {@code editable}: content logging and deletion after expiry have their own controls, so no line here. */
    void refresh(VirtualKey vk, Instant now, boolean editable) {
        V2Fields v = vk.v2();
        boolean v2 = V2Text.fromV2Server(vk);
        show(allProviders, v.allowAllProviders() == null ? null : v.allowsAllProviders()
                ? "All providers allowed. " + V2Text.ALL_PROVIDERS
                : "Only the providers listed under Provider configs.");
        String cooldown = V2Text.rotation(v, now);
        String rotated = V2Text.rotatedAt(v);
        show(rotation, rotated.isEmpty() && cooldown.isEmpty() ? null
                : capital(rotated.isEmpty() ? cooldown : cooldown.isEmpty() ? rotated + "; the old value no longer works"
                : rotated + "; " + cooldown + " (rotation cooldown)"));
        show(contentLogging, v2 && !editable ? capital(V2Text.contentLogging(v.disableContentLogging())) : null);
        show(deleteAfterExpire, v2 && !editable ? capital(V2Text.deleteAfterExpire(v.deleteAfterExpire(), vk.expiresAt())) : null);
        show(assignedUser, v.assignedUser() == null ? null : v.assignedUser().label());
        show(virtualMcps, v.virtualMcpIds() == null ? null : v.virtualMcpIds().isEmpty() ? "None assigned"
                : v.virtualMcpIds().stream().map(V2Text::virtualMcp).collect(Collectors.joining(", ")));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void show(Label value, String text) {
        boolean shown = text != null;
        value.setText(shown ? text : "");
        for (var n : getChildren()) {
            if (GridPane.getRowIndex(n).equals(GridPane.getRowIndex(value))) {
                n.setVisible(shown);
                n.setManaged(shown);
            }
        }
    }
}
