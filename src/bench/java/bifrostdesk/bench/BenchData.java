package bifrostdesk.bench;

import bifrostdesk.sandbox.SandboxStore;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.sandbox.SeedData;
import bifrostdesk.sandbox.SyntheticData;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.Json;
import bifrostdesk.virtualkey.api.VirtualKeyJson;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark inputs, all from the sandbox's own generator ({@link SyntheticData}, which the LARGE seed uses): the
 * router VK with N provider configs (3 budgets, 10 keys, 20 models each) and 50 MCP configs of 40 tools, as the
 * sandbox serves it; and the LARGE seed's 10,000+ VKs as one list response.
 */
public final class BenchData {
    public static final int MCPS = SyntheticData.SYNTH_MCP_CLIENTS;

    private BenchData() {
    }

    public static byte[] routerBytes(int pcs, Dialect dialect) {
        return SyntheticData.routerVkJson(pcs, MCPS, dialect).getBytes(StandardCharsets.UTF_8);
    }

    public static VirtualKey router(int pcs, Dialect dialect) {
        return parse(routerBytes(pcs, dialect), dialect);
    }

    public static VirtualKey parse(byte[] json, Dialect dialect) {
        try {
            return VirtualKeyJson.read(Json.mapper().readTree(json), dialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The LARGE seed's list, as {@code listAllVirtualKeys} returns it (same parse path, one page). */
    public static List<VirtualKey> largeSeedList(Dialect dialect) {
        SandboxStore store = SeedData.build(Seed.LARGE, dialect);
        try {
            JsonNode page = Json.mapper().readTree(SyntheticData.listJson(store, dialect));
            List<VirtualKey> out = new ArrayList<>();
            for (JsonNode vk : page.path("virtual_keys")) {
                out.add(VirtualKeyJson.read(vk, dialect));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code vk} with the weight of provider config {@code i} changed (a one-field edit). */
    public static VirtualKey editWeight(VirtualKey vk, int i, double weight) {
        List<ProviderConfig> pcs = new ArrayList<>(vk.providerConfigs());
        pcs.set(i, pcs.get(i).withWeight(weight));
        return vk.withProviderConfigs(pcs);
    }

    /** {@code vk} with the limit of budget 0 of provider config {@code i} changed. */
    public static VirtualKey editBudget(VirtualKey vk, int i, double limit) {
        List<ProviderConfig> pcs = new ArrayList<>(vk.providerConfigs());
        List<Budget> bs = new ArrayList<>(pcs.get(i).budgets());
        bs.set(0, bs.get(0).withMaxLimit(limit));
        pcs.set(i, pcs.get(i).withBudgets(bs));
        return vk.withProviderConfigs(pcs);
    }
}
