package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.BudgetAggregation;
import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetMath;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.common.ui.UsageBar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * Every limit as one virtualised row, closest to exhaustion first unless the user sorts by a column. Selection
 * follows the view-model both ways; double-click or Enter opens the row's limit in the editor, F5 refreshes.
 */
final class BudgetTable extends TableView<BudgetRow> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    BudgetTable(BudgetsViewModel vm) {
        setId("budgetTable");
        setAccessibleText("Budgets and rate limits, closest to exhaustion first");
        setPlaceholder(new Label("No limits match the filters"));

        TableColumn<BudgetRow, String> owner = col("colOwner", "Owner", 300, BudgetRow::ownerChain,
                Comparator.<String>naturalOrder());
        TableColumn<BudgetRow, BudgetKind> kind = col("colKind", "Kind", 170, BudgetRow::kind,
                Comparator.comparing(BudgetKind::label));
        TableColumn<BudgetRow, BudgetRow> limit = amountCol("colLimit", "Limit", BudgetRow::limit);
        TableColumn<BudgetRow, BudgetRow> used = amountCol("colUsed", "Used", BudgetRow::usage);
        TableColumn<BudgetRow, BudgetRow> remaining = amountCol("colRemaining", "Remaining", BudgetRow::remaining);

        TableColumn<BudgetRow, Double> percent = col("colPercent", "Used %", 150, BudgetRow::fraction,
                Comparator.<Double>naturalOrder());
        percent.setCellFactory(c -> new UsageCell());
        percent.setSortType(TableColumn.SortType.DESCENDING);

        TableColumn<BudgetRow, String> reset = BudgetTable.<String>col("colResetDuration", "Resets every", 110,
                r -> r.resetDuration() + (r.calendarAligned() && BudgetMath.isAlignable(r.resetDuration())
                        ? " (calendar)" : ""), Comparator.<String>naturalOrder());
        TableColumn<BudgetRow, Instant> last = instantCol("colLastReset", "Last reset", BudgetRow::lastReset);
        TableColumn<BudgetRow, Instant> next = instantCol("colNextReset", "Next reset", BudgetRow::nextReset);
        TableColumn<BudgetRow, Duration> left = col("colTimeLeft", "Time left", 90, BudgetRow::timeLeft,
                Comparator.nullsLast(Comparator.<Duration>naturalOrder()));
        left.setCellFactory(c -> textCell(BudgetMath::compact));

        getColumns().setAll(List.of(owner, kind, limit, used, remaining, percent, reset, last, next, left));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setItems(vm.sortedRows());
        // Unsorted table = the view-model's default order (closest to exhaustion first).
        vm.sortedRows().comparatorProperty().bind(Bindings.createObjectBinding(
                () -> getComparator() == null ? BudgetAggregation.CLOSEST_TO_EXHAUSTION : getComparator(),
                comparatorProperty()));

        setRowFactory(tv -> {
            TableRow<BudgetRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.F5) {
                vm.refresh();
                e.consume();
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != getSelectionModel().getSelectedItem()) {
                if (b == null) {
                    getSelectionModel().clearSelection();
                } else {
                    getSelectionModel().select(b);
                }
            }
        });
    }

    private static <T> TableColumn<BudgetRow, T> col(String id, String title, double width,
                                                     Function<BudgetRow, T> value, Comparator<T> order) {
        TableColumn<BudgetRow, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setComparator(order);
        return c;
    }

    /** An amount in the row's unit (USD, tokens, requests), sorted by the number, aligned right. */
    private static TableColumn<BudgetRow, BudgetRow> amountCol(String id, String title, ToDoubleFunction<BudgetRow> v) {
        TableColumn<BudgetRow, BudgetRow> c = col(id, title, 120, r -> r, Comparator.comparingDouble(v));
        c.setCellFactory(x -> textCell(r -> r.format(v.applyAsDouble(r))));
        c.getStyleClass().add(Styles.AMOUNT_COLUMN);
        return c;
    }

    private static TableColumn<BudgetRow, Instant> instantCol(String id, String title,
                                                              Function<BudgetRow, Instant> v) {
        TableColumn<BudgetRow, Instant> c = col(id, title, 130, v,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
        c.setCellFactory(x -> textCell(TIME::format));
        return c;
    }

    private static <T> TableCell<BudgetRow, T> textCell(Function<T, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** The row's {@link UsageBar}; the cell's accessible text says the level in words. */
    private static final class UsageCell extends TableCell<BudgetRow, Double> {
        private final UsageBar usage = new UsageBar(80);

        @Override
        protected void updateItem(Double f, boolean empty) {
            super.updateItem(f, empty);
            setText(null);
            if (empty || f == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            usage.setFraction(f);
            setGraphic(usage);
            setAccessibleText(UsageBar.describe(f));
        }
    }
}
