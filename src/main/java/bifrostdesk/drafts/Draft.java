package bifrostdesk.drafts;

import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.Map;

/**
 * Unsaved edits of one key: the edited state together with the server copy it started from (the base a later
 * sync compares the server against), the raw text of fields that did not parse, and whether a save was asked for
 * while offline (queued for sync).
 */
public record Draft(String vkId, VirtualKey base, VirtualKey edited, Map<String, String> rawText, boolean queued,
                    Instant savedAt) {
    public Draft {
        rawText = rawText == null ? Map.of() : Map.copyOf(rawText);
    }

    public Draft queued(boolean value) {
        return new Draft(vkId, base, edited, rawText, value, savedAt);
    }
}
