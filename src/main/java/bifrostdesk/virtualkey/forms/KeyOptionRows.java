package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The key's v2 options (REFERENCE-v2.md §11.4.1), on servers that have them: content logging (the gateway's
 * setting, on or off for this key) and what happens when the key expires (the gateway's default, delete it, keep
 * it). "Delete after expiry" needs an expiry: the rule's message shows under its choice.
 */
final class KeyOptionRows extends GridPane {
    static final String INHERIT_LOGGING = "The gateway's setting";
    static final String LOGGING_ON = "On: log prompts and answers of this key";
    static final String LOGGING_OFF = "Off: do not log prompts and answers of this key";
    static final String INHERIT_EXPIRY = "The gateway's default";
    static final String DELETE = "Delete the key when it expires";
    static final String KEEP = "Keep the key when it expires";

    private final ChoiceBox<String> logging = new ChoiceBox<>();
    private final ChoiceBox<String> expiry = new ChoiceBox<>();
    private final Label expiryMessage = new Label();
    private final FormContext ctx;
    private boolean updating;

    KeyOptionRows(FormContext ctx) {
        this.ctx = ctx;
        setId("keyOptions");
        setHgap(10);
        setVgap(6);
        logging.setId("keyContentLoggingChoice");
        logging.setAccessibleText("Content logging");
        logging.getItems().setAll(List.of(INHERIT_LOGGING, LOGGING_ON, LOGGING_OFF));
        logging.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                ctx.v2().setContentLogging(b.equals(INHERIT_LOGGING) ? null : b.equals(LOGGING_ON));
            }
        });
        expiry.setId("keyDeleteAfterExpireChoice");
        expiry.setAccessibleText("When the key expires");
        expiry.getItems().setAll(List.of(INHERIT_EXPIRY, DELETE, KEEP));
        expiry.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                ctx.v2().setDeleteAfterExpire(b.equals(INHERIT_EXPIRY) ? null : b.equals(DELETE));
                ctx.vm().leaveField(new FieldKey(NodePath.ROOT, Field.DELETE_AFTER_EXPIRE));
            }
        });
        expiryMessage.setId("keyDeleteAfterExpireChoiceMessage");
        expiryMessage.setWrapText(true);
        row(0, "Content logging", logging, null, "Whether the gateway stores the prompts and answers of requests "
                + "made with this key.");
        row(1, "When it expires", expiry, expiryMessage, "Deleting or keeping needs an expiry date (Expires above). "
                + "Clearing the expiry puts this back to the gateway's default.");
    }

    private void row(int at, String name, ChoiceBox<String> control, Label message, String help) {
        Label l = new Label(name);
        l.setMinWidth(120);
        l.setLabelFor(control);
        Label h = new Label(help);
        h.getStyleClass().add(Styles.HELP);
        h.setWrapText(true);
        VBox cell = message == null ? new VBox(2, control, h) : new VBox(2, control, message, h);
        GridPane.setHgrow(cell, Priority.ALWAYS);
        add(l, 0, at);
        add(cell, 1, at);
    }

    void refresh(VirtualKey vk, boolean readOnly) {
        updating = true;
        Boolean off = vk.v2().disableContentLogging();
        logging.setValue(off == null ? INHERIT_LOGGING : off ? LOGGING_OFF : LOGGING_ON);
        Boolean delete = vk.v2().deleteAfterExpire();
        expiry.setValue(delete == null ? INHERIT_EXPIRY : delete ? DELETE : KEEP);
        logging.setDisable(readOnly);
        expiry.setDisable(readOnly);
        FieldBinding.decorate(expiry, expiryMessage,
                ctx.vm().problemAt(new FieldKey(NodePath.ROOT, Field.DELETE_AFTER_EXPIRE)));
        updating = false;
    }
}
