package bifrostdesk.bulk;

import bifrostdesk.virtualkey.edit.KeyEdits;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every bulk operation of issue 15, each built from the editor's own edits ({@link KeyEdits}): the result of an
 * operation on a key is what the editor would hold had the user made the change by hand. An operation that does
 * not apply to a key (no 1d budget to change, the provider already configured) returns the key unchanged, which
 * the review counts as "already as asked".
 */
public final class BulkOperations {
    private BulkOperations() {
    }

    /** An operation made of its words, its kind and its edit. */
    private record Op(String describe, Kind kind, UnaryOperator<VirtualKey> edit, boolean resetsUsage)
            implements BulkOperation {
        @Override
        public VirtualKey apply(VirtualKey server) {
            return edit.apply(server);
        }
    }

    private static BulkOperation update(String words, UnaryOperator<VirtualKey> edit) {
        return new Op(words, BulkOperation.Kind.UPDATE, edit, false);
    }

    // ---- activation ----------------------------------------------------------------------------------------

    public static BulkOperation setActive(boolean active) {
        return update(active ? "activates the keys" : "deactivates the keys", vk -> KeyEdits.setField(vk,
                new FieldKey(NodePath.ROOT, Field.ACTIVE), Boolean.toString(active)).key());
    }

    // ---- budgets -------------------------------------------------------------------------------------------

    /** Adds a budget of {@code duration} to every owner in {@code scope} that has none of that duration. */
    public static BulkOperation addBudget(BudgetScope scope, String duration, double limit) {
        String d = duration.trim();
        return update("adds a " + d + " budget of " + new LimitChange(limit, false).words().substring(3) + " to "
                + scope.words() + " budgets where there is none", vk -> {
                    VirtualKey out = vk;
                    for (String owner : scope.owners(vk)) {
                        if (indexOf(KeyEdits.budgetsOf(out, owner), d) < 0) {
                            out = KeyEdits.addBudget(out, owner, Budget.newBudget(limit, d));
                        }
                    }
                    return out;
                });
    }

    /** Changes the limit of the budget of {@code duration} of every owner in {@code scope} that has one. */
    public static BulkOperation changeBudget(BudgetScope scope, String duration, LimitChange change) {
        String d = duration.trim();
        return update(scope.words() + " " + d + " budgets " + change.words(), vk -> {
            VirtualKey out = vk;
            for (String owner : scope.owners(vk)) {
                List<Budget> list = new ArrayList<>(KeyEdits.budgetsOf(out, owner));
                int i = indexOf(list, d);
                if (i >= 0) {
                    Double next = change.apply(list.get(i).maxLimit());
                    if (next != null && !next.equals(list.get(i).maxLimit())) {
                        list.set(i, list.get(i).withMaxLimit(next));
                        out = KeyEdits.setBudgets(out, owner, list);
                    }
                }
            }
            return out;
        });
    }

    /** Removes the budget of {@code duration} of every owner in {@code scope} (its usage goes with it). */
    public static BulkOperation removeBudget(BudgetScope scope, String duration) {
        String d = duration.trim();
        return update("removes " + scope.words() + " " + d + " budgets", vk -> {
            VirtualKey out = vk;
            for (String owner : scope.owners(vk)) {
                int i = indexOf(KeyEdits.budgetsOf(out, owner), d);
                if (i >= 0) {
                    out = KeyEdits.remove(out, NodePath.budget(owner, i));
                }
            }
            return out;
        });
    }

    private static int indexOf(List<Budget> budgets, String duration) {
        for (int i = 0; i < budgets.size(); i++) {
            if (duration.equals(budgets.get(i).resetDuration())) {
                return i;
            }
        }
        return -1;
    }

    // ---- rate limits ---------------------------------------------------------------------------------------

    /**
     * Sets the rate limit of every owner in {@code scope}: a token and/or a request limit ({@code null} maximum =
     * that sub-limit unused). An existing limit keeps its id, as the editor keeps it.
     */
    public static BulkOperation setRateLimit(BudgetScope scope, Long tokens, String tokenDuration, Long requests,
                                             String requestDuration) {
        RateLimit wanted = RateLimit.of(tokens, tokens == null ? null : tokenDuration, requests,
                requests == null ? null : requestDuration);
        String words = (tokens == null ? "" : tokens + " tokens per " + tokenDuration)
                + (tokens != null && requests != null ? " and " : "")
                + (requests == null ? "" : requests + " requests per " + requestDuration);
        return update("sets " + scope.words() + " rate limit to " + words, vk -> {
            VirtualKey out = vk;
            for (String owner : scope.owners(vk)) {
                RateLimit old = KeyEdits.rateLimitOf(out, owner.isEmpty() ? NodePath.ROOT : NodePath.parse(owner));
                RateLimit next = old == null ? wanted : old.withTokens(wanted.tokenMaxLimit(),
                        wanted.tokenResetDuration()).withRequests(wanted.requestMaxLimit(),
                        wanted.requestResetDuration());
                if (old == null || !old.sameSettings(next)) {
                    out = KeyEdits.setRateLimit(out, owner, next);
                }
            }
            return out;
        });
    }

    public static BulkOperation removeRateLimit(BudgetScope scope) {
        return update("removes " + scope.words() + " rate limit", vk -> {
            VirtualKey out = vk;
            for (String owner : scope.owners(vk)) {
                if (KeyEdits.rateLimitOf(out, owner.isEmpty() ? NodePath.ROOT : NodePath.parse(owner)) != null) {
                    out = KeyEdits.setRateLimit(out, owner, null);
                }
            }
            return out;
        });
    }

    // ---- provider configs ----------------------------------------------------------------------------------

