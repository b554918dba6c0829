package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.V2Support;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.V2Text;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * The key itself: name, description, active, owner, calendar alignment, the masked value, and the v2 lines
 * ({@link KeyV2Rows}). For an access-profile-managed key only name and description stay editable, and a banner
 * says why.
 */
final class KeyForm extends FormPane {
    private final CheckBox active = new CheckBox("Active — requests with this key are accepted");
    private final ComboBox<OwnerChoices.Owner> owner = new ComboBox<>();
    private final CheckBox calendar = new CheckBox("Align budget resets to the calendar (UTC)");
    private final Label value = new Label();
    private final Button reveal = new Button(null, Icons.of(Icons.REVEAL));
    private final Label banner = new Label();
    private final Label accessProfile = new Label(V2Text.ACCESS_PROFILE);
    private final KeyV2Rows v2 = new KeyV2Rows();
    private final KeyOptionRows options;
    private boolean revealed;
    private boolean updating;

    KeyForm(FormContext ctx, CopyAction copy) {
        super(ctx, "", "Virtual key");
        banner.getStyleClass().add(Styles.BANNER_WARNING);
        banner.setWrapText(true);
        banner.setId("configManagedBanner");
        accessProfile.getStyleClass().add(Styles.BANNER_INFO);
        accessProfile.setWrapText(true);
        accessProfile.setId("accessProfileBanner");
        accessProfile.setGraphic(Icons.of(Icons.READ_ONLY));
        root.getChildren().addAll(1, List.of(accessProfile, banner));
        TextField name = text("keyName", "Name", Field.NAME, "Unique on the server.");
        text("keyDescription", "Description", Field.DESCRIPTION, null);
        text("keyExpiresAt", "Expires", Field.EXPIRES_AT, "Empty = never. A date (UTC midnight) or a time, e.g. "
                + "2027-01-31 or 2027-01-31T18:00Z. Needs Bifrost v1.5.2 or later.");
        active.setId("keyActive");
        active.setOnAction(e -> ctx.vm().setField(new FieldKey(NodePath.ROOT, Field.ACTIVE),
                String.valueOf(active.isSelected())));
        addRow("Status", active, null, null);
        owner.setId("keyOwner");
        owner.setAccessibleText("Owner");
        owner.setMaxWidth(Double.MAX_VALUE);
        owner.valueProperty().addListener((o, a, b) -> {
            if (updating || b == null) {
                return;
            }
            if (b.businessUnitId() != null) {
                if (!b.businessUnitId().equals(ctx.vm().editedProperty().get().businessUnitId())) {
                    ctx.v2().setBusinessUnit(b.businessUnitId(),
                            b.label().substring(OwnerChoices.BUSINESS_UNIT.length()));
                }
            } else {
                ctx.vm().setOwner(b.teamId(), b.customerId());
            }
        });
        addRow("Owner", owner, "A key belongs to one team, customer or business unit, or to none. A team's key may "
                + "show the team's customer too.", null);
        calendar.setId("keyCalendarAligned");
        calendar.setOnAction(e -> ctx.vm().setCalendarAligned(calendar.isSelected()));
        addRow("Budgets", calendar, "Daily budgets reset at midnight, weekly on Monday, monthly on the 1st.", null);
        value.setId("keyValue");
        value.setAccessibleText("Key value (masked)");
        reveal.setId("revealValue");
        reveal.setAccessibleText("Reveal or hide the key value");
        reveal.setOnAction(e -> {
            revealed = !revealed;
            refresh();
        });
        Button copyButton = new Button(null, Icons.of(Icons.COPY));
        copyButton.setId("copyValue");
        copyButton.setAccessibleText("Copy the key value");
        copyButton.setOnAction(e -> copy.copy(ctx.vm().editedProperty().get().value()));
        addRow("Value", new HBox(6, value, reveal, copyButton), null, null);
        Button reset = new Button("Reset budget usage…");
        reset.setId("resetUsage");
        reset.setAccessibleText("Reset the usage of every budget of this key to zero");
        reset.setOnAction(e -> ctx.vm().resetUsage());
        guard(active, owner, calendar, reset);
        addRow("Usage", reset, "Sets the used amount of every budget of this key and its provider configs to $0 "
                + "(Bifrost v1.5.2+). The plan is shown first.", null);
        // v2 key options where the server has them: content logging and deletion after expiry
        if (V2Support.keyOptions(ctx.vm().editedProperty().get())) {
            options = new KeyOptionRows(ctx);
            root.getChildren().add(options);
        } else {
            options = null;
        }
        root.getChildren().add(v2);
        name.setPromptText("e.g. checkout-service");
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        VirtualKey vk = ctx.vm().editedProperty().get();
        updating = true;
        active.setSelected(vk.active());
        calendar.setSelected(vk.calendarAligned());
        OwnerChoices choices = new OwnerChoices(vk, ctx.lookups().get(),
                V2Support.businessUnits(vk, ctx.vm().dialect(), ctx.lookups().get()));
        if (!owner.getItems().equals(choices.options())) {
            owner.getItems().setAll(choices.options());
        }
        owner.setValue(choices.current());
        updating = false;
        String v = vk.value() == null ? "" : vk.value();
        value.setText(v.isEmpty() ? "(shown after creation)" : revealed ? v : mask(v));
        reveal.setGraphic(Icons.of(revealed ? Icons.HIDE : Icons.REVEAL));
        banner.setText(vk.isConfigManaged() ? "This key is managed by the server's config.json: its next restart "
                + "overwrites edits made here. Change config.json too." : "");
        banner.setVisible(vk.isConfigManaged());
        banner.setManaged(vk.isConfigManaged());
        accessProfile.setVisible(vk.isAccessProfileManaged());
        accessProfile.setManaged(vk.isAccessProfileManaged());
        v2.refresh(vk, java.time.Instant.now(), options != null);
        if (options != null) {
            options.refresh(vk, !ctx.vm().canEdit("", Field.DISABLE_CONTENT_LOGGING));
        }
    }

    @Override
    protected boolean showsReadOnlyNote() {
        return false;
    }

    static String mask(String v) {
        if (v.length() <= 10) {
            return "••••••••";
        }
        return v.substring(0, 6) + "••••••••••••" + v.substring(v.length() - 4);
    }
}
