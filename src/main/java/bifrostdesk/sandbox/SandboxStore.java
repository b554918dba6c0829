package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.AccessProfileRec;
import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.BusinessUnitRec;
import bifrostdesk.sandbox.Records.CustomerRec;
import bifrostdesk.sandbox.Records.KeyRec;
import bifrostdesk.sandbox.Records.McpClientRec;
import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.ProviderRec;
import bifrostdesk.sandbox.Records.RateLimitRec;
import bifrostdesk.sandbox.Records.TeamRec;
import bifrostdesk.sandbox.Records.VirtualMcpRec;
import bifrostdesk.sandbox.Records.VkRec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All sandbox state. One lock guards everything: handlers take {@link #lock()} for the whole request.
 * Public so that {@link SyntheticData} users (benchmarks) can fill one.
 */
public final class SandboxStore {
    private final ReentrantLock lock = new ReentrantLock();
    final Map<String, ProviderRec> providers = new TreeMap<>();
    final Map<String, McpClientRec> mcpClients = new LinkedHashMap<>();
    final Map<String, TeamRec> teams = new LinkedHashMap<>();
    final Map<String, CustomerRec> customers = new LinkedHashMap<>();
    final Map<String, VkRec> vks = new LinkedHashMap<>();
    /** V2 (enterprise-ish) owners, profiles and Virtual MCPs; empty on older dialects. */
    final Map<String, BusinessUnitRec> businessUnits = new LinkedHashMap<>();
    final Map<String, AccessProfileRec> accessProfiles = new LinkedHashMap<>();
    final Map<Long, VirtualMcpRec> virtualMcps = new TreeMap<>();
    private final AtomicLong vmcpSeq = new AtomicLong(1);
    private final Map<String, KeyRec> keysByUuid = new HashMap<>();
    private final AtomicLong pcSeq = new AtomicLong(1);
    private final AtomicLong mcpCfgSeq = new AtomicLong(1);
    private final AtomicLong keySeq = new AtomicLong(1);
    private final AtomicLong clientSeq = new AtomicLong(1);

    public ReentrantLock lock() {
        return lock;
    }

    public long nextPcId() {
        return pcSeq.getAndIncrement();
    }

    public long nextMcpConfigId() {
        return mcpCfgSeq.getAndIncrement();
    }

    public void addProvider(ProviderRec p) {
        providers.put(p.name, p);
    }

    public void addKey(KeyRec k) {
        k.dbId = keySeq.getAndIncrement();
        providers.computeIfAbsent(k.provider, ProviderRec::new).keys.add(k);
        keysByUuid.put(k.keyId, k);
    }

    public void addMcpClient(McpClientRec c) {
        c.dbId = clientSeq.getAndIncrement();
        mcpClients.put(c.name, c);
    }

    public void addTeam(TeamRec t) {
        teams.put(t.id, t);
    }

    public void addCustomer(CustomerRec c) {
        customers.put(c.id, c);
    }

    public void addBusinessUnit(BusinessUnitRec b) {
        businessUnits.put(b.id, b);
    }

    public void addAccessProfile(AccessProfileRec p) {
        accessProfiles.put(p.id, p);
    }

    /** Stores a Virtual MCP under a fresh id. */
    public void addVirtualMcp(VirtualMcpRec m) {
        m.id = vmcpSeq.getAndIncrement();
        virtualMcps.put(m.id, m);
    }

    /** Ids of the Virtual MCPs the VK is assigned to, ascending. */
    List<Long> virtualMcpIdsOf(String vkId) {
        List<Long> out = new ArrayList<>();
        virtualMcps.values().forEach(m -> {
            if (m.virtualKeyIds.contains(vkId)) {
                out.add(m.id);
            }
        });
        return out;
    }

    public void putVk(VkRec v) {
        vks.put(v.id, v);
    }

    KeyRec key(String uuid) {
        return keysByUuid.get(uuid);
    }

    McpClientRec mcpClientByDbId(long id) {
        for (McpClientRec c : mcpClients.values()) {
            if (c.dbId == id) {
                return c;
            }
        }
        return null;
    }

    VkRec vkByName(String name) {
        for (VkRec v : vks.values()) {
            if (v.name.equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** The VK that owns provider config {@code pcId}, or null. */
    VkRec ownerOfPc(long pcId) {
        for (VkRec v : vks.values()) {
            for (PcRec p : v.providerConfigs) {
                if (p.id == pcId) {
                    return v;
                }
            }
        }
        return null;
    }

    /** A budget with its owner foreign key. */
    record OwnedBudget(BudgetRec budget, String ownerField, Object ownerId) {
    }

    /** Every budget row with its owner, in a stable order. */
    List<OwnedBudget> allBudgets() {
        List<OwnedBudget> out = new ArrayList<>();
        for (TeamRec t : teams.values()) {
            t.budgets.forEach(b -> out.add(new OwnedBudget(b, "team_id", t.id)));
        }
        for (VkRec v : vks.values()) {
            v.budgets.forEach(b -> out.add(new OwnedBudget(b, "virtual_key_id", v.id)));
            for (PcRec p : v.providerConfigs) {
                p.budgets.forEach(b -> out.add(new OwnedBudget(b, "provider_config_id", p.id)));
                for (ModelBudgetRec m : p.modelBudgets) {
                    m.budgets.forEach(b -> out.add(new OwnedBudget(b, "model_config_id", m.id)));
                }
            }
        }
        for (AccessProfileRec a : accessProfiles.values()) {
            a.budgets.forEach(b -> out.add(new OwnedBudget(b, "access_profile_id", a.id)));
        }
        return out;
    }

    /** Every rate-limit row. */
    List<RateLimitRec> allRateLimits() {
        List<RateLimitRec> out = new ArrayList<>();
        for (TeamRec t : teams.values()) {
            if (t.rateLimit != null) {
                out.add(t.rateLimit);
            }
        }
        for (VkRec v : vks.values()) {
            if (v.rateLimit != null) {
                out.add(v.rateLimit);
            }
            for (PcRec p : v.providerConfigs) {
                if (p.rateLimit != null) {
                    out.add(p.rateLimit);
                }
                for (ModelBudgetRec m : p.modelBudgets) {
                    if (m.rateLimit != null) {
                        out.add(m.rateLimit);
                    }
                }
            }
        }
        for (AccessProfileRec a : accessProfiles.values()) {
            if (a.rateLimit != null) {
                out.add(a.rateLimit);
            }
        }
        return out;
    }

    /** Makes sure fresh ids never collide with seeded ones. */
    void bumpSequences() {
        long maxPc = 0;
        long maxMcp = 0;
        for (VkRec v : vks.values()) {
            for (PcRec p : v.providerConfigs) {
                maxPc = Math.max(maxPc, p.id);
            }
            for (Records.McpCfgRec m : v.mcpConfigs) {
                maxMcp = Math.max(maxMcp, m.id);
            }
        }
        pcSeq.set(Math.max(pcSeq.get(), maxPc + 1));
        long maxVmcp = virtualMcps.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        vmcpSeq.set(Math.max(vmcpSeq.get(), maxVmcp + 1));
        mcpCfgSeq.set(Math.max(mcpCfgSeq.get(), maxMcp + 1));
    }
}
