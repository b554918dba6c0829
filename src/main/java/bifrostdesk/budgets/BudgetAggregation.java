package bifrostdesk.budgets;

import bifrostdesk.virtualkey.api.OwnedBudget;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
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
     * per provider config the same, and per model under a provider config (v2) the same. {@code teamCustomerBudgets} may contain any {@code /budgets} row; only
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
                        null, null, true, null, null, "", chain(custName, teamName, null, null), null, now));
            } else if (ob.customerId() != null) {
                String custName = customerName.getOrDefault(ob.customerId(), ob.customerId());
                out.add(budgetRow(b, false, BudgetKind.CUSTOMER_BUDGET, ob.customerId(), custName, null, null,
                        null, null, true, null, null, "", chain(custName, null, null, null), null, now));
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
            // a business unit owns a key alone (REFERENCE-v2.md §11.8): it heads the chain where a customer would
            String buName = vk.businessUnitId() == null ? null : vk.v2().businessUnitName() != null
                    ? vk.v2().businessUnitName() : vk.businessUnitId();
            String keyChain = chain(custName != null ? custName : buName, teamName, vk.name(), null);
            Owner o = new Owner(custId, custName, teamId, teamName, vk.id(), vk.name(), vk.active());

            List<Budget> budgets = vk.budgets();
            for (int i = 0; i < budgets.size(); i++) {
                out.add(budgetRow(budgets.get(i), aligned, BudgetKind.VK_BUDGET, o, null, null,
                        NodePath.budget("", i), keyChain, now));
            }
            addRateLimit(out, vk.rateLimit(), aligned, o, null, null, NodePath.rateLimit(""), keyChain, false, now);

            List<ProviderConfig> pcs = vk.providerConfigs();
            for (int p = 0; p < pcs.size(); p++) {
                ProviderConfig pc = pcs.get(p);
                String pcChain = keyChain + SEP + pc.provider();
                String pcPath = NodePath.provider(p);
                List<Budget> pb = pc.budgets();
                for (int i = 0; i < pb.size(); i++) {
                    out.add(budgetRow(pb.get(i), aligned, BudgetKind.PROVIDER_CONFIG_BUDGET, o, pc.id(),
                            pc.provider(), NodePath.budget(pcPath, i), pcChain, now));
                }
                addRateLimit(out, pc.rateLimit(), aligned, o, pc.id(), pc.provider(), NodePath.rateLimit(pcPath),
                        pcChain, true, now);
                ModelRows.add(out, pc, p, o, aligned, pcChain, now);
            }
        }
        return out;
    }

    /** The key a limit belongs to, and its owners. */
    record Owner(String customerId, String customerName, String teamId, String teamName, String vkId,
                 String vkName, boolean active) {
    }

    static BudgetRow budgetRow(Budget b, boolean aligned, BudgetKind kind, Owner o, Long pcId,
                               String provider, String path, String chain, Instant now) {
        return budgetRow(b, aligned, kind, o.customerId, o.customerName, o.teamId, o.teamName, o.vkId, o.vkName,
                o.active, pcId, provider, path, chain, null, now);
    }

    /**
     * A budget's row against its effective limit (base plus a live override, REFERENCE-v2.md §11.5.6), so an
     * overridden budget within that limit is under 100 %; the row's note says how the limit is made up.
     */
    static BudgetRow budgetRow(Budget b, boolean ownerAligned, BudgetKind kind, String custId,
                               String custName, String teamId, String teamName, String vkId,
                               String vkName, boolean active, Long pcId, String provider, String path,
                               String chain, String model, Instant now) {
        boolean aligned = ownerAligned || b.calendarAligned();
        BudgetRow r = row(kind, custId, custName, teamId, teamName, vkId, vkName, active, pcId, provider,
                b.effectiveLimit() == null ? 0 : b.effectiveLimit(), b.currentUsage(), b.resetDuration(), aligned,
                b.lastReset(), path, chain, now, b.quarterStartMonth());
        return r.withModel(model, limitNote(b));
    }

    /** "base $100.00 + $50.00 override, 2 of 3 cycles left" for a budget with a live override, else "". */
    static String limitNote(Budget b) {
        if (!b.hasActiveOverride()) {
            return "";
        }
        BudgetOverride o = b.override();
        String rest = BudgetOverride.FOREVER.equals(o.mode()) ? ", no end"
                : ", " + o.cyclesRemaining() + (o.cyclesTotal() == null ? "" : " of " + o.cyclesTotal())
                + " cycles left";
        return "base " + BudgetKind.MODEL_BUDGET.format(b.maxLimit()) + " + "
                + BudgetKind.MODEL_BUDGET.format(o.amount()) + " override" + rest;
    }

    private static void addRateLimit(List<BudgetRow> out, RateLimit r, boolean aligned, Owner o, Long pcId,
                                     String provider, String path, String chain, boolean pc, Instant now) {
        addRateLimit(out, r, aligned, o, pcId, provider, path, chain,
                pc ? BudgetKind.PROVIDER_CONFIG_TOKEN_LIMIT : BudgetKind.VK_TOKEN_LIMIT,
                pc ? BudgetKind.PROVIDER_CONFIG_REQUEST_LIMIT : BudgetKind.VK_REQUEST_LIMIT, now);
    }

    /** The token and request rows of a rate limit, of the given kinds. */
    static void addRateLimit(List<BudgetRow> out, RateLimit r, boolean aligned, Owner o, Long pcId,
                             String provider, String path, String chain, BudgetKind tokens, BudgetKind requests,
                             Instant now) {
        if (r == null) {
            return;
        }
        if (r.tokenMaxLimit() != null) {
            out.add(row(tokens, o.customerId,
                    o.customerName, o.teamId, o.teamName, o.vkId, o.vkName, o.active, pcId, provider,
                    r.tokenMaxLimit(), r.tokenCurrentUsage(), r.tokenResetDuration(), aligned, r.tokenLastReset(),
                    path, chain, now));
        }
        if (r.requestMaxLimit() != null) {
            out.add(row(requests, o.customerId,
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
        return row(kind, custId, custName, teamId, teamName, vkId, vkName, active, pcId, provider, limit,
                reportedUsage, duration, aligned, lastReset, path, chain, now, null);
    }

    private static BudgetRow row(BudgetKind kind, String custId, String custName, String teamId, String teamName,
                                 String vkId, String vkName, boolean active, Long pcId, String provider,
                                 double limit, double reportedUsage, String duration, boolean aligned,
                                 Instant lastReset, String path, String chain, Instant now, Integer quarterMonth) {
        boolean expired = BudgetMath.windowExpired(duration, lastReset, aligned, now, quarterMonth);
        Instant next = BudgetMath.nextReset(duration, lastReset, aligned, now, quarterMonth);
        Instant start = BudgetMath.windowStart(duration, lastReset, aligned, now, quarterMonth);
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
