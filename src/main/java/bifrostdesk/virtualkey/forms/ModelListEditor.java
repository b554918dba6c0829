package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.virtualkey.model.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A list of model entries as removable chips with an entry box to add one (allowed or blocked models). What is
 * typed is checked before it is added, as the server checks it ({@code regex:} patterns included), and the reason
 * is shown under the box; the list's own problems from the rules are shown there too.
 */
final class ModelListEditor extends VBox {
    private final FormContext ctx;
    private final String idPrefix;
    private final Supplier<List<String>> current;
    private final Consumer<List<String>> set;
    private final FlowPane chips = new FlowPane(6, 6);
    private final ComboBox<String> entry = new ComboBox<>();
    private final Button add = new Button("Add", Icons.of(Icons.ADD));
    private final Label message = new Label();
    private final String emptyText;
    private String typedProblem;

    /**
     * @param idPrefix {@code model} or {@code blocked}: ids {@code <prefix>Chips}, {@code <prefix>-<name>},
     *                 {@code <prefix>Entry}, {@code <prefix>EntryText}, {@code add<Prefix>}, {@code <prefix>sMessage}
     */
    ModelListEditor(FormContext ctx, String idPrefix, String what, String emptyText, Supplier<List<String>> current,
                    Consumer<List<String>> set) {
        super(6);
        this.ctx = ctx;
        this.idPrefix = idPrefix;
        this.current = current;
        this.set = set;
        this.emptyText = emptyText;
        chips.setId(idPrefix + "Chips");
        entry.setEditable(true);
        entry.setId(idPrefix + "Entry");
        entry.getEditor().setId(idPrefix + "EntryText");
        entry.setAccessibleText(what);
        entry.setPromptText("model name, e.g. gpt-4o, or regex:^gpt-4o.*$");
        add.setId("add" + Character.toUpperCase(idPrefix.charAt(0)) + idPrefix.substring(1));
        add.setAccessibleText(what);
        add.setOnAction(e -> addTyped());
        entry.getEditor().setOnAction(e -> addTyped());
        message.setId(idPrefix + "sMessage");
        message.setWrapText(true);
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(chips, new HBox(6, entry, add), message);
    }

    Button addButton() {
        return add;
    }

    ComboBox<String> entry() {
        return entry;
    }

    private void addTyped() {
        String text = entry.getEditor().getText() == null ? "" : entry.getEditor().getText().trim();
        if (text.isEmpty()) {
            return;
        }
        Optional<String> problem = ctx.v2().modelEntryProblem(text, current.get());
        if (problem.isPresent()) {
            typedProblem = problem.get();
            show(Optional.empty());
            return;
        }
        typedProblem = null;
        List<String> next = new ArrayList<>(current.get());
        next.add(text);
        entry.getEditor().clear();
        set.accept(next);
    }

    /** Redraws the chips; {@code suggestions} fill the entry's list, {@code problem} is the rules' word on it. */
    void refresh(boolean readOnly, Collection<String> suggestions, Optional<Violation> problem) {
        List<String> models = current.get();
        chips.getChildren().clear();
        for (String m : models) {
            Button chip = new Button(m, Icons.of("mdoal-close"));
            chip.getStyleClass().add("chip");
            chip.setId(idPrefix + "-" + m);
            chip.setAccessibleText("Remove " + m);
            chip.setDisable(readOnly);
            chip.setOnAction(e -> {
                List<String> next = new ArrayList<>(current.get());
                next.remove(m);
                set.accept(next);
            });
            chips.getChildren().add(chip);
        }
        if (models.isEmpty()) {
            chips.getChildren().add(new Label(emptyText));
        }
        List<String> left = suggestions.stream().filter(s -> !models.contains(s)).toList();
        if (!entry.getItems().equals(left)) {
            entry.getItems().setAll(left);
        }
        entry.setDisable(readOnly);
        add.setDisable(readOnly);
        show(problem);
    }

    private void show(Optional<Violation> problem) {
        if (typedProblem != null) {
            FieldBinding.decorate(entry, message, Optional.of(new Violation(
                    bifrostdesk.virtualkey.model.FieldKey.of("", bifrostdesk.virtualkey.model.Field.NODE),
                    bifrostdesk.virtualkey.model.Severity.ERROR, typedProblem)));
        } else {
            FieldBinding.decorate(entry, message, problem);
        }
    }
}
