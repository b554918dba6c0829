package bifrostdesk.bulk;

import bifrostdesk.virtualkey.api.SavePlan;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one review shown before anything is sent: per-key outcomes grouped by status, the consequences added up over
 * the keys that change, and each key's plan on demand. Holds the reviewed server copies (the sender re-reads each
 * key and compares against them) but no request bodies.
 */
public final class BulkReview {
    private final BulkOperation operation;
    private final List<KeyOutcome> outcomes;
    private final Map<String, VirtualKey> reviewed;
    private final Consequences consequences;
    private final Function<VirtualKey, SavePlan> planner;

    BulkReview(BulkOperation operation, List<KeyOutcome> outcomes, Map<String, VirtualKey> reviewed,
               Consequences consequences, Function<VirtualKey, SavePlan> planner) {
        this.operation = operation;
        this.outcomes = List.copyOf(outcomes);
        this.reviewed = new LinkedHashMap<>(reviewed);
        this.consequences = consequences;
        this.planner = planner;
    }

    public BulkOperation operation() {
        return operation;
    }

    public List<KeyOutcome> outcomes() {
        return outcomes;
    }

    public int size() {
        return outcomes.size();
    }

    public List<KeyOutcome> with(KeyOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    public int count(KeyOutcome.Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** The server copies of the keys that change, in review order: what the sender sends to. */
    public List<VirtualKey> toSend() {
        List<VirtualKey> out = new ArrayList<>();
        for (KeyOutcome o : outcomes) {
            if (o.status() == KeyOutcome.Status.CHANGE) {
                out.add(reviewed.get(o.vkId()));
            }
        }
        return out;
    }

    /** The copy the review planned against. */
    public VirtualKey reviewedCopy(String vkId) {
        return reviewed.get(vkId);
    }

    public Consequences consequences() {
        return consequences;
    }

    /** One key's plan with its exact requests, rebuilt from the reviewed copy. */
    public SavePlan planOf(String vkId) {
        VirtualKey server = reviewed.get(vkId);
        if (server == null) {
            throw new IllegalArgumentException("key " + vkId + " is not in this review");
        }
        return planner.apply(server);
    }

    /**
     * "412 keys: 398 change, 11 already as asked, 3 cannot be changed on this server" — the groups that have keys,
     * in a fixed order.
     */
    public String summary() {
        Map<KeyOutcome.Status, Integer> counts = new EnumMap<>(KeyOutcome.Status.class);
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder(Consequences.keys(outcomes.size())).append(": ");
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(String.format(Locale.ROOT, "%,d", n) + " " + s.words()));
        sb.append(parts.isEmpty() ? "nothing selected" : String.join(", ", parts));
        return sb.toString();
    }

    /** The reasons of the keys listed apart, grouped by reason text: "3 cannot be changed on this server: why". */
    public List<String> reasonsApart() {
        Map<String, Integer> byReason = new LinkedHashMap<>();
        for (KeyOutcome o : outcomes) {
            if (o.status() != KeyOutcome.Status.CHANGE && o.status() != KeyOutcome.Status.UNCHANGED) {
                String why = o.status().words() + ": " + (o.reasons().isEmpty() ? "" : o.reasons().get(0));
                byReason.merge(why, 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        byReason.forEach((why, n) -> out.add(Consequences.keys(n) + " " + why));
        return out;
    }
}
