package bifrostdesk.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a bulk send did, key by key, in review order: the report the user reads, the journal's one entry and the
 * source of "retry failed" and undo.
 *
 * @param id        a stable id of this bulk change (the journal entry's), so an undo can name what it reverts
 * @param operation the change in words
 * @param results   one per key, in review order
 * @param cancelled true when the user cancelled: the keys not reached are {@link KeyResult.Status#NOT_SENT}
 */
public record BulkReport(String id, String operation, List<KeyResult> results, boolean cancelled, Instant started,
                         Instant finished) {
    public BulkReport {
        results = List.copyOf(results);
    }

    public List<KeyResult> with(KeyResult.Status status) {
        return results.stream().filter(r -> r.status() == status).toList();
    }

    public int count(KeyResult.Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    /**
     * The keys "retry failed" sends again: those that failed or were not reached, with the copy read at the failed
     * attempt (a key that changed since, e.g. half of a two-request save, is then re-planned and confirmed again).
     */
    public List<bifrostdesk.virtualkey.model.VirtualKey> toRetry() {
        return results.stream().filter(r -> r.status() == KeyResult.Status.FAILED
                || r.status() == KeyResult.Status.NOT_SENT).map(KeyResult::before).toList();
    }

    /** The keys changed on the server after the review, as re-read: what the second confirmation sends. */
    public List<bifrostdesk.virtualkey.model.VirtualKey> stale() {
        return results.stream().filter(r -> r.status() == KeyResult.Status.STALE).map(KeyResult::before).toList();
    }

    public boolean anyFailed() {
        return count(KeyResult.Status.FAILED) > 0;
    }

    /** "398 sent, 2 failed, 1 changed since the review, 11 not sent (cancelled) in 42 s". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d sent", count(KeyResult.Status.SENT)));
        append(sb, KeyResult.Status.UNCHANGED, "already as asked");
        append(sb, KeyResult.Status.FAILED, "failed");
        append(sb, KeyResult.Status.STALE, "changed on the server since the review (re-planned, not sent)");
        append(sb, KeyResult.Status.NOT_SENT, "not sent (cancelled)");
        long s = Duration.between(started, finished).toSeconds();
        sb.append(" in ").append(s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s");
        return sb.toString();
    }

    private void append(StringBuilder sb, KeyResult.Status status, String words) {
        int n = count(status);
        if (n > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d ", n)).append(words);
        }
    }
}
