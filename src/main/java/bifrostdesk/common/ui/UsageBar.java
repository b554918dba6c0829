package bifrostdesk.common.ui;

import bifrostdesk.virtualkey.model.UsageLevel;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * How much of a limit is used: a bar coloured by {@link UsageLevel} with the percentage beside it. The level shows
 * as a pseudo-class on this node ({@code .usage-bar:ok}, {@code :near}, {@code :over}, {@code :muted}; constants in
 * {@link Styles}); app.css colours the bar from the theme's tokens, so light and dark themes both fit.
 * <p>
 * It only displays: it is mouse-transparent, so a click on it reaches the row or tree cell underneath.
 * FX thread only, like any node in a scene.
 */
public final class UsageBar extends HBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label percent = new Label();
    private final DoubleProperty fraction = new SimpleDoubleProperty(this, "fraction", 0);
    private boolean compactPercent;
    private UsageLevel level;

    /** A bar {@code barWidth} wide (its preferred width) with the percentage after it. */
    public UsageBar(double barWidth) {
        super(6);
        getStyleClass().add(Styles.USAGE_BAR);
        percent.getStyleClass().add(Styles.USAGE_PERCENT);
        bar.setPrefWidth(barWidth);
        // the figure is the point: never cut it to "…"
        percent.setMinWidth(USE_PREF_SIZE);
        setAlignment(Pos.CENTER_LEFT);
        setMouseTransparent(true);
        getChildren().addAll(bar, percent);
        fraction.addListener((o, a, b) -> show(b.doubleValue()));
        show(0);
    }

    public DoubleProperty fractionProperty() {
        return fraction;
    }

    /** Usage as a fraction of the limit: 1.0 = exhausted, above 1 = over; {@code NaN} = no figure. */
    public void setFraction(double value) {
        fraction.set(value);
    }

    public double getFraction() {
        return fraction.get();
    }

    public UsageLevel getLevel() {
        return level;
    }

    /** Whether the percentage shows beside the bar (a form that writes the figure out hides it). */
    public void setPercentShown(boolean shown) {
        percent.setVisible(shown);
        percent.setManaged(shown);
    }

    /** "80%" instead of "80 %", for narrow rows. */
    public void setCompactPercent(boolean compact) {
        compactPercent = compact;
        show(fraction.get());
    }

    /** The smallest width the bar may shrink to ({@code USE_PREF_SIZE}: not at all). */
    public void setBarMinWidth(double width) {
        bar.setMinWidth(width);
    }

    /** The percentage as shown beside the bar. */
    public String getPercentText() {
        return percent.getText();
    }

    private void show(double f) {
        level = UsageLevel.of(f);
        bar.setProgress(level == UsageLevel.UNKNOWN ? 0 : Math.min(1, f));
        for (UsageLevel l : UsageLevel.values()) {
            pseudoClassStateChanged(pseudoClass(l), l == level);
        }
        percent.setText(level == UsageLevel.UNKNOWN ? "" : percentText(f, compactPercent));
        setAccessibleText(describe(f));
    }

    /** The pseudo-class that shows a level. */
    public static PseudoClass pseudoClass(UsageLevel level) {
        return switch (level) {
            case UNKNOWN -> Styles.USAGE_MUTED;
            case OK -> Styles.USAGE_OK;
            case NEAR -> Styles.USAGE_NEAR;
            case OVER -> Styles.USAGE_OVER;
        };
    }

    /** "80 %", or "80%" when compact. */
    public static String percentText(double f, boolean compact) {
        return String.format(Locale.ROOT, compact ? "%.0f%%" : "%.0f %%", f * 100);
    }

    /** For screen readers: "85 % used, near the limit". */
    public static String describe(double f) {
        return switch (UsageLevel.of(f)) {
            case UNKNOWN -> "usage unknown";
            case OK -> percentText(f, false) + " used";
            case NEAR -> percentText(f, false) + " used, near the limit";
            case OVER -> percentText(f, false) + " used, exhausted";
        };
    }
}
