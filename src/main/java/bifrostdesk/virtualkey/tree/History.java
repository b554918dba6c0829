package bifrostdesk.virtualkey.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Undo/redo over immutable snapshots. Consecutive edits of the same field coalesce into one step, so undo
 * takes back a whole typed word rather than one character (as PreferencesFX's History does).
 *
 * @param <S> the snapshot
 * @param <K> what identifies "the same field" for coalescing
 */
public final class History<S, K> {
    private final Deque<S> undo = new ArrayDeque<>();
    private final Deque<S> redo = new ArrayDeque<>();
    private K lastCoalesceKey;

    /** Records {@code before} as the state to return to; {@code coalesceKey} may be null (never coalesce). */
    public void record(S before, K coalesceKey) {
        if (coalesceKey != null && Objects.equals(coalesceKey, lastCoalesceKey) && !undo.isEmpty()) {
            redo.clear();
            return;
        }
        undo.push(before);
        redo.clear();
        lastCoalesceKey = coalesceKey;
    }

    public S undo(S current) {
        S s = undo.pop();
        redo.push(current);
        lastCoalesceKey = null;
        return s;
    }

    public S redo(S current) {
        S s = redo.pop();
        undo.push(current);
        lastCoalesceKey = null;
        return s;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Ends coalescing, e.g. when the user leaves a field. */
    public void seal() {
        lastCoalesceKey = null;
    }

    public void clear() {
        undo.clear();
        redo.clear();
        lastCoalesceKey = null;
    }
}
