package bifrostdesk.sandbox;

import static bifrostdesk.sandbox.SeedData.budget;
import static bifrostdesk.sandbox.SeedData.keyId;
import static bifrostdesk.sandbox.SeedData.pc;
import static bifrostdesk.sandbox.SeedData.rateLimit;
import static bifrostdesk.sandbox.SeedData.stableId;
import static bifrostdesk.sandbox.SeedData.vk;

import bifrostdesk.sandbox.Records.AccessProfileRec;
import bifrostdesk.sandbox.Records.AgentGrantRec;
import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.BusinessUnitRec;
import bifrostdesk.sandbox.Records.ModelBudgetRec;
import bifrostdesk.sandbox.Records.PcRec;
import bifrostdesk.sandbox.Records.VirtualMcpRec;
import bifrostdesk.sandbox.Records.VkRec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link Seed#SMALL} seed adds on {@code Dialect.V2}: one key per v2 feature (REFERENCE-v2 §11), plus the
 * business units, access profile and Virtual MCPs they refer to. Older dialects never get any of it.
 */
public final class SeedDataV2 {
    public static final String BU_FINANCE = stableId("business-unit:finance");
    public static final String BU_RETAIL = stableId("business-unit:retail");
    public static final String ACCESS_PROFILE_SALES = stableId("access-profile:sales");
    /** Virtual MCP ids (numeric, as the server numbers them). */
    public static final long VMCP_ENGINEERING = 1;
    public static final long VMCP_READ_ONLY = 2;

    /** Owned by business unit {@link #BU_FINANCE} ("Finance"). */
    public static final String FINANCE_REPORTING = "finance-reporting";
    /** {@code allow_all_providers: true}, no provider configs. */
    public static final String PARTNER_GATEWAY = "partner-gateway";
    /** Calendar-aligned {@code 1Q} budget with {@code reset_config.quarter_start_month} 4. */
    public static final String QUARTERLY_PLANNING = "quarterly-planning";
    /** openai config with {@code model_budgets} for gpt-4o (budget + rate limit) and gpt-4o-mini, with usage. */
    public static final String CHAT_ASSISTANT = "chat-assistant";
    /** Budget 100 with usage 130 and an active cycles override of +50 (effective 150). */
    public static final String LAUNCH_CAMPAIGN = "launch-campaign";
    /** Assigned to both seeded Virtual MCPs. */
    public static final String DOCS_AGENT = "docs-agent";
    /** Rotated two hours ago; the previous value works for 22 more hours. */
    public static final String ROTATING_WEBHOOK = "rotating-webhook";
    /** Managed by access profile {@link #ACCESS_PROFILE_SALES}: reads show the profile's budget and rate limit. */
    public static final String SALES_ASSISTANT = "sales-assistant";
    /** {@code metadata} and two {@code agent_grants}. */
    public static final String OPS_AUTOMATION = "ops-automation";
    /** Expires in 14 days with {@code delete_after_expire: true}. */
    public static final String CONTRACTOR_TRIAL = "contractor-trial";
    /** {@code disable_content_logging: true}. */
    public static final String PRIVATE_NOTES = "private-notes";
    /** Expired three days ago (kept: delete_after_expire inherits false); echoing its expires_at is a 400. */
    public static final String EXPIRED_PILOT = "expired-pilot";

    /** Number of keys {@link #addKeys} adds. */
    public static final int KEY_COUNT = 12;

    private SeedDataV2() {
    }

    /** Business units, the access profile and the Virtual MCPs (attachments come with the keys). */
    static void lookups(SandboxStore s, Instant now) {
        businessUnit(s, BU_FINANCE, "Finance", now);
        businessUnit(s, BU_RETAIL, "Retail Banking", now);
        AccessProfileRec ap = new AccessProfileRec();
        ap.id = ACCESS_PROFILE_SALES;
        ap.name = "Sales default";
        ap.budgets.add(budget("access-profile:sales:1M", 300, "1M", 120, now));
        ap.rateLimit = rateLimit("access-profile:sales", null, null, 120L, "1m", now);
        s.addAccessProfile(ap);
        VirtualMcpRec eng = vmcp(s, "engineering-tools", "GitHub issues and pull requests plus shared files", now);
        eng.tools.put("github", List.of("create_issue", "list_issues", "get_pull_request"));
        eng.tools.put("filesystem", List.of("*"));
        VirtualMcpRec ro = vmcp(s, "read-only-files", "Read the shared folder, nothing else", now);
        ro.tools.put("filesystem", List.of("read_file", "list_directory"));
    }

