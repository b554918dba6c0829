package bifrostdesk.testing;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.concurrent.TaskRunner;
import java.util.function.Consumer;

/**
 * Like {@link DirectTaskRunner} (work inline, callbacks right after), but it marks the time inside a task's work, so
 * a double can tell work the app sends to the background from work it would do on the FX thread (the callbacks and
 * everything outside a task). See {@link GuardedCredentialStore#insideTasksOnly()}.
 */
public final class TaskMarkingRunner implements TaskRunner {
    private static final ThreadLocal<Boolean> IN_WORK = ThreadLocal.withInitial(() -> false);
    private final DirectTaskRunner direct = new DirectTaskRunner();

    /** True while a task's work runs on this thread (not its callbacks). */
    public static boolean inWork() {
        return IN_WORK.get();
    }

    @Override
    public <T> Handle run(String title, Work<T> work, Consumer<Update> onProgress, Consumer<T> onSuccess,
                          Consumer<Throwable> onFailure) {
        return direct.run(title, p -> {
            boolean outer = IN_WORK.get();
            IN_WORK.set(true);
            try {
                return work.call(p);
            } finally {
                IN_WORK.set(outer);
            }
        }, onProgress, onSuccess, onFailure);
    }
}
