package bifrostdesk.common.ui;

import javafx.css.PseudoClass;

/**
 * Style-class names and pseudo-classes used from code, in one place (as AtlantaFX's {@code Styles} does); the rules
 * live in app.css and the per-view stylesheets, with colours from the theme's tokens.
 */
public final class Styles {
    private Styles() {
    }

    public static final String MUTED = "muted";
    public static final String DIRTY_MARKER = "dirty-marker";
    public static final String BADGE_ERROR = "badge-error";
    public static final String BADGE_WARNING = "badge-warning";
    public static final String FIELD_MESSAGE = "field-message";
    public static final String FORM = "node-form";
    public static final String FORM_TITLE = "form-title";
    public static final String HELP = "help-text";
    public static final String BANNER_WARNING = "banner-warning";
    /** A neutral explanation above a form (why it is read-only). */
    public static final String BANNER_INFO = "banner-info";
    public static final String STATUS_BAR = "status-bar";

    // ---- usage bar ({@link UsageBar}) ----------------------------------------------------------------------

    public static final String USAGE_BAR = "usage-bar";
    public static final String USAGE_PERCENT = "usage-percent";
    /** Below 80 % of the limit. */
    public static final PseudoClass USAGE_OK = PseudoClass.getPseudoClass("ok");
    /** 80 % of the limit or more. */
    public static final PseudoClass USAGE_NEAR = PseudoClass.getPseudoClass("near");
    /** The limit is reached. */
    public static final PseudoClass USAGE_OVER = PseudoClass.getPseudoClass("over");
    /** No figure to judge. */
    public static final PseudoClass USAGE_MUTED = PseudoClass.getPseudoClass("muted");

    // ---- lists ---------------------------------------------------------------------------------------------

    /** A key list row of an inactive key. */
    public static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");

    // ---- budget review (budgets.css) -----------------------------------------------------------------------

    public static final String BUDGETS_VIEW = "budgets-view";
    public static final String TOOLBAR_ROW = "toolbar-row";
    public static final String PANEL = "panel";
    public static final String PANEL_TITLE = "panel-title";
    /** The age label after a failed load ("Offline: showing data loaded …"). */
    public static final String BUDGETS_OFFLINE = "budgets-offline";
    public static final String BLOCKERS_LIST = "blockers-list";
    public static final String PROJECTION_CHART = "projection-chart";
    public static final String PROJECTION_CAPTION = "projection-caption";
    /** The Budgets tab's history charts: spend bars, the stacked chart, the logs note, the hover read-out. */
    public static final String SPEND_BARS_CHART = "spend-bars-chart";
    public static final String STACKED_CHART = "stacked-chart";
    public static final String LOGS_NOTE = "logs-note";
    public static final String CHART_READOUT = "chart-readout";
    /** A horizontal bar chart (long category names read across). */
    public static final String HORIZONTAL_BARS = "horizontal-bars";
    /** A table column of amounts, aligned right. */
    public static final String AMOUNT_COLUMN = "amount-column";
    public static final PseudoClass BLOCKS_KEY = PseudoClass.getPseudoClass("blocks-key");
    public static final PseudoClass BLOCKS_PROVIDER = PseudoClass.getPseudoClass("blocks-provider");
    public static final PseudoClass BLOCKS_MODEL = PseudoClass.getPseudoClass("blocks-model");
}
