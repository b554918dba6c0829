package bifrostdesk.drafts;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes drafts to the workspace shortly after each edit, on its own thread. Edits coming fast are coalesced:
 * the newest state of each key is written at most {@link #DELAY_MS} after the first unsaved change, so killing
 * the app loses at most the last second of work. A failed write is reported and the previous draft file stays.
 */
public final class Autosaver implements AutoCloseable {
    /** Well inside the one-second promise, leaving room for the write itself. */
    public static final long DELAY_MS = 250;

    private final Workspace workspace;
    private final Consumer<Throwable> onError;
    private final Consumer<Draft> onSaved;
    private final ScheduledExecutorService thread;
    private final Map<String, Draft> pending = new LinkedHashMap<>();
    private ScheduledFuture<?> scheduled;

    public Autosaver(Workspace workspace, Consumer<Throwable> onError, Consumer<Draft> onSaved) {
        this.workspace = workspace;
        this.onError = onError;
        this.onSaved = onSaved;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "draft-autosave");
            t.setDaemon(true);
            return t;
        });
    }

    /** The key's edited state changed: write it soon. */
    public synchronized void changed(Draft draft) {
        pending.put(draft.vkId(), draft);
        if (scheduled == null || scheduled.isDone()) {
            scheduled = thread.schedule(this::writePending, DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** The key has no unsaved edits any more (saved, or discarded): remove its draft. */
    public synchronized void discard(String vkId) {
        pending.remove(vkId);
        thread.execute(() -> {
            try {
                workspace.deleteDraft(vkId);
            } catch (IOException e) {
                onError.accept(e);
            }
        });
    }

    private void writePending() {
        Map<String, Draft> batch;
        synchronized (this) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
        }
        for (Draft d : batch.values()) {
            try {
                workspace.saveDraft(d);
                onSaved.accept(d);
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
        }
    }

    /** Writes everything pending now and waits for it (on exit). */
    public void flush() {
        try {
            thread.submit(this::writePending).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            onError.accept(e);
        }
    }

    @Override
    public void close() {
        flush();
        thread.shutdown();
    }
}
