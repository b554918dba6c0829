/**
 * The drafts' desktop side: {@link bifrostdesk.drafts.ui.DraftBook} (a window's kept drafts, autosave and offline
 * copy), {@link bifrostdesk.drafts.ui.SyncViewModel} (sending queued drafts, merging, the journal) and the merge and
 * journal dialogs.
 * <p>
 * Invariants: drafts are built by the editor ({@code VirtualKeyEditorViewModel.toDraft()}), nowhere else; reading and
 * writing the workspace runs in the task runner or on the autosaver's thread, never on the FX thread; nothing is sent
 * without the user confirming its plan. The rest of {@code drafts} has no JavaFX (the command line uses it).
 */
package bifrostdesk.drafts.ui;
