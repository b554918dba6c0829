package bifrostdesk.bulk.ui;

import bifrostdesk.bulk.BudgetScope;
import bifrostdesk.bulk.BulkReport;
import bifrostdesk.bulk.BulkReview;
import bifrostdesk.bulk.KeyOutcome;
import bifrostdesk.bulk.KeyResult;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The bulk dialog: the operation and its small form, the review (summary, consequences, keys listed apart, each
 * key's plan on demand), the progress with Cancel, and the report with retry, the second confirmation of keys
 * changed meanwhile, and undo. Only binds and forwards to {@link BulkViewModel}.
 */
public final class BulkDialog {
    private final BulkViewModel vm;
    private final BorderPane root = new BorderPane();

    private BulkDialog(BulkViewModel vm) {
        this.vm = vm;
    }

    /** Opens the dialog over {@code owner}; {@code matching} is how many keys match the list's search and filters. */
    public static Stage show(Window owner, BulkViewModel vm, int matching) {
        BulkDialog d = new BulkDialog(vm);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Bulk change");
        d.root.setId("bulkDialog");
        d.root.setPadding(new Insets(12));
        Label message = new Label();
        message.setId("bulkMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        d.root.setBottom(message);
        BorderPane.setMargin(message, new Insets(8, 0, 0, 0));
        Node choose = d.choose(matching, stage);
        vm.stepProperty().addListener((o, a, step) -> d.root.setCenter(switch (step) {
            case CHOOSE -> choose;
            case REVIEW -> d.review();
            case SENDING -> d.sending();
            case REPORT -> d.report(stage);
        }));
        d.root.setCenter(choose);
        stage.setScene(new Scene(d.root, 900, 620));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.show();
        return stage;
    }

    private Node choose(int matching, Stage stage) {
        ToggleGroup target = new ToggleGroup();
        RadioButton sel = new RadioButton("The " + vm.selectedCount() + " selected keys");
        sel.setId("bulkTargetSelected");
        RadioButton all = new RadioButton(String.format("All %,d keys matching the list's search and filters",
                matching));
        all.setId("bulkTargetAll");
        sel.setToggleGroup(target);
        all.setToggleGroup(target);
        (vm.selectedCount() > 0 ? sel : all).setSelected(true);
        vm.allMatchingProperty().set(all.isSelected());
        all.selectedProperty().addListener((o, a, b) -> vm.allMatchingProperty().set(b));

        ChoiceBox<OperationKind> kind = new ChoiceBox<>(FXCollections.observableArrayList(OperationKind.values()));
        kind.setId("bulkOperation");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ChoiceBox<String> scope = new ChoiceBox<>(FXCollections.observableArrayList(
                "the key's and its provider configs'", "the key's only", "the provider configs' only"));
        scope.setId("bulkScope");
        scope.getSelectionModel().select(0);
        scope.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> vm.scopeProperty().set(
                i.intValue() == 1 ? BudgetScope.KEY : i.intValue() == 2 ? BudgetScope.PROVIDERS : BudgetScope.ALL));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Label l = new Label();
            TextField f = new TextField();
            f.setId("bulkField" + i);
            f.textProperty().bindBidirectional(vm.texts().get(i));
            l.setLabelFor(f);
            labels.add(l);
            form.addRow(i, l, f);
            GridPane.setHgrow(f, Priority.ALWAYS);
            l.managedProperty().bind(l.visibleProperty());
            f.managedProperty().bind(f.visibleProperty());
            f.visibleProperty().bind(l.visibleProperty());
        }
        Label scopeLabel = new Label("Whose budgets or rate limits");
        form.addRow(3, scopeLabel, scope);
        Runnable fields = () -> {
            OperationKind k = vm.kindProperty().get();
            for (int i = 0; i < 3; i++) {
                labels.get(i).setVisible(i < k.fields().size());
                labels.get(i).setText(i < k.fields().size() ? k.fields().get(i) : "");
            }
            boolean scoped = k.name().contains("BUDGET") || k.name().contains("RATE_LIMIT");
            scopeLabel.setVisible(scoped);
            scope.setVisible(scoped);
        };
        vm.kindProperty().addListener((o, a, b) -> fields.run());
        fields.run();
        Spinner<Integer> concurrency = new Spinner<>(1, 16, vm.concurrencyProperty().get());
        concurrency.setId("bulkConcurrency");
        concurrency.valueProperty().addListener((o, a, b) -> vm.concurrencyProperty().set(b));
        form.addRow(4, new Label("Keys sent at the same time"), concurrency);
        Button review = new Button("Review…");
        review.setId("bulkReview");
        review.setDefaultButton(true);
        review.setOnAction(e -> vm.review());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        ChoiceBox<bifrostdesk.drafts.Journal.BulkEntry> recent = new ChoiceBox<>();
        recent.setId("bulkRecent");
        recent.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(bifrostdesk.drafts.Journal.BulkEntry e) {
                return e == null ? "" : e.at() + " — " + e.operation() + " (" + e.keys().size() + " keys)";
            }

            @Override
            public bifrostdesk.drafts.Journal.BulkEntry fromString(String s) {
                return null;
            }
        });
        vm.readBulkJournal(list -> recent.getItems().setAll(list));
        Button undoRecent = new Button("Undo…");
        undoRecent.setId("bulkUndoRecent");
        undoRecent.disableProperty().bind(recent.valueProperty().isNull());
        undoRecent.setOnAction(e -> vm.undo(recent.getValue()));
        return new VBox(10, new Label("Change"), sel, all, new Label("Operation"), kind, form,
                new HBox(8, review, close), new javafx.scene.control.Separator(),
                new Label("Or undo a recent bulk change (from the journal)"), new HBox(8, recent, undoRecent));
    }

    private Node review() {
        BulkReview r = vm.reviewProperty().get();
        Label summary = wrapped(r.operation().describe() + "\n" + r.summary());
        summary.setId("bulkSummary");
        summary.getStyleClass().add("title-4");
        VBox consequences = bullets(r.consequences().sentences(), "• ");
        consequences.setId("bulkConsequences");
        List<KeyOutcome> shown = new ArrayList<>(r.with(KeyOutcome.Status.CHANGE));
        r.outcomes().stream().filter(BulkViewModel::isApart).forEach(shown::add);
        ListView<KeyOutcome> keys = new ListView<>(FXCollections.observableArrayList(shown));
        keys.setId("bulkKeys");
        keys.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(KeyOutcome o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : o.vkName() + " — " + o.status().words()
                        + (o.reasons().isEmpty() ? "" : ": " + o.reasons().get(0)));
            }
        });
        TextArea plan = new TextArea("Select a key to see its plan and exact requests.");
        plan.setId("bulkKeyPlan");
        plan.setEditable(false);
        plan.setWrapText(true);
        plan.getStyleClass().add("monospace");
        keys.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.status() != KeyOutcome.Status.HAS_DRAFT) {
                plan.setText(vm.planText(b.vkId()));
            }
        });
        SplitPane split = new SplitPane(keys, plan);
        split.setDividerPositions(0.45);
        split.setMinHeight(160);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox apart = bullets(r.reasonsApart().isEmpty() ? List.of("none") : r.reasonsApart(), "! ");
        apart.setId("bulkApart");
        Button send = new Button("Send…");
        send.setId("bulkSend");
        send.setDefaultButton(true);
        send.setDisable(r.toSend().isEmpty());
        send.setOnAction(e -> vm.send());
        Button leaveOut = new Button("Leave this key out");
        leaveOut.setId("bulkLeaveOut");
        leaveOut.disableProperty().bind(keys.getSelectionModel().selectedItemProperty().isNull());
        leaveOut.setOnAction(e -> vm.leaveOut(keys.getSelectionModel().getSelectedItem().vkId()));
        Button back = new Button("Back");
        back.setId("bulkBack");
        back.setOnAction(e -> vm.back());
        return new VBox(8, summary, new Label("Consequences"), consequences, new Label("Listed apart"), apart,
                new Label("Keys (select one for its plan)"), split, new HBox(8, send, leaveOut, back));
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static VBox bullets(List<String> lines, String mark) {
        VBox box = new VBox(2);
        lines.forEach(line -> box.getChildren().add(wrapped(mark + line)));
        return box;
    }

    private Node sending() {
        ProgressBar bar = new ProgressBar();
        bar.setId("bulkProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.fractionProperty());
        Label text = new Label();
        text.setId("bulkProgressText");
        text.textProperty().bind(vm.progressTextProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("bulkCancel");
        cancel.setOnAction(e -> vm.cancel());
        return new VBox(12, new Label("Sending…"), bar, text, cancel);
    }

    private Node report(Stage stage) {
        BulkReport r = vm.reportProperty().get();
        Label summary = wrapped(r.summary());
        summary.setId("bulkReportSummary");
        summary.getStyleClass().add("title-4");
        BulkReview reviewed = vm.reviewProperty().get();
        Label what = wrapped(r.operation() + (reviewed == null ? "" : "\nReviewed: " + reviewed.summary()
                + ". Recorded in the journal as one entry."));
        ListView<String> problems = new ListView<>();
        problems.setId("bulkReportKeys");
        for (KeyResult k : r.results()) {
            if (!k.ok()) {
                problems.getItems().add(k.vkName() + " — " + k.status().name().toLowerCase() + ": " + k.message());
            }
        }
        problems.setPlaceholder(new Label("Every key was sent or already as asked."));
        VBox.setVgrow(problems, Priority.ALWAYS);
        Button retry = new Button("Retry failed");
        retry.setId("bulkRetry");
        retry.setDisable(r.toRetry().isEmpty());
        retry.setOnAction(e -> vm.retryFailed());
        Button stale = new Button("Review the keys changed meanwhile…");
        stale.setId("bulkReviewStale");
        stale.setDisable(r.stale().isEmpty());
        stale.setOnAction(e -> vm.reviewStale());
        Button undo = new Button("Undo…");
        undo.setId("bulkUndo");
        undo.setDisable(r.count(KeyResult.Status.SENT) == 0);
        undo.setOnAction(e -> vm.undo());
        Button close = new Button("Close");
        close.setId("bulkClose");
        close.setOnAction(e -> stage.close());
        return new VBox(8, summary, what, problems, new HBox(8, retry, stale, undo, close));
    }
}
