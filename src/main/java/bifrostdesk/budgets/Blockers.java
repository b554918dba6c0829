package bifrostdesk.budgets;

import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "What blocks this key?" in plain words, worst first: what stops every request of the key, then what stops one
 * provider, then what is close to stopping it. Pure logic; the rows are those of {@link BudgetAggregation}.
 */
public final class Blockers {
    private Blockers() {
    }

    /** How much a finding blocks. Declared worst first. */
    public enum Level {
        /** Every request with this key is refused. */
        BLOCKS_KEY("Blocked"),
        /** Requests routed to one provider config are refused. */
        BLOCKS_PROVIDER("Blocks a provider"),
        /** Requests for one model of a provider config are refused (a per-model limit, v2). */
        BLOCKS_MODEL("Blocks a model"),
        /** Not blocking yet. */
        WARNING("Warning"),
        OK("OK");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One finding; {@code nodePath} is an editor node path of the key ({@code ""} = the key node, also used for
     * team and customer budgets, which the key editor does not edit).
     */
    public record Blocker(Level level, String text, String nodePath) {
        @Override
        public String toString() {
            return level.label() + ": " + text;
        }
    }

    /**
     * Findings for {@code vk}. {@code rows} are the rows of the key and of its team and customer (other rows are
     * ignored). Never empty: a key with no findings gets one {@link Level#OK} line.
     */
    public static List<Blocker> of(VirtualKey vk, List<BudgetRow> rows, Instant now) {
        List<Blocker> out = new ArrayList<>();
        if (!vk.active()) {
            out.add(new Blocker(Level.BLOCKS_KEY, "The key is inactive: every request is refused.", ""));
        }
        if (vk.expiresAt() != null && !vk.expiresAt().isAfter(now)) {
            out.add(new Blocker(Level.BLOCKS_KEY, "The key expired on " + vk.expiresAt() + ".", ""));
        }
        String customerId = null;
        String teamId = vk.teamId();
        for (BudgetRow r : rows) {
            if (vk.id() != null && vk.id().equals(r.vkId()) && r.customerId() != null) {
                customerId = r.customerId();
            }
        }
        if (customerId == null) {
            customerId = vk.customerId();
        }
        // Budgets by scope, worst scope first: customer, team, key; then rate limits.
        for (BudgetKind.Scope scope : new BudgetKind.Scope[] {BudgetKind.Scope.CUSTOMER, BudgetKind.Scope.TEAM,
                BudgetKind.Scope.VIRTUAL_KEY}) {
            for (BudgetRow r : rows) {
                if (r.kind().scope() != scope || !belongs(r, vk, teamId, customerId) || !r.exhausted()) {
                    continue;
                }
                out.add(new Blocker(Level.BLOCKS_KEY, describe(r, r.kind().isBudget() ? "exhausted" : "at its maximum"),
                        r.nodePath()));
            }
        }
        // with allow_all_providers an empty list still allows every provider (REFERENCE-v2.md §11.9)
        if (vk.providerConfigs().isEmpty() && !vk.v2().allowsAllProviders()) {
            out.add(new Blocker(Level.BLOCKS_KEY,
                    "The key has no provider configs: no provider is allowed (deny by default).",
                    NodePath.PROVIDER_CONFIGS));
        }
        for (BudgetRow r : rows) {
            if (r.kind().scope() == BudgetKind.Scope.PROVIDER_CONFIG && belongs(r, vk, teamId, customerId)
                    && r.exhausted()) {
                out.add(new Blocker(Level.BLOCKS_PROVIDER, describe(r, r.kind().isBudget() ? "exhausted"
                        : "at its maximum"), r.nodePath()));
            }
            if (r.kind().scope() == BudgetKind.Scope.MODEL && belongs(r, vk, teamId, customerId) && r.exhausted()) {
                out.add(new Blocker(Level.BLOCKS_MODEL, describe(r, r.kind().isBudget() ? "exhausted"
                        : "at its maximum"), r.nodePath()));
            }
        }
        for (int i = 0; i < vk.providerConfigs().size(); i++) {
            ProviderConfig pc = vk.providerConfigs().get(i);
            if (!pc.allowAllKeys() && pc.keys().isEmpty()) {
                out.add(new Blocker(Level.BLOCKS_PROVIDER, "Provider config " + pc.provider()
                        + " allows no provider keys.", NodePath.keys(i)));
            }
            if (pc.allowedModels().isEmpty()) {
                out.add(new Blocker(Level.BLOCKS_PROVIDER, "Provider config " + pc.provider()
                        + " allows no models.", NodePath.models(i)));
            } else if (pc.blacklistedModels().contains("*")) {
                out.add(new Blocker(Level.BLOCKS_PROVIDER, "Provider config " + pc.provider()
                        + " blocks every model.", NodePath.models(i)));
            }
        }
        for (BudgetRow r : rows) {
            if (belongs(r, vk, teamId, customerId) && !r.exhausted() && r.nearLimit()) {
                out.add(new Blocker(Level.WARNING, describe(r, String.format(Locale.ROOT, "at %.0f %%",
                        r.fraction() * 100)), r.nodePath()));
            }
        }
        out.sort(Comparator.comparing(Blocker::level));
        if (out.isEmpty()) {
            out.add(new Blocker(Level.OK, "Nothing blocks this key.", ""));
        }
        return out;
    }

