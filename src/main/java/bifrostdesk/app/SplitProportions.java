package bifrostdesk.app;

/**
 * Where the main window's dividers start, for the window's width: the key list gets a readable column (300 to 380
 * pixels), and the tree gets room for a budget row (name, usage, how it resets) beside the form, without squeezing
 * the form below about 420 pixels. Pure arithmetic; MainWindow applies it once the window has its size.
 */
final class SplitProportions {
    /** What a budget row two levels deep needs: indent, icon, "$640.00 of $1,000.00", the bar, "resets every …". */
    static final double TREE_NEEDS = 530;
    static final double FORM_NEEDS = 420;

    private SplitProportions() {
    }

    /** The list's divider position for a window {@code width} pixels wide. */
    static double list(double width) {
        double px = Math.max(300, Math.min(380, width * 0.25));
        return px / width;
    }

    /** The tree/form divider for an editor area {@code width} pixels wide. */
    static double tree(double width) {
        double px = Math.max(width * 0.45, Math.min(TREE_NEEDS, width - FORM_NEEDS));
        return Math.max(0.4, Math.min(0.6, px / width));
    }
}
