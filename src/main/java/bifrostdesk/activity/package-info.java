/**
 * What the window is doing, as events: {@link bifrostdesk.activity.Activity} (time, kind, level, a short sentence and
 * the full text), the {@link bifrostdesk.activity.ActivityLog} that keeps the recent ones with the log's redaction
 * applied, and the {@link bifrostdesk.activity.StatusLine} that picks what the status bar says and which problems are
 * still open. No JavaFX here; {@code activity.ui} holds the view-model fed from the connection, the editor, the
 * sync and the dialogs, the status line's view and the activity panel.
 */
package bifrostdesk.activity;
