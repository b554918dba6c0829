package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.Blockers;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.common.ui.Accessibility;
import bifrostdesk.common.ui.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Budget review tab: every budget and rate limit at a glance ({@link BudgetTable}, with usage bars), filters and
 * exports ({@link BudgetsToolbar}), "What blocks this key?" for the selected row's key, and three charts
 * ({@link BudgetCharts}). This class lays the parts out and runs the timers: the data's age every 15 seconds and
 * the automatic refresh the user picked. It loads on first showing.
 */
public final class BudgetsView extends BorderPane {
    private final BudgetsViewModel vm;
    private final Timeline ageTimer;
    private Timeline refreshTimer;

    public BudgetsView(BudgetsViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.BUDGETS_VIEW);
        setId("budgetsView");
        var css = BudgetsView.class.getResource("/bifrostdesk/budgets/budgets.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }

        BudgetTable table = new BudgetTable(vm);
        BudgetCharts charts = new BudgetCharts(vm);
        setTop(new BudgetsToolbar(vm, () -> vm.exportChartPng(charts::shownPixels)));
        SplitPane bottom = new SplitPane(blockers(), charts);
        bottom.setDividerPositions(0.35);
        SplitPane main = new SplitPane(table, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.55);
        setCenter(main);

        ageTimer = new Timeline(new KeyFrame(Duration.seconds(15), e -> vm.updateAge()));
        ageTimer.setCycleCount(Animation.INDEFINITE);
        vm.refreshMinutesProperty().addListener((o, a, b) -> scheduleRefresh());
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                ageTimer.stop();
                if (refreshTimer != null) {
                    refreshTimer.stop();
                }
            } else {
                ageTimer.play();
                scheduleRefresh();
                if (vm.lastLoadedAtProperty().get() == null && !vm.loadingProperty().get()) {
                    vm.refresh();
                }
            }
        });
        Accessibility.fill(this);
    }

    public BudgetsViewModel viewModel() {
        return vm;
    }

    /** "What blocks this key?": the selected row's key, worst first; double-click opens the cause in the editor. */
    private Node blockers() {
        Label title = new Label("What blocks this key?");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        ListView<Blockers.Blocker> list = new ListView<>(vm.blockers());
        list.setId("blockersList");
        list.getStyleClass().add(Styles.BLOCKERS_LIST);
        list.setAccessibleText("What blocks the selected key, worst first");
        list.setPlaceholder(new Label("Select a row to see what blocks its key"));
        list.setCellFactory(lv -> new BlockerCell());
        list.setOnMouseClicked(e -> {
            Blockers.Blocker b = list.getSelectionModel().getSelectedItem();
            BudgetRow r = vm.selectedProperty().get();
            if (e.getClickCount() == 2 && b != null && r != null && r.vkId() != null) {
                vm.openAt(r.vkId(), b.nodePath());
            }
        });
        VBox pane = new VBox(title, list);
        pane.getStyleClass().add(Styles.PANEL);
        VBox.setVgrow(list, Priority.ALWAYS);
        return pane;
    }

    private void scheduleRefresh() {
        if (refreshTimer != null) {
            refreshTimer.stop();
            refreshTimer = null;
        }
        int minutes = vm.refreshMinutesProperty().get();
        if (minutes > 0 && getScene() != null) {
            refreshTimer = new Timeline(new KeyFrame(Duration.minutes(minutes), e -> vm.refresh()));
            refreshTimer.setCycleCount(Animation.INDEFINITE);
            refreshTimer.play();
        }
    }
}
