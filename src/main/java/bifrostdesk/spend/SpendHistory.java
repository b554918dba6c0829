package bifrostdesk.spend;

import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.CancelToken;
import bifrostdesk.virtualkey.api.CostHistogram;
import bifrostdesk.virtualkey.api.CostQuery;
import bifrostdesk.virtualkey.api.LogsStatus;
import bifrostdesk.virtualkey.api.SpendClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a row's spend history comes from: the gateway's logs when it keeps them, else this app's snapshots (LOGS.md
 * §7.1, §10). Fetches exactly the row and range asked for (nothing for rows off screen), caches each answer for a
 * short time per row and range, and takes a {@link CancelToken} per call. Blocking: call it off the FX thread.
 * Thread-safe.
 */
public final class SpendHistory {
    /** How long a fetched series is reused (the review's own refresh brings new numbers anyway). */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);
    private static final int MAX_CACHED = 256;

    private final SpendClient client;
    private final SnapshotStore snapshots;
    private final Clock clock;
    private final Duration ttl;
    private LogsStatus status;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> e) {
            return size() > MAX_CACHED;
        }
    };

    /** A row's series and where it came from; {@code histogram} is null for snapshots. */
    public record Result(SpendSeries series, CostHistogram histogram, LogsStatus status, String note) {
    }

    private record Cached(Result result, Instant at) {
    }

    /** @param snapshots null when there is no workspace (then without logs there is no history) */
    public SpendHistory(SpendClient client, SnapshotStore snapshots, Clock clock, Duration ttl) {
        this.client = client;
        this.snapshots = snapshots;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Whether the gateway keeps logs; asked once, then remembered until {@link #forget()}. */
    public synchronized LogsStatus status(CancelToken token) throws ApiException {
        if (status == null) {
            status = client.using(token).logsStatus();
        }
        return status;
    }

    /** Drops the cache and the logs status (after a reconnect, or a manual refresh). */
    public synchronized void forget() {
        status = null;
        cache.clear();
    }

    /**
     * The spend of {@code row} between {@code from} and {@code to}. From the logs when the gateway keeps them and
     * the row is a budget (not before the retention horizon); otherwise from the snapshots, with a note saying so.
     * Answers are cached by row and by the range rounded to the minute: pass minute-aligned bounds to reuse them. A logs call that meets a missing
     * route (a gateway that lost its logs since) falls back the same way.
     */
    public Result forRow(BudgetRow row, Instant from, Instant to, CancelToken token) throws ApiException,
            IOException {
        String cacheKey = SeriesKey.of(row) + '@' + from.getEpochSecond() / 60 + '-' + to.getEpochSecond() / 60;
        synchronized (this) {
            Cached c = cache.get(cacheKey);
            if (c != null && Duration.between(c.at(), clock.instant()).compareTo(ttl) < 0) {
                return c.result();
            }
        }
        LogsStatus s = status(token);
        // §10 step 3: nothing older than the retention horizon is there to ask for
        Instant horizon = to.minus(Duration.ofDays(s.retentionDays()));
        CostQuery q = SpendQueries.forRow(row, from.isBefore(horizon) ? horizon : from, to);
        Result r = null;
        if (s.available() && q != null) {
            try {
                CostHistogram h = client.using(token).costHistogram(q);
                r = new Result(SpendSeries.fromHistogram(h, q.start(), to), h, s, "Logged spend from the gateway.");
            } catch (ApiException e) {
                if (!SpendClient.meansNoLogs(e)) {
                    throw e;
                }
                synchronized (this) {
                    status = new LogsStatus(LogsStatus.Availability.ROUTES_MISSING, s.retentionDays());
                    s = status;
                }
            }
        }
        if (r == null) {
            r = new Result(fromSnapshots(row, from, to), null, s, q == null && s.available()
                    ? "Rate limits keep no history on the gateway: this comes from this app's own snapshots."
                    : s.sentence());
        }
        synchronized (this) {
            cache.put(cacheKey, new Cached(r, clock.instant()));
        }
        return r;
    }

    private SpendSeries fromSnapshots(BudgetRow row, Instant from, Instant to) throws IOException {
        if (snapshots == null) {
            return SpendSeries.empty(SpendSeries.Source.SNAPSHOTS);
        }
        String key = SeriesKey.of(row);
        List<SpendSeries.UsagePoint> points = snapshots.usage(List.of(key), from, to).get(key);
        return SpendSeries.fromUsage(points);
    }
}
