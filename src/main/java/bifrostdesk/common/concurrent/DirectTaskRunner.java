package bifrostdesk.common.concurrent;

import java.util.function.Consumer;

/** Test double: runs the work inline on the calling thread and calls back immediately, progress included. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<Update> onProgress, Consumer<T> onSuccess,
                          Consumer<Throwable> onFailure) {
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                onProgress.accept(new Update(done, total, message));
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        T result;
        try {
            result = work.call(progress);
        } catch (Exception | AssertionError e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }

    private static final Handle DONE = new Handle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
