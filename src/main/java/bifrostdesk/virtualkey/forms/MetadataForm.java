package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.Severity;
import bifrostdesk.virtualkey.model.Violation;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * The key's metadata ({@code metadata}, REFERENCE-v2.md §11.4.1) as a key/value table: each value editable in
 * place, each entry removable, and a row to add one. A key is checked as the gateway checks it before it is added.
 */
final class MetadataForm extends FormPane {
    private final GridPane entries = new GridPane();
    private final TextField newKey = new TextField();
    private final TextField newValue = new TextField();
    private final Label message = new Label();
    private String typedProblem;

    MetadataForm(FormContext ctx, String path) {
        super(ctx, path, "Metadata");
        entries.setId("metadataEntries");
        entries.setAccessibleText("Metadata entries");
        entries.setHgap(6);
        entries.setVgap(4);
        addRow("Entries", entries, "Free-form labels of the key; the key list can filter on them.", null);
        newKey.setId("metadataNewKey");
        newKey.setAccessibleText("New metadata key");
        newKey.setPromptText("key, e.g. cost_center");
        newValue.setId("metadataNewValue");
        newValue.setAccessibleText("New metadata value");
        newValue.setPromptText("value");
        Button add = new Button("Add", Icons.of(Icons.ADD));
        add.setId("addMetadata");
        add.setAccessibleText("Add the metadata entry");
        add.setOnAction(e -> addTyped());
        newValue.setOnAction(e -> addTyped());
        // the fields give way, the button keeps its words (side by side at 1280 wide it was cut to "…")
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        newKey.setPrefColumnCount(10);
        newValue.setPrefColumnCount(8);
        message.setId("metadataMessage");
        message.setWrapText(true);
        addRow("Add", new HBox(6, newKey, newValue, add), "Keys: letters, digits, '.', '_' or '-', not starting "
                + "with 'bifrost_'. Adding a key that exists replaces its value.", message);
        guard(newKey, newValue, add);
        refresh();
    }

    private void addTyped() {
        Optional<String> problem = ctx.v2().putMetadata(newKey.getText(), newValue.getText());
        typedProblem = problem.orElse(null);
        if (problem.isEmpty()) {
            newKey.clear();
            newValue.clear();
        }
        refresh();
    }

    @Override
    public void refresh() {
        super.refresh();
        Map<String, String> m = ctx.vm().editedProperty().get().v2().metadata();
        entries.getChildren().clear();
        if (m == null || m.isEmpty()) {
            entries.add(new Label("None"), 0, 0);
        } else {
            int row = 0;
            for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
                Label k = new Label(e.getKey());
                k.setId("metadata-" + e.getKey());
                TextField v = new TextField(e.getValue());
                v.setId("metadataValue-" + e.getKey());
                v.setAccessibleText("Value of " + e.getKey());
                v.setDisable(readOnly());
                // committed on Enter or when leaving the box, so one entry is not rewritten per keystroke
                v.setOnAction(a -> ctx.v2().putMetadata(e.getKey(), v.getText()));
                v.focusedProperty().addListener((o, was, is) -> {
                    if (!is && !v.getText().equals(e.getValue())) {
                        ctx.v2().putMetadata(e.getKey(), v.getText());
                    }
                });
                Button remove = new Button(null, Icons.of(Icons.DELETE));
                remove.setId("removeMetadata-" + e.getKey());
                remove.setAccessibleText("Remove " + e.getKey());
                remove.setDisable(readOnly());
                remove.setOnAction(a -> ctx.v2().removeMetadata(e.getKey()));
                entries.addRow(row++, k, v, remove);
            }
        }
        Optional<Violation> problem = typedProblem != null
                ? Optional.of(new Violation(FieldKey.of(path, Field.METADATA), Severity.ERROR, typedProblem))
                : ctx.vm().problemAt(FieldKey.of(path, Field.METADATA));
        FieldBinding.decorate(newKey, message, problem);
    }
}
