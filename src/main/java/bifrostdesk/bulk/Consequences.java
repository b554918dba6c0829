package bifrostdesk.bulk;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a bulk change does, added up over every key it changes: the sentences of the review's "consequences"
 * ("removes 12 budgets holding $1,840.00 of usage", "detaches 0 keys from their owners"). Counts compare each
 * key's server copy with its changed copy, so they hold for any operation. Not thread-safe; one per review.
 */
public final class Consequences {
    private int budgetsRemoved;
    private double usageRemoved;
    private int budgetsAdded;
    private int limitsChanged;
    private double limitBefore;
    private double limitAfter;
    private int detached;
    private int ownerChanged;
    private int configsRemoved;
    private int configsAdded;
    private int mcpDetached;
    private int mcpAttached;
    private int deactivated;
    private int activated;
    private int rateLimitsRemoved;
    private int expiryChanged;
    private int usageResetKeys;
    private double usageReset;
    private int rotated;
    private int deleted;
    private double usageDeleted;

    /** Adds one key's update: {@code server} before, {@code edited} after. */
    public void addUpdate(VirtualKey server, VirtualKey edited, boolean resetsUsage) {
        Set<String> kept = new HashSet<>();
        for (Budget b : allBudgets(edited)) {
            if (b.id() == null) {
                budgetsAdded++;
            } else {
                kept.add(b.id());
            }
        }
        for (Budget b : allBudgets(server)) {
            if (b.id() != null && !kept.contains(b.id())) {
                budgetsRemoved++;
                usageRemoved += b.currentUsage();
            }
        }
        java.util.Map<String, Budget> before = new java.util.HashMap<>();
        allBudgets(server).forEach(b -> before.put(b.id(), b));
        for (Budget b : allBudgets(edited)) {
            Budget was = b.id() == null ? null : before.get(b.id());
            if (was != null && !Objects.equals(was.maxLimit(), b.maxLimit())) {
                limitsChanged++;
                limitBefore += was.maxLimit() == null ? 0 : was.maxLimit();
                limitAfter += b.maxLimit() == null ? 0 : b.maxLimit();
            }
        }
        if (!server.isUnowned() && edited.isUnowned()) {
            detached++;
        } else if (!Objects.equals(server.teamId(), edited.teamId())
                || !Objects.equals(server.customerId(), edited.customerId())
                || !Objects.equals(server.businessUnitId(), edited.businessUnitId())) {
            ownerChanged++;
        }
        Set<Long> pcIds = new HashSet<>();
        for (ProviderConfig pc : edited.providerConfigs()) {
            if (pc.id() == null) {
                configsAdded++;
            } else {
                pcIds.add(pc.id());
            }
        }
        configsRemoved += (int) server.providerConfigs().stream().filter(pc -> !pcIds.contains(pc.id())).count();
        Set<String> mcpBefore = new HashSet<>();
        server.mcpConfigs().forEach(m -> mcpBefore.add(m.mcpClientName()));
        Set<String> mcpAfter = new HashSet<>();
        edited.mcpConfigs().forEach(m -> mcpAfter.add(m.mcpClientName()));
        mcpDetached += (int) mcpBefore.stream().filter(n -> !mcpAfter.contains(n)).count();
        mcpAttached += (int) mcpAfter.stream().filter(n -> !mcpBefore.contains(n)).count();
        if (server.active() && !edited.active()) {
            deactivated++;
        } else if (!server.active() && edited.active()) {
            activated++;
        }
        if (server.rateLimit() != null && edited.rateLimit() == null) {
            rateLimitsRemoved++;
        }
        if (!Objects.equals(server.expiresAt(), edited.expiresAt())) {
            expiryChanged++;
        }
        if (resetsUsage) {
            usageResetKeys++;
            usageReset += allBudgets(server).stream().mapToDouble(Budget::currentUsage).sum();
        }
    }

