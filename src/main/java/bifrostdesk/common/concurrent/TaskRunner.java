package bifrostdesk.common.concurrent;

import java.util.function.Consumer;

/**
 * Runs blocking work off the UI thread. Every background call in the app goes through one of these, so
 * tests can swap in {@link DirectTaskRunner}. Callbacks run on the JavaFX thread in the app, inline in tests.
 */
public interface TaskRunner {

    <T> Handle run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Work that may check {@link Progress#isCancelled()} and report progress. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    interface Progress {
        void update(long done, long total, String message);

        boolean isCancelled();
    }

    /** A running task; {@link #cancel()} interrupts it and suppresses its callbacks. */
    interface Handle {
        void cancel();

        boolean isDone();
    }
}
