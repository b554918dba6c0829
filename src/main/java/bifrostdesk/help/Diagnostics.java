package bifrostdesk.help;

import bifrostdesk.common.logging.Redaction;
import java.util.List;

/**
 * The text "Copy diagnostics" puts on the clipboard for a bug report: the app's and the platform's versions, the
 * server's version and dialect, and the last problems. Everything goes through the log's {@link Redaction}, and the
 * server address loses any user name or query, so the report can be pasted into a public issue. Pure.
 *
 * @param lastProblems the recent errors and warnings, one line each, oldest first
 */
public record Diagnostics(String appVersion, String os, String java, String javafx, String server,
                          String serverVersion, String dialect, String features, List<String> lastProblems) {

    public Diagnostics {
        lastProblems = List.copyOf(lastProblems);
    }

    /** The facts of this machine (OS, Java) from the system properties; the rest as given. */
    public static Diagnostics of(String appVersion, String javafx, String server, String serverVersion,
                                 String dialect, String features, List<String> lastProblems) {
        return new Diagnostics(appVersion, System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")", System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")", javafx, server, serverVersion, dialect, features,
                lastProblems);
    }

    public String text() {
        StringBuilder sb = new StringBuilder("Bifrost Desk diagnostics\n")
                .append("App: ").append(appVersion).append('\n')
                .append("OS: ").append(os).append('\n')
                .append("Java: ").append(java).append('\n')
                .append("JavaFX: ").append(javafx).append('\n')
                .append("Server: ").append(address(server)).append('\n')
                .append("Server version: ").append(serverVersion).append('\n')
                .append("Dialect: ").append(dialect).append('\n');
        if (features != null && !features.isBlank()) {
            sb.append("Server features: ").append(features).append('\n');
        }
        sb.append("Last problems:").append(lastProblems.isEmpty() ? " none\n" : "\n");
        lastProblems.forEach(p -> sb.append("  ").append(p.replace("\n", "\n    ")).append('\n'));
        return Redaction.redact(sb.toString());
    }

    /** The address without user info, query or fragment. */
    static String address(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceFirst("(?<=://)[^/@]*@", "").replaceFirst("[?#].*$", "");
    }
}
