package bifrostdesk.sandbox;

import bifrostdesk.sandbox.Records.BudgetRec;
import bifrostdesk.sandbox.Records.VkRec;
import bifrostdesk.virtualkey.model.Dialect;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bifrost-compatible admin API on 127.0.0.1 with in-memory state: the test oracle and the app's embedded demo
 * server. Start with {@link #start(SandboxOptions)}, stop with {@link #close()}.
 */
public final class SandboxServer implements AutoCloseable {
    private final SandboxOptions options;
    private final SandboxStore store;
    private final HttpServer http;
    private final ExecutorService executor;
    private final SessionAuth auth;
    private final SessionHandler session;
    private final VirtualKeyHandler virtualKeys;
    private final LookupHandler lookups;
    private final VirtualMcpHandler virtualMcps;
    private final LogsHandler logs;
    private final VkJson json;
    private final CommitFaults faults = new CommitFaults();
    private final AtomicInteger failCount = new AtomicInteger();
    private volatile int failStatus;

    private SandboxServer(SandboxOptions options) throws IOException {
        this.options = options;
        this.store = SeedData.build(options.seed(), options.dialect());
        this.auth = new SessionAuth(options.username(), options.password(), options.dialect(), options.setupLock(),
                options.setupToken());
        this.session = new SessionHandler(auth);
        this.virtualKeys = new VirtualKeyHandler(store, options, faults);
        this.lookups = new LookupHandler(store, options.dialect());
        this.virtualMcps = options.dialect().atLeast(Dialect.V2) ? new VirtualMcpHandler(store) : null;
        this.json = new VkJson(store, options.dialect());
        this.logs = new LogsHandler(store, options);
        // without TCP_NODELAY the JDK server's small responses wait ~40 ms for delayed ACKs; read once per JVM
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 50);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bifrost-sandbox");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::dispatch);
        http.start();
    }

    /** Starts a server; the port is free when {@code options.port()} is 0. */
    public static SandboxServer start(SandboxOptions options) {
        try {
            return new SandboxServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public Dialect dialect() {
        return options.dialect();
    }

    /** The version string {@code GET /api/version} answers for the dialect. */
    public static String versionOf(Dialect d) {
        return switch (d) {
            case LEGACY -> "v1.4.23";
            case V1_5 -> "v1.5.0-prerelease7";
            case LATER -> "v1.6.10";
            case V2 -> "v2.2.6";
        };
    }

    /** The VK as {@code GET /api/governance/virtual-keys/{id}} returns it inside "virtual_key"; null if absent. */
    public ObjectNode vkJson(String id) {
        store.lock().lock();
        try {
            VkRec v = store.vks.get(id);
            return v == null ? null : json.vk(v);
        } finally {
            store.lock().unlock();
        }
    }

    /** Session tokens handed out by login and still valid (tests scan files for them). */
    public java.util.Set<String> activeSessions() {
        return auth.sessions();
    }

    /** Ends every session, as a server restart or expiry would: the next call with a session gets 401. */
    public void expireSessions() {
        auth.endAll();
    }

    /** The id of the VK with that name, or null. */
    public String vkIdByName(String name) {
        store.lock().lock();
        try {
            VkRec v = store.vkByName(name);
            return v == null ? null : v.id;
        } finally {
            store.lock().unlock();
        }
    }

    /** The next VK PUT commits, then answers 500 "Virtual key updated in database but failed to reload...". */
    public void failNextUpdateAfterCommit() {
        failNextAfterCommit(CommitFault.RELOAD);
    }

    /** Arms a "saved but" 500: the next request that reaches that step commits, then fails (see {@link CommitFault}). */
    public void failNextAfterCommit(CommitFault fault) {
        faults.arm(fault);
    }

    /** The next {@code n} /api requests answer {@code status} with the error envelope and change nothing. */
    public void failNextRequests(int n, int status) {
        failStatus = status;
        failCount.set(n);
    }

    /** Sets a budget's current usage (any owner). */
    public void setUsage(String budgetId, double usage) {
        store.lock().lock();
        try {
            for (SandboxStore.OwnedBudget b : store.allBudgets()) {
                if (b.budget().id.equals(budgetId)) {
                    b.budget().currentUsage = usage;
                    return;
                }
            }
            throw new IllegalArgumentException("no budget " + budgetId);
        } finally {
            store.lock().unlock();
        }
    }

    /** Budget ids of a VK's own budgets, for tests. */
    public java.util.List<String> vkBudgetIds(String vkId) {
        store.lock().lock();
        try {
            VkRec v = store.vks.get(vkId);
            return v == null ? java.util.List.of() : v.budgets.stream().map((BudgetRec b) -> b.id).toList();
        } finally {
            store.lock().unlock();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange he) throws IOException {
        Exchange ex = new Exchange(he);
        try {
            route(ex);
        } catch (ApiException e) {
            ex.error(e.status, e.getMessage());
        } catch (RuntimeException e) {
            ex.error(500, "Internal sandbox error: " + e);
        } finally {
            he.close();
        }
    }

    private void route(Exchange ex) throws IOException {
        if (ex.path.equals("/health")) {
            ObjectNode o = Json.obj().put("status", "ok");
            o.putObject("components").put("db_pings", "ok");
            ex.ok(o);
            return;
        }
        if (!ex.path.startsWith("/api/")) {
            ex.error(404, "Not found");
            return;
        }
        int left = failCount.getAndUpdate(n -> n > 0 ? n - 1 : 0);
        if (left > 0) {
            ex.error(failStatus, Json.reason(failStatus));
            return;
        }
        // the v2.2.6 setup lock runs before the normal auth (REFERENCE-v2.md §11.2.1)
        if (auth.refusedBySetupLock(ex)) {
            return;
        }
        boolean exempt = ex.path.equals("/api/session/is-auth-enabled") || ex.path.equals("/api/session/login");
        if (!exempt && !auth.authorized(ex)) {
            ex.error(401, "Unauthorized");
            return;
        }
        if (ex.path.equals("/api/version") && ex.method.equals("GET")) {
            ex.ok(TextNode.valueOf(options.version() != null ? options.version() : versionOf(options.dialect())));
            return;
        }
        if (session.handle(ex)) {
            return;
        }
        store.lock().lock();
        try {
            if (virtualKeys.handle(ex) || lookups.handle(ex) || (virtualMcps != null && virtualMcps.handle(ex))
                    || logs.handle(ex)) {
                return;
            }
        } finally {
            store.lock().unlock();
        }
        ex.error(404, "Not found");
    }
}
