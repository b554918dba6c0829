package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.budgets.history.WatchViewModel;
import bifrostdesk.common.ui.Icons;
import bifrostdesk.spend.BudgetWatch;
import java.time.Duration;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The watch's menu in the budgets toolbar: which thresholds alert, how far ahead "runs out before its reset" looks,
 * and the recent alerts (a click opens the limit). Its text carries the count of alerts not yet looked at; opening
 * it counts them as seen.
 */
final class WatchMenu extends MenuButton {
    private static final int SHOWN = 10;

    private final WatchViewModel watch;
    private final MenuItem off = new MenuItem("Alerts are raised while auto refresh is on");
    private final MenuItem none = new MenuItem("No alerts yet");
    private final SeparatorMenuItem separator = new SeparatorMenuItem();

    WatchMenu(WatchViewModel watch, BudgetsViewModel review) {
        this.watch = watch;
        setId("watchMenu");
        setGraphic(Icons.of(Icons.WARNING));
        setAccessibleText("Budget watch: thresholds, horizon and recent alerts");
        textProperty().bind(Bindings.createStringBinding(() -> watch.unseenProperty().get() == 0 ? "Watch"
                : "Watch (" + watch.unseenProperty().get() + " new)", watch.unseenProperty()));
        off.setDisable(true);
        none.setDisable(true);
        off.visibleProperty().bind(review.refreshMinutesProperty().isEqualTo(0));
        setOnShowing(e -> watch.markSeen());
        settings();
        watch.alerts().addListener((ListChangeListener<BudgetWatch.Alert>) c -> rebuild());
        rebuild();
    }

    /** The fixed part: thresholds and horizon, bound to the view-model once. */
    private void settings() {
        getItems().add(off);
        MenuItem crosses = new MenuItem("Alert when a limit crosses");
        crosses.setDisable(true);
        getItems().add(crosses);
        for (int pct : WatchViewModel.OFFERED) {
            CheckMenuItem c = new CheckMenuItem(pct + " %");
            c.setId("watchThreshold" + pct);
            c.selectedProperty().bindBidirectional(watch.thresholdProperty(pct));
            getItems().add(c);
        }
        MenuItem runsOut = new MenuItem("…or runs out before its reset within");
        runsOut.setDisable(true);
        getItems().add(runsOut);
        ToggleGroup g = new ToggleGroup();
        for (Duration d : WatchViewModel.HORIZONS) {
            RadioMenuItem r = new RadioMenuItem(d.toDays() + (d.toDays() == 1 ? " day" : " days"));
            r.setId("watchHorizon" + d.toDays());
            r.setToggleGroup(g);
            r.setSelected(d.equals(watch.horizonProperty().get()));
            r.setOnAction(e -> watch.horizonProperty().set(d));
            getItems().add(r);
        }
        watch.horizonProperty().addListener((o, a, b) -> g.getToggles().forEach(t ->
                t.setSelected(("watchHorizon" + b.toDays()).equals(((RadioMenuItem) t).getId()))));
        getItems().add(separator);
    }

    /** The recent alerts after the separator. */
    private void rebuild() {
        getItems().remove(getItems().indexOf(separator) + 1, getItems().size());
        List<BudgetWatch.Alert> recent = watch.alerts().subList(0, Math.min(SHOWN, watch.alerts().size()));
        if (recent.isEmpty()) {
            getItems().add(none);
        }
        for (BudgetWatch.Alert a : recent) {
            MenuItem m = new MenuItem(a.message());
            m.setOnAction(e -> watch.open(a));
            getItems().add(m);
        }
    }
}
