package bifrostdesk.virtualkey.edit;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.McpConfig;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.NodeKind;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Pure edits of a virtual key addressed by node path and {@link Field}. Text fields come in as the raw text the
 * user typed; what does not parse becomes {@code null} in the model and a parse problem for the form, so the text
 * survives. {@link FieldText} is the way back, from the model to a field's text.
 */
public final class KeyEdits {
    private KeyEdits() {
    }

    /** The outcome of a text edit: the new key and, when the text did not parse, why. */
    public record Result(VirtualKey key, Optional<String> parseProblem) {
    }

    /**
     * Sets the text field {@code key} to what the user typed.
     *
     * @throws IllegalArgumentException when the node has no such text field, or no longer exists in {@code vk}
     */
    public static Result setField(VirtualKey vk, FieldKey key, String raw) {
        NodePath p = key.node();
        Field field = key.field();
        String text = raw == null ? "" : raw.trim();
        switch (p.kind()) {
            case KEY -> {
                return switch (field) {
                    case NAME -> ok(vk.withName(raw == null ? "" : raw));
                    case DESCRIPTION -> ok(vk.withDescription(raw == null ? "" : raw));
                    case ACTIVE -> ok(vk.withActive(Boolean.parseBoolean(text)));
                    case EXPIRES_AT -> {
                        if (text.isEmpty()) {
                            yield ok(vk.withExpiresAt(null));
                        }
                        Optional<java.time.Instant> at = parseInstant(text);
                        yield new Result(vk.withExpiresAt(at.orElse(null)), at.isEmpty()
                                ? Optional.of("'" + text + "' is not a date — use 2027-01-31 or 2027-01-31T18:00Z (UTC)")
                                : at.get().isBefore(java.time.Instant.now())
                                ? Optional.of("The expiry must be in the future") : Optional.empty());
                    }
                    default -> throw unknown(key);
                };
            }
            case BUDGET -> {
                if (field == Field.MAX_LIMIT) {
                    Optional<Double> d = parseMoney(text);
                    Optional<String> problem = text.isEmpty() ? Optional.of("Enter a limit in USD, e.g. 100")
                            : d.isEmpty() ? Optional.of("'" + text + "' is not a number — use digits, e.g. 12.50")
                            : Optional.empty();
                    return new Result(updateBudget(vk, p, b -> b.withMaxLimit(d.orElse(null))), problem);
                }
                if (field == Field.RESET_DURATION) {
                    return ok(updateBudget(vk, p, b -> b.withResetDuration(text)));
                }
                throw unknown(key);
            }
            case RATE_LIMIT -> {
                RateLimit rl = rateLimitOf(vk, p);
                if (rl == null) {
                    rl = RateLimit.of(null, null, null, null);
                }
                Optional<String> problem = Optional.empty();
                Long num = null;
                if ((field == Field.TOKEN_MAX_LIMIT || field == Field.REQUEST_MAX_LIMIT) && !text.isEmpty()) {
                    Optional<Long> n = parseCount(text);
                    num = n.orElse(null);
                    if (n.isEmpty()) {
                        problem = Optional.of("'" + text + "' is not a whole number");
                    }
                }
                String dur = text.isEmpty() ? null : text;
                RateLimit next = switch (field) {
                    case TOKEN_MAX_LIMIT -> rl.withTokens(num, rl.tokenResetDuration());
                    case TOKEN_RESET_DURATION -> rl.withTokens(rl.tokenMaxLimit(), dur);
                    case REQUEST_MAX_LIMIT -> rl.withRequests(num, rl.requestResetDuration());
                    case REQUEST_RESET_DURATION -> rl.withRequests(rl.requestMaxLimit(), dur);
                    default -> throw unknown(key);
                };
                // An unparsable maximum must not make the limit look removed: keep the node while the text is bad.
                boolean remove = next.isEmpty() && problem.isEmpty();
                return new Result(setRateLimit(vk, p.ownerPath(), remove ? null : next), problem);
            }
            case PROVIDER_CONFIG -> {
                int i = p.providerIndex();
                if (field == Field.PROVIDER) {
                    return ok(updateProvider(vk, i, pc -> pc.withProvider(text)));
                }
                if (field == Field.WEIGHT) {
                    if (text.isEmpty()) {
                        return ok(updateProvider(vk, i, pc -> pc.withWeight(null)));
                    }
                    Optional<Double> w = parseNumber(text);
                    return new Result(updateProvider(vk, i, pc -> pc.withWeight(w.orElse(null))),
                            w.isEmpty() ? Optional.of("'" + text + "' is not a number — e.g. 0.5, or empty for none")
                                    : Optional.empty());
                }
                throw unknown(key);
            }
            default -> throw unknown(key);
        }
    }

