package bifrostdesk.bulk;

import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;

/**
 * What sending did to one key.
 *
 * @param vkId     the key's id
 * @param vkName   its name
 * @param status   the outcome
 * @param before   the server copy read just before sending (the state an undo restores); the reviewed copy when
 *                 the key was not read
 * @param after    the server's copy afterwards ({@code null} when nothing was sent, or the key was deleted)
 * @param requests the requests sent, in order (with a failure, up to and including the failed one)
 * @param message  the result in words: "saved", the server's error, why it was not sent
 */
public record KeyResult(String vkId, String vkName, Status status, VirtualKey before, VirtualKey after,
                        List<PlannedRequest> requests, String message) {

    public enum Status {
        /** Sent and stored (a "saved but" 500 included: the key was re-read). */
        SENT,
        /** Re-read before sending and found as asked already: nothing sent. */
        UNCHANGED,
        /** Changed on the server after the review: re-planned, not sent, waiting for a second confirmation. */
        STALE,
        /** The server refused or a request failed; the rest went on. */
        FAILED,
        /** Not sent: the change was cancelled before this key. */
        NOT_SENT
    }

    public KeyResult {
        requests = List.copyOf(requests);
    }

    public boolean ok() {
        return status == Status.SENT || status == Status.UNCHANGED;
    }
}
