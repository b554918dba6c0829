package bifrostdesk.virtualkey.api;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.ServerFeatures;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Blocking client of Bifrost's admin API for virtual keys and their lookups. Call it off the UI thread; every
 * method throws {@link ApiException} and nothing else (besides programming errors).
 * <p>
 * <b>Cancelling.</b> {@link #cancelAll()} aborts every call in flight on this connection. For one task, make a
 * view with {@link #using(CancelToken)} and cancel the token. Calls started on an interrupted thread fail with
 * {@link ApiException.Kind#CANCELLED}, but interrupting a thread does not unblock a call already waiting on the
 * socket: use a token for that.
 * <p>
 * <b>Shared state.</b> Views made by {@link #using} and {@link #withDialect} share the connection pool, the login
 * session and the detected dialect with the client they came from.
 * <p>
 * Nothing here logs, and no logging interceptor is installed: VK bodies contain key values and MCP secrets.
 * <p>
 * Over 400 lines, earned by one job: one method per admin endpoint, each a few lines over Transport.
 */
public final class BifrostClient {
    public static final int PAGE_SIZE = 100;
    private static final String VKS = "/api/governance/virtual-keys";
    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    private final ServerEndpoint endpoint;
    private final Transport transport;
    private final Session session;
    private final Dialect override;

    public BifrostClient(ServerEndpoint endpoint) {
        this(endpoint, ClientOptions.defaults());
    }

    public BifrostClient(ServerEndpoint endpoint, ClientOptions options) {
        this.endpoint = endpoint;
        this.session = new Session(endpoint, options.setupToken());
        this.override = options.dialect();
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (options.trustedCa() != null) {
            try {
                var trust = bifrostdesk.connection.TrustedCertificates.withExtraCa(options.trustedCa());
                builder.sslSocketFactory(trust.context().getSocketFactory(), trust.manager());
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("Cannot use the certificate file " + options.trustedCa() + ": "
                        + e.getMessage(), e);
            }
        }
        OkHttpClient http = builder
                .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Only the gateway's own answers count; a redirect to a login page would look like success.
                .followRedirects(false)
                .build();
        this.transport = new Transport(http, endpoint, session, null);
    }

    private BifrostClient(BifrostClient from, Transport transport, Dialect override) {
        this.endpoint = from.endpoint;
        this.session = from.session;
        this.transport = transport;
        this.override = override;
    }

    /** A view whose calls {@code token} can cancel. */
    public BifrostClient using(CancelToken token) {
        return new BifrostClient(this, transport.with(token), override);
    }

    /** A view that always speaks {@code dialect} (a manual override); {@code null} goes back to detection. */
    public BifrostClient withDialect(Dialect dialect) {
        return new BifrostClient(this, transport, dialect);
    }

    public ServerEndpoint endpoint() {
        return endpoint;
    }

    /** The override, else the last {@link #detectDialect()} result, else {@link Dialect#LATER} (current servers). */
    public Dialect dialect() {
        if (override != null) {
            return override;
        }
        Dialect d = session.detected();
        return d != null ? d : Dialect.LATER;
    }

    /** Cancels every call in flight on this connection (all views); they fail with CANCELLED. */
    public void cancelAll() {
        transport.http().dispatcher().cancelAll();
    }

    /** The transport of this view (its cancel token included), for {@link SpendClient}. */
    Transport transport() {
        return transport;
    }

    /** For tests: the OkHttp client, to check what is installed on it. */
    OkHttpClient okHttp() {
        return transport.http();
    }

    // ---- session, health, version -------------------------------------------------------------------------

    /** {@code GET /health}. A 503 (a store is down) is an {@link ApiException} with Bifrost's message. */
    public Health health() throws ApiException {
        JsonNode json = get("/health", Map.of());
        Map<String, String> components = new LinkedHashMap<>();
        json.path("components").fields().forEachRemaining(e -> components.put(e.getKey(), e.getValue().asText()));
        return new Health(json.path("status").asText(""), components);
    }

    /** The server version from {@code GET /api/version} (a JSON string, e.g. {@code "1.5.2"}). */
    public String version() throws ApiException {
        JsonNode json = get("/api/version", Map.of());
        if (json.isTextual()) {
            return json.asText();
        }
        if (json.path("version").isTextual()) {
            return json.get("version").asText();
        }
        throw malformed("GET", "/api/version");
    }

    /** {@code GET /api/session/is-auth-enabled}: whether this server wants a login at all. */
    public boolean isAuthEnabled() throws ApiException {
        return authStatus().authEnabled();
    }

    /**
     * {@code GET /api/session/is-auth-enabled} in full: sign-in, and (v2.2.6+) the setup lock (REFERENCE-v2.md
     * §11.2.1). Public even while locked, so call it first (§11.14 step 1). Remembered for {@link #features()}.
     * Servers without the endpoint answer NOT_FOUND.
     */
    public AuthStatus authStatus() throws ApiException {
        AuthStatus status = AuthStatus.parse(get("/api/session/is-auth-enabled", Map.of()));
        if (status == null) {
            throw malformed("GET", "/api/session/is-auth-enabled");
        }
        session.authStatus(status);
        return status;
    }

    /**
     * Sends {@code token} as {@code X-Bifrost-Setup-Token} on every later {@code /api} call of this client and its
     * views ({@code null} or blank: stop sending one). The token is never logged nor put in a message.
     */
    public void useSetupToken(String token) {
        session.setupToken(token);
    }

    public boolean hasSetupToken() {
        return session.setupToken() != null;
    }

    /**
     * Checks the setup token with {@code POST /api/session/setup} (§11.2.1; it is behind the lock itself, so the
     * header decides). True when the server accepted it; false when the server's lock is not active (409), so no
     * token is needed. A wrong token is SETUP_TOKEN_INVALID, none SETUP_TOKEN_REQUIRED, none on the server
     * SETUP_TOKEN_NOT_CONFIGURED. The answer's cookie is not kept: the header on every call is enough.
     */
    public boolean checkSetupToken() throws ApiException {
        try {
            transport.send("POST", transport.url("/api/session/setup", Map.of()), null);
            return true;
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * What the last {@link #detectDialect()} (and {@link #authStatus()}) found: version, dialect, newer than tested,
     * setup lock. Before any detection: the dialect in use, version unknown.
     */
    public ServerFeatures features() {
        ServerFeatures f = session.features();
        AuthStatus status = session.authStatus();
        boolean lock = status != null && status.setupRequired();
        if (f == null) {
            return ServerFeatures.of(null, dialect(), lock);
        }
        return override != null || f.setupLock() != lock
                ? new ServerFeatures(f.version(), dialect(), f.newerThanTested(), lock) : f;
    }

    /**
     * {@code POST /api/session/login}. Keeps the {@code token} cookie of the answer and sends it with every later
     * call of this client and its views. A wrong password is UNAUTHORIZED; disabled auth is HTTP 403.
     */
    public void login(String user, String password) throws ApiException {
        ObjectNode body = Json.mapper().createObjectNode().put("username", user).put("password", password);
        HttpUrl url = transport.url("/api/session/login", Map.of());
        Transport.Reply reply = transport.send("POST", url, body);
        for (Cookie c : Cookie.parseAll(url, reply.headers())) {
            if (c.name().equals("token") && !c.value().isEmpty()) {
                session.token(c.value());
                return;
            }
        }
        // Some builds may return the token in the body as well; accept it there.
        if (reply.json().path("token").isTextual()) {
            session.token(reply.json().get("token").asText());
            return;
        }
        throw malformed("POST", "/api/session/login");
    }

    /** {@code POST /api/session/logout}. The session is forgotten locally even when the call fails. */
    public void logout() throws ApiException {
        try {
            transport.send("POST", transport.url("/api/session/logout", Map.of()), null);
        } finally {
            session.token(null);
        }
    }

    public boolean hasSession() {
        return session.token() != null;
    }

    /**
     * Works out the dialect, remembers it for {@link #dialect()} and returns it. From {@code /api/version} when
     * that holds a version number; otherwise (missing endpoint, odd text) from the shape of one VK: a singular
     * {@code budget}/{@code budget_id} means LEGACY, anything else (or no VK at all) the current dialect.
     */
    public Dialect detectDialect() throws ApiException {
        String version = null;
        try {
            version = version();
        } catch (ApiException e) {
            if (e.kind() != ApiException.Kind.NOT_FOUND && e.kind() != ApiException.Kind.MALFORMED_JSON) {
                throw e;
            }
        }
        Dialect d;
        if (version != null && VERSION_NUMBER.matcher(version).find()) {
            // every v2.* (and anything newer than tested) is V2 (§11.1.1); ServerFeatures says "newer than tested"
            d = Dialect.fromVersion(version);
        } else {
            JsonNode page = get(VKS, Map.of("limit", "1", "offset", "0"));
            JsonNode first = page.path("virtual_keys").path(0);
            d = VirtualKeyJson.looksLegacy(first) ? Dialect.LEGACY : Dialect.LATER;
        }
        session.detected(d);
        AuthStatus status = session.authStatus();
        session.features(ServerFeatures.of(version, d, status != null && status.setupRequired()));
        return d;
    }

    // ---- virtual keys ---------------------------------------------------------------------------------------

    public VkPage listVirtualKeys(VkQuery q) throws ApiException {
        JsonNode json = get(VKS, q.parameters());
        if (!json.path("virtual_keys").isArray() && !json.path("virtual_keys").isNull()) {
            throw malformed("GET", VKS);
        }
        List<VirtualKey> items = new ArrayList<>();
        for (JsonNode vk : json.path("virtual_keys")) {
            items.add(VirtualKeyJson.read(vk, dialect()));
        }
        // Older builds send only "count"; then the page is all there is.
        int total = json.path("total_count").asInt(json.path("count").asInt(items.size()));
        return new VkPage(items, total, json.path("limit").asInt(q.limit()), json.path("offset").asInt(q.offset()));
    }

    /**
     * Every VK matching {@code filter} (its limit and offset are ignored), {@value #PAGE_SIZE} per page.
     * Stops with CANCELLED when the listener, the token or the thread says so. Keys created or deleted while
     * paging can shift pages by a few entries; the server offers no cursor.
     */
    public List<VirtualKey> listAllVirtualKeys(VkQuery filter, ProgressListener progress) throws ApiException {
        List<VirtualKey> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            checkCancelled(progress, "GET", VKS);
            VkPage page = listVirtualKeys(filter.withPage(PAGE_SIZE, offset));
            all.addAll(page.items());
            offset += page.items().size();
            progress.progress(all.size(), Math.max(page.totalCount(), all.size()));
            // A server that ignores limit returns everything at once; fewer than asked also means the end.
            if (page.items().isEmpty() || all.size() >= page.totalCount() || page.items().size() < page.limit()) {
                return all;
            }
        }
    }

    public VirtualKey getVirtualKey(String id) throws ApiException {
        return readVk(transport.send("GET", vkUrl(id), null).json(), "GET");
    }

    /** {@code POST} with the body as given (built by {@code UpdateBuilder}); the answer carries the new value. */
    public VirtualKey createVirtualKey(JsonNode body) throws ApiException {
        return readVk(transport.send("POST", transport.url(VKS, Map.of()), body).json(), "POST");
    }

    public VirtualKey updateVirtualKey(String id, JsonNode body) throws ApiException {
        return readVk(transport.send("PUT", vkUrl(id), body).json(), "PUT");
    }

    public void deleteVirtualKey(String id) throws ApiException {
        transport.send("DELETE", vkUrl(id), null);
    }

    /**
     * Sends one planned request as is and returns the answer's {@code virtual_key}, or {@code null} for a DELETE
     * or an answer without one. The path is taken as already URL-encoded.
     */
    public VirtualKey execute(PlannedRequest r) throws ApiException {
        String method = r.method().toUpperCase(java.util.Locale.ROOT);
        JsonNode json = transport.send(method, transport.url(r.path(), Map.of()), r.body()).json();
        if (method.equals("DELETE") || !json.path("virtual_key").isObject()) {
            return null;
        }
        return VirtualKeyJson.read(json.get("virtual_key"), dialect());
    }

    // ---- lookups --------------------------------------------------------------------------------------------

    public List<Lookups.Provider> providers() throws ApiException {
        return map(get("/api/providers", Map.of()), "providers", LookupsJson::provider);
    }

    /**
     * Every provider key without its secret. Current servers: {@code GET /api/keys}. LEGACY servers have no such
     * endpoint, so each provider is read ({@code GET /api/providers/{p}}, field {@code keys}).
     */
    public List<Lookups.ProviderKey> providerKeys() throws ApiException {
        if (dialect() != Dialect.LEGACY) {
            return map(get("/api/keys", Map.of()), "keys", k -> LookupsJson.key(k, null));
        }
        List<Lookups.ProviderKey> out = new ArrayList<>();
        for (Lookups.Provider p : providers()) {
            HttpUrl url = transport.url("/api/providers", Map.of()).newBuilder().addPathSegment(p.name()).build();
            JsonNode json = transport.send("GET", url, null).json();
            out.addAll(map(json, "keys", k -> LookupsJson.key(k, p.name())));
        }
        return out;
    }

    /** MCP clients with their tools; connection strings and headers are not kept. */
    public List<Lookups.McpClient> mcpClients() throws ApiException {
        return map(get("/api/mcp/clients", Map.of()), "clients", LookupsJson::mcpClient);
    }

    public List<Lookups.Team> teams() throws ApiException {
        return pageThrough("/api/governance/teams", "teams", LookupsJson::team);
    }

    public List<Lookups.Customer> customers() throws ApiException {
        return pageThrough("/api/governance/customers", "customers", LookupsJson::customer);
    }

    /** All pickers' data in one go (several calls). */
    public Lookups.Snapshot lookups() throws ApiException {
        return new Lookups.Snapshot(providers(), providerKeys(), mcpClients(), teams(), customers(), businessUnits(),
                virtualMcps());
    }

    /**
     * Business units (enterprise, v2): {@code GET /api/governance/business-units}. Empty on servers before v2 and
     * where the route does not exist (an OSS gateway answers 404): keys there simply have no such owner.
     */
    public List<Lookups.BusinessUnit> businessUnits() throws ApiException {
        if (!dialect().atLeast(Dialect.V2)) {
            return List.of();
        }
        try {
            return pageThrough("/api/governance/business-units", "business_units", LookupsJson::businessUnit);
        } catch (ApiException e) {
            if (e.status() == 404 || e.kind() == ApiException.Kind.NOT_JSON) {
                return List.of();
            }
            throw e;
        }
    }

    /** Virtual MCPs (v2.1+): {@code GET /api/mcp/virtual-mcps}; empty where the server has none (404). */
    public List<Lookups.VirtualMcp> virtualMcps() throws ApiException {
        if (!dialect().atLeast(Dialect.V2)) {
            return List.of();
        }
        try {
            return pageThrough("/api/mcp/virtual-mcps", "virtual_mcps", LookupsJson::virtualMcp);
        } catch (ApiException e) {
            if (e.status() == 404 || e.kind() == ApiException.Kind.NOT_JSON) {
                return List.of();
            }
            throw e;
        }
    }

    /** {@code GET /api/governance/budgets}: every budget with its owner (DB values, up to ~10 s behind). */
    public List<OwnedBudget> budgets() throws ApiException {
        return map(get("/api/governance/budgets", Map.of()), "budgets", LookupsJson::ownedBudget);
    }

    /** {@code GET /api/governance/rate-limits}; see {@link OwnedRateLimit} about owners. */
    public List<OwnedRateLimit> rateLimits() throws ApiException {
        return map(get("/api/governance/rate-limits", Map.of()), "rate_limits", LookupsJson::ownedRateLimit);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private JsonNode get(String path, Map<String, String> query) throws ApiException {
        return transport.send("GET", transport.url(path, query), null).json();
    }

    private HttpUrl vkUrl(String id) {
        return transport.url(VKS, Map.of()).newBuilder().addPathSegment(id).build();
    }

    private VirtualKey readVk(JsonNode json, String method) throws ApiException {
        if (!json.path("virtual_key").isObject()) {
            throw malformed(method, VKS);
        }
        return VirtualKeyJson.readOne(json, dialect());
    }

    private static <T> List<T> map(JsonNode json, String field, Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        for (JsonNode n : LookupsJson.items(json, field)) {
            out.add(mapper.apply(n));
        }
        return out;
    }

    private <T> List<T> pageThrough(String path, String field, Function<JsonNode, T> mapper) throws ApiException {
        List<T> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            checkCancelled(ProgressListener.NONE, "GET", path);
            JsonNode json = get(path, Map.of("limit", Integer.toString(PAGE_SIZE), "offset",
                    Integer.toString(offset)));
            List<T> page = map(json, field, mapper);
            out.addAll(page);
            offset += page.size();
            int total = json.path("total_count").asInt(out.size());
            if (page.isEmpty() || out.size() >= total || page.size() < json.path("limit").asInt(PAGE_SIZE)) {
                return out;
            }
        }
    }

    private void checkCancelled(ProgressListener progress, String method, String path) throws ApiException {
        if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new ApiException(ApiException.Kind.CANCELLED, 0, null, method, path, null);
        }
    }

    private static ApiException malformed(String method, String path) {
        return new ApiException(ApiException.Kind.MALFORMED_JSON, 200, null, method, path, null);
    }
}