    public static VirtualKey setKeys(VirtualKey vk, int providerIndex, boolean allKeys, List<KeyRef> keys) {
        return updateProvider(vk, providerIndex, pc -> pc.withKeys(allKeys, allKeys ? List.of() : keys));
    }

    public static VirtualKey setModels(VirtualKey vk, int providerIndex, List<String> models) {
        return updateProvider(vk, providerIndex, pc -> pc.withAllowedModels(models));
    }

    public static VirtualKey setTools(VirtualKey vk, int mcpIndex, List<String> tools) {
        List<McpConfig> list = new ArrayList<>(vk.mcpConfigs());
        list.set(mcpIndex, list.get(mcpIndex).withTools(tools));
        return vk.withMcpConfigs(list);
    }

    public static VirtualKey addBudget(VirtualKey vk, String ownerPath, Budget budget) {
        List<Budget> list = new ArrayList<>(budgetsOf(vk, ownerPath));
        list.add(budget);
        return setBudgets(vk, ownerPath, list);
    }

    public static VirtualKey addProvider(VirtualKey vk, ProviderConfig pc) {
        List<ProviderConfig> list = new ArrayList<>(vk.providerConfigs());
        list.add(pc);
        return vk.withProviderConfigs(list);
    }

    public static VirtualKey addMcp(VirtualKey vk, McpConfig m) {
        List<McpConfig> list = new ArrayList<>(vk.mcpConfigs());
        list.add(m);
        return vk.withMcpConfigs(list);
    }

    /**
     * Removes the node at {@code path}: a budget, a rate limit, a provider config, an MCP config or one model's
     * per-model budgets.
     */
    public static VirtualKey remove(VirtualKey vk, String path) {
        NodePath p = NodePath.parse(path);
        switch (p.kind()) {
            case BUDGET -> {
                List<Budget> list = new ArrayList<>(budgetsOf(vk, p.ownerPath()));
                list.remove(p.budgetIndex());
                return setBudgets(vk, p.ownerPath(), list);
            }
            case BUDGETS -> {
                return setBudgets(vk, p.ownerPath(), List.of());
            }
            case RATE_LIMIT -> {
                return setRateLimit(vk, p.ownerPath(), null);
            }
            case PROVIDER_CONFIG -> {
                List<ProviderConfig> list = new ArrayList<>(vk.providerConfigs());
                list.remove(p.providerIndex());
                return vk.withProviderConfigs(list);
            }
            case MCP_CONFIG -> {
                List<McpConfig> list = new ArrayList<>(vk.mcpConfigs());
                list.remove(p.mcpIndex());
                return vk.withMcpConfigs(list);
            }
            case MODEL_BUDGET -> {
                return KeyEditsV2.removeModelBudget(vk, p.providerIndex(), p.modelIndex());
            }
            default -> throw new IllegalArgumentException("cannot remove " + path);
        }
    }

    /**
     * Duplicates a provider config or a budget as a new entry (no id, usage zero), placed right after it.
     * A duplicated budget gets no reset duration, since one owner may not have two budgets of the same one.
     */
    public static VirtualKey duplicate(VirtualKey vk, String path) {
        NodePath p = NodePath.parse(path);
        if (p.kind() == NodeKind.PROVIDER_CONFIG) {
            ProviderConfig pc = vk.providerConfigs().get(p.providerIndex());
            List<Budget> budgets = pc.budgets().stream()
                    .map(b -> new Budget(null, b.maxLimit(), b.resetDuration(), 0, null, b.calendarAligned())).toList();
            RateLimit rl = pc.rateLimit() == null ? null : RateLimit.of(pc.rateLimit().tokenMaxLimit(),
                    pc.rateLimit().tokenResetDuration(), pc.rateLimit().requestMaxLimit(),
                    pc.rateLimit().requestResetDuration());
            ProviderConfig copy = new ProviderConfig(null, pc.provider(), pc.weight(), pc.allowedModels(),
                    pc.allowAllKeys(), pc.keys(), budgets, rl);
            List<ProviderConfig> list = new ArrayList<>(vk.providerConfigs());
            list.add(p.providerIndex() + 1, copy);
            return vk.withProviderConfigs(list);
        }
        if (p.kind() == NodeKind.BUDGET) {
            Budget b = budgetsOf(vk, p.ownerPath()).get(p.budgetIndex());
            List<Budget> list = new ArrayList<>(budgetsOf(vk, p.ownerPath()));
            list.add(p.budgetIndex() + 1, Budget.newBudget(b.maxLimit(), ""));
            return setBudgets(vk, p.ownerPath(), list);
        }
        throw new IllegalArgumentException("cannot duplicate " + path);
    }

