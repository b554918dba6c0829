package bifrostdesk.common.concurrent;

import java.util.function.Consumer;

/**
 * Runs blocking work off the UI thread. Every background call in the app goes through one of these, so
 * tests can swap in {@link DirectTaskRunner}. Callbacks (progress, success, failure) run on the JavaFX thread in
 * the app, inline in tests: a view-model never needs {@code Platform.runLater}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work}; what it reports through {@link Progress#update} reaches {@code onProgress} on the FX thread
     * (the latest report when several arrive within one pulse), always before {@code onSuccess} or {@code onFailure}.
     * A cancelled task calls none of them.
     */
    <T> Handle run(String title, Work<T> work, Consumer<Update> onProgress, Consumer<T> onSuccess,
                   Consumer<Throwable> onFailure);

    /** {@link #run(String, Work, Consumer, Consumer, Consumer)} for work whose progress only the status bar shows. */
    default <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(title, work, update -> { }, onSuccess, onFailure);
    }

    /** Work that may check {@link Progress#isCancelled()} and report progress. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What work reports while it runs; called on the worker thread. */
    interface Progress {
        /** {@code done} of {@code total}; a negative {@code done} or a {@code total} of 0 or less = not known yet. */
        void update(long done, long total, String message);

        boolean isCancelled();
    }

    /** One progress report, as the work gave it. */
    record Update(long done, long total, String message) {
        /** 0..1, or -1 while the amount is not known (a progress bar's "indeterminate"). */
        public double fraction() {
            return total <= 0 || done < 0 ? -1 : (double) done / total;
        }
    }

    /** A running task; {@link #cancel()} interrupts it and suppresses its callbacks. */
    interface Handle {
        void cancel();

        boolean isDone();
    }
}
