package bifrostdesk.virtualkey.model;

/**
 * How full a limit is, from its usage as a fraction of the limit (1.0 = exhausted). The one place the 80 % and
 * 100 % thresholds live: the usage bars, the "near the limit" filters and the blockers all ask here.
 */
public enum UsageLevel {
    /** No figure to judge (not a number): nothing to colour. */
    UNKNOWN,
    /** Below {@link #NEAR_AT}. */
    OK,
    /** From {@link #NEAR_AT} up to, not including, {@link #OVER_AT}. */
    NEAR,
    /** At or above {@link #OVER_AT}: the limit is exhausted. */
    OVER;

    /** Usage from which a limit counts as near: 80 %. */
    public static final double NEAR_AT = 0.8;
    /** Usage from which a limit counts as exhausted: 100 %. */
    public static final double OVER_AT = 1.0;

    public static UsageLevel of(double fraction) {
        if (Double.isNaN(fraction)) {
            return UNKNOWN;
        }
        return fraction >= OVER_AT ? OVER : fraction >= NEAR_AT ? NEAR : OK;
    }

    /** Whether this level is {@code other} or worse ({@code UNKNOWN} is never at least a known level). */
    public boolean atLeast(UsageLevel other) {
        return this != UNKNOWN && compareTo(other) >= 0;
    }
}