    /** The budgets owned by {@code ownerPath}: "" (the key), a provider config, or a model under one. */
    public static List<Budget> budgetsOf(VirtualKey vk, String ownerPath) {
        if (ownerPath.isEmpty()) {
            return vk.budgets();
        }
        NodePath owner = NodePath.parse(ownerPath);
        ProviderConfig pc = vk.providerConfigs().get(owner.providerIndex());
        return owner.inModelBudget() ? pc.modelBudgets().get(owner.modelIndex()).budgets() : pc.budgets();
    }

    public static RateLimit rateLimitOf(VirtualKey vk, NodePath p) {
        if (!p.inProviderConfig()) {
            return vk.rateLimit();
        }
        ProviderConfig pc = vk.providerConfigs().get(p.providerIndex());
        return p.inModelBudget() ? pc.modelBudgets().get(p.modelIndex()).rateLimit() : pc.rateLimit();
    }

    /** The model entry at a model path, or {@code null} when the path points past the lists. */
    public static ModelBudget modelBudgetOf(VirtualKey vk, NodePath p) {
        if (p.providerIndex() < 0 || p.providerIndex() >= vk.providerConfigs().size()) {
            return null;
        }
        List<ModelBudget> list = vk.providerConfigs().get(p.providerIndex()).modelBudgets();
        return p.modelIndex() < 0 || p.modelIndex() >= list.size() ? null : list.get(p.modelIndex());
    }

    public static VirtualKey setBudgets(VirtualKey vk, String ownerPath, List<Budget> budgets) {
        if (ownerPath.isEmpty()) {
            return vk.withBudgets(budgets);
        }
        NodePath owner = NodePath.parse(ownerPath);
        if (owner.inModelBudget()) {
            return updateModel(vk, owner, mb -> new ModelBudget(mb.modelName(), budgets, mb.rateLimit()));
        }
        return updateProvider(vk, owner.providerIndex(), pc -> pc.withBudgets(budgets));
    }

    public static VirtualKey setRateLimit(VirtualKey vk, String ownerPath, RateLimit rl) {
        if (ownerPath.isEmpty()) {
            return vk.withRateLimit(rl);
        }
        NodePath owner = NodePath.parse(ownerPath);
        if (owner.inModelBudget()) {
            return updateModel(vk, owner, mb -> new ModelBudget(mb.modelName(), mb.budgets(), rl));
        }
        return updateProvider(vk, owner.providerIndex(), pc -> pc.withRateLimit(rl));
    }

    private static VirtualKey updateModel(VirtualKey vk, NodePath owner, UnaryOperator<ModelBudget> f) {
        return updateProvider(vk, owner.providerIndex(), pc -> {
            List<ModelBudget> list = new ArrayList<>(pc.modelBudgets());
            list.set(owner.modelIndex(), f.apply(list.get(owner.modelIndex())));
            return pc.withModelBudgets(list);
        });
    }

    private static VirtualKey updateBudget(VirtualKey vk, NodePath p, UnaryOperator<Budget> f) {
        List<Budget> list = new ArrayList<>(budgetsOf(vk, p.ownerPath()));
        list.set(p.budgetIndex(), f.apply(list.get(p.budgetIndex())));
        return setBudgets(vk, p.ownerPath(), list);
    }

    private static VirtualKey updateProvider(VirtualKey vk, int i, UnaryOperator<ProviderConfig> f) {
        List<ProviderConfig> list = new ArrayList<>(vk.providerConfigs());
        list.set(i, f.apply(list.get(i)));
        return vk.withProviderConfigs(list);
    }

    /** Accepts {@code 12.5}, {@code $12.50}, {@code 1,000.25}; rejects {@code 12,5k}. */
    static Optional<Double> parseMoney(String text) {
        String t = text.startsWith("$") ? text.substring(1).trim() : text;
        if (t.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            t = t.replace(",", "");
        }
        return parseNumber(t);
    }

    /** A date (midnight UTC) or an ISO-8601 instant, as Bifrost's RFC 3339 {@code expires_at}. */
    static Optional<java.time.Instant> parseInstant(String t) {
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            }
            return Optional.of(java.time.OffsetDateTime.parse(t.replace(" ", "T")).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Optional.of(java.time.Instant.parse(t));
            } catch (java.time.format.DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static Optional<Double> parseNumber(String t) {
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(t));
    }

    static Optional<Long> parseCount(String t) {
        String s = t.matches("\\d{1,3}(,\\d{3})+") ? t.replace(",", "") : t;
        if (!s.matches("[+-]?\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }

    private static Result ok(VirtualKey vk) {
        return new Result(vk, Optional.empty());
    }

    private static IllegalArgumentException unknown(FieldKey key) {
        return new IllegalArgumentException("no field " + key.field().id() + " at " + key.path());
    }
}
