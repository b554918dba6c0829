package bifrostdesk.budgets.history;

import bifrostdesk.budgets.BudgetKind;
import bifrostdesk.budgets.BudgetRow;
import bifrostdesk.spend.SeriesKey;
import bifrostdesk.spend.SnapshotStore;
import bifrostdesk.spend.SpendSeries;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spend by team, customer, provider and key from this app's own usage snapshots, for a gateway that keeps no
 * request logs. Each owner's spend is read from one of its budgets (spend counts against every budget of an owner
 * alike, so one is enough): a team's or customer's first budget, each provider config's first budget summed per
 * provider, a key's own first budget. Blocking file reads: call it off the FX thread.
 */
final class SnapshotSpend {
    private SnapshotSpend() {
    }

    /** Spend per team / customer id or provider name between {@code from} and {@code to}. */
    static Map<String, SpendSeries> byDimension(SnapshotStore store, Dimension d, List<BudgetRow> rows,
                                               Instant from, Instant to) throws IOException {
        Map<String, List<String>> keysByValue = new LinkedHashMap<>();
        Set<String> owners = new HashSet<>();
        for (BudgetRow r : rows) {
            String value;
            String owner;
            switch (d) {
                case TEAM -> {
                    value = r.kind() == BudgetKind.TEAM_BUDGET ? r.teamId() : null;
                    owner = value;
                }
                case CUSTOMER -> {
                    value = r.kind() == BudgetKind.CUSTOMER_BUDGET ? r.customerId() : null;
                    owner = value;
                }
                default -> {
                    value = r.kind() == BudgetKind.PROVIDER_CONFIG_BUDGET ? r.provider() : null;
                    owner = r.vkId() + "/" + r.providerConfigId();
                }
            }
            if (value != null && owners.add(owner)) {
                keysByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(SeriesKey.of(r));
            }
        }
        Set<String> all = new HashSet<>();
        keysByValue.values().forEach(all::addAll);
        Map<String, List<SpendSeries.UsagePoint>> usage = store.usage(all, from, to);
        Map<String, SpendSeries> out = new LinkedHashMap<>();
        keysByValue.forEach((value, keys) -> {
            List<SpendSeries.Span> spans = new ArrayList<>();
            keys.forEach(k -> spans.addAll(SpendSeries.fromUsage(usage.getOrDefault(k, List.of())).spans()));
            out.put(value, new SpendSeries(spans, SpendSeries.Source.SNAPSHOTS));
        });
        return out;
    }

    /** The {@code max} keys that spent most between {@code from} and {@code to}, by their own first budget. */
    static TopSpenders topKeys(SnapshotStore store, List<BudgetRow> rows, Instant from, Instant to, int max,
                               String note) throws IOException {
        Map<String, BudgetRow> byKey = new LinkedHashMap<>();
        for (BudgetRow r : rows) {
            if (r.kind() == BudgetKind.VK_BUDGET) {
                byKey.putIfAbsent(SeriesKey.of(r), r);
            }
        }
        Set<String> seenKeys = new HashSet<>();
        byKey.values().removeIf(r -> !seenKeys.add(r.vkId()));
        Map<String, List<SpendSeries.UsagePoint>> usage = store.usage(byKey.keySet(), from, to);
        List<TopSpenders.Entry> entries = new ArrayList<>();
        byKey.forEach((k, r) -> {
            double spent = SpendSeries.fromUsage(usage.getOrDefault(k, List.of())).spentBetween(from, to);
            if (spent > 0) {
                entries.add(new TopSpenders.Entry(r.vkId(), r.vkName(), spent, Double.NaN));
            }
        });
        entries.sort(Comparator.comparingDouble(TopSpenders.Entry::cost).reversed());
        return new TopSpenders(List.copyOf(entries.subList(0, Math.min(max, entries.size()))), note);
    }
}
