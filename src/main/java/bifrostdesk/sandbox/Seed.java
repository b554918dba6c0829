package bifrostdesk.sandbox;

/** Which data the sandbox starts with. */
public enum Seed {
    /** Providers, keys, MCP clients, teams and customers only: no virtual keys. */
    EMPTY,
    /**
     * Eight realistic virtual keys covering every editor case (see {@link SeedData}); on V2 eleven more, one per v2
     * feature ({@link SeedDataV2}).
     */
    SMALL,
    /** SMALL plus 10,000 generated keys and the 1,000-provider-config "huge-router" ({@link SyntheticData}). */
    LARGE
}
