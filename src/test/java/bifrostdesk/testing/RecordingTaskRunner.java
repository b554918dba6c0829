package bifrostdesk.testing;

import bifrostdesk.common.concurrent.TaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs through another runner and records, per task, the thread its work ran on and whether it finished: window
 * tests use it to show that file writes and other blocking work stay off the FX thread.
 */
public final class RecordingTaskRunner implements TaskRunner {
    /** One task's work: its title, the thread it ran on, whether that was the FX application thread. */
    public record Ran(String title, String thread, boolean onFxThread) {
    }

    public final List<Ran> ran = new CopyOnWriteArrayList<>();
    /** Titles of the tasks whose success callback ran. */
    public final List<String> succeeded = new CopyOnWriteArrayList<>();
    private final TaskRunner delegate;

    public RecordingTaskRunner(TaskRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<Update> onProgress, Consumer<T> onSuccess,
                          Consumer<Throwable> onFailure) {
        return delegate.run(title, p -> {
            ran.add(new Ran(title, Thread.currentThread().getName(), Platform.isFxApplicationThread()));
            return work.call(p);
        }, onProgress, r -> {
            onSuccess.accept(r);
            succeeded.add(title);
        }, onFailure);
    }

    /** The recorded runs of the task with this title. */
    public List<Ran> runsOf(String title) {
        return ran.stream().filter(r -> r.title().equals(title)).toList();
    }
}
