package bifrostdesk.bulk;

import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.Violation;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Plans a bulk operation over each selected key exactly as the editor's save would: the operation gives the
 * edited copy, {@link VirtualKeyRules} checks it (only errors the change brings count; a key's existing warnings do
 * not block it), and {@link UpdateBuilder#planUpdate} builds the requests for the server's dialect. Each plan is
 * built, counted into the review and dropped, so planning 10,000 keys holds no request bodies. Pure and
 * thread-safe; no I/O.
 */
public final class BulkPlanner {
    private final Dialect dialect;
    private final Map<String, String> ownerNames;
    private final Set<String> knownProviders;
    private final Set<String> knownMcpClients;
    private final Set<String> draftIds;

    /**
     * @param ownerNames      team/customer id → name, for the plans' sentences
     * @param knownProviders  configured providers (empty = not known: no warning)
     * @param knownMcpClients MCP client names (empty = not known)
     * @param draftIds        keys with an unsaved draft in the workspace: listed apart, never changed
     */
    public BulkPlanner(Dialect dialect, Map<String, String> ownerNames, Set<String> knownProviders,
                       Set<String> knownMcpClients, Set<String> draftIds) {
        this.dialect = dialect;
        this.ownerNames = ownerNames == null ? Map.of() : Map.copyOf(ownerNames);
        this.knownProviders = knownProviders == null ? Set.of() : Set.copyOf(knownProviders);
        this.knownMcpClients = knownMcpClients == null ? Set.of() : Set.copyOf(knownMcpClients);
        this.draftIds = draftIds == null ? Set.of() : Set.copyOf(draftIds);
    }

    /** A planner with no lookups and no drafts (tests, benchmarks, the command line without a workspace). */
    public static BulkPlanner basic(Dialect dialect) {
        return new BulkPlanner(dialect, Map.of(), Set.of(), Set.of(), Set.of());
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The review of {@code op} over {@code servers} (server copies, in the order they are shown). */
    public BulkReview review(List<VirtualKey> servers, BulkOperation op) {
        Map<String, VirtualKey> reviewed = new LinkedHashMap<>();
        for (VirtualKey server : servers) {
            reviewed.putIfAbsent(server.id(), server); // a key selected twice (e.g. on two pages) is changed once
        }
        List<VirtualKey> unique = List.copyOf(reviewed.values());
        // Keys are planned independently, so chunks run on every core (the 10,000-key target, docs/benchmarks.md);
        // each chunk adds up its own consequences, merged in order.
        int chunks = (unique.size() + CHUNK - 1) / CHUNK;
        List<Chunk> done = IntStream.range(0, chunks).parallel().mapToObj(c -> {
            Chunk chunk = new Chunk(new ArrayList<>(), new Consequences());
            for (int i = c * CHUNK; i < Math.min(unique.size(), (c + 1) * CHUNK); i++) {
                chunk.outcomes().add(evaluate(unique.get(i), op, chunk.tally()));
            }
            return chunk;
        }).toList();
        Consequences tally = new Consequences();
        List<KeyOutcome> outcomes = new ArrayList<>(unique.size());
        for (Chunk chunk : done) {
            outcomes.addAll(chunk.outcomes());
            tally.add(chunk.tally());
        }
        return new BulkReview(op, outcomes, reviewed, tally, s -> plan(s, op).plan());
    }

    private static final int CHUNK = 256;

    private record Chunk(List<KeyOutcome> outcomes, Consequences tally) {
    }

    /** One key's outcome; adds its consequences to {@code tally} when it changes. */
    public KeyOutcome evaluate(VirtualKey server, BulkOperation op, Consequences tally) {
        if (draftIds.contains(server.id())) {
            return new KeyOutcome(server.id(), server.name(), KeyOutcome.Status.HAS_DRAFT,
                    List.of("save or discard the draft first"));
        }
        String since = op.changedSinceReason(server);
        if (since != null) {
            return new KeyOutcome(server.id(), server.name(), KeyOutcome.Status.CHANGED_SINCE, List.of(since));
        }
        Planned p;
        try {
            p = plan(server, op);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return new KeyOutcome(server.id(), server.name(), KeyOutcome.Status.INVALID, List.of(e.getMessage()));
        }
        if (!p.errors().isEmpty()) {
            return new KeyOutcome(server.id(), server.name(), KeyOutcome.Status.INVALID, p.errors());
        }
        if (p.plan().isRefused()) {
            return new KeyOutcome(server.id(), server.name(), KeyOutcome.Status.REFUSED, p.plan().refusals());
        }
        if (p.plan().isEmpty()) {
            return new KeyOutcome(server.id(), server.name(), KeyOutcome.Status.UNCHANGED, List.of());
        }
        if (tally != null) {
            switch (op.kind()) {
                case DELETE -> tally.addDelete(server);
                case ROTATE -> tally.addRotate();
                default -> tally.addUpdate(server, p.edited(), op.resetsUsage());
            }
        }
        return new KeyOutcome(server.id(), server.name(), KeyOutcome.Status.CHANGE, List.of());
    }

    /** A key's plan, the copy it saves and the validation errors the change would bring. */
    public record Planned(SavePlan plan, VirtualKey edited, List<String> errors) {
    }

    /** Plans {@code op} on one server copy (the sender calls this on the copy it has just re-read). */
    public Planned plan(VirtualKey server, BulkOperation op) {
        switch (op.kind()) {
            case DELETE -> {
                return new Planned(UpdateBuilder.planDelete(server), server, List.of());
            }
            case ROTATE -> {
                if (!dialect.atLeast(Dialect.LATER)) {
                    return new Planned(new SavePlan(List.of(), List.of(), List.of("This server (" + dialect.label()
                            + ") has no rotate endpoint; rotation exists from Bifrost v1.5.2 on.")), server, List.of());
                }
                return new Planned(new SavePlan(List.of(UpdateBuilder.planRotate(server)),
                        List.of("gives the key a new value"), List.of()), server, List.of());
            }
            default -> {
                VirtualKey edited = op.apply(server);
                if (edited.equals(server) && !op.resetsUsage()) {
                    return new Planned(new SavePlan(List.of(), List.of("No changes"), List.of()), server, List.of());
                }
                List<String> errors = newErrors(server, edited);
                SavePlan plan = UpdateBuilder.planUpdate(edited, server, dialect,
                        new UpdateBuilder.SaveOptions(op.resetsUsage(), false, ownerNames));
                return new Planned(plan, edited, errors);
            }
        }
    }

    /** The errors of {@code edited} that {@code server} did not already have: what the change itself breaks. */
    private List<String> newErrors(VirtualKey server, VirtualKey edited) {
        RuleContext ctx = new RuleContext(Set.of(), knownProviders, knownMcpClients, server, dialect);
        List<Violation> after = VirtualKeyRules.errors(edited, ctx);
        if (after.isEmpty()) {
            return List.of();
        }
        Set<String> before = new HashSet<>();
        VirtualKeyRules.errors(server, ctx).forEach(v -> before.add(v.message()));
        List<String> out = new ArrayList<>();
        for (Violation v : after) {
            if (!before.contains(v.message())) {
                out.add(v.message());
            }
        }
        return out;
    }
}
