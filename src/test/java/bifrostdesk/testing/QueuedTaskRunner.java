package bifrostdesk.testing;

import bifrostdesk.common.concurrent.TaskRunner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds each task until the test runs it: between the call that started the work and {@link #runAll()} the test
 * can check that nothing happened yet, i.e. that the work really went through the runner and not inline.
 * {@link #runAll()} runs the work and then its callbacks on the calling thread, like {@code DirectTaskRunner}.
 */
public final class QueuedTaskRunner implements TaskRunner {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final List<String> titles = new ArrayList<>();

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<Update> onProgress, Consumer<T> onSuccess,
                          Consumer<Throwable> onFailure) {
        boolean[] cancelled = {false};
        boolean[] done = {false};
        titles.add(title);
        queue.add(() -> {
            done[0] = true;
            if (cancelled[0]) {
                return;
            }
            T result;
            try {
                result = work.call(new Progress() {
                    @Override
                    public void update(long d, long total, String message) {
                        onProgress.accept(new Update(d, total, message));
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled[0];
                    }
                });
            } catch (Exception | AssertionError e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return done[0];
            }
        };
    }

    /** Titles of every task started so far, run or not. */
    public List<String> titles() {
        return List.copyOf(titles);
    }

    public int pending() {
        return queue.size();
    }

    /** Runs the held tasks, and any they start, in order. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }
}
