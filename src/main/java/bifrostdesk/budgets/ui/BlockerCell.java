package bifrostdesk.budgets.ui;

import bifrostdesk.budgets.Blockers;
import bifrostdesk.common.ui.Styles;
import javafx.scene.control.ListCell;

/** A line of "What blocks this key?", coloured by how much it blocks (budgets.css). */
final class BlockerCell extends ListCell<Blockers.Blocker> {

    @Override
    protected void updateItem(Blockers.Blocker b, boolean empty) {
        super.updateItem(b, empty);
        setText(empty || b == null ? null : b.toString());
        setWrapText(true);
        setPrefWidth(0);
        setAccessibleText(getText());
        Blockers.Level level = empty || b == null ? null : b.level();
        pseudoClassStateChanged(Styles.BLOCKS_KEY, level == Blockers.Level.BLOCKS_KEY);
        pseudoClassStateChanged(Styles.BLOCKS_PROVIDER, level == Blockers.Level.BLOCKS_PROVIDER);
        pseudoClassStateChanged(Styles.BLOCKS_MODEL, level == Blockers.Level.BLOCKS_MODEL);
    }
}
