package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.Styles;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.tree.V2Editor;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A budget's v2 settings (REFERENCE-v2.md §11.5), shown only on v2 servers: the fiscal year's start month of a
 * quarterly budget, and the override — an extra amount for a number of reset windows or until removed, set through
 * its own endpoint after the key's PUT (§11.5.6).
 */
final class BudgetV2Rows extends GridPane {
    static final String FOR_WINDOWS = "for";
    static final String FOREVER = "until removed";

    private final FormContext ctx;
    private final String path;
    private final ComboBox<Integer> month = new ComboBox<>();
    private final Label monthLabel = new Label("Fiscal year starts");
    private final TextField amount = new TextField();
    private final ChoiceBox<String> mode = new ChoiceBox<>();
    private final TextField cycles = new TextField();
    private final Button set = new Button("Set override");
    private final Button clear = new Button("Remove override");
    private final Label message = new Label();
    private boolean updating;
    private String typedProblem;

    BudgetV2Rows(FormContext ctx, String path) {
        this.ctx = ctx;
        this.path = path;
        setId("budgetV2");
        setHgap(10);
        setVgap(6);
        month.setId("budgetQuarterStartMonth");
        month.setAccessibleText("Month the fiscal year starts");
        for (int m = 1; m <= 12; m++) {
            month.getItems().add(m);
        }
        month.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null ? "" : V2Editor.monthName(m);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        month.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                ctx.v2().setQuarterStartMonth(path, b);
            }
        });
        Label monthHelp = help("Quarters start in this month and every third month after it. With calendar "
                + "alignment off a quarter is a rolling 90 days and the month has no effect.");
        monthLabel.setLabelFor(month);
        monthLabel.setMinWidth(120);
        add(monthLabel, 0, 0);
        add(new VBox(2, month, monthHelp), 1, 0);

        amount.setId("budgetOverrideAmount");
        amount.setAccessibleText("Extra amount in USD");
        amount.setPromptText("extra USD, e.g. 50");
        mode.setId("budgetOverrideMode");
        mode.setAccessibleText("How long the override lasts");
        mode.getItems().setAll(FOR_WINDOWS, FOREVER);
        mode.setValue(FOR_WINDOWS);
        cycles.setId("budgetOverrideCycles");
        cycles.setAccessibleText("Number of reset windows, counting the current one");
        cycles.setPrefColumnCount(4);
        cycles.setText("1");
        mode.valueProperty().addListener((o, a, b) -> cycles.setDisable(FOREVER.equals(b)));
        set.setId("setBudgetOverride");
        set.setOnAction(e -> {
            Optional<String> problem = ctx.v2().setOverride(path, amount.getText(), FOREVER.equals(mode.getValue()),
                    cycles.getText());
            typedProblem = problem.orElse(null);
            showProblem();
        });
        clear.setId("clearBudgetOverride");
        clear.setOnAction(e -> {
            typedProblem = null;
            ctx.v2().clearOverride(path);
        });
        message.setId("budgetOverrideMessage");
        message.setWrapText(true);
        Label overrideLabel = new Label("Extra headroom");
        overrideLabel.setLabelFor(amount);
        overrideLabel.setMinWidth(120);
        // amount on one line and duration on the next: side by side they were squeezed to "…" in a 1280-wide window
        Label plus = fixed(new Label("+ $"));
        amount.setPrefColumnCount(8);
        cycles.setMinWidth(Region.USE_PREF_SIZE);
        Label windows = fixed(new Label("reset windows"));
        windows.visibleProperty().bind(cycles.disabledProperty().not());
        HBox amountLine = new HBox(6, plus, amount);
        HBox durationLine = new HBox(6, mode, cycles, windows);
        amountLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        durationLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox cell = new VBox(4, amountLine, durationLine, new HBox(8, set, clear), message,
                help("Adds to the limit on top of the base, counting the current window as the first. Sent after "
                        + "the key is saved, on the budget's own override endpoint."));
        GridPane.setHgrow(cell, Priority.ALWAYS);
        add(overrideLabel, 0, 1);
        add(cell, 1, 1);
    }

    private static Label fixed(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label help(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.HELP);
        l.setWrapText(true);
        return l;
    }

    void refresh(Budget b, boolean readOnly) {
        updating = true;
        boolean quarterly = b.isQuarterly();
        month.setValue(b.quarterStartMonth() == null || b.quarterStartMonth() < 1 ? 1 : b.quarterStartMonth());
        month.setDisable(readOnly);
        for (var n : getChildren()) {
            if (Integer.valueOf(0).equals(GridPane.getRowIndex(n))) {
                n.setVisible(quarterly);
                n.setManaged(quarterly);
            }
        }
        BudgetOverride o = b.override();
        if (o != null && !amount.isFocused()) {
            amount.setText(plain(o.amount()));
            mode.setValue(BudgetOverride.FOREVER.equals(o.mode()) ? FOREVER : FOR_WINDOWS);
            cycles.setText(o.cyclesTotal() == null ? "1" : String.valueOf(o.cyclesTotal()));
        }
        boolean newBudget = b.isNew();
        amount.setDisable(readOnly || newBudget);
        mode.setDisable(readOnly || newBudget);
        cycles.setDisable(readOnly || newBudget || FOREVER.equals(mode.getValue()));
        set.setDisable(readOnly || newBudget);
        clear.setDisable(readOnly || o == null);
        if (newBudget && typedProblem == null) {
            message.setText("An override can be set once the budget is saved.");
            message.setVisible(true);
            message.setManaged(true);
        } else {
            showProblem();
        }
        updating = false;
    }

    private void showProblem() {
        FieldBinding.decorate(amount, message, typedProblem == null ? Optional.empty()
                : Optional.of(new Violation(FieldKey.of(path, Field.OVERRIDE),
                bifrostdesk.virtualkey.model.Severity.ERROR, typedProblem)));
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