    private static boolean belongs(BudgetRow r, VirtualKey vk, String teamId, String customerId) {
        return switch (r.kind().scope()) {
            case CUSTOMER -> customerId != null && customerId.equals(r.customerId());
            case TEAM -> teamId != null && teamId.equals(r.teamId());
            case VIRTUAL_KEY, PROVIDER_CONFIG, MODEL -> vk.id() != null && vk.id().equals(r.vkId());
        };
    }

    private static String describe(BudgetRow r, String state) {
        String what = switch (r.kind()) {
            case CUSTOMER_BUDGET -> "Customer " + r.customerName() + "'s " + r.resetDuration() + " budget";
            case TEAM_BUDGET -> "Team " + r.teamName() + "'s " + r.resetDuration() + " budget";
            case VK_BUDGET -> "The key's " + r.resetDuration() + " budget";
            case PROVIDER_CONFIG_BUDGET -> "Provider config " + r.provider() + "'s " + r.resetDuration() + " budget";
            case VK_TOKEN_LIMIT -> "The key's token rate limit (per " + r.resetDuration() + ")";
            case VK_REQUEST_LIMIT -> "The key's request rate limit (per " + r.resetDuration() + ")";
            case PROVIDER_CONFIG_TOKEN_LIMIT -> "Provider config " + r.provider() + "'s token rate limit (per "
                    + r.resetDuration() + ")";
            case PROVIDER_CONFIG_REQUEST_LIMIT -> "Provider config " + r.provider() + "'s request rate limit (per "
                    + r.resetDuration() + ")";
            case TEAM_TOKEN_LIMIT -> "Team " + r.teamName() + "'s token rate limit (per " + r.resetDuration() + ")";
            case TEAM_REQUEST_LIMIT -> "Team " + r.teamName() + "'s request rate limit (per " + r.resetDuration() + ")";
            case CUSTOMER_TOKEN_LIMIT -> "Customer " + r.customerName() + "'s token rate limit (per "
                    + r.resetDuration() + ")";
            case CUSTOMER_REQUEST_LIMIT -> "Customer " + r.customerName() + "'s request rate limit (per "
                    + r.resetDuration() + ")";
            case MODEL_BUDGET -> "Model " + r.model() + " of " + r.provider() + "'s " + r.resetDuration() + " budget";
            case MODEL_TOKEN_LIMIT -> "Model " + r.model() + " of " + r.provider() + "'s token rate limit (per "
                    + r.resetDuration() + ")";
            case MODEL_REQUEST_LIMIT -> "Model " + r.model() + " of " + r.provider() + "'s request rate limit (per "
                    + r.resetDuration() + ")";
        };
        String reset = r.timeLeft() == null ? "" : "; resets in " + BudgetMath.human(r.timeLeft());
        return what + " is " + state + ": " + r.format(r.usage()) + " of " + r.limitText() + reset + ".";
    }
}
