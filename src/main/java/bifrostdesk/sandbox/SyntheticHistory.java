package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.AccessProfileRec;
import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.TeamRec;
import bifrostdesk.sandbox.Records.VkRec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Deterministic logged spend for the sandbox's keys, consistent with their budgets: for every budget of a key, of
 * one of its provider configs or of one model under it, the spend logged since the budget's {@code last_reset}
 * adds up to its {@code current_usage} (shared/bifrost-api/LOGS.md §6 "Re-building the budget curve"). A team
 * budget adds up too where the team has a key free to carry the rest (one with no key-level budget over the team's
 * window); otherwise it does not, as on a real gateway (§5: log spend and budget usage need not match).
 * <p>
 * How: each key spends on one <i>stream</i> per provider config (and per model with a per-model budget). Time is
 * cut at every budget's {@code last_reset}; the amount of each stream in each piece is fitted to the budgets by
 * iterative proportional fitting, starting from the key's pace (taken from its longest budget window) times its
 * shape: steady, accelerating, idle (stopped a few days ago; a window that still needs spend gets one burst at its
 * start), or office hours (weekdays 08–18 UTC). Inside a piece the amount is spread over one request batch every
 * {@value #SLOT} seconds, with a fixed per-slot jitter, so bucket sums are exact at any bucket size. Nothing is
 * stored: the plan is computed from the store's current state for each request, so an edited or reset budget gets
 * a consistent history at once. Call under the store lock.
 * <p>
 * Over 400 lines, earned by one job: a deterministic spend history consistent with every seeded budget.
 */
final class SyntheticHistory {
    /** Seconds between two synthetic request batches of a stream. */
    static final long SLOT = 600;
    static final long DAY = 86_400;
    /** How far back history goes at least (more when a budget's window started earlier). */
    static final long DEPTH = 90 * DAY;

    enum Shape { STEADY, ACCELERATING, IDLE, OFFICE_HOURS }

    /** Where a key's spend goes: one provider and model. */
    record Stream(String provider, String model) {
    }

    /**
     * Spend that must add up: on every stream matching provider/model (null = any), from start to now. {@code limit}
     * and {@code period} (seconds, 0 = unknown) only temper the pace before the window.
     */
    record Constraint(String provider, String model, long start, double usage, double limit, long period) {
        Constraint(String provider, String model, long start, double usage) {
            this(provider, model, start, usage, 0, 0);
        }

        boolean matches(Stream s) {
            return (provider == null || provider.equals(s.provider)) && (model == null || model.equals(s.model));
        }
    }

    /** Receives the events of {@link Plan#events}. */
    interface Sink {
        void accept(long t, Stream stream, double cost);
    }

    private final SandboxStore store;
    private final int retentionDays;

    SyntheticHistory(SandboxStore store, int retentionDays) {
        this.store = store;
        this.retentionDays = retentionDays;
    }

    /** Every key's plan at {@code now}, team budgets applied. */
    Map<String, Plan> plans(Instant now) {
        long t = now.getEpochSecond();
        Map<String, Plan> out = new LinkedHashMap<>();
        for (VkRec v : store.vks.values()) {
            out.put(v.id, plan(v, t));
        }
        for (TeamRec team : store.teams.values()) {
            for (BudgetRec b : team.budgets) {
                applyTeamBudget(team, b, out, t);
            }
        }
        return out;
    }

    Plan plan(VkRec v, long now) {
        List<Constraint> constraints = new ArrayList<>();
        List<Stream> streams = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        AccessProfileRec profile = v.accessProfileId == null ? null : store.accessProfiles.get(v.accessProfileId);
        // an access profile's budgets replace the key's own on every read (REFERENCE-v2 §11.13)
        for (BudgetRec b : profile != null ? profile.budgets : v.budgets) {
            add(constraints, null, null, b, now);
        }
        double weights = 0;
        for (PcRec pc : v.providerConfigs) {
            weights += pc.weight == null ? 1 : pc.weight;
        }
        for (PcRec pc : v.providerConfigs) {
            List<String> models = new ArrayList<>();
            models.add(baseModel(pc));
            for (ModelBudgetRec m : pc.modelBudgets) {
                if (!models.contains(m.modelName)) {
                    models.add(m.modelName);
                }
                m.budgets.forEach(b -> add(constraints, pc.provider, m.modelName, b, now));
            }
            pc.budgets.forEach(b -> add(constraints, pc.provider, null, b, now));
            double share = (pc.weight == null ? 1 : pc.weight) / (weights <= 0 ? 1 : weights);
            for (String m : models) {
                Stream s = new Stream(pc.provider, m);
                if (!streams.contains(s)) {
                    streams.add(s);
                    shares.add(share / models.size());
                }
            }
        }
        boolean spends = constraints.stream().anyMatch(c -> c.usage > 0);
        if (streams.isEmpty() && (v.allowAllProviders || spends)) {
            streams.add(new Stream("openai", "gpt-4o-mini"));
            shares.add(1.0);
        }
        long earliest = constraints.stream().mapToLong(Constraint::start).min().orElse(now);
        long historyStart = Math.max(now - retentionDays * DAY, Math.min(now - DEPTH, earliest));
        TreeSet<Long> cuts = new TreeSet<>();
        cuts.add(historyStart);
        cuts.add(now);
        List<Constraint> clamped = new ArrayList<>();
        for (Constraint c : constraints) {
            // a window older than the retention: its start is as far back as logs go
            Constraint k = c.start < historyStart
                    ? new Constraint(c.provider, c.model, historyStart, c.usage, c.limit, c.period) : c;
            clamped.add(k);
            cuts.add(k.start);
        }
        TeamRec team = v.teamId == null ? null : store.teams.get(v.teamId);
        if (team != null) {
            for (BudgetRec b : team.budgets) {
                if (b.lastReset != null) {
                    long s = b.lastReset.getEpochSecond();
                    if (s > historyStart && s < now) {
                        cuts.add(s);
                    }
                }
            }
        }
        long seed = hash(v.id);
        boolean expired = v.expiresAt != null && v.expiresAt.getEpochSecond() < now;
        Plan p = new Plan(v, expired ? Shape.IDLE : shapeOf(v, seed), seed, historyStart, now, streams, cuts.stream().mapToLong(x -> x)
                .toArray(), clamped);
        p.initialise(rate(clamped, now, seed, p), shares);
        p.solve();
        return p;
    }

    private static void add(List<Constraint> out, String provider, String model, BudgetRec b, long now) {
        if (b.lastReset == null || b.lastReset.getEpochSecond() > now) {
            return;
        }
        Double nanos = GoDuration.parseNanos(b.resetDuration, true);
        out.add(new Constraint(provider, model, b.lastReset.getEpochSecond(), Math.max(0, b.currentUsage),
                b.effectiveMaxLimit(), nanos == null || nanos <= 0 ? 0 : (long) (nanos / 1e9)));
    }

    /**
     * A team budget (§6): the team's keys with a key-level budget over the whole team window keep their spend; the
     * rest is shared by the others in proportion to what they already spend. Skipped when nobody is free or the
     * fixed part alone exceeds the team's usage.
     */
    private static void applyTeamBudget(TeamRec team, BudgetRec b, Map<String, Plan> plans, long now) {
        if (b.lastReset == null || b.lastReset.getEpochSecond() > now) {
            return;
        }
        long start = b.lastReset.getEpochSecond();
        List<Plan> free = new ArrayList<>();
        double fixed = 0;
        for (Plan p : plans.values()) {
            if (!team.id.equals(p.vk.teamId)) {
                continue;
            }
            start = Math.max(start, p.historyStart);
            boolean pinned = p.constraints.stream().anyMatch(c -> c.provider == null && c.model == null
                    && c.start <= b.lastReset.getEpochSecond());
            if (pinned || p.streams.isEmpty()) {
                fixed += p.spendSince(b.lastReset.getEpochSecond());
            } else {
                free.add(p);
            }
        }
        double residual = b.currentUsage - fixed;
        if (free.isEmpty() || residual < 0) {
            return;
        }
        double natural = 0;
        for (Plan p : free) {
            natural += p.spendSince(start);
        }
        for (Plan p : free) {
            double share = natural > 0 ? residual * p.spendSince(start) / natural : residual / free.size();
            p.constraints.add(new Constraint(null, null, start, share));
            p.solve();
        }
    }

    /** The model a provider config's spend is logged under: its first plain allowed model, else a usual one. */
    static String baseModel(PcRec pc) {
        for (String m : pc.allowedModels) {
            if (!m.isBlank() && !m.equals("*") && m.chars().allMatch(ch -> Character.isLetterOrDigit(ch)
                    || "-._:/".indexOf(ch) >= 0)) {
                return m;
            }
        }
        return switch (pc.provider) {
            case "openai" -> "gpt-4o-mini";
            case "anthropic" -> "claude-3-5-haiku";
            case "azure" -> "gpt-4o";
            default -> pc.provider + "-model";
        };
    }

    /**
     * Some of the small seed's keys are given the shape that shows the charts best (an exhausted one accelerating,
     * a blocked one idle); others by a hash of their id. Inactive keys are idle.
     */
    static Shape shapeOf(VkRec v, long seed) {
        if (!v.isActive) {
            return Shape.IDLE;
        }
        switch (v.name) {
            case "research-sandbox", "mobile-app", "chat-assistant" -> {
                return Shape.ACCELERATING;
            }
            case "support-bot" -> {
                return Shape.IDLE;
            }
            case "checkout-service" -> {
                return Shape.OFFICE_HOURS;
            }
            case "analytics-batch", "config-managed-gateway" -> {
                return Shape.STEADY;
            }
            default -> {
                int r = (int) Math.floorMod(seed >>> 7, 20L);
                return r < 10 ? Shape.STEADY : r < 14 ? Shape.ACCELERATING : r < 17 ? Shape.IDLE : Shape.OFFICE_HOURS;
            }
        }
    }

    /**
     * Dollars per hour at shape 1 before fitting: the pace of the key's longest budget window divided by the shape
     * over it (so the history before the window continues its curve), else a made-up pace.
     */
    private static double rate(List<Constraint> constraints, long now, long seed, Plan p) {
        Constraint chosen = null;
        for (Constraint c : constraints) {
            if (c.usage <= 0) {
                continue;
            }
            boolean all = c.provider == null && c.model == null;
            boolean chosenAll = chosen != null && chosen.provider == null && chosen.model == null;
            if (chosen == null || (all && !chosenAll) || (all == chosenAll && c.start < chosen.start)) {
                chosen = c;
            }
        }
        if (chosen != null) {
            double shaped = p.shapeHours(chosen.start, now);
            double pace = chosen.usage / Math.max(shaped > 0 ? shaped : (now - chosen.start) / 3600.0, 1e-3);
            if (chosen.limit > 0 && chosen.period > 0) {
                // earlier windows used about 85 % of the limit: a window that began an hour ago says little
                double full = p.shapeHours(now - chosen.period, now);
                pace = Math.min(pace, 0.85 * chosen.limit / Math.max(full, 1e-3));
            }
            return pace;
        }
        return unit(seed, 1, 1) * 1.5 + 0.05;
    }

    static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A fixed number in [0, 1) for (seed, a, b). */
    static double unit(long seed, long a, long b) {
        return (mix(seed ^ mix(a * 0x9E3779B97F4A7C15L + b)) >>> 11) * 0x1.0p-53;
    }

    /** One key's spend: {@code cells[stream][piece]} dollars, piece {@code j} = {@code [cuts[j], cuts[j+1])}. */
    static final class Plan {
        final VkRec vk;
        final Shape shape;
        final long seed;
        final long historyStart;
        final long now;
        final long idleSince;
        final List<Stream> streams;
        final long[] cuts;
        final List<Constraint> constraints;
        final double[][] cells;
        private final double[][] weightSums;

        Plan(VkRec vk, Shape shape, long seed, long historyStart, long now, List<Stream> streams, long[] cuts,
             List<Constraint> constraints) {
            this.vk = vk;
            this.shape = shape;
            this.seed = seed;
            this.historyStart = historyStart;
            this.now = now;
            this.streams = streams;
            this.cuts = cuts;
            this.constraints = new ArrayList<>(constraints);
            long idle = now - 2 * DAY - (long) (unit(seed, 2, 0) * 3 * DAY);
            // an expired key stopped spending when it expired
            this.idleSince = vk.expiresAt == null ? idle : Math.min(idle, vk.expiresAt.getEpochSecond());
            this.cells = new double[streams.size()][cuts.length - 1];
            this.weightSums = new double[streams.size()][cuts.length - 1];
        }

        int pieces() {
            return cuts.length - 1;
        }

        void initialise(double ratePerHour, List<Double> shares) {
            for (int s = 0; s < streams.size(); s++) {
                for (int j = 0; j < pieces(); j++) {
                    cells[s][j] = ratePerHour * shares.get(s) * shapeHours(cuts[j], cuts[j + 1]);
                }
            }
        }

        /** Hours times the average shape over the piece (sampled; the fit fixes the scale anyway). */
        double shapeHours(long from, long to) {
            if (to <= from) {
                return 0;
            }
            int n = (int) Math.max(4, Math.min(96, (to - from) / 3600));
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += shape(from + (long) ((i + 0.5) * (to - from) / n));
            }
            return sum / n * (to - from) / 3600.0;
        }

        /** Iterative proportional fitting: scale each budget's cells to its usage until all hold. */
        void solve() {
            for (int iter = 0; iter < 500; iter++) {
                double worst = 0;
                for (Constraint c : constraints) {
                    double sum = covered(c);
                    if (sum <= 0 && c.usage > 0) {
                        seed(c);
                        sum = covered(c);
                    }
                    if (sum <= 0) {
                        continue;
                    }
                    double f = c.usage / sum;
                    worst = Math.max(worst, Math.abs(f - 1));
                    scale(c, f);
                }
                if (worst < 1e-13) {
                    break;
                }
            }
            for (double[] row : weightSums) {
                java.util.Arrays.fill(row, 0);
            }
        }

        private double covered(Constraint c) {
            double sum = 0;
            for (int s = 0; s < streams.size(); s++) {
                if (c.matches(streams.get(s))) {
                    for (int j = 0; j < pieces(); j++) {
                        if (cuts[j] >= c.start) {
                            sum += cells[s][j];
                        }
                    }
                }
            }
            return sum;
        }

        private void scale(Constraint c, double f) {
            for (int s = 0; s < streams.size(); s++) {
                if (c.matches(streams.get(s))) {
                    for (int j = 0; j < pieces(); j++) {
                        if (cuts[j] >= c.start) {
                            cells[s][j] *= f;
                        }
                    }
                }
            }
        }

        /** Spend the fit can work with where the shape gave none (an idle key with a fresh window). */
        private void seed(Constraint c) {
            for (int s = 0; s < streams.size(); s++) {
                if (c.matches(streams.get(s))) {
                    for (int j = 0; j < pieces(); j++) {
                        if (cuts[j] >= c.start) {
                            cells[s][j] = 1e-6 * Math.max(1, (cuts[j + 1] - cuts[j]) / 3600.0);
                        }
                    }
                }
            }
        }

        /** Every stream's spend from {@code from} (a cut) to now. */
        double spendSince(long from) {
            double sum = 0;
            for (int s = 0; s < streams.size(); s++) {
                for (int j = 0; j < pieces(); j++) {
                    if (cuts[j] >= from) {
                        sum += cells[s][j];
                    }
                }
            }
            return sum;
        }

        double shape(long t) {
            return switch (shape) {
                case STEADY -> 1;
                case ACCELERATING -> {
                    // flat and low until a month ago, then ever faster: about 30 times the old pace by now
                    double x = Math.max(0, (double) (t - (now - 30 * DAY)) / (30 * DAY));
                    yield 0.1 + 3 * x * x;
                }
                case IDLE -> t < idleSince ? 1 : 0;
                case OFFICE_HOURS -> {
                    long day = Math.floorDiv(t, DAY);
                    long hour = Math.floorMod(t, DAY) / 3600;
                    boolean weekday = Math.floorMod(day + 3, 7) < 5; // 1970-01-01 was a Thursday
                    yield weekday && hour >= 8 && hour < 18 ? 1 : 0.1;
                }
            };
        }

        private double weight(int s, long slot, long t) {
            return shape(t) * (0.6 + 0.8 * unit(seed, s + 11, slot));
        }

        private long firstSlot(int j) {
            return Math.floorDiv(cuts[j] - SLOT / 2 + SLOT - 1, SLOT);
        }

        /** Slot times of piece j run while {@code t < end}; the last piece includes now itself. */
        private long pieceEnd(int j) {
            return j == pieces() - 1 ? cuts[j + 1] + 1 : cuts[j + 1];
        }

        private double weightSum(int s, int j) {
            if (weightSums[s][j] == 0) {
                double w = 0;
                for (long k = firstSlot(j); k * SLOT + SLOT / 2 < pieceEnd(j); k++) {
                    w += weight(s, k, k * SLOT + SLOT / 2);
                }
                weightSums[s][j] = w > 0 ? w : -1;
            }
            return weightSums[s][j];
        }

        /** The events with {@code from <= t <= to}, in time order per stream and piece. */
        void events(long from, long to, Sink sink) {
            for (int j = 0; j < pieces(); j++) {
                if (cuts[j] > to || pieceEnd(j) <= from) {
                    continue;
                }
                for (int s = 0; s < streams.size(); s++) {
                    double amount = cells[s][j];
                    if (amount <= 0) {
                        continue;
                    }
                    Stream st = streams.get(s);
                    long k0 = firstSlot(j);
                    double w = weightSum(s, j);
                    if (k0 * SLOT + SLOT / 2 >= pieceEnd(j) || w < 0) {
                        // no slot in the piece, or a zero shape throughout: one burst at the piece's start
                        long t = k0 * SLOT + SLOT / 2 < pieceEnd(j) ? k0 * SLOT + SLOT / 2 : cuts[j];
                        if (t >= from && t <= to) {
                            sink.accept(t, st, amount);
                        }
                        continue;
                    }
                    long kFrom = Math.max(k0, Math.floorDiv(from - SLOT / 2 + SLOT - 1, SLOT));
                    for (long k = kFrom; k * SLOT + SLOT / 2 < pieceEnd(j); k++) {
                        long t = k * SLOT + SLOT / 2;
                        if (t > to) {
                            break;
                        }
                        sink.accept(t, st, amount * weight(s, k, t) / w);
                    }
                }
            }
        }

        /** Spend on streams matching the filter between from and to (inclusive), exact at cut boundaries. */
        double sum(long from, long to, java.util.function.Predicate<Stream> filter) {
            double[] total = {0};
            for (int j = 0; j < pieces(); j++) {
                if (cuts[j] >= from && pieceEnd(j) - 1 <= to) {
                    for (int s = 0; s < streams.size(); s++) {
                        if (filter.test(streams.get(s))) {
                            total[0] += cells[s][j];
                        }
                    }
                }
            }
            // partial pieces event by event
            for (int j = 0; j < pieces(); j++) {
                boolean whole = cuts[j] >= from && pieceEnd(j) - 1 <= to;
                boolean none = cuts[j] > to || pieceEnd(j) <= from;
                if (whole || none) {
                    continue;
                }
                eventsOfPiece(j, from, to, (t, st, cost) -> {
                    if (filter.test(st)) {
                        total[0] += cost;
                    }
                });
            }
            return total[0];
        }

        private void eventsOfPiece(int j, long from, long to, Sink sink) {
            long a = Math.max(from, cuts[j]);
            long b = Math.min(to, pieceEnd(j) - 1);
            events(a, b, (t, st, cost) -> {
                if (t >= cuts[j] && t < pieceEnd(j)) {
                    sink.accept(t, st, cost);
                }
            });
        }
    }
}
