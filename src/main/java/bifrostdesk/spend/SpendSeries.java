package bifrostdesk.spend;

import bifrostdesk.virtualkey.api.CostHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spend over time as a list of spans, oldest first: what was spent in {@code [start, end)}. From the gateway's cost
 * histogram (logged spend, LOGS.md §4.1) or from this app's own usage snapshots (a budget's usage samples turned
 * into what was spent between two samples). The charts draw it; {@link BurnRate} reads the pace from it.
 */
public record SpendSeries(List<Span> spans, Source source) {

    /** Where the numbers come from; the UI says which. */
    public enum Source {
        /** The gateway's request logs: logged spend (§5: need not equal a budget's usage). */
        GATEWAY_LOGS,
        /** This app's snapshots of the budget's usage at each refresh. */
        SNAPSHOTS
    }

    /** Spent in {@code [start, end)}. */
    public record Span(Instant start, Instant end, double amount) {
        public Duration length() {
            return Duration.between(start, end);
        }
    }

    public SpendSeries {
        spans = spans.stream().sorted(Comparator.comparing(Span::start)).toList();
    }

    public static SpendSeries empty(Source source) {
        return new SpendSeries(List.of(), source);
    }

    /**
     * A histogram's buckets, clamped to the range asked for: the first bucket may start before {@code from} and
     * the last end after {@code to}, but they only hold rows inside the range (§3.3 "partial edge buckets"), so
     * their spans are cut to it and a pace is not diluted by time nothing could be logged in.
     */
    public static SpendSeries fromHistogram(CostHistogram h, Instant from, Instant to) {
        List<Span> out = new ArrayList<>(h.buckets().size());
        long size = Math.max(1, h.bucketSizeSeconds());
        for (CostHistogram.Bucket b : h.buckets()) {
            Instant start = b.start().isBefore(from) ? from : b.start();
            Instant end = b.start().plusSeconds(size);
            end = end.isAfter(to) ? to : end;
            if (end.isAfter(start)) {
                out.add(new Span(start, end, b.total()));
            } else if (b.total() > 0) {
                out.add(new Span(start, start.plusSeconds(1), b.total()));
            }
        }
        return new SpendSeries(out, Source.GATEWAY_LOGS);
    }

    /**
     * Spend from successive usage samples of one counter: the increase between two samples, or after a reset
     * (usage went down) the usage of the new sample, which was all spent since that reset.
     */
    public static SpendSeries fromUsage(List<UsagePoint> samples) {
        List<Span> out = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            UsagePoint a = samples.get(i - 1);
            UsagePoint b = samples.get(i);
            if (!b.at().isAfter(a.at())) {
                continue;
            }
            double spent = b.usage() >= a.usage() ? b.usage() - a.usage() : b.usage();
            out.add(new Span(a.at(), b.at(), spent));
        }
        return new SpendSeries(out, Source.SNAPSHOTS);
    }

    /** One sample of a counter's usage. */
    public record UsagePoint(Instant at, double usage) {
    }

    public double total() {
        double t = 0;
        for (Span s : spans) {
            t += s.amount();
        }
        return t;
    }

    /** The earliest instant covered, or null when empty. */
    public Instant start() {
        return spans.isEmpty() ? null : spans.get(0).start();
    }

    /** The latest instant covered, or null when empty. */
    public Instant end() {
        Instant e = null;
        for (Span s : spans) {
            e = e == null || s.end().isAfter(e) ? s.end() : e;
        }
        return e;
    }

    /** Spent in {@code [from, to)}, spans cut pro rata where they straddle a bound. */
    public double spentBetween(Instant from, Instant to) {
        double sum = 0;
        for (Span s : spans) {
            sum += s.amount() * overlap(s, from, to);
        }
        return sum;
    }

    /** The share of a span inside {@code [from, to)}, 0..1. */
    static double overlap(Span s, Instant from, Instant to) {
        long len = Duration.between(s.start(), s.end()).toMillis();
        long a = Math.max(s.start().toEpochMilli(), from.toEpochMilli());
        long b = Math.min(s.end().toEpochMilli(), to.toEpochMilli());
        if (b <= a) {
            return 0;
        }
        return len <= 0 ? 1 : (double) (b - a) / len;
    }

    /**
     * The spend in fixed buckets aligned to multiples of {@code size} from the Unix epoch, as the gateway aligns its
     * own (LOGS.md §3.3), from the bucket holding {@code from} to the one holding {@code to}; spans straddling a
     * bucket edge are split pro rata. For snapshots shown like logs, and for re-bucketing logs.
     */
    public List<Span> rebucket(Instant from, Instant to, Duration size) {
        long s = Math.max(1, size.toSeconds());
        List<Span> out = new ArrayList<>();
        for (long b = Math.floorDiv(from.getEpochSecond(), s) * s; b <= to.getEpochSecond(); b += s) {
            Instant start = Instant.ofEpochSecond(b);
            Instant end = Instant.ofEpochSecond(b + s);
            out.add(new Span(start, end, spentBetween(start, end)));
        }
        return out;
    }
}
