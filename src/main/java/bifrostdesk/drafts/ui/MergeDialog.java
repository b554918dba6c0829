package bifrostdesk.drafts.ui;

import bifrostdesk.drafts.merge.Choice;
import bifrostdesk.drafts.merge.Conflict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Three values side by side per conflicting field — as opened, mine, the server's — and a choice for each. */
public final class MergeDialog {
    private MergeDialog() {
    }

    public static Optional<Map<String, Choice>> show(Window owner, String keyName, List<Conflict> conflicts) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Merge " + keyName);
        d.setHeaderText(keyName + " changed on the server and here in the same places. Choose, per field, "
                + "which value to keep. Nothing is sent before you confirm the plan.");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        grid.setId("mergeGrid");
        String[] heads = {"Field", "As you opened it", "Yours", "On the server now"};
        grid.getColumnConstraints().addAll(column(230), column(190), column(190), column(190));
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("form-title");
            grid.add(h, c, 0);
        }
        Map<String, ToggleGroup> groups = new HashMap<>();
        int row = 1;
        for (Conflict conflict : conflicts) {
            Label label = new Label(conflict.label());
            label.setWrapText(true);
            label.setMaxWidth(220);
            grid.add(label, 0, row);
            ToggleGroup g = new ToggleGroup();
            grid.add(option(g, conflict.base(), Choice.BASE, "merge-base-" + row), 1, row);
            grid.add(option(g, conflict.mine(), Choice.MINE, "merge-mine-" + row), 2, row);
            RadioButton theirs = option(g, conflict.theirs(), Choice.THEIRS, "merge-theirs-" + row);
            grid.add(theirs, 3, row);
            theirs.setSelected(true);
            groups.put(conflict.id(), g);
            row++;
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(860, Math.min(480, 90 + 56 * conflicts.size()));
        // the columns need room: a dialog sizes itself from its header text otherwise
        scroll.setMinWidth(860);
        d.getDialogPane().setMinWidth(900);
        d.getDialogPane().setPrefWidth(900);
        d.setResizable(true);
        d.getDialogPane().setContent(scroll);
        ButtonType ok = new ButtonType("Use these values", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).setId("confirmMerge");
        d.getDialogPane().setId("mergeDialog");
        if (d.showAndWait().filter(b -> b == ok).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Choice> choices = new HashMap<>();
        groups.forEach((id, g) -> choices.put(id, (Choice) g.getSelectedToggle().getUserData()));
        return Optional.of(choices);
    }

    private static javafx.scene.layout.ColumnConstraints column(double width) {
        javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
        c.setMinWidth(width);
        c.setPrefWidth(width);
        return c;
    }

    private static RadioButton option(ToggleGroup g, String text, Choice choice, String id) {
        RadioButton b = new RadioButton(text);
        b.setToggleGroup(g);
        b.setUserData(choice);
        b.setId(id);
        b.setWrapText(true);
        b.setMaxWidth(180);
        b.setAccessibleText(switch (choice) {
            case BASE -> "keep the value as opened: ";
            case MINE -> "keep my value: ";
            case THEIRS -> "keep the server's value: ";
        } + text);
        return b;
    }
}