    /** Adds another tally (a chunk of keys planned on another thread). */
    public void add(Consequences o) {
        budgetsRemoved += o.budgetsRemoved;
        usageRemoved += o.usageRemoved;
        budgetsAdded += o.budgetsAdded;
        limitsChanged += o.limitsChanged;
        limitBefore += o.limitBefore;
        limitAfter += o.limitAfter;
        detached += o.detached;
        ownerChanged += o.ownerChanged;
        configsRemoved += o.configsRemoved;
        configsAdded += o.configsAdded;
        mcpDetached += o.mcpDetached;
        mcpAttached += o.mcpAttached;
        deactivated += o.deactivated;
        activated += o.activated;
        rateLimitsRemoved += o.rateLimitsRemoved;
        expiryChanged += o.expiryChanged;
        usageResetKeys += o.usageResetKeys;
        usageReset += o.usageReset;
        rotated += o.rotated;
        deleted += o.deleted;
        usageDeleted += o.usageDeleted;
    }

    public void addRotate() {
        rotated++;
    }

    public void addDelete(VirtualKey server) {
        deleted++;
        usageDeleted += allBudgets(server).stream().mapToDouble(Budget::currentUsage).sum();
    }

    /** Every budget of a key: its own, its provider configs' and their models'. */
    static List<Budget> allBudgets(VirtualKey vk) {
        List<Budget> out = new ArrayList<>(vk.budgets());
        for (ProviderConfig pc : vk.providerConfigs()) {
            out.addAll(pc.budgets());
            for (ModelBudget mb : pc.modelBudgets()) {
                out.addAll(mb.budgets());
            }
        }
        return out;
    }

    /** The sentences, most consequential first; the owner line is always there (it is the costly surprise). */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (deleted > 0) {
            out.add("deletes " + keys(deleted) + " for good, with budgets holding " + money(usageDeleted)
                    + " of usage");
        }
        if (rotated > 0) {
            out.add("gives " + keys(rotated) + " new values: applications using the current values stop working");
        }
        if (budgetsRemoved > 0) {
            out.add("removes " + count(budgetsRemoved, "budget") + " holding " + money(usageRemoved) + " of usage");
        }
        if (limitsChanged > 0) {
            out.add("changes the limit of " + count(limitsChanged, "budget") + " (together " + money(limitBefore)
                    + " → " + money(limitAfter) + ")");
        }
        if (budgetsAdded > 0) {
            // where a new budget starts is the server's rule (some take the usage of a shorter one): each plan says
            out.add("adds " + count(budgetsAdded, "budget"));
        }
        if (usageResetKeys > 0) {
            out.add("resets " + money(usageReset) + " of usage on " + keys(usageResetKeys));
        }
        out.add("detaches " + keys(detached) + " from their owners");
        if (ownerChanged > 0) {
            out.add("moves " + keys(ownerChanged) + " to another owner");
        }
        if (configsRemoved > 0) {
            out.add("removes " + count(configsRemoved, "provider config") + " with their budgets and rate limits");
        }
        if (configsAdded > 0) {
            out.add("adds " + count(configsAdded, "provider config"));
        }
        if (mcpDetached > 0) {
            out.add("detaches " + count(mcpDetached, "MCP client") + " (their tools stop working for those keys)");
        }
        if (mcpAttached > 0) {
            out.add("attaches " + count(mcpAttached, "MCP client"));
        }
        if (deactivated > 0) {
            out.add("deactivates " + keys(deactivated) + ": requests with them are refused at once");
        }
        if (activated > 0) {
            out.add("activates " + keys(activated));
        }
        if (rateLimitsRemoved > 0) {
            out.add("removes the rate limit of " + keys(rateLimitsRemoved));
        }
        if (expiryChanged > 0) {
            out.add("changes the expiry of " + keys(expiryChanged));
        }
        return out;
    }

    public int budgetsRemoved() {
        return budgetsRemoved;
    }

    public double usageRemoved() {
        return usageRemoved;
    }

    public int detached() {
        return detached;
    }

    public int limitsChanged() {
        return limitsChanged;
    }

    static String keys(int n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " key" : " keys");
    }

    private static String count(int n, String what) {
        return String.format(Locale.ROOT, "%,d", n) + " " + what + (n == 1 ? "" : "s");
    }

    static String money(double usd) {
        return String.format(Locale.ROOT, "$%,.2f", usd);
    }
}
