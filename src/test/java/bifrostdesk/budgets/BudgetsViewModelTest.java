package bifrostdesk.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.sandbox.SandboxOptions;
import bifrostdesk.sandbox.SandboxServer;
import bifrostdesk.sandbox.Seed;
import bifrostdesk.sandbox.SyntheticData;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.api.OwnedBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review over the LARGE sandbox (10,008 keys), loaded through the real client. */
class BudgetsViewModelTest {
    private static SandboxServer sandbox;
    private static BifrostClient client;
    private static BudgetsViewModel vm;
    private static List<VirtualKey> keys;
    private static final List<String[]> opened = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withSeed(Seed.LARGE));
        client = new BifrostClient(ServerEndpoint.of(sandbox.baseUrl()));
        vm = new BudgetsViewModel(client, new DirectTaskRunner(), new ScriptedDialogs(), (id, path) -> opened.add(new String[] {id, path}));
        vm.refresh();
        keys = client.listAllVirtualKeys(bifrostdesk.virtualkey.api.VkQuery.firstPage(),
                bifrostdesk.virtualkey.api.ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static int subLimits(RateLimit r) {
        return r == null ? 0 : (r.tokenMaxLimit() != null ? 1 : 0) + (r.requestMaxLimit() != null ? 1 : 0);
    }

    private static BudgetRow row(String keyName, String path) {
        return vm.rows().stream().filter(r -> keyName.equals(r.vkName()) && path.equals(r.nodePath()))
                .findFirst().orElseThrow();
    }

    private static String id(String keyName) {
        return sandbox.vkIdByName(keyName);
    }

    @Test
    void oneRowPerBudgetLineOnTheServer() throws Exception {
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(keys).hasSizeGreaterThanOrEqualTo(SyntheticData.GENERATED_VKS + 8);
        long expected = 0;
        for (VirtualKey k : keys) {
            expected += k.budgets().size() + subLimits(k.rateLimit());
            for (ProviderConfig pc : k.providerConfigs()) {
                expected += pc.budgets().size() + subLimits(pc.rateLimit());
                for (var mb : pc.modelBudgets()) { // v2 per-model budgets are rows too
                    expected += mb.budgets().size() + subLimits(mb.rateLimit());
                }
            }
        }
        List<OwnedBudget> ownerBudgets = client.budgets().stream()
                .filter(b -> b.virtualKeyId() == null && b.providerConfigId() == null
                        && (b.teamId() != null || b.customerId() != null)).toList();
        assertThat(ownerBudgets).isNotEmpty();
        expected += ownerBudgets.size();
        for (var t : client.teams()) {
            expected += subLimits(t.rateLimit());
        }
        for (var c : client.customers()) {
            expected += subLimits(c.rateLimit());
        }
        assertThat(vm.rows()).hasSize((int) expected);
        assertThat(vm.lastLoadedAtProperty().get()).isNotNull();
        assertThat(vm.statusProperty().get()).contains(keys.size() + " keys");
        assertThat(vm.providers()).contains("openai", "anthropic", "azure");
    }

    @Test
    void ownerChainsAndEditorPaths() {
        BudgetRow teamBudget = vm.rows().stream().filter(r -> r.kind() == BudgetKind.TEAM_BUDGET
                && "Platform".equals(r.teamName())).findFirst().orElseThrow();
        assertThat(teamBudget.ownerChain()).isEqualTo("Acme Corp › Platform");
        assertThat(teamBudget.nodePath()).isEmpty();
        assertThat(teamBudget.vkId()).isNull();
        assertThat(teamBudget.limit()).isEqualTo(5000);
        assertThat(teamBudget.usage()).isEqualTo(3100);

        BudgetRow day = row("checkout-service", "budgets/0");
        assertThat(day.ownerChain()).isEqualTo("Acme Corp › Platform › checkout-service");
        assertThat(day.kind()).isEqualTo(BudgetKind.VK_BUDGET);
        assertThat(day.vkId()).isEqualTo(id("checkout-service"));
        assertThat(day.resetDuration()).isEqualTo("1d");

        BudgetRow pc = row("checkout-service", "provider_configs/0/budgets/0");
        assertThat(pc.ownerChain()).isEqualTo("Acme Corp › Platform › checkout-service › openai");
        assertThat(pc.kind()).isEqualTo(BudgetKind.PROVIDER_CONFIG_BUDGET);
        assertThat(pc.provider()).isEqualTo("openai");

        assertThat(vm.rows().stream().filter(r -> "checkout-service".equals(r.vkName())
                && r.nodePath().equals("rate_limit")).map(BudgetRow::kind))
                .containsExactlyInAnyOrder(BudgetKind.VK_TOKEN_LIMIT, BudgetKind.VK_REQUEST_LIMIT);
        assertThat(vm.rows().stream().filter(r -> "checkout-service".equals(r.vkName())
                && r.nodePath().equals("provider_configs/0/rate_limit")).count()).isEqualTo(2);

        BudgetRow support = row("support-bot", "budgets/0");
        assertThat(support.ownerChain()).isEqualTo("Globex › support-bot");
        assertThat(support.nextReset()).isAfter(vm.lastLoadedAtProperty().get());
        assertThat(support.timeLeft()).isPositive();
    }

    @Test
    void sortingByFractionFindsTheTenKeysClosestToExhaustion() {
        Map<String, Double> worstByKey = new HashMap<>();
        for (BudgetRow r : vm.rows()) {
            if (r.vkId() != null && r.limit() > 0) {
                worstByKey.merge(r.vkId(), r.fraction(), Math::max);
            }
        }
        List<Double> top = worstByKey.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
        assertThat(vm.topConsumers()).hasSize(10);
        assertThat(vm.topConsumers().stream().map(BudgetRow::fraction).toList()).isEqualTo(top);
        assertThat(vm.topConsumers().stream().map(BudgetRow::vkId).distinct()).hasSize(10);
        // The default table order (no column sort) is the same: closest to exhaustion first.
        assertThat(vm.sortedRows().get(0).fraction()).isEqualTo(top.get(0));
    }

    @Test
    void filtersNarrowTheRows() {
        try {
            vm.exhaustedOnlyProperty().set(true);
            assertThat(vm.sortedRows()).isNotEmpty().allMatch(BudgetRow::exhausted);
            assertThat(vm.sortedRows().size()).isLessThan(vm.rows().size());
            vm.exhaustedOnlyProperty().set(false);

            vm.nearLimitOnlyProperty().set(true);
            assertThat(vm.sortedRows()).isNotEmpty().allMatch(r -> r.fraction() >= 0.8);
            vm.nearLimitOnlyProperty().set(false);

            vm.inactiveOnlyProperty().set(true);
            assertThat(vm.sortedRows()).isNotEmpty().allMatch(r -> !r.vkActive() && r.vkId() != null);
            vm.inactiveOnlyProperty().set(false);

            vm.teamProperty().set(vm.teams().stream().filter(t -> t.name().equals("Platform")).findFirst()
                    .orElseThrow());
            assertThat(vm.sortedRows()).isNotEmpty().allMatch(r -> "Platform".equals(r.teamName()));
            vm.teamProperty().set(null);

            vm.customerProperty().set(vm.customers().stream().filter(c -> c.name().equals("Globex")).findFirst()
                    .orElseThrow());
            assertThat(vm.sortedRows()).isNotEmpty().allMatch(r -> "Globex".equals(r.customerName()));
            vm.customerProperty().set(null);

            vm.providerProperty().set("azure");
            assertThat(vm.sortedRows()).isNotEmpty().allMatch(r -> "azure".equals(r.provider()));
            vm.providerProperty().set(null);

            vm.searchProperty().set("SUPPORT-bot");
            assertThat(vm.sortedRows()).extracting(BudgetRow::vkName).containsOnly("support-bot");
        } finally {
            vm.searchProperty().set("");
        }
        assertThat(vm.sortedRows()).hasSameSizeAs(vm.rows());
    }

    @Test
    void blockersOfSeedKeysWorstFirst() {
        vm.selectedProperty().set(row("support-bot", "budgets/0"));
        assertThat(vm.blockers().get(0).level()).isEqualTo(Blockers.Level.BLOCKS_KEY);
        assertThat(vm.blockers().get(0).text()).contains("The key's 1w budget is exhausted", "$112.50", "$100.00");
        assertThat(vm.blockers().get(0).nodePath()).isEqualTo("budgets/0");

        VirtualKey legacy = vm.key(id("legacy-integration"));
        List<Blockers.Blocker> legacyBlockers = vm.blockersFor(legacy.id());
        assertThat(legacyBlockers.get(0).level()).isEqualTo(Blockers.Level.BLOCKS_KEY);
        assertThat(legacyBlockers.get(0).text()).contains("inactive");

        List<Blockers.Blocker> marketing = vm.blockersFor(id("marketing-assistant"));
        assertThat(marketing).extracting(Blockers.Blocker::text)
                .anySatisfy(t -> assertThat(t).contains("no provider configs"));
        assertThat(marketing.get(0).level()).isEqualTo(Blockers.Level.BLOCKS_KEY);

        List<Blockers.Blocker> checkout = vm.blockersFor(id("checkout-service"));
        assertThat(checkout).noneMatch(b -> b.level() == Blockers.Level.BLOCKS_KEY);
        // 42 of 50 for the day (84 %) is a warning, not a block.
        assertThat(checkout).anySatisfy(b -> {
            assertThat(b.level()).isEqualTo(Blockers.Level.WARNING);
            assertThat(b.text()).contains("1d budget is at 84 %");
        });

        // research-sandbox is over its own budget and sits in team Data Science (no team budget).
        assertThat(vm.blockersFor(id("research-sandbox")).get(0).text()).contains("1M budget is exhausted");
    }

    @Test
    void teamBudgetRowsShowTheTeamsBudgetsAndOpenNothing() {
        BudgetRow team = vm.rows().stream().filter(r -> r.kind() == BudgetKind.TEAM_BUDGET).findFirst().orElseThrow();
        int before = opened.size();
        vm.open(team);
        assertThat(opened).hasSize(before);
        vm.open(row("checkout-service", "provider_configs/0/budgets/0"));
        assertThat(opened.get(opened.size() - 1))
                .containsExactly(id("checkout-service"), "provider_configs/0/budgets/0");
    }

    @Test
    void aFailedRefreshKeepsTheRowsAndSaysHowOldTheyAre() {
        int n = vm.rows().size();
        Instant loadedAt = vm.lastLoadedAtProperty().get();
        sandbox.failNextRequests(1, 503);
        vm.refresh();
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.rows()).hasSize(n);
        assertThat(vm.lastLoadedAtProperty().get()).isEqualTo(loadedAt);
        assertThat(vm.ageProperty().get()).startsWith("Offline: showing data loaded");
        assertThat(BudgetsViewModel.ageText(loadedAt, loadedAt.plusSeconds(600), true))
                .isEqualTo("Offline: showing data loaded 10 minutes ago");
        assertThat(BudgetsViewModel.ageText(loadedAt, loadedAt.plusSeconds(5), false)).isEqualTo("Loaded just now");
        vm.refresh();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.rows()).hasSize(n);
    }

    @Test
    void keysWithoutLimitsHaveNoRows() {
        assertThat(vm.rows().stream().filter(r -> "marketing-assistant".equals(r.vkName()))).isEmpty();
        Map<BudgetKind, Long> kinds = vm.rows().stream().collect(Collectors.groupingBy(BudgetRow::kind,
                Collectors.counting()));
        assertThat(kinds.keySet()).contains(BudgetKind.VK_BUDGET, BudgetKind.PROVIDER_CONFIG_BUDGET,
                BudgetKind.TEAM_BUDGET, BudgetKind.VK_TOKEN_LIMIT, BudgetKind.VK_REQUEST_LIMIT,
                BudgetKind.PROVIDER_CONFIG_TOKEN_LIMIT, BudgetKind.PROVIDER_CONFIG_REQUEST_LIMIT);
    }
}
