package bifrostdesk.budgets;

import bifrostdesk.virtualkey.api.OwnedBudget;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens every budget and rate limit on the server into {@link BudgetRow}s. Linear in the number of limits:
 * teams and customers are looked up through hash maps built once.
 */
public final class BudgetAggregation {
    static final String SEP = " › ";

    private BudgetAggregation() {
    }

    /**
     * All rows: customer budgets, team budgets, then per key its own budgets, its rate limit (tokens, requests),
     * and per provider config the same. {@code teamCustomerBudgets} may contain any {@code /budgets} row; only
     * those owned by a team or customer (and by no key or provider config) are used.
     */
    public static List<BudgetRow> rows(List<VirtualKey> keys, List<Lookups.Team> teams,
                                       List<Lookups.Customer> customers, List<OwnedBudget> teamCustomerBudgets,
                                       Instant now) {
        Map<String, Lookups.Team> teamById = new HashMap<>();
        teams.forEach(t -> teamById.put(t.id(), t));
        Map<String, String> customerName = new HashMap<>();
        customers.forEach(c -> customerName.put(c.id(), c.name()));
        List<BudgetRow> out = new ArrayList<>(keys.size() * 3 + teamCustomerBudgets.size());

        for (OwnedBudget ob : teamCustomerBudgets) {
            if (ob.virtualKeyId() != null || ob.providerConfigId() != null) {
                continue;
            }
            Budget b = ob.budget();
            if (ob.teamId() != null) {
                Lookups.Team t = teamById.get(ob.teamId());
                String custId = t == null ? null : t.customerId();
                String teamName = t == null ? ob.teamId() : t.name();
                String custName = custId == null ? null : customerName.getOrDefault(custId, custId);
                out.add(budgetRow(b, false, BudgetKind.TEAM_BUDGET, custId, custName, ob.teamId(), teamName,
                        null, null, true, null, null, "", chain(custName, teamName, null, null), now));
            } else if (ob.customerId() != null) {
                String custName = customerName.getOrDefault(ob.customerId(), ob.customerId());
                out.add(budgetRow(b, false, BudgetKind.CUSTOMER_BUDGET, ob.customerId(), custName, null, null,
                        null, null, true, null, null, "", chain(custName, null, null, null), now));
            }
        }

        // team and customer rate limits (lookups carry them; the /rate-limits rows have no owner)
        for (Lookups.Team t : teams) {
            String custName = t.customerId() == null ? null : customerName.getOrDefault(t.customerId(), t.customerId());
            addOwnerRateLimit(out, t.rateLimit(), true, t.customerId(), custName, t.id(), t.name(),
                    chain(custName, t.name(), null, null), now);
        }
        for (Lookups.Customer c : customers) {
            addOwnerRateLimit(out, c.rateLimit(), false, c.id(), c.name(), null, null,
                    chain(c.name(), null, null, null), now);
        }

        for (VirtualKey vk : keys) {
            String teamId = vk.teamId();
            Lookups.Team t = teamId == null ? null : teamById.get(teamId);
            String teamName = teamId == null ? null : t == null ? teamId : t.name();
            String custId = vk.customerId() != null ? vk.customerId() : t == null ? null : t.customerId();
            String custName = custId == null ? null : customerName.getOrDefault(custId, custId);
            boolean aligned = vk.calendarAligned();
            String keyChain = chain(custName, teamName, vk.name(), null);
            Owner o = new Owner(custId, custName, teamId, teamName, vk.id(), vk.name(), vk.active());

            List<Budget> budgets = vk.budgets();
            for (int i = 0; i < budgets.size(); i++) {
                out.add(budgetRow(budgets.get(i), aligned, BudgetKind.VK_BUDGET, o, null, null, "budgets/" + i,
                        keyChain, now));
            }
            addRateLimit(out, vk.rateLimit(), aligned, o, null, null, "rate_limit", keyChain, false, now);

            List<ProviderConfig> pcs = vk.providerConfigs();
            for (int p = 0; p < pcs.size(); p++) {
                ProviderConfig pc = pcs.get(p);
                String pcChain = keyChain + SEP + pc.provider();
                String prefix = "provider_configs/" + p + "/";
                List<Budget> pb = pc.budgets();
                for (int i = 0; i < pb.size(); i++) {
                    out.add(budgetRow(pb.get(i), aligned, BudgetKind.PROVIDER_CONFIG_BUDGET, o, pc.id(),
                            pc.provider(), prefix + "budgets/" + i, pcChain, now));
                }
                addRateLimit(out, pc.rateLimit(), aligned, o, pc.id(), pc.provider(), prefix + "rate_limit",
                        pcChain, true, now);
            }
        }
        return out;
    }

    private record Owner(String customerId, String customerName, String teamId, String teamName, String vkId,
                         String vkName, boolean active) {
    }

    private static BudgetRow budgetRow(Budget b, boolean aligned, BudgetKind kind, Owner o, Long pcId,
                                       String provider, String path, String chain, Instant now) {
        return budgetRow(b, aligned, kind, o.customerId, o.customerName, o.teamId, o.teamName, o.vkId, o.vkName,
                o.active, pcId, provider, path, chain, now);
    }

