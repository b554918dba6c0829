package bifrostdesk.bulk;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reverse of a finished bulk change, built from the before-states it recorded: an operation that brings each
 * key back to its before-state, planned like any bulk change (re-read, reviewed, confirmed). A key changed on the
 * server after the bulk change is flagged ({@link BulkOperation#changedSinceReason}) rather than reverted over
 * someone's later save. Deletions and rotations cannot be reverted; those keys are left out and said so.
 */
public final class BulkUndo implements BulkOperation {
    private final String reverts;
    private final Map<String, VirtualKey> before = new HashMap<>();
    private final Map<String, Instant> afterAt = new HashMap<>();

    private BulkUndo(String reverts, List<KeyResult> sent) {
        this.reverts = reverts;
        for (KeyResult r : sent) {
            if (r.status() == KeyResult.Status.SENT && r.before() != null) {
                before.put(r.vkId(), r.before());
                afterAt.put(r.vkId(), r.after() == null ? null : r.after().updatedAt());
            }
        }
    }

    /**
     * The undo of {@code report}'s sent keys, or an explanation when it cannot be undone.
     *
     * @throws IllegalArgumentException for a deletion or rotation (there is no way back)
     */
    public static BulkUndo of(String operation, BulkOperation.Kind kind, List<KeyResult> results) {
        if (kind != BulkOperation.Kind.UPDATE) {
            throw new IllegalArgumentException(kind == BulkOperation.Kind.DELETE
                    ? "Deleted keys cannot be brought back." : "A rotated value cannot be given back.");
        }
        return new BulkUndo(operation, results);
    }

    /** The undo of a report (its kind is known from the operation that made it). */
    public static BulkUndo of(BulkReport report, BulkOperation op) {
        return of(report.operation(), op.kind(), report.results());
    }

    /** The ids of the keys to re-read and review. */
    public List<String> keyIds() {
        return List.copyOf(before.keySet());
    }

    @Override
    public String describe() {
        return "reverts \"" + reverts + "\" (budgets it removed come back with new usage counters)";
    }

    @Override
    public String changedSinceReason(VirtualKey server) {
        Instant at = afterAt.get(server.id());
        if (!before.containsKey(server.id())) {
            return "this key was not part of the change";
        }
        if (at == null || !Objects.equals(at, server.updatedAt())) {
            return "changed on the server after the bulk change (updated at " + server.updatedAt()
                    + "); open it to revert by hand";
        }
        return null;
    }

    /**
     * The before-state, fitted to the server's current copy: entries that still exist keep their ids (so they are
     * updated, not re-created), entries the change removed come back as new ones.
     */
    @Override
    public VirtualKey apply(VirtualKey server) {
        VirtualKey b = before.get(server.id());
        if (b == null) {
            return server;
        }
        Set<String> budgetIds = new HashSet<>();
        Consequences.allBudgets(server).forEach(x -> budgetIds.add(x.id()));
        Set<Long> pcIds = new HashSet<>();
        server.providerConfigs().forEach(pc -> pcIds.add(pc.id()));
        Set<Long> mcpIds = new HashSet<>();
        server.mcpConfigs().forEach(m -> mcpIds.add(m.id()));
        List<ProviderConfig> pcs = b.providerConfigs().stream().map(pc -> {
            List<ModelBudget> mbs = pc.modelBudgets().stream().map(mb -> new ModelBudget(mb.modelName(),
                    fit(mb.budgets(), budgetIds), mb.rateLimit())).toList();
            ProviderConfig p = new ProviderConfig(pcIds.contains(pc.id()) ? pc.id() : null, pc.provider(),
                    pc.weight(), pc.allowedModels(), pc.allowAllKeys(), pc.keys(), fit(pc.budgets(), budgetIds),
                    pc.rateLimit(), pc.blacklistedModels(), mbs);
            return p;
        }).toList();
        List<McpConfig> mcps = b.mcpConfigs().stream().map(m -> mcpIds.contains(m.id()) ? m
                : new McpConfig(null, m.mcpClientName(), m.toolsToExecute())).toList();
        RateLimit rl = b.rateLimit();
        return new VirtualKey(server.id(), b.name(), b.description(), server.value(), b.active(), b.teamId(),
                b.customerId(), fit(b.budgets(), budgetIds), rl, pcs, mcps, b.calendarAligned(), server.configHash(),
                server.createdAt(), server.updatedAt(), b.expiresAt(),
                b.v2().keepGetOnlyFrom(server.v2()));
    }

    private static List<Budget> fit(List<Budget> budgets, Set<String> existing) {
        return budgets.stream().map(x -> x.id() == null || existing.contains(x.id()) ? x
                : new Budget(null, x.maxLimit(), x.resetDuration(), 0, null, x.calendarAligned(),
                x.quarterStartMonth(), null)).toList();
    }
}
