package bifrostdesk.budgets.history;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.spend.SpendSeries;
import bifrostdesk.virtualkey.api.DimensionHistogram;
import bifrostdesk.virtualkey.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spend over time stacked by team, customer or provider: one layer per value (the biggest {@value #MAX_LAYERS},
 * the rest summed as "Others"), and for teams and customers their budgets drawn as what the budget allows per
 * bucket at an even pace over its window (a 1M $1,000 budget allows about $33 a day): a limit line on a
 * per-bucket chart would otherwise sit far above the bars and say nothing. Pure data, built off the FX thread.
 *
 * @param starts the buckets' starts, oldest first; every layer has one amount per bucket
 * @param note   where the numbers come from, in words
 */
public record StackedSpend(Dimension dimension, List<Instant> starts, Duration bucket, List<Layer> layers,
                           List<LimitLine> limits, String note) {
    static final int MAX_LAYERS = 6;
    static final int MAX_LIMITS = 4;

    /** One value's spend per bucket. */
    public record Layer(String id, String name, List<Double> amounts) {
        public double total() {
            return amounts.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** A team's or customer's budget as spend per bucket at an even pace over its window. */
    public record LimitLine(String label, double perBucket) {
    }

    public static StackedSpend empty(Dimension d, String note) {
        return new StackedSpend(d, List.of(), Duration.ofHours(1), List.of(), List.of(), note);
    }

    /** From the gateway's by-dimension histogram; ids are named through {@code names}. */
    public static StackedSpend of(Dimension d, DimensionHistogram h, Map<String, String> names, List<BudgetRow> rows,
                                  String note) {
        List<Instant> starts = h.buckets().stream().map(DimensionHistogram.Bucket::start).toList();
        Map<String, List<Double>> byValue = new LinkedHashMap<>();
        for (String v : h.values()) {
            byValue.put(v, h.buckets().stream().map(b -> b.byValue().getOrDefault(v, 0.0)).toList());
        }
        return build(d, starts, h.bucketSize(), byValue, names, rows, note);
    }

    /** From spend series per value (snapshots), cut into buckets of {@code size}. */
    public static StackedSpend of(Dimension d, Map<String, SpendSeries> series, Instant from, Instant to,
                                  Duration size, Map<String, String> names, List<BudgetRow> rows, String note) {
        List<Instant> starts = SpendSeries.empty(SpendSeries.Source.SNAPSHOTS).rebucket(from, to, size).stream()
                .map(SpendSeries.Span::start).filter(s -> s.isBefore(to)).toList();
        Map<String, List<Double>> byValue = new LinkedHashMap<>();
        series.forEach((v, s) -> byValue.put(v, starts.stream()
                .map(b -> s.spentBetween(b, b.plus(size))).toList()));
        return build(d, starts, size, byValue, names, rows, note);
    }

    private static StackedSpend build(Dimension d, List<Instant> starts, Duration bucket,
                                      Map<String, List<Double>> byValue, Map<String, String> names,
                                      List<BudgetRow> rows, String note) {
        List<Layer> all = new ArrayList<>();
        byValue.forEach((v, amounts) -> all.add(new Layer(v, name(d, v, names), amounts)));
        all.removeIf(l -> l.total() <= 0);
        all.sort(Comparator.comparingDouble(Layer::total).reversed());
        List<Layer> layers = new ArrayList<>(all.subList(0, Math.min(MAX_LAYERS, all.size())));
        if (all.size() > MAX_LAYERS) {
            List<Layer> rest = all.subList(MAX_LAYERS, all.size());
            List<Double> sum = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                int at = i;
                sum.add(rest.stream().mapToDouble(l -> l.amounts().get(at)).sum());
            }
            layers.add(new Layer("", "Others (" + rest.size() + ")", sum));
        }
        return new StackedSpend(d, starts, bucket, layers, limits(d, layers, rows, bucket), note);
    }

    private static String name(Dimension d, String id, Map<String, String> names) {
        if (DimensionHistogram.UNASSIGNED.equals(id) || id.isEmpty()) {
            return switch (d) {
                case TEAM -> "No team";
                case CUSTOMER -> "No customer";
                case PROVIDER -> "Unknown provider";
            };
        }
        return names.getOrDefault(id, id);
    }

    /** The shown teams' or customers' budgets, at an even pace per bucket. */
    private static List<LimitLine> limits(Dimension d, List<Layer> layers, List<BudgetRow> rows, Duration bucket) {
        if (d == Dimension.PROVIDER) {
            return List.of();
        }
        BudgetKind kind = d == Dimension.TEAM ? BudgetKind.TEAM_BUDGET : BudgetKind.CUSTOMER_BUDGET;
        List<LimitLine> out = new ArrayList<>();
        for (Layer l : layers) {
            for (BudgetRow r : rows) {
                String owner = d == Dimension.TEAM ? r.teamId() : r.customerId();
                Duration window = Durations.parse(r.resetDuration()).orElse(null);
                if (r.kind() != kind || !Objects.equals(owner, l.id()) || window == null || window.isZero()
                        || r.limit() <= 0 || out.size() >= MAX_LIMITS) {
                    continue;
                }
                double per = r.limit() * bucket.toSeconds() / window.toSeconds();
                out.add(new LimitLine(l.name() + "'s " + r.resetDuration() + " budget " + r.format(r.limit())
                        + " at an even pace: " + r.format(per) + " per " + words(bucket), per));
            }
        }
        return out;
    }

    /** "hour", "day", "3 days". */
    static String words(Duration bucket) {
        long h = bucket.toHours();
        if (h == 1) {
            return "hour";
        }
        if (h == 24) {
            return "day";
        }
        return h % 24 == 0 ? h / 24 + " days" : h > 0 ? h + " hours" : bucket.toMinutes() + " minutes";
    }
}
