/**
 * Bulk changes: one change across many virtual keys, reviewed as a whole before anything is sent.
 *
 * <p>A {@link bifrostdesk.bulk.BulkOperation} is a pure function from a key's server copy to its changed copy,
 * made of the editor's own edits ({@link bifrostdesk.virtualkey.edit.KeyEdits}); {@link bifrostdesk.bulk.BulkPlanner}
 * validates each result with the editor's rules and plans it with the editor's update builder, producing a
 * {@link bifrostdesk.bulk.BulkReview} (summary, consequences, keys listed apart, each key's plan on demand).
 * {@link bifrostdesk.bulk.BulkSender} re-reads each key before sending, sends a few at a time through the one send
 * loop ({@link bifrostdesk.drafts.SyncService#sendAll}) and returns a {@link bifrostdesk.bulk.BulkReport}.
 *
 * <p>Invariants: no JavaFX here (ArchUnit checks it); nothing is sent that the review did not show, and a key
 * changed on the server after the review is re-planned and left for a second confirmation, never overwritten.
 */
package bifrostdesk.bulk;
