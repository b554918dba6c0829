package bifrostdesk.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.UsageLevel;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The usage bar shows its level as exactly one pseudo-class, with the thresholds of {@link UsageLevel}. */
class UsageBarTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static UsageBar bar(double f) {
        UsageBar b = new UsageBar(60);
        b.setFraction(f);
        return b;
    }

    private static ProgressBar progress(UsageBar b) {
        return (ProgressBar) b.getChildrenUnmodifiable().get(0);
    }

    @Test
    void belowEightyPercentIsOk() {
        UsageBar b = bar(0.42);
        assertThat(b.getLevel()).isEqualTo(UsageLevel.OK);
        assertThat(b.getPseudoClassStates()).containsExactly(Styles.USAGE_OK);
        assertThat(b.getPercentText()).isEqualTo("42 %");
        assertThat(progress(b).getProgress()).isEqualTo(0.42);
        assertThat(b.getAccessibleText()).isEqualTo("42 % used");
    }

    @Test
    void eightyPercentIsNear() {
        UsageBar b = bar(0.8);
        assertThat(b.getPseudoClassStates()).containsExactly(Styles.USAGE_NEAR);
        assertThat(b.getAccessibleText()).isEqualTo("80 % used, near the limit");
    }

    @Test
    void overTheLimitIsOverWithAFullBarAndTheRealFigure() {
        UsageBar b = bar(1.1);
        assertThat(b.getPseudoClassStates()).containsExactly(Styles.USAGE_OVER);
        assertThat(progress(b).getProgress()).isEqualTo(1.0);
        assertThat(b.getPercentText()).isEqualTo("110 %");
        assertThat(b.getAccessibleText()).isEqualTo("110 % used, exhausted");
    }

    @Test
    void noFigureIsMutedWithAnEmptyBar() {
        UsageBar b = bar(Double.NaN);
        assertThat(b.getPseudoClassStates()).containsExactly(Styles.USAGE_MUTED);
        assertThat(progress(b).getProgress()).isZero();
        assertThat(b.getPercentText()).isEmpty();
    }

    @Test
    void aChangedFractionMovesThePseudoClassRatherThanAddingOne() {
        UsageBar b = bar(0.95);
        b.setFraction(0.1);
        assertThat(b.getPseudoClassStates()).containsExactly(Styles.USAGE_OK);
        b.setFraction(2);
        assertThat(b.getPseudoClassStates()).containsExactly(Styles.USAGE_OVER);
    }

    @Test
    void compactPercentDropsTheSpaceForNarrowRows() {
        UsageBar b = bar(0.84);
        b.setCompactPercent(true);
        assertThat(b.getPercentText()).isEqualTo("84%");
    }

    @Test
    void itCarriesTheStyleClassAndLetsClicksThrough() {
        UsageBar b = bar(0.5);
        assertThat(b.getStyleClass()).contains(Styles.USAGE_BAR);
        assertThat(b.isMouseTransparent()).isTrue();
    }
}
