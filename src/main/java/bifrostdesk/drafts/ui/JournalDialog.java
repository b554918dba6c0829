package bifrostdesk.drafts.ui;

import bifrostdesk.drafts.Journal;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The sync journal: every save and sync with what was sent and the result; exportable as JSON lines. Binds a
 * {@link JournalViewModel}.
 */
public final class JournalDialog {
    private JournalDialog() {
    }

    public static void show(Window owner, JournalViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Journal");
        d.setHeaderText("What was sent to " + vm.server() + ", newest first");
        TableView<Journal.Entry> table = new TableView<>();
        table.setId("journalTable");
        table.getColumns().add(column("When", e -> e.at().toString().replace('T', ' ').substring(0, 19) + " UTC", 170));
        table.getColumns().add(column("Action", Journal.Entry::action, 110));
        table.getColumns().add(column("Key", Journal.Entry::vkName, 170));
        table.getColumns().add(column("Requests", e -> String.valueOf(e.requests().size()), 80));
        table.getColumns().add(column("Result", e -> (e.ok() ? "✔ " : "✘ ") + e.result(), 260));
        table.getItems().setAll(vm.entries());
        TextArea detail = new TextArea();
        detail.setId("journalDetail");
        detail.setEditable(false);
        detail.setPrefRowCount(8);
        detail.getStyleClass().add("monospace");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) ->
                detail.setText(e == null ? "" : String.join("\n\n", e.requests())));
        vm.exportProblemProperty().addListener((o, a, problem) -> {
            if (!problem.isEmpty()) {
                detail.setText(problem);
            }
        });
        Button export = new Button("Export…");
        export.setId("exportJournal");
        export.setOnAction(ev -> vm.export());
        export.setDisable(!vm.canExport());
        VBox box = new VBox(8, table, detail, export);
        box.setPrefSize(820, 520);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.getDialogPane().setId("journalDialog");
        d.showAndWait();
    }

    private static TableColumn<Journal.Entry, String> column(String title,
            java.util.function.Function<Journal.Entry, String> f, double width) {
        TableColumn<Journal.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