    /**
     * Adds a config of {@code provider} allowing {@code models} ({@code ["*"]} = every model) and every key of the
     * provider, with {@code weight} ({@code null} = none) — to keys that have no config of that provider yet.
     */
    public static BulkOperation addProvider(String provider, List<String> models, Double weight) {
        String p = provider.trim();
        List<String> m = List.copyOf(models);
        return update("adds the provider " + p + " (" + modelWords(m) + ") where it is missing", vk -> {
            if (vk.providerConfigs().stream().anyMatch(pc -> p.equals(pc.provider()))) {
                return vk;
            }
            return KeyEdits.addProvider(vk, ProviderConfig.newConfig(p).withAllowedModels(m).withWeight(weight));
        });
    }

    /** Removes every config of {@code provider} (with its budgets and rate limit). */
    public static BulkOperation removeProvider(String provider) {
        String p = provider.trim();
        return update("removes the provider " + p, vk -> {
            VirtualKey out = vk;
            for (int i = out.providerConfigs().size() - 1; i >= 0; i--) {
                if (p.equals(out.providerConfigs().get(i).provider())) {
                    out = KeyEdits.remove(out, NodePath.provider(i));
                }
            }
            return out;
        });
    }

    /**
     * Replaces the allowed models of every config of {@code provider} with {@code models}, or with
     * {@code extend} adds them to the ones allowed (a config allowing every model stays as it is).
     */
    public static BulkOperation setModels(String provider, List<String> models, boolean extend) {
        String p = provider.trim();
        List<String> m = List.copyOf(models);
        return update((extend ? "allows " + modelWords(m) + " in addition on " : "allows only " + modelWords(m)
                + " on ") + "each " + p + " config", vk -> {
                    VirtualKey out = vk;
                    for (int i = 0; i < out.providerConfigs().size(); i++) {
                        ProviderConfig pc = out.providerConfigs().get(i);
                        if (!p.equals(pc.provider()) || extend && pc.allowsAllModels()) {
                            continue;
                        }
                        List<String> next = m;
                        if (extend) {
                            LinkedHashSet<String> union = new LinkedHashSet<>(pc.allowedModels());
                            union.addAll(m);
                            next = List.copyOf(union);
                        }
                        if (!next.equals(pc.allowedModels())) {
                            out = KeyEdits.setModels(out, i, next);
                        }
                    }
                    return out;
                });
    }

    private static String modelWords(List<String> models) {
        return models.equals(List.of("*")) ? "every model" : String.join(", ", models);
    }

    // ---- MCP -----------------------------------------------------------------------------------------------

    /** Attaches the MCP client with {@code tools} ({@code ["*"]} = all); an attached client gets exactly these. */
    public static BulkOperation attachMcp(String client, List<String> tools) {
        String c = client.trim();
        List<String> t = List.copyOf(tools);
        return update("attaches the MCP client " + c + " with " + (t.equals(List.of("*")) ? "every tool"
                : String.join(", ", t)), vk -> {
                    for (int i = 0; i < vk.mcpConfigs().size(); i++) {
                        McpConfig m = vk.mcpConfigs().get(i);
                        if (c.equals(m.mcpClientName())) {
                            return m.toolsToExecute().equals(t) ? vk : KeyEdits.setTools(vk, i, t);
                        }
                    }
                    return KeyEdits.addMcp(vk, new McpConfig(null, c, t));
                });
    }

    public static BulkOperation detachMcp(String client) {
        String c = client.trim();
        return update("detaches the MCP client " + c, vk -> {
            for (int i = 0; i < vk.mcpConfigs().size(); i++) {
                if (c.equals(vk.mcpConfigs().get(i).mcpClientName())) {
                    return KeyEdits.remove(vk, NodePath.mcp(i));
                }
            }
            return vk;
        });
    }

    // ---- owner, expiry -------------------------------------------------------------------------------------

    /**
     * Gives the keys one owner: a team, a customer or a business unit (at most one is given; none detaches the
     * keys from their owners). {@code label} names the owner in the review.
     */
    public static BulkOperation changeOwner(String teamId, String customerId, String businessUnitId, String label) {
        int given = (teamId == null ? 0 : 1) + (customerId == null ? 0 : 1) + (businessUnitId == null ? 0 : 1);
        if (given > 1) {
            throw new IllegalArgumentException("A key has one owner: give a team, a customer or a business unit");
        }
        String words = given == 0 ? "detaches the keys from their owners" : "moves the keys to " + label;
        return update(words, vk -> {
            if (teamId != null) {
                return vk.withTeam(teamId);
            }
            if (customerId != null) {
                return vk.withCustomer(customerId);
            }
            VirtualKey none = vk.withOwner(null, null);
            return none.withV2(none.v2().withBusinessUnit(businessUnitId, businessUnitId == null ? null : label));
        });
    }

    /** Sets the expiry ({@code null} clears it). */
    public static BulkOperation setExpiry(Instant at) {
        return update(at == null ? "clears the expiry" : "sets the expiry to " + at, vk -> KeyEdits.setField(vk,
                new FieldKey(NodePath.ROOT, Field.EXPIRES_AT), at == null ? "" : at.toString()).key());
    }

    // ---- usage, rotation, deletion -------------------------------------------------------------------------

    /** Zeroes the usage of every budget of the keys (Bifrost v1.5.2 and later). */
    public static BulkOperation resetUsage() {
        return new Op("resets the usage of every budget to $0", BulkOperation.Kind.UPDATE, vk -> vk, true);
    }

    public static BulkOperation rotate() {
        return new Op("gives the keys new values (the current values stop working)", BulkOperation.Kind.ROTATE,
                vk -> vk, false);
    }

    public static BulkOperation delete() {
        return new Op("deletes the keys for good", BulkOperation.Kind.DELETE, vk -> vk, false);
    }
}
