package bifrostdesk.common.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * Runs work on a small pool of daemon threads as JavaFX {@link Task}s; callbacks, progress included, run on the
 * FX thread (progress posted with {@code Platform.runLater}, so it lands before the task's success or failure).
 * Exposes the number of running tasks and the latest one, so the status bar can show progress and cancel.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>();

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "desk-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<Update> onProgress, Consumer<T> onSuccess,
                          Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            // the window this runner served is closed (e.g. after a profile switch): nothing is started
            return CLOSED;
        }
        Task<T> task = new Task<>() {
            /** The latest report not yet handed to {@code onProgress}; one runLater carries a burst of them. */
            private final AtomicReference<Update> pending = new AtomicReference<>();

            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call(new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                        updateProgress(done, total);
                        if (message != null) {
                            updateMessage(message);
                        }
                        if (pending.getAndSet(new Update(done, total, message)) == null) {
                            Platform.runLater(() -> deliver(onProgress));
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || isCancelledTask();
                    }
                });
            }

            private boolean isCancelledTask() {
                return isCancelled();
            }

            private void deliver(Consumer<Update> to) {
                Update u = pending.getAndSet(null);
                if (u != null && !isCancelled()) {
                    to.accept(u);
                }
            }
        };
        task.setOnSucceeded(e -> {
            finished(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(task);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finished(task));
        Runnable start = () -> {
            if (pool.isShutdown()) {
                return;
            }
            running.set(running.get() + 1);
            current.set(task);
            pool.submit(task);
        };
        if (Platform.isFxApplicationThread()) {
            start.run();
        } else {
            Platform.runLater(start);
        }
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    private void finished(Task<?> task) {
        running.set(Math.max(0, running.get() - 1));
        if (current.get() == task) {
            current.set(null);
        }
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The most recently started task still running, for a progress indicator with a cancel button. */
    public ReadOnlyObjectProperty<Task<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    private static final Handle CLOSED = new Handle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    public void shutdown() {
        pool.shutdownNow();
    }
}
