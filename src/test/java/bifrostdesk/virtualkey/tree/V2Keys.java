package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.AgentGrant;
import bifrostdesk.virtualkey.model.AssignedUser;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test keys with every Bifrost v2 feature, built in code (the sandbox's seed has none yet). Times are relative to
 * {@code now}, so the rotation cooldown is running and the expiry is ahead.
 */
public final class V2Keys {
    public static final String NAME = "v2-everything";
    public static final String BU_ID = "bu-finance";
    public static final String BU_NAME = "Finance";

    private V2Keys() {
    }

    /** A monthly budget: usage 120 of base 100 with a +50 override for 2 of 3 more cycles (80 % effective). */
    public static Budget overridden() {
        return new Budget("b-month", 100.0, "1M", 120, Instant.parse("2026-12-01T00:00:00Z"), false, null,
                new BudgetOverride(50, BudgetOverride.CYCLES, 2, 3, Instant.parse("2026-11-01T00:00:00Z")));
    }

    /** A quarterly budget on a fiscal year from April. */
    public static Budget quarterly() {
        return new Budget("b-quarter", 3000.0, "1Q", 450, Instant.parse("2026-10-01T00:00:00Z"), false, 4, null);
    }

    public static VirtualKey everything(Instant now) {
        ProviderConfig openai = new ProviderConfig(11L, "openai", 0.7, List.of("gpt-4o", "o3"), false,
                List.of(new KeyRef("key-openai", "openai-prod")),
                List.of(new Budget("b-pc", 500.0, "1M", 100, null, false)), null, List.of(),
                List.of(new ModelBudget("gpt-4o", List.of(new Budget("b-gpt", 50.0, "1M", 10, null, false)),
                                RateLimit.of(null, null, 100L, "1m")),
                        new ModelBudget("o3", List.of(new Budget("b-o3", 5.0, "1d", 5.5, null, false)), null)));
        V2Fields v2 = new V2Fields(true, BU_ID, BU_NAME, true, true,
                List.of(new AgentGrant("billing-agent", Instant.parse("2026-11-20T10:00:00Z")),
                        new AgentGrant("support-agent", null)),
                Map.of("env", "prod", "team", "payments"), List.of(3L, 7L),
                new AssignedUser("u-1", "Ann Lee", "ann@example.com"), false,
                now.plus(Duration.ofDays(2)), now.minus(Duration.ofHours(1)));
        return new VirtualKey("vk-v2", NAME, "Every v2 feature", "sk-bf-v2-0123456789abcdef", true, null, null,
                List.of(overridden(), quarterly()), RateLimit.of(null, null, 1000L, "1m"), List.of(openai),
                List.of(new McpConfig(21L, "github", List.of("*"))), true, null, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), now.plus(Duration.ofDays(30)), v2);
    }

    /** The same key, managed by an access profile (its budgets and rate limit are the profile's). */
    public static VirtualKey accessProfileManaged(Instant now) {
        VirtualKey vk = everything(now);
        V2Fields v = vk.v2();
        return vk.withName("ap-managed").withV2(new V2Fields(v.allowAllProviders(), null, null,
                v.deleteAfterExpire(), v.disableContentLogging(), v.agentGrants(), v.metadata(), v.virtualMcpIds(),
                v.assignedUser(), true, v.previousValueExpiresAt(), v.rotatedAt()));
    }
}
