package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.api.PlannedRequest;
import java.util.List;

/**
 * The words after a plan stopped halfway: which steps the server applied and which it did not, the failed one with
 * the server's reason. Plain text for the error dialog and the activity log.
 */
final class StepReport {
    private StepReport() {
    }

    static String of(List<PlannedRequest> applied, List<PlannedRequest> notApplied, PlannedRequest failed,
                     String reason) {
        StringBuilder out = new StringBuilder();
        out.append("Applied on the server:\n");
        if (applied.isEmpty()) {
            out.append("  (nothing)\n");
        }
        applied.forEach(r -> line(out, r, null));
        out.append("\nNot applied:\n");
        if (notApplied.isEmpty()) {
            out.append("  (nothing)\n");
        }
        notApplied.forEach(r -> line(out, r, r == failed ? reason : null));
        out.append("\nWhat is not applied stays in the draft; Ctrl+S sends only that.");
        return out.toString();
    }

    private static void line(StringBuilder out, PlannedRequest r, String failedBecause) {
        out.append("  • ").append(r.purpose()).append(" (").append(r.method()).append(' ').append(r.path()).append(')');
        if (failedBecause != null) {
            out.append(" — failed: ").append(failedBecause);
        }
        out.append('\n');
    }
}
