package bifrostdesk.bulk;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.ProgressListener;
import bifrostdesk.virtualkey.api.VkQuery;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;

/** A sandbox of one dialect with a client that found the dialect by itself, and helpers to compare keys. */
final class BulkFixture implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final SandboxServer sandbox;
    final BifrostClient client;
    final Dialect dialect;

    BulkFixture(Dialect dialect, Seed seed) throws ApiException {
        this.dialect = dialect;
        this.sandbox = SandboxServer.start(SandboxOptions.defaults().withDialect(dialect).withSeed(seed));
        this.client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        if (client.detectDialect() != dialect) {
            throw new IllegalStateException("detected another dialect");
        }
    }

    static BulkFixture start(Dialect dialect) throws ApiException {
        return new BulkFixture(dialect, Seed.SMALL);
    }

    /** Every key as GET serves it (the list lacks some GET-only v2 fields). */
    List<VirtualKey> readAll() throws ApiException {
        List<VirtualKey> out = new ArrayList<>();
        for (VirtualKey k : client.listAllVirtualKeys(VkQuery.firstPage(), ProgressListener.NONE)) {
            out.add(client.getVirtualKey(k.id()));
        }
        return out;
    }

    BulkSender sender(BulkPlanner planner) {
        return new BulkSender(client, planner, 3);
    }

    /**
     * A key reduced to what a bulk change must keep or make: no timestamps, no value, no server ids (new entries
     * get ids from the server), and with {@code zeroUsage} every counter at 0.
     */
    static VirtualKey comparable(VirtualKey k, boolean zeroUsage) {
        List<ProviderConfig> pcs = new ArrayList<>();
        for (ProviderConfig pc : k.providerConfigs()) {
            List<ModelBudget> mbs = new ArrayList<>();
            for (ModelBudget mb : pc.modelBudgets()) {
                mbs.add(new ModelBudget(mb.modelName(), budgets(mb.budgets(), zeroUsage), rate(mb.rateLimit())));
            }
            pcs.add(new ProviderConfig(null, pc.provider(), pc.weight(), pc.allowedModels(), pc.allowAllKeys(),
                    pc.keys(), budgets(pc.budgets(), zeroUsage), rate(pc.rateLimit()), pc.blacklistedModels(), mbs));
        }
        List<McpConfig> mcps = k.mcpConfigs().stream().map(m -> new McpConfig(null, m.mcpClientName(),
                m.toolsToExecute())).toList();
        return new VirtualKey(k.id(), k.name(), k.description(), null, k.active(), k.teamId(), k.customerId(),
                budgets(k.budgets(), zeroUsage), rate(k.rateLimit()), pcs, mcps, k.calendarAligned(), k.configHash(),
                k.createdAt(), null, k.expiresAt(), new bifrostdesk.virtualkey.model.V2Fields(k.v2().allowAllProviders(),
                k.businessUnitId(), null, k.v2().deleteAfterExpire(), k.v2().disableContentLogging(),
                k.v2().agentGrants(), k.v2().metadata(), k.v2().virtualMcpIds(), k.v2().assignedUser(),
                k.v2().accessProfileManaged(), null, null));
    }

    /**
     * {@code expected} with each new budget (no id yet) given the usage the server gave it in {@code after}: some
     * servers start a new budget with the usage of the closest shorter one (REFERENCE §2.6.3), and the plan says so.
     */
    static VirtualKey withNewBudgetUsage(VirtualKey expected, VirtualKey after) {
        VirtualKey out = expected.withBudgets(adopt(expected.budgets(), after.budgets()));
        List<ProviderConfig> pcs = new ArrayList<>();
        for (int i = 0; i < out.providerConfigs().size(); i++) {
            ProviderConfig pc = out.providerConfigs().get(i);
            List<Budget> theirs = i < after.providerConfigs().size() ? after.providerConfigs().get(i).budgets()
                    : List.of();
            pcs.add(pc.withBudgets(adopt(pc.budgets(), theirs)));
        }
        return out.withProviderConfigs(pcs);
    }

    private static List<Budget> adopt(List<Budget> mine, List<Budget> theirs) {
        return mine.stream().map(b -> b.id() != null ? b : theirs.stream()
                .filter(t -> t.resetDuration().equals(b.resetDuration())).findFirst()
                .map(t -> new Budget(null, b.maxLimit(), b.resetDuration(), t.currentUsage(), null,
                        b.calendarAligned(), b.quarterStartMonth(), b.override())).orElse(b)).toList();
    }

    private static List<Budget> budgets(List<Budget> list, boolean zeroUsage) {
        return list.stream().map(b -> new Budget(null, b.maxLimit(), b.resetDuration(),
                zeroUsage ? 0 : b.currentUsage(), null, b.calendarAligned(), b.quarterStartMonth(), b.override()))
                .toList();
    }

    private static RateLimit rate(RateLimit r) {
        return r == null ? null : RateLimit.of(r.tokenMaxLimit(), r.tokenResetDuration(), r.requestMaxLimit(),
                r.requestResetDuration());
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
