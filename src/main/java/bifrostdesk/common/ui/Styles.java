package bifrostdesk.common.ui;

/** Style-class names used from code; the rules live in app.css. */
public final class Styles {
    private Styles() {
    }

    public static final String MUTED = "muted";
    public static final String DIRTY_MARKER = "dirty-marker";
    public static final String USAGE_BAR = "usage-bar";
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
}
