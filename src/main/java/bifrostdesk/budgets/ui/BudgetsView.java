package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.Blockers;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.budgets.history.SpendViewModel;
import bifrostdesk.budgets.history.WatchViewModel;
import bifrostdesk.common.ui.Accessibility;
import bifrostdesk.common.ui.Styles;
import bifrostdesk.spend.BudgetWatch;
import java.util.List;
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
import org.controlsfx.control.Notifications;

/**
 * Budget review tab: every budget and rate limit at a glance ({@link BudgetTable}, with usage bars), filters, exports
 * and the watch's menu ({@link BudgetsToolbar}), "What blocks this key?" for the selected row's key, and the charts
 * over time ({@link BudgetCharts}). This class lays the parts out, runs the timers (the data's age every 15 seconds,
 * the automatic refresh the user picked) and raises the watch's alerts as desktop notifications. It loads on first
 * showing.
 */
public final class BudgetsView extends BorderPane {
    /** More alerts than this from one refresh are summed up in one notification. */
    private static final int MAX_NOTIFICATIONS = 3;

    private final BudgetsViewModel vm;
    private final SpendViewModel spend;
    private final WatchViewModel watch;
    private final Timeline ageTimer;
    private final BudgetCharts charts;
    private Timeline refreshTimer;

    public BudgetsView(BudgetsViewModel vm, SpendViewModel spend, WatchViewModel watch) {
        this.vm = vm;
        this.spend = spend;
        this.watch = watch;
        getStyleClass().add(Styles.BUDGETS_VIEW);
        setId("budgetsView");
        var css = BudgetsView.class.getResource("/bifrostdesk/budgets/budgets.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }

        BudgetTable table = new BudgetTable(vm);
        charts = new BudgetCharts(vm, spend);
        setTop(new BudgetsToolbar(vm, () -> vm.exportChartPng(charts::shownPixels),
                () -> spend.exportCsv(charts.shownChart()), new WatchMenu(watch, vm)));
        SplitPane bottom = new SplitPane(blockers(), charts);
        bottom.setDividerPositions(0.22);
        SplitPane main = new SplitPane(table, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.32);
        setCenter(main);

        ageTimer = new Timeline(new KeyFrame(Duration.seconds(15), e -> vm.updateAge()));
        ageTimer.setCycleCount(Animation.INDEFINITE);
        vm.refreshMinutesProperty().addListener((o, a, b) -> scheduleRefresh());
        watch.latestProperty().addListener((o, a, alerts) -> notify(alerts));
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                ageTimer.stop();
                if (refreshTimer != null) {
                    refreshTimer.stop();
                }
                spend.cancel();
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

    public SpendViewModel spendViewModel() {
        return spend;
    }

    public WatchViewModel watchViewModel() {
        return watch;
    }

    /** One desktop notification per alert (a click opens the limit), a summary beyond {@value #MAX_NOTIFICATIONS}. */
    private void notify(List<BudgetWatch.Alert> alerts) {
        if (alerts == null || alerts.isEmpty() || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        for (int i = 0; i < Math.min(MAX_NOTIFICATIONS, alerts.size()); i++) {
            BudgetWatch.Alert a = alerts.get(i);
            Notifications.create()
                    .owner(getScene().getWindow())
                    .title(a.type() == BudgetWatch.Type.RUNS_OUT ? "Budget runs out before its reset"
                            : a.threshold() >= 1 ? "Limit exhausted" : "Limit crossed "
                            + Math.round(a.threshold() * 100) + " %")
                    .text(a.message() + "\nClick to open it.")
                    .hideAfter(Duration.seconds(20))
                    .onAction(e -> watch.open(a))
                    .showWarning();
        }
        if (alerts.size() > MAX_NOTIFICATIONS) {
            Notifications.create()
                    .owner(getScene().getWindow())
                    .title((alerts.size() - MAX_NOTIFICATIONS) + " more budget alerts")
                    .text("See the Watch menu on the Budgets tab.")
                    .hideAfter(Duration.seconds(20))
                    .showInformation();
        }
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
