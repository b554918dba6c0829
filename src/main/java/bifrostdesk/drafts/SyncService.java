package bifrostdesk.drafts;

import bifrostdesk.drafts.merge.MergeResult;
import bifrostdesk.drafts.merge.ThreeWayMerge;
import bifrostdesk.virtualkey.api.ApiException;
import bifrostdesk.virtualkey.api.CommittedErrors;
import bifrostdesk.virtualkey.api.BifrostClient;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Brings a queued draft to the server without overwriting a colleague. For each draft: re-read the server's key;
 * if it is unchanged since the draft's base, plan the draft against it; if it changed, merge three ways (base,
 * mine, server) and plan the merged key; conflicts go back to the user. Nothing is sent here before the caller
 * has shown the plan and the user confirmed it. Blocking: run off the FX thread.
 */
public final class SyncService {
    private final BifrostClient client;
    private final Dialect dialect;
    private final Map<String, String> ownerNames;

    public SyncService(BifrostClient client, Dialect dialect, Map<String, String> ownerNames) {
        this.client = client;
        this.dialect = dialect;
        this.ownerNames = ownerNames == null ? Map.of() : ownerNames;
    }

    /** What to do with one draft. */
    public sealed interface Prepared permits Ready, NeedsMerge, DeletedOnServer {
        Draft draft();
    }

    /**
     * The draft can be saved with {@code plan}.
     *
     * @param merged true when the server had changed and both sides' edits were merged automatically
     */
    public record Ready(Draft draft, VirtualKey server, VirtualKey toSave, SavePlan plan, boolean merged)
            implements Prepared {
    }

    /** The server changed the same fields: the user chooses per field, then {@link #planResolved}. */
    public record NeedsMerge(Draft draft, VirtualKey server, MergeResult merge) implements Prepared {
    }

    /** The key was deleted on the server meanwhile; the draft is kept (re-create or discard). */
    public record DeletedOnServer(Draft draft) implements Prepared {
    }

    public Prepared prepare(Draft draft) throws ApiException {
        VirtualKey server;
        try {
            server = client.getVirtualKey(draft.vkId());
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                return new DeletedOnServer(draft);
            }
            throw e;
        }
        if (!server.changedSince(draft.base())) {
            return new Ready(draft, server, draft.edited(), plan(draft.edited(), server), false);
        }
        MergeResult merge = ThreeWayMerge.merge(draft.base(), draft.edited(), server);
        if (merge.clean()) {
            return new Ready(draft, server, merge.merged(), plan(merge.merged(), server), true);
        }
        return new NeedsMerge(draft, server, merge);
    }

    /** The plan for a merged key after the user's choices. */
    public Ready planResolved(NeedsMerge needs, Map<String, bifrostdesk.drafts.merge.Choice> choices) {
        VirtualKey resolved = needs.merge().resolve(choices);
        return new Ready(needs.draft(), needs.server(), resolved, plan(resolved, needs.server()), true);
    }

    /** A draft of a key deleted on the server, as a create of a new key with the draft's settings. */
    public SavePlan planRecreate(Draft draft) {
        return UpdateBuilder.planCreate(draft.edited(), dialect);
    }

    private SavePlan plan(VirtualKey toSave, VirtualKey server) {
        // the concurrency question was settled above (unchanged, or merged onto the server's copy)
        return UpdateBuilder.planUpdate(toSave, server, dialect,
                UpdateBuilder.SaveOptions.defaults().withOverwriteConcurrentChanges(true).withOwnerNames(ownerNames));
    }

    /**
     * Sends a confirmed plan and records it in the journal; returns the server's key afterwards. A 500 that says
     * the write was committed anyway (REFERENCE-v2.md §11.12) counts as saved: the key is re-read, nothing is
     * resent. The write answers lack the GET-only v2 fields, so those are kept from {@code key} (§11.11.3).
     */
    public VirtualKey send(SavePlan plan, VirtualKey key, Journal journal, String action) throws Exception {
        Sent s;
        try {
            s = sendAll(plan, client::execute, () -> false, key.id() != null);
        } catch (Stopped stopped) {
            if (journal != null) {
                journal.record(action, key.id(), key.name(), stopped.sent(), false, stopped.failure().getMessage());
            }
            throw stopped.failure();
        }
        if (journal != null) {
            journal.record(action, key.id(), key.name(), s.requests(), true, s.outcome());
        }
        VirtualKey after = s.last() != null ? s.last() : key.id() == null ? null : client.getVirtualKey(key.id());
        return after == null ? null : after.keepGetOnlyFrom(key);
    }

    /** Sends one planned request; returns the key in the answer, or null when the answer has none. */
    @FunctionalInterface
    public interface RequestSender {
        VirtualKey send(PlannedRequest request) throws Exception;
    }

    /**
     * What a plan's requests did: the requests sent, the last key an answer carried (null when none did, or when a
     * committed 500 came after it), and the journal's word for the result.
     */
    public record Sent(List<PlannedRequest> requests, VirtualKey last, String outcome) {
    }

    /** Sending stopped at a failure: the requests sent up to and including the one that failed, and why. */
    public static final class Stopped extends Exception {
        private final transient List<PlannedRequest> sent;

        Stopped(List<PlannedRequest> sent, Exception failure) {
            super(failure.getMessage(), failure);
            this.sent = List.copyOf(sent);
        }

        public List<PlannedRequest> sent() {
            return sent;
        }

        public Exception failure() {
            return (Exception) getCause();
        }
    }

    /**
     * The one loop that sends a confirmed plan's requests, in order, stopping at the first failure; the editor's
     * save, the sync and activating a key all go through it. With {@code committedCountsAsSaved}, a 500 that says
     * the write was committed anyway (REFERENCE-v2.md §11.12) counts as sent and the loop goes on (the caller
     * re-reads the key); without it that 500 stops the loop like any failure and the caller re-reads to tell the
     * user. {@code cancelled} is asked before each request. Blocking: run off the FX thread.
     */
    public static Sent sendAll(SavePlan plan, RequestSender sender, BooleanSupplier cancelled,
                               boolean committedCountsAsSaved) throws Stopped {
        List<PlannedRequest> sent = new ArrayList<>();
        VirtualKey last = null;
        String outcome = "saved";
        for (PlannedRequest r : plan.requests()) {
            if (cancelled.getAsBoolean()) {
                throw new Stopped(sent, new InterruptedException("cancelled"));
            }
            sent.add(r);
            try {
                VirtualKey v = sender.send(r);
                last = v == null ? last : v;
            } catch (ApiException e) {
                if (!committedCountsAsSaved || !CommittedErrors.isCommitted(e)) {
                    throw new Stopped(sent, e);
                }
                outcome = "saved (the server answered \"" + e.serverMessage() + "\" after storing it)";
                last = null; // the answer carried no key: the caller re-reads
            } catch (Exception e) {
                throw new Stopped(sent, e);
            }
        }
        return new Sent(sent, last, outcome);
    }
}
