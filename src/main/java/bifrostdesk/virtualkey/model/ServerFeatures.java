package bifrostdesk.virtualkey.model;

/**
 * What a connected server was found to speak: its dialect from {@code GET /api/version}, plus what could only be
 * learnt by probing (REFERENCE-v2.md §11.1.3), since several v2 features shipped in releases nobody pinned down.
 *
 * @param version         the version text the server reported, {@code null} when it did not answer
 * @param dialect         the dialect used for saves
 * @param newerThanTested the server reports a release after {@link Dialect#NEWEST_TESTED}; the app speaks the
 *                        newest dialect it knows and the status bar says so
 * @param setupLock       the server has the v2.2.6 setup lock active (dashboard auth off): every {@code /api} call
 *                        carries the setup token
 */
public record ServerFeatures(String version, Dialect dialect, boolean newerThanTested, boolean setupLock) {

    public static ServerFeatures of(String version, Dialect dialect, boolean setupLock) {
        return new ServerFeatures(version, dialect, Dialect.isNewerThanTested(version), setupLock);
    }

    /**
     * The status bar's tooltip: the description, plus what "newer than tested" means and whether the setup lock is
     * in the way (REFERENCE-v2.md §11.1.1, §11.2.1).
     */
    public String notes() {
        StringBuilder sb = new StringBuilder(describe()).append(", spoken to as ").append(dialect.label()).append('.');
        if (newerThanTested) {
            sb.append(" This release is newer than ").append(Dialect.NEWEST_TESTED).append(", the newest this app was "
                    + "tested with: it is treated as the newest dialect the app knows.");
        }
        if (setupLock) {
            sb.append(" Its setup lock is on (dashboard auth off): every call carries the setup token.");
        }
        return sb.toString();
    }

    /** "Bifrost v2.2.6", with "(newer than tested)" where that applies. */
    public String describe() {
        String v = version == null || version.isBlank() ? "Bifrost (version unknown)"
                : "Bifrost " + version.replace("\"", "").trim();
        return newerThanTested ? v + " (newer than tested)" : v;
    }
}
