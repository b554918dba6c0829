package bifrostdesk.activity;

/**
 * Turns a message into the short sentence the status line shows: the status bar has room for a few words, and a
 * sentence cut in the middle of a word says less than a shorter one that ends cleanly. The full text is kept beside
 * it (tooltip, activity panel). Pure string work.
 */
public final class Summaries {
    /** About what the status line shows at 1280 pixels next to the connection facts. */
    public static final int MAX = 56;

    private Summaries() {
    }

    /**
     * The first sentence or clause of {@code text}; if that is still longer than {@link #MAX}, its words up to the
     * limit followed by "…". Never cuts a word.
     */
    public static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= MAX) {
            return stripStop(t);
        }
        // the first sentence or clause; if still too long, its first words
        String s = upTo(t, ". ", "; ", " (", " — ", "\n");
        if (s.length() > MAX) {
            s = words(s, MAX - 1) + "…";
        }
        return stripStop(s);
    }

    private static String upTo(String t, String... marks) {
        int cut = t.length();
        for (String m : marks) {
            int i = t.indexOf(m);
            // a mark in the first few characters ("1. ", "v2. ") is not the end of a sentence
            if (i > 8 && i < cut) {
                cut = i;
            }
        }
        return t.substring(0, cut);
    }

    private static String words(String t, int max) {
        int cut = t.lastIndexOf(' ', max);
        return (cut <= 0 ? t.substring(0, max) : t.substring(0, cut)).replaceAll("[,;:]$", "");
    }

    private static String stripStop(String s) {
        return s.endsWith(".") && !s.endsWith("..") ? s.substring(0, s.length() - 1) : s;
    }
}
