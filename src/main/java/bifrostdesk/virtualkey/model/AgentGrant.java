package bifrostdesk.virtualkey.model;

import java.time.Instant;

/** An agent allowed to act with the key ({@code agent_grants[]}, v2, REFERENCE-v2.md §11.4.5). */
public record AgentGrant(String agentName, Instant createdAt) {
}
