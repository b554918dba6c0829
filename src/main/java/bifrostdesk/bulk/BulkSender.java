package bifrostdesk.bulk;

import bifrostdesk.drafts.SyncService;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Sends a reviewed bulk change, a few keys at a time. Per key: re-read it; if it changed on the server since the
 * review, re-plan it and leave it for a second confirmation (never overwrite); otherwise plan against the fresh
 * copy and send through {@link SyncService#sendAll}, the loop every save uses, so a "saved but" 500 counts as saved
 * and the key is re-read instead of resent. A failure is recorded and the rest go on. Cancel is checked before
 * each key: a key's requests belong together (the second of two rate-limit PUTs must follow the first), so a key
 * that has started is finished. Blocking: run it in the task runner; it uses {@code concurrency} threads of its own.
 */
public final class BulkSender {
    /** Keys sent at the same time unless the settings say otherwise. */
    public static final int DEFAULT_CONCURRENCY = 4;

    private final BifrostClient client;
    private final BulkPlanner planner;
    private final int concurrency;

    /** Told after each key, from the sending threads. */
    @FunctionalInterface
    public interface Listener {
        void progress(BulkProgress progress);
    }

    public BulkSender(BifrostClient client, BulkPlanner planner, int concurrency) {
        this.client = client;
        this.planner = planner;
        this.concurrency = Math.max(1, concurrency);
    }

    /** Sends {@code op} to {@code reviewed} (the copies the user reviewed, in order); {@code id} names the change. */
    public BulkReport send(String id, BulkOperation op, List<VirtualKey> reviewed, BooleanSupplier cancelled,
                           Listener listener) throws InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        int total = reviewed.size();
        KeyResult[] results = new KeyResult[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int threads = Math.min(concurrency, Math.max(1, total));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bulk-send");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < threads; w++) {
                pool.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        VirtualKey key = reviewed.get(i);
                        if (cancelled.getAsBoolean()) {
                            results[i] = new KeyResult(key.id(), key.name(), KeyResult.Status.NOT_SENT, key, null,
                                    List.of(), "not sent: cancelled before this key");
                            continue;
                        }
                        results[i] = sendOne(op, key);
                        if (results[i].status() == KeyResult.Status.FAILED) {
                            failed.incrementAndGet();
                        }
                        listener.progress(new BulkProgress(done.incrementAndGet(), total, failed.get(),
                                Duration.ofNanos(System.nanoTime() - t0)));
                    }
                });
            }
        } finally {
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // waits for the keys in flight: each finishes its requests (see the class comment)
            }
        }
        if (op.kind() == BulkOperation.Kind.ROTATE) {
            if (cancelled.getAsBoolean()) {
                for (int i = 0; i < total; i++) {
                    if (READY_TO_ROTATE.equals(results[i].message())) {
                        results[i] = new KeyResult(results[i].vkId(), results[i].vkName(), KeyResult.Status.NOT_SENT,
                                results[i].before(), null, List.of(), "not sent: cancelled before the rotate request");
                    }
                }
            } else {
                rotateChecked(results);
            }
        }
        return new BulkReport(id, op.describe(), new ArrayList<>(Arrays.asList(results)),
                cancelled.getAsBoolean() && Arrays.stream(results).anyMatch(r -> r.status() == KeyResult.Status.NOT_SENT),
                started, Instant.now());
    }

    /** Marks a key that passed the re-read for the bulk rotate request sent after the loop. */
    private static final String READY_TO_ROTATE = "ready to rotate";

    private KeyResult checkBeforeRotate(BulkOperation op, VirtualKey reviewed) {
        try {
            VirtualKey fresh = client.getVirtualKey(reviewed.id());
            if (fresh.changedSince(reviewed)) {
                return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.STALE, fresh, null, List.of(),
                        "changed on the server at " + fresh.updatedAt() + " after the review: waiting for your "
                                + "confirmation");
            }
            if (planner.plan(fresh, op).plan().isRefused()) {
                return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.FAILED, fresh, null, List.of(),
                        String.join(" ", planner.plan(fresh, op).plan().refusals()));
            }
            return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.NOT_SENT, fresh, null, List.of(),
                    READY_TO_ROTATE);
        } catch (ApiException e) {
            return new KeyResult(reviewed.id(), reviewed.name(), KeyResult.Status.FAILED, reviewed, null, List.of(),
                    e.kind() == ApiException.Kind.NOT_FOUND ? "the key was deleted on the server since the review"
                            : e.userMessage());
        }
    }

    /** Rotates the keys that passed their re-read, through the server's bulk endpoint ({@link BulkRotation}). */
    private void rotateChecked(KeyResult[] results) {
        List<Integer> at = new ArrayList<>();
        List<VirtualKey> ready = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i].status() == KeyResult.Status.NOT_SENT && READY_TO_ROTATE.equals(results[i].message())) {
                at.add(i);
                ready.add(results[i].before());
            }
        }
        List<KeyResult> rotated = BulkRotation.rotate(client, ready);
        for (int j = 0; j < at.size(); j++) {
            results[at.get(j)] = rotated.get(j);
        }
    }

    /** One key: re-read, compare with the review, plan, send. Never throws; a failure is a result. */
    KeyResult sendOne(BulkOperation op, VirtualKey reviewed) {
        if (op.kind() == BulkOperation.Kind.ROTATE) {
            return checkBeforeRotate(op, reviewed);
        }
        VirtualKey fresh;
        try {
            fresh = client.getVirtualKey(reviewed.id());
        } catch (ApiException e) {
            String why = e.kind() == ApiException.Kind.NOT_FOUND ? "the key was deleted on the server since the review"
                    : e.userMessage();
            return new KeyResult(reviewed.id(), reviewed.name(), KeyResult.Status.FAILED, reviewed, null, List.of(),
                    why);
        }
        if (fresh.changedSince(reviewed)) {
            KeyOutcome again = planner.evaluate(fresh, op, null);
            String what = again.status() == KeyOutcome.Status.CHANGE ? "re-planned on the new copy, waiting for "
                    + "your confirmation" : again.status().words();
            return new KeyResult(fresh.id(), fresh.name(), again.status() == KeyOutcome.Status.UNCHANGED
                    ? KeyResult.Status.UNCHANGED : KeyResult.Status.STALE, fresh, null, List.of(),
                    "changed on the server at " + fresh.updatedAt() + " after the review: " + what);
        }
        BulkPlanner.Planned p;
        try {
            p = planner.plan(fresh, op);
        } catch (RuntimeException e) {
            return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.FAILED, fresh, null, List.of(),
                    e.getMessage());
        }
        if (!p.errors().isEmpty() || p.plan().isRefused()) {
            List<String> why = p.errors().isEmpty() ? p.plan().refusals() : p.errors();
            return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.FAILED, fresh, null, List.of(),
                    String.join(" ", why));
        }
        if (p.plan().isEmpty()) {
            return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.UNCHANGED, fresh, fresh, List.of(),
                    "already as asked");
        }
        try {
            SyncService.Sent s = SyncService.sendAll(p.plan(), client::execute, () -> false, true);
            VirtualKey after = null;
            if (op.kind() != BulkOperation.Kind.DELETE) {
                after = s.last() != null ? s.last().keepGetOnlyFrom(fresh) : client.getVirtualKey(fresh.id());
            }
            return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.SENT, fresh, after, s.requests(),
                    s.outcome());
        } catch (SyncService.Stopped stopped) {
            Exception f = stopped.failure();
            String why = f instanceof ApiException a ? a.userMessage() : String.valueOf(f.getMessage());
            return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.FAILED, fresh, null, stopped.sent(), why);
        } catch (ApiException e) {
            // sent, but the re-read after a "saved but" 500 failed: the change is stored, the copy unknown
            return new KeyResult(fresh.id(), fresh.name(), KeyResult.Status.SENT, fresh, null, List.of(),
                    "saved; reading it back failed: " + e.userMessage());
        }
    }
}
