package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.BudgetsViewModel;
import bifrostdesk.budgets.history.SpendViewModel;
import bifrostdesk.budgets.history.WatchViewModel;
import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.SpendClient;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;

/** Builds the Budgets tab as the main window does: the review, its history and its watch over one client. */
final class TestViews {
    private TestViews() {
    }

    /** @param store snapshots, or null for none; the watch keeps its settings for the session only */
    static BudgetsView budgets(BifrostClient client, TaskRunner runner, DialogService dialogs,
                               BiConsumer<String, String> open, SnapshotStore store) {
        BudgetsViewModel review = new BudgetsViewModel(client, runner, dialogs, open);
        WatchViewModel watch = new WatchViewModel(review, store, null, runner, ZoneOffset.UTC);
        SpendViewModel spend = new SpendViewModel(review, watch.recordedProperty(), new SpendClient(client), store,
                runner, dialogs, Clock.systemUTC(), ZoneOffset.UTC);
        return new BudgetsView(review, spend, watch);
    }
}
