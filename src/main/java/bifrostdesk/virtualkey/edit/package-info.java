/**
 * Pure edits of a virtual key, addressed the way the editor addresses them: a node path and a field
 * ({@link bifrostdesk.virtualkey.model.NodePath}, {@link bifrostdesk.virtualkey.model.Field},
 * {@link bifrostdesk.virtualkey.model.FieldKey}).
 *
 * <p>{@link bifrostdesk.virtualkey.edit.KeyEdits} turns raw text into a new immutable key (keeping a parse problem
 * when the text does not parse) and adds, removes and duplicates nodes; {@link bifrostdesk.virtualkey.edit.FieldText}
 * is the way back, a field's text from the key.
 *
 * <p>Invariants: no JavaFX, no HTTP and no JSON here (ArchUnit checks it), and this package depends only on
 * {@code virtualkey.model}; the editor view-model, the forms and the command line build on it.
 */
package bifrostdesk.virtualkey.edit;
