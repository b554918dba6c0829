package bifrostdesk.virtualkey.forms;

import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The key's metadata ({@code metadata}, REFERENCE-v2.md §11.4.1): key = value lines, read-only for now. */
final class MetadataForm extends FormPane {
    private final VBox entries = new VBox(4);

    MetadataForm(FormContext ctx, String path) {
        super(ctx, path, "Metadata");
        entries.setId("metadataEntries");
        entries.setAccessibleText("Metadata entries");
        addRow("Entries", entries, "Free-form labels of the key; the key list can filter on them.", null);
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        Map<String, String> m = ctx.vm().editedProperty().get().v2().metadata();
        entries.getChildren().clear();
        if (m == null || m.isEmpty()) {
            entries.getChildren().add(new Label("None"));
            return;
        }
        new TreeMap<>(m).forEach((k, v) -> {
            Label l = new Label(k + " = " + v);
            l.setId("metadata-" + k);
            entries.getChildren().add(l);
        });
    }
}
