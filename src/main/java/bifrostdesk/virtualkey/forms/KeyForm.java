package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** The key itself: name, description, active, owner, calendar alignment, the masked value. */
final class KeyForm extends FormPane {
    private final CheckBox active = new CheckBox("Active — requests with this key are accepted");
    private final ComboBox<Owner> owner = new ComboBox<>();
    private final CheckBox calendar = new CheckBox("Align budget resets to the calendar (UTC)");
    private final Label value = new Label();
    private final Button reveal = new Button(null, Icons.of(Icons.REVEAL));
    private final Label banner = new Label();
    private boolean revealed;
    private boolean updating;

    /** An owner choice: none, a team or a customer. */
    record Owner(String teamId, String customerId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    KeyForm(FormContext ctx, CopyAction copy) {
        super(ctx, "", "Virtual key");
        banner.getStyleClass().add(Styles.BANNER_WARNING);
        banner.setWrapText(true);
        banner.setId("configManagedBanner");
        root.getChildren().add(1, banner);
        TextField name = text("keyName", "Name", "name", "Unique on the server.");
        text("keyDescription", "Description", "description", null);
        text("keyExpiresAt", "Expires", "expires_at", "Empty = never. A date (UTC midnight) or a time, e.g. "
                + "2027-01-31 or 2027-01-31T18:00Z. Needs Bifrost v1.5.2 or later.");
        active.setId("keyActive");
        active.setOnAction(e -> ctx.vm().setField("", "active", String.valueOf(active.isSelected())));
        addRow("Status", active, null, null);
        owner.setId("keyOwner");
        owner.setAccessibleText("Owner");
        owner.setMaxWidth(Double.MAX_VALUE);
        owner.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                ctx.vm().setOwner(b.teamId(), b.customerId());
            }
        });
        addRow("Owner", owner, "A key belongs to one team or one customer, or to neither.", null);
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
        addRow("Usage", reset, "Sets the used amount of every budget of this key and its provider configs to $0 "
                + "(Bifrost v1.5.2+). The plan is shown first.", null);
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
        List<Owner> owners = new ArrayList<>();
        owners.add(new Owner(null, null, "No team or customer"));
        Lookups.Snapshot l = ctx.lookups().get();
        l.teams().forEach(t -> owners.add(new Owner(t.id(), null, "Team · " + t.name())));
        l.customers().forEach(c -> owners.add(new Owner(null, c.id(), "Customer · " + c.name())));
        Owner current = owners.stream().filter(o -> java.util.Objects.equals(o.teamId(), vk.teamId())
                && java.util.Objects.equals(o.customerId(), vk.customerId())).findFirst().orElseGet(() -> {
                    Owner unknown = new Owner(vk.teamId(), vk.customerId(), vk.teamId() != null
                            ? "Team · " + vk.teamId() : "Customer · " + vk.customerId());
                    owners.add(unknown);
                    return unknown;
                });
        if (!owner.getItems().equals(owners)) {
            owner.getItems().setAll(owners);
        }
        owner.setValue(current);
        updating = false;
        String v = vk.value() == null ? "" : vk.value();
        value.setText(v.isEmpty() ? "(shown after creation)" : revealed ? v : mask(v));
        reveal.setGraphic(Icons.of(revealed ? Icons.HIDE : Icons.REVEAL));
        banner.setText(vk.isConfigManaged() ? "This key is managed by the server's config.json: its next restart "
                + "overwrites edits made here. Change config.json too." : "");
        banner.setVisible(vk.isConfigManaged());
        banner.setManaged(vk.isConfigManaged());
    }

    static String mask(String v) {
        if (v.length() <= 10) {
            return "••••••••";
        }
        return v.substring(0, 6) + "••••••••••••" + v.substring(v.length() - 4);
    }
}
