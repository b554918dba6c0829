package bifrostdesk.virtualkey.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;

/**
 * Cancels the calls of one task. Use it with {@link BifrostClient#using(CancelToken)}: {@link #cancel()} aborts
 * the call in flight at once (its thread gets {@link ApiException.Kind#CANCELLED}) and every later call of that
 * view fails the same way. Thread interruption alone cannot unblock OkHttp's socket reads, hence this object.
 */
public final class CancelToken {
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        calls.forEach(Call::cancel);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void register(Call call) {
        calls.add(call);
        // Checked after adding, so a cancel() racing with this register cannot miss the call.
        if (cancelled) {
            call.cancel();
        }
    }

    void unregister(Call call) {
        calls.remove(call);
    }
}