    private static BudgetRow budgetRow(Budget b, boolean ownerAligned, BudgetKind kind, String custId,
                                       String custName, String teamId, String teamName, String vkId,
                                       String vkName, boolean active, Long pcId, String provider, String path,
                                       String chain, Instant now) {
        boolean aligned = ownerAligned || b.calendarAligned();
        return row(kind, custId, custName, teamId, teamName, vkId, vkName, active, pcId, provider,
                b.maxLimit() == null ? 0 : b.maxLimit(), b.currentUsage(), b.resetDuration(), aligned,
                b.lastReset(), path, chain, now);
    }

    private static void addRateLimit(List<BudgetRow> out, RateLimit r, boolean aligned, Owner o, Long pcId,
                                     String provider, String path, String chain, boolean pc, Instant now) {
        if (r == null) {
            return;
        }
        if (r.tokenMaxLimit() != null) {
            out.add(row(pc ? BudgetKind.PROVIDER_CONFIG_TOKEN_LIMIT : BudgetKind.VK_TOKEN_LIMIT, o.customerId,
                    o.customerName, o.teamId, o.teamName, o.vkId, o.vkName, o.active, pcId, provider,
                    r.tokenMaxLimit(), r.tokenCurrentUsage(), r.tokenResetDuration(), aligned, r.tokenLastReset(),
                    path, chain, now));
        }
        if (r.requestMaxLimit() != null) {
            out.add(row(pc ? BudgetKind.PROVIDER_CONFIG_REQUEST_LIMIT : BudgetKind.VK_REQUEST_LIMIT, o.customerId,
                    o.customerName, o.teamId, o.teamName, o.vkId, o.vkName, o.active, pcId, provider,
                    r.requestMaxLimit(), r.requestCurrentUsage(), r.requestResetDuration(), aligned,
                    r.requestLastReset(), path, chain, now));
        }
    }

    private static void addOwnerRateLimit(List<BudgetRow> out, RateLimit r, boolean team, String custId,
                                          String custName, String teamId, String teamName, String chain,
                                          Instant now) {
        if (r == null) {
            return;
        }
        if (r.tokenMaxLimit() != null) {
            out.add(row(team ? BudgetKind.TEAM_TOKEN_LIMIT : BudgetKind.CUSTOMER_TOKEN_LIMIT, custId, custName,
                    teamId, teamName, null, null, true, null, null, r.tokenMaxLimit(), r.tokenCurrentUsage(),
                    r.tokenResetDuration(), false, r.tokenLastReset(), "", chain, now));
        }
        if (r.requestMaxLimit() != null) {
            out.add(row(team ? BudgetKind.TEAM_REQUEST_LIMIT : BudgetKind.CUSTOMER_REQUEST_LIMIT, custId, custName,
                    teamId, teamName, null, null, true, null, null, r.requestMaxLimit(), r.requestCurrentUsage(),
                    r.requestResetDuration(), false, r.requestLastReset(), "", chain, now));
        }
    }

    private static BudgetRow row(BudgetKind kind, String custId, String custName, String teamId, String teamName,
                                 String vkId, String vkName, boolean active, Long pcId, String provider,
                                 double limit, double reportedUsage, String duration, boolean aligned,
                                 Instant lastReset, String path, String chain, Instant now) {
        boolean expired = BudgetMath.windowExpired(duration, lastReset, aligned, now);
        Instant next = BudgetMath.nextReset(duration, lastReset, aligned, now);
        Instant start = BudgetMath.windowStart(duration, lastReset, aligned, now);
        return new BudgetRow(custId, custName, teamId, teamName, vkId, vkName, active, pcId, provider, kind, limit,
                expired ? 0 : reportedUsage, duration, aligned, lastReset, start, next,
                BudgetMath.timeLeft(next, now), expired, path, chain);
    }

    static String chain(String customer, String team, String key, String provider) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {customer, team, key, provider}) {
            if (part != null) {
                if (!sb.isEmpty()) {
                    sb.append(SEP);
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }

    /** Highest fraction first; ties by less time left, then by owner chain (a stable order for equal rows). */
    public static final Comparator<BudgetRow> CLOSEST_TO_EXHAUSTION = Comparator
            .comparingDouble(BudgetRow::fraction).reversed()
            .thenComparing(r -> r.timeLeft() == null ? java.time.Duration.ofDays(100_000) : r.timeLeft())
            .thenComparing(BudgetRow::ownerChain);

    /**
     * The {@code n} keys closest to exhaustion: each key represented by its row with the highest fraction
     * (over its own and its provider configs' budgets and rate limits), best first. Team and customer rows are
     * not keys and are left out.
     */
    public static List<BudgetRow> topConsumers(List<BudgetRow> rows, int n) {
        Map<String, BudgetRow> worst = new LinkedHashMap<>();
        for (BudgetRow r : rows) {
            if (r.vkId() == null || r.limit() <= 0) {
                continue;
            }
            worst.merge(r.vkId(), r, (a, b) -> CLOSEST_TO_EXHAUSTION.compare(a, b) <= 0 ? a : b);
        }
        return worst.values().stream().sorted(CLOSEST_TO_EXHAUSTION).limit(n).toList();
    }
}
