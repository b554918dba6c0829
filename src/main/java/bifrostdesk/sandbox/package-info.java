/**
 * A Bifrost-compatible admin API server ("sandbox") for tests and the app's demo mode.
 *
 * <p>{@link bifrostdesk.sandbox.SandboxServer} serves {@code /health}, {@code /api/version}, {@code /api/session/*},
 * the governance virtual-key CRUD and the lookups a VK editor needs (providers, keys, MCP clients, teams,
 * customers, budgets, rate limits) over real HTTP on 127.0.0.1, with in-memory state guarded by one lock.
 * Behaviour follows {@code shared/bifrost-api/REFERENCE.md} for the dialect chosen in
 * {@link bifrostdesk.sandbox.SandboxOptions}: {@code LEGACY} (v1.4), {@code V1_5} (v1.5.0-prerelease7),
 * {@code LATER} (v1.5.2+ / v1.6.x) or {@code V2} (v2.2.6, the default; REFERENCE-v2.md §11), traps included. It is a test oracle, so it deliberately shares no code with the
 * app's HTTP client or update builder.
 *
 * <p>Files: {@code SandboxServer} (routing, auth gate, fault injection), {@code SessionAuth}/{@code SessionHandler},
 * {@code VirtualKeyHandler} (list/get/create/update/delete/rotate), {@code VkUpdater} (PUT/POST semantics) with
 * {@code ProviderConfigRules}, {@code McpConfigRules}, {@code ModelBudgetRules}, {@code V2Rules},
 * {@code BudgetRules}, {@code RateLimitRules}, {@code GoDuration} (Bifrost's duration syntax), {@code VkJson}
 * (response shapes), {@code OverrideHandler} (budget overrides), {@code VirtualMcpHandler}, {@code LookupHandler},
 * {@code CommitFault}/{@code CommitFaults} ("saved but" 500s), {@code SandboxStore}/{@code Records} (state),
 * {@code SeedData}, {@code SeedDataV2} and {@code SyntheticData} (seeds), {@code SandboxMain} (CLI),
 * {@code LogsHandler} ({@code /api/config} and the spend endpoints of {@code /api/logs}, or their absence with logs
 * off, per {@code shared/bifrost-api/LOGS.md}) over {@code SyntheticHistory} (deterministic spend consistent with the
 * budgets).
 */
package bifrostdesk.sandbox;
