package bifrostdesk.budgets;

import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;

/** A line of "What blocks this key?", coloured by how much it blocks (budgets.css). */
final class BudgetsViewBlockerCell extends ListCell<Blockers.Blocker> {
    private static final PseudoClass BLOCKS_KEY = PseudoClass.getPseudoClass("blocks-key");
    private static final PseudoClass BLOCKS_PROVIDER = PseudoClass.getPseudoClass("blocks-provider");
    private static final PseudoClass BLOCKS_MODEL = PseudoClass.getPseudoClass("blocks-model");

    @Override
    protected void updateItem(Blockers.Blocker b, boolean empty) {
        super.updateItem(b, empty);
        setText(empty || b == null ? null : b.toString());
        setWrapText(true);
        setPrefWidth(0);
        setAccessibleText(getText());
        Blockers.Level level = empty || b == null ? null : b.level();
        pseudoClassStateChanged(BLOCKS_KEY, level == Blockers.Level.BLOCKS_KEY);
        pseudoClassStateChanged(BLOCKS_PROVIDER, level == Blockers.Level.BLOCKS_PROVIDER);
        pseudoClassStateChanged(BLOCKS_MODEL, level == Blockers.Level.BLOCKS_MODEL);
    }
}
