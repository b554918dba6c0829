package bifrostdesk.common.ui;

import bifrostdesk.virtualkey.model.NodeKind;
import org.kordamp.ikonli.javafx.FontIcon;

/** One icon set (Material outlined, via Ikonli) for tree nodes, toolbar and menus. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    public static FontIcon forKind(NodeKind kind) {
        return of(switch (kind) {
            case KEY -> "mdomz-vpn_key";
            case BUDGETS, BUDGET -> "mdoal-account_balance";
            case RATE_LIMIT -> "mdomz-speed";
            case PROVIDER_CONFIGS, PROVIDER_CONFIG -> "mdoal-cloud";
            case KEYS -> "mdoal-lock";
            case MODELS -> "mdomz-model_training";
            case MCP_CONFIGS, MCP_CONFIG -> "mdoal-extension";
            case TOOLS -> "mdoal-build";
            case MODEL_BUDGETS, MODEL_BUDGET -> "mdoal-category";
            case ALL_PROVIDERS -> "mdoal-all_inclusive";
            case VIRTUAL_MCPS, VIRTUAL_MCP -> "mdoal-device_hub";
            case METADATA -> "mdoal-label";
            case AGENT_GRANTS -> "mdoal-assignment_ind";
        });
    }

    public static final String SAVE = "mdomz-save";
    public static final String UNDO = "mdomz-undo";
    public static final String REDO = "mdomz-redo";
    public static final String ADD = "mdoal-add_circle_outline";
    public static final String DELETE = "mdoal-delete";
    public static final String DUPLICATE = "mdoal-file_copy";
    public static final String COPY = "mdoal-content_copy";
    public static final String REVEAL = "mdomz-visibility";
    public static final String HIDE = "mdomz-visibility_off";
    public static final String REFRESH = "mdomz-refresh";
    public static final String ERROR = "mdoal-error";
    public static final String WARNING = "mdomz-warning";
    public static final String OFFLINE = "mdomz-wifi_off";
    public static final String ONLINE = "mdoal-check_circle";
    public static final String THEME = "mdoal-brightness_6";
    public static final String SEARCH = "mdomz-search";
    public static final String POWER = "mdomz-power_settings_new";
    public static final String HELP = "mdoal-help_outline";
    public static final String INFO = "mdoal-info";
    public static final String SYNC = "mdomz-sync";
    public static final String JOURNAL = "mdoal-history";
    /** A read-only node or form (access-profile-managed keys, values this version cannot change yet): a shield, since the lock is the Keys node. */
    public static final String READ_ONLY = "mdomz-security";
}
