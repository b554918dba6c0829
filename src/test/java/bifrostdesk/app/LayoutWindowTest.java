package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * At 1280×800 (a common laptop window) with the dividers where they start, the tree's budget rows are shown whole:
 * the issue saw "resets every 1…". The status line's short sentence is shown whole too.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    /** What a label really draws (its skin's text node), which ends in "…" when the label is cut. */
    private static String drawn(Labeled label) {
        Node text = label.lookup(".text");
        return text instanceof Text t ? t.getText() : label.getText();
    }

    @Test
    void budgetRowsAreNotCutAtTheDefaultDividerIn1280By800(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#mainWindow").queryAs(MainWindow.class).getScene().getWidth()).isEqualTo(1280);
        openKey(robot, "checkout-service");
        for (String path : List.of("budgets/0", "budgets/1", "rate_limit")) {
            Node cell = treeCell(robot, path);
            List<Label> labels = robot.from(cell).lookup(".label").queryAllAs(Label.class).stream()
                    .filter(l -> l.isVisible() && l.getText() != null && !l.getText().isEmpty()).toList();
            assertThat(labels).as(path).isNotEmpty();
            for (Label l : labels) {
                assertThat(drawn(l)).as(path + ": " + l.getText()).isEqualTo(l.getText());
            }
        }
        // and the row really holds the reset period (the detail the issue saw cut)
        Node budget = treeCell(robot, "budgets/1");
        assertThat(robot.from(budget).lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).startsWith("resets every"));
        SplitPane main = robot.lookup("#keysSplit").queryAs(SplitPane.class);
        assertThat(main.getDividerPositions()[0]).isEqualTo(SplitProportions.list(main.getWidth()), within());

        Labeled status = robot.lookup("#statusMessage").queryLabeled();
        assertThat(drawn(status)).isEqualTo(status.getText());
    }

    @Test
    void aBudgetRowWithALongDetailKeepsItsUsageBar(FxRobot robot) throws Exception {
        // the overridden budget's detail ("resets every 1 month · +$50.00 override …") is too long for the row: the
        // detail gives way, the bar (how a burning budget is seen at a glance) keeps its width
        openKey(robot, "launch-campaign");
        Node budget = treeCell(robot, "budgets/0");
        bifrostdesk.common.ui.UsageBar bar = robot.from(budget).lookup("." + bifrostdesk.common.ui.Styles.USAGE_BAR)
                .queryAs(bifrostdesk.common.ui.UsageBar.class);
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.getWidth()).isGreaterThanOrEqualTo(70);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.01);
    }
}