    /** The v2 keys, created after the eight classic ones (so they list after them). */
    static void addKeys(SandboxStore s, Instant now) {
        Instant at = now.minus(Duration.ofDays(30)).plus(Duration.ofHours(9));

        VkRec finance = vk(s, FINANCE_REPORTING, "Month-end reports for the finance business unit", at);
        finance.businessUnitId = BU_FINANCE;
        finance.providerConfigs.add(pc(s, "openai", 1.0, List.of("gpt-4o-mini"), List.of(keyId("openai-prod"))));
        finance.budgets.add(budget(FINANCE_REPORTING + ":1M", 400, "1M", 180, now));

        VkRec partner = vk(s, PARTNER_GATEWAY, "Every configured provider, present and future",
                at.plus(Duration.ofMinutes(10)));
        partner.allowAllProviders = true;
        partner.budgets.add(budget(PARTNER_GATEWAY + ":1M", 1500, "1M", 300, now));

        VkRec quarterly = vk(s, QUARTERLY_PLANNING, "Fiscal-quarter budget, fiscal year starts in April",
                at.plus(Duration.ofMinutes(20)));
        quarterly.calendarAligned = true;
        quarterly.providerConfigs.add(pc(s, "anthropic", 1.0, List.of("*"), List.of("*")));
        BudgetRec q = budget(QUARTERLY_PLANNING + ":1Q", 6000, "1Q", 2100, now);
        q.quarterStartMonth = 4;
        q.lastReset = BudgetRules.lastReset(true, "1Q", now, 4);
        quarterly.budgets.add(q);

        VkRec chat = vk(s, CHAT_ASSISTANT, "Chat UI with per-model spending caps", at.plus(Duration.ofMinutes(30)));
        PcRec openai = pc(s, "openai", 1.0, List.of("gpt-4o", "gpt-4o-mini"), List.of(keyId("openai-prod")));
        // at least its models' month (gpt-4o alone has 240): the logs history must be able to add up (LOGS.md §5)
        openai.budgets.add(budget(CHAT_ASSISTANT + ":openai:1M", 500, "1M", 290, now));
        openai.modelBudgets.add(model(CHAT_ASSISTANT + ":openai:gpt-4o", "gpt-4o",
                budget(CHAT_ASSISTANT + ":openai:gpt-4o:1M", 300, "1M", 240, now)));
        openai.modelBudgets.get(0).rateLimit = rateLimit(CHAT_ASSISTANT + ":openai:gpt-4o", null, null, 60L, "1m",
                now);
        openai.modelBudgets.add(model(CHAT_ASSISTANT + ":openai:gpt-4o-mini", "gpt-4o-mini",
                budget(CHAT_ASSISTANT + ":openai:gpt-4o-mini:1d", 10, "1d", 3, now)));
        chat.providerConfigs.add(openai);

        VkRec launch = vk(s, LAUNCH_CAMPAIGN, "Launch week: extra headroom for two months",
                at.plus(Duration.ofMinutes(40)));
        launch.providerConfigs.add(pc(s, "openai", 1.0, List.of("gpt-4o"), List.of("*")));
        BudgetRec boosted = budget(LAUNCH_CAMPAIGN + ":1M", 100, "1M", 130, now);
        boosted.overrideAmount = 50;
        boosted.overrideMode = "cycles";
        boosted.overrideCyclesRemaining = 2;
        boosted.overrideCyclesTotal = 2;
        boosted.overrideAnchorReset = boosted.lastReset;
        launch.budgets.add(boosted);

        VkRec docs = vk(s, DOCS_AGENT, "Documentation agent with tools from Virtual MCPs",
                at.plus(Duration.ofMinutes(50)));
        docs.providerConfigs.add(pc(s, "anthropic", 1.0, List.of("claude-sonnet-4"), List.of(keyId("anthropic-prod"))));
        s.virtualMcps.get(VMCP_ENGINEERING).virtualKeyIds.add(docs.id);
        s.virtualMcps.get(VMCP_READ_ONLY).virtualKeyIds.add(docs.id);

        VkRec webhook = vk(s, ROTATING_WEBHOOK, "Rotated today; the old value still works until tomorrow",
                at.plus(Duration.ofMinutes(60)));
        webhook.providerConfigs.add(pc(s, "openai", 1.0, List.of("gpt-4o-mini"), List.of(keyId("openai-dev"))));
        webhook.rotatedAt = now.minus(Duration.ofHours(2));
        webhook.previousValueExpiresAt = now.plus(Duration.ofHours(22));
        webhook.updatedAt = webhook.rotatedAt;

        VkRec sales = vk(s, SALES_ASSISTANT, "Managed by the Sales default access profile",
                at.plus(Duration.ofMinutes(70)));
        sales.accessProfileId = ACCESS_PROFILE_SALES;
        sales.providerConfigs.add(pc(s, "openai", 1.0, List.of("*"), List.of("*")));

        VkRec ops = vk(s, OPS_AUTOMATION, "Runbooks run by agents", at.plus(Duration.ofMinutes(80)));
        ops.metadata.put("owner", "ops");
        ops.metadata.put("cost_center", "cc-4410");
        ops.agentGrants = new ArrayList<>(List.of(new AgentGrantRec("deploy-bot", at.plus(Duration.ofDays(1))),
                new AgentGrantRec("incident-triage", at.plus(Duration.ofDays(2)))));
        ops.providerConfigs.add(pc(s, "azure", 1.0, List.of("gpt-4o"), List.of(keyId("azure-westeurope"))));

        VkRec trial = vk(s, CONTRACTOR_TRIAL, "Two-week trial, deleted when it expires",
                at.plus(Duration.ofMinutes(90)));
        trial.expiresAt = now.plus(Duration.ofDays(14));
        trial.deleteAfterExpire = true;
        trial.providerConfigs.add(pc(s, "openai", 1.0, List.of("gpt-4o-mini"), List.of(keyId("openai-dev"))));
        trial.budgets.add(budget(CONTRACTOR_TRIAL + ":1w", 25, "1w", 4, now));

        VkRec notes = vk(s, PRIVATE_NOTES, "Prompts and answers are not logged", at.plus(Duration.ofMinutes(100)));
        notes.disableContentLogging = true;
        notes.providerConfigs.add(pc(s, "anthropic", 1.0, List.of("claude-3-5-haiku"), List.of("*")));

        VkRec expired = vk(s, EXPIRED_PILOT, "Pilot that ended; still stored", at.plus(Duration.ofMinutes(110)));
        expired.expiresAt = now.minus(Duration.ofDays(3));
        expired.providerConfigs.add(pc(s, "openai", 1.0, List.of("gpt-4o-mini"), List.of(keyId("openai-dev"))));
    }

    private static void businessUnit(SandboxStore s, String id, String name, Instant now) {
        BusinessUnitRec b = new BusinessUnitRec();
        b.id = id;
        b.name = name;
        b.createdAt = now.minus(Duration.ofDays(200));
        s.addBusinessUnit(b);
    }

    private static VirtualMcpRec vmcp(SandboxStore s, String name, String description, Instant now) {
        VirtualMcpRec m = new VirtualMcpRec();
        m.name = name;
        m.endpointSlug = name;
        m.description = description;
        m.createdAt = now.minus(Duration.ofDays(20));
        m.updatedAt = m.createdAt;
        s.addVirtualMcp(m);
        return m;
    }

    private static ModelBudgetRec model(String stableName, String modelName, BudgetRec b) {
        ModelBudgetRec m = new ModelBudgetRec();
        m.id = stableId("model-config:" + stableName);
        m.modelName = modelName;
        m.budgets.add(b);
        return m;
    }
}
