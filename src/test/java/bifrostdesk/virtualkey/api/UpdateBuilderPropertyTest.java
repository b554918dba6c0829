package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import static bifrostdesk.virtualkey.api.UpdateBuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** For random edits, the PUT always states every kept provider config completely (the #7347 trap never fires). */
class UpdateBuilderPropertyTest {

    private static final List<KeyRef> KEYS = List.of(new KeyRef("k-1", "prod"), new KeyRef("k-2", "dev"),
            new KeyRef("k-3", "ci"));
    private static final List<String> MODELS = List.of("gpt-4", "gpt-4o", "claude-3", "o3");

    static VirtualKey randomEdit(long seed) {
        Random r = new Random(seed);
        VirtualKey s = server();
        List<ProviderConfig> pcs = new ArrayList<>();
        for (ProviderConfig pc : s.providerConfigs()) {
            if (r.nextInt(4) == 0) {
                continue; // deleted
            }
            pcs.add(mutate(pc, r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            pcs.add(mutate(ProviderConfig.newConfig(r.nextBoolean() ? "groq" : "bedrock"), r));
        }
        Collections.shuffle(pcs, r);
        VirtualKey e = s.withProviderConfigs(pcs);
        switch (r.nextInt(4)) {
            case 0 -> e = e.withOwner(null, null);
            case 1 -> e = e.withCustomer("c-" + r.nextInt(3));
            default -> { }
        }
        if (r.nextBoolean()) {
            e = e.withName("n" + r.nextInt(10));
        }
        if (r.nextBoolean()) {
            e = e.withRateLimit(randomRateLimit(r));
        }
        return e;
    }

    static ProviderConfig mutate(ProviderConfig pc, Random r) {
        ProviderConfig out = pc;
        if (r.nextBoolean()) {
            out = out.withWeight(r.nextInt(3) == 0 ? null : (double) r.nextInt(10) / 10);
        }
        if (r.nextBoolean()) {
            out = out.withAllowedModels(r.nextInt(3) == 0 ? List.of("*") : subset(MODELS, r));
        }
        if (r.nextBoolean()) {
            out = r.nextInt(3) == 0 ? out.withKeys(true, List.of()) : out.withKeys(false, subset(KEYS, r));
        }
        if (r.nextInt(4) == 0) {
            out = out.withBlacklistedModels(subset(MODELS, r));
        }
        if (r.nextBoolean()) {
            List<Budget> bs = new ArrayList<>();
            for (Budget b : out.budgets()) {
                if (r.nextBoolean()) {
                    bs.add(b.withMaxLimit(1.0 + r.nextInt(100)));
                }
            }
            if (r.nextBoolean()) {
                bs.add(Budget.newBudget(5.0, "1w"));
            }
            out = out.withBudgets(bs);
        }
        if (r.nextBoolean()) {
            out = out.withRateLimit(randomRateLimit(r));
        }
        return out;
    }

    /** What the server returns after saving: every config and budget has an id. */
    static VirtualKey asSaved(VirtualKey e) {
        List<ProviderConfig> pcs = new ArrayList<>();
        long next = 1000;
        int budgetId = 0;
        for (ProviderConfig pc : e.providerConfigs()) {
            List<Budget> bs = new ArrayList<>();
            for (Budget b : pc.budgets()) {
                bs.add(b.id() != null ? b : new Budget("nb-" + budgetId++, b.maxLimit(), b.resetDuration(), 0, null, false));
            }
            pcs.add(new ProviderConfig(pc.id() != null ? pc.id() : next++, pc.provider(), pc.weight(), pc.allowedModels(),
                    pc.allowAllKeys(), pc.keys(), bs, pc.rateLimit()));
        }
        return e.withProviderConfigs(pcs);
    }

    static RateLimit randomRateLimit(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> RateLimit.of(100L, "1h", null, null);
            case 2 -> RateLimit.of(null, null, 10L, "1m");
            default -> RateLimit.of(100L, "1h", 10L, "1m");
        };
    }

    static <T> List<T> subset(List<T> all, Random r) {
        List<T> out = new ArrayList<>();
        for (T t : all) {
            if (r.nextBoolean()) {
                out.add(t);
            }
        }
        return out;
    }

    @Property(tries = 300)
    void everyKeptConfigIsResentWithIdKeysModelsAndWeight(@ForAll long seed, @ForAll Dialect dialect) {
        VirtualKey server = server();
        VirtualKey edited = randomEdit(seed);
        SavePlan plan = UpdateBuilder.planUpdate(edited, server, dialect);
        if (edited.equals(server)) {
            // a random "edit" can change nothing (seed -913115): then nothing is sent and nothing refused
            assertThat(plan.requests()).isEmpty();
            assertThat(plan.changes()).containsExactly("No changes");
            return;
        }
        if (plan.isRefused()) {
            assertThat(plan.requests()).isEmpty();
            return;
        }
        assertThat(plan.requests()).isNotEmpty();
        assertThat(plan.changes()).isNotEmpty().doesNotContain("No changes");
        for (PlannedRequest req : plan.requests()) {
            assertThat(req.method()).isEqualTo("PUT");
            JsonNode body = req.body();
            assertThat(body.has("name") && body.has("description") && body.has("is_active")).isTrue();
            // ownership is always stated (A detaches when both are omitted)
            String team = req == plan.requests().get(0) && plan.requests().size() == 2 ? server.teamId() : edited.teamId();
            if (team != null) {
                assertThat(body.path("team_id").asText()).isEqualTo(team);
            }
        }
        JsonNode last = plan.requests().get(plan.requests().size() - 1).body();
        JsonNode items = last.get("provider_configs");
        assertThat(items).hasSize(edited.providerConfigs().size());
        Map<Long, JsonNode> sentById = new HashMap<>();
        for (JsonNode item : items) {
            assertThat(item.has("weight")).isTrue();
            assertThat(item.get("allowed_models").isArray()).isTrue();
            String keyField = dialect == Dialect.LEGACY ? "allowed_keys" : "key_ids";
            assertThat(item.get(keyField).isArray()).as("%s in %s", keyField, item).isTrue();
            if (item.has("id")) {
                assertThat(sentById.put(item.get("id").asLong(), item)).isNull();
            }
        }
        for (ProviderConfig pc : edited.providerConfigs()) {
            if (pc.id() == null) {
                continue;
            }
            JsonNode item = sentById.get(pc.id());
            assertThat(item).as("kept config %s", pc.id()).isNotNull();
            if (dialect != Dialect.LEGACY) {
                List<String> ids = new ArrayList<>();
                item.get("key_ids").forEach(n -> ids.add(n.asText()));
                assertThat(ids).isEqualTo(pc.keyIds());
            }
            if (dialect.atLeast(Dialect.LATER)) {
                List<String> blocked = new ArrayList<>();
                item.get("blacklisted_models").forEach(n -> blocked.add(n.asText()));
                assertThat(blocked).isEqualTo(pc.blacklistedModels());
            }
        }
        assertThat(sentById.keySet()).allMatch(id -> edited.providerConfigs().stream().anyMatch(p -> id.equals(p.id())));
    }

    @Property(tries = 100)
    void replanningTheSavedStateIsANoOp(@ForAll long seed, @ForAll Dialect dialect) {
        VirtualKey saved = asSaved(randomEdit(seed));
        SavePlan plan = UpdateBuilder.planUpdate(saved, saved, dialect);
        assertThat(plan.requests()).isEmpty();
        assertThat(plan.changes()).containsExactly("No changes");
    }
}
