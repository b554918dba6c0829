package bifrostdesk.common.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV lines (CRLF, quotes doubled) with spreadsheet-formula protection: a text cell starting with
 * {@code = + - @} gets a leading {@code '} so a spreadsheet shows it instead of running it.
 */
public final class Csv {
    private Csv() {
    }

    public static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** A text cell: empty for null, guarded against formula injection. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    public static String quote(String f) {
        if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
            return '"' + f.replace("\"", "\"\"") + '"';
        }
        return f;
    }
}
