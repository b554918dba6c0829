package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.edit.KeyEdits;
import bifrostdesk.virtualkey.edit.KeyEditsV2;
import bifrostdesk.virtualkey.model.AccessLists;
import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.BudgetOverride;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.MetadataRules;
import bifrostdesk.virtualkey.model.ModelBudget;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The edits of what Bifrost v2 added (REFERENCE-v2.md §11), named for the forms and tests: each checks its input
 * the way the server would, then applies one undoable {@link KeyEditsV2} edit through the editor. A method that can
 * refuse its input returns the reason (empty when applied), for the form to show at the field. No controls here.
 */
public final class V2Editor {
    private final VirtualKeyEditorViewModel vm;

    public V2Editor(VirtualKeyEditorViewModel vm) {
        this.vm = vm;
    }

    private VirtualKey key() {
        return vm.editedProperty().get();
    }

    public Dialect dialect() {
        return vm.dialect();
    }

    // ---- access ----------------------------------------------------------------------------------------------

    public void setAllProviders(boolean on) {
        vm.applyEdit("", Field.ALLOW_ALL_PROVIDERS, vk -> KeyEditsV2.setAllProviders(vk, on));
    }

    /** Why {@code entry} cannot be added to a model list of this server, or empty (checked as the server does). */
    public Optional<String> modelEntryProblem(String entry, List<String> current) {
        List<String> next = new ArrayList<>(current);
        next.add(entry);
        List<String> problems = AccessLists.problems(next);
        if (!problems.isEmpty()) {
            return Optional.of(problems.get(problems.size() - 1));
        }
        if (entry.startsWith(AccessLists.REGEX) && !dialect().atLeast(Dialect.V2)) {
            return Optional.of("Patterns (regex:) need Bifrost v2.2.0 or later; this server ("
                    + dialect().label() + ") would read it as a model name");
        }
        return Optional.empty();
    }

    public void setBlockedModels(int pcIndex, List<String> models) {
        vm.applyEdit(NodePath.models(pcIndex), Field.BLACKLISTED_MODELS,
                vk -> KeyEditsV2.setBlockedModels(vk, pcIndex, models));
    }

    // ---- owner -----------------------------------------------------------------------------------------------

    /** Makes the business unit the key's one owner (a team or customer it had is detached; the plan says so). */
    public void setBusinessUnit(String id, String name) {
        vm.applyEdit("", Field.OWNER, vk -> KeyEditsV2.setBusinessUnit(vk, id, name));
    }

    // ---- budgets ---------------------------------------------------------------------------------------------

    /** The fiscal year's first month (1 = January) of the quarterly budget at {@code budgetPath}. */
    public void setQuarterStartMonth(String budgetPath, int month) {
        vm.applyEdit(budgetPath, Field.QUARTER_START_MONTH,
                vk -> KeyEditsV2.setQuarterStartMonth(vk, budgetPath, month));
    }

    /**
     * Sets the override of the budget at {@code budgetPath} from what the user typed: an amount in USD, and either
     * a number of reset windows (the current one counts) or {@code null} cycles for "until removed" (§11.5.6).
     */
    public Optional<String> setOverride(String budgetPath, String amountText, boolean forever, String cyclesText) {
        String a = amountText == null ? "" : amountText.trim().replace("$", "").replace(",", "");
        double amount;
        try {
            amount = Double.parseDouble(a);
        } catch (NumberFormatException e) {
            return Optional.of(a.isEmpty() ? "Enter the extra amount in USD, e.g. 50"
                    : "'" + amountText.trim() + "' is not a number — use digits, e.g. 50");
        }
        if (!Double.isFinite(amount) || amount <= 0) {
            return Optional.of("The extra amount must be greater than zero");
        }
        BudgetOverride o;
        if (forever) {
            o = new BudgetOverride(amount, BudgetOverride.FOREVER, null, null, null);
        } else {
            int cycles;
            try {
                cycles = Integer.parseInt(cyclesText == null ? "" : cyclesText.trim());
            } catch (NumberFormatException e) {
                return Optional.of("Enter for how many reset windows, e.g. 2");
            }
            if (cycles <= 0) {
                return Optional.of("The number of reset windows must be 1 or more");
            }
            o = new BudgetOverride(amount, BudgetOverride.CYCLES, cycles, cycles, null);
        }
        Budget b = budgetAt(budgetPath);
        if (b != null && b.isNew()) {
            return Optional.of("Save the key first: an override goes on a budget the server already has");
        }
        vm.applyEdit(budgetPath, Field.OVERRIDE, vk -> KeyEditsV2.setOverride(vk, budgetPath, o));
        return Optional.empty();
    }

    public void clearOverride(String budgetPath) {
        vm.applyEdit(budgetPath, Field.OVERRIDE, vk -> KeyEditsV2.setOverride(vk, budgetPath, null));
    }

    /**
     * Models that may get per-model limits under provider config {@code pcIndex}: those the server lists for the
     * provider's keys and the config's own allowed models (not {@code *} or patterns), minus those that have some.
     */
    public List<String> modelChoices(int pcIndex, Lookups.Snapshot lookups) {
        VirtualKey vk = key();
        if (vk == null || pcIndex >= vk.providerConfigs().size()) {
            return List.of();
        }
        ProviderConfig pc = vk.providerConfigs().get(pcIndex);
        TreeSet<String> out = new TreeSet<>();
        for (Lookups.ProviderKey k : lookups.keys()) {
            if (k.provider().equals(pc.provider())) {
                out.addAll(k.models());
            }
        }
        pc.allowedModels().stream().filter(m -> !m.equals(AccessLists.ALL) && !m.startsWith(AccessLists.REGEX))
                .forEach(out::add);
        pc.modelBudgets().forEach(mb -> out.remove(mb.modelName()));
        return List.copyOf(out);
    }

    /** Adds per-model limits for {@code model} with a monthly budget to start from, and selects that budget. */
    public Optional<String> addModelBudget(int pcIndex, String model) {
        String m = model == null ? "" : model.trim();
        if (m.isEmpty()) {
            return Optional.of("Choose a model");
        }
        if (m.equals(AccessLists.ALL)) {
            return Optional.of("'*' is not a model: the config's own budgets are the limits for all its models");
        }
        List<ModelBudget> list = key().providerConfigs().get(pcIndex).modelBudgets();
        if (list.stream().anyMatch(mb -> mb.modelName().equals(m))) {
            return Optional.of(m + " already has per-model limits here");
        }
        vm.applyEdit(NodePath.modelBudgets(pcIndex), Field.MODEL_NAME,
                vk -> KeyEditsV2.addModelBudget(vk, pcIndex, m, Budget.newBudget(50.0, "1M")));
        int at = key().providerConfigs().get(pcIndex).modelBudgets().size() - 1;
        if (at >= 0 && key().providerConfigs().get(pcIndex).modelBudgets().get(at).modelName().equals(m)) {
            vm.selectedPathProperty().set(NodePath.budget(NodePath.modelBudget(pcIndex, at), 0));
        }
        return Optional.empty();
    }

    // ---- Virtual MCPs ----------------------------------------------------------------------------------------

    public void setVirtualMcp(long id, boolean attached) {
        vm.applyEdit(NodePath.VIRTUAL_MCPS, Field.VIRTUAL_MCPS, vk -> KeyEditsV2.setVirtualMcp(vk, id, attached));
    }

    // ---- key options -----------------------------------------------------------------------------------------

    /** Adds or replaces one metadata entry; refused with the reason when the server would refuse the key. */
    public Optional<String> putMetadata(String key, String value) {
        String k = key == null ? "" : key.trim();
        String problem = MetadataRules.keyProblem(k);
        if (problem != null) {
            return Optional.of(problem);
        }
        vm.applyEdit(NodePath.METADATA, Field.METADATA, vk -> KeyEditsV2.putMetadata(vk, k, value));
        return Optional.empty();
    }

    public void removeMetadata(String key) {
        vm.applyEdit(NodePath.METADATA, Field.METADATA, vk -> KeyEditsV2.removeMetadata(vk, key));
    }

    /** Content logging: {@code null} = the gateway's setting, true = logged, false = not logged. */
    public void setContentLogging(Boolean logged) {
        vm.applyEdit("", Field.DISABLE_CONTENT_LOGGING,
                vk -> KeyEditsV2.setContentLoggingDisabled(vk, logged == null ? null : !logged));
    }

    /** "Delete after expiry": {@code null} = the gateway's default; needs an expiry (the rules say so at the field). */
    public void setDeleteAfterExpire(Boolean delete) {
        vm.applyEdit("", Field.DELETE_AFTER_EXPIRE, vk -> KeyEditsV2.setDeleteAfterExpire(vk, delete));
    }

    public Optional<String> addAgentGrant(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            return Optional.of("Enter the agent's name");
        }
        VirtualKey vk = key();
        if (vk.v2().agentGrants() != null && vk.v2().agentGrants().stream().anyMatch(g -> g.agentName().equals(n))) {
            return Optional.of(n + " is already granted");
        }
        vm.applyEdit(NodePath.AGENT_GRANTS, Field.AGENT_GRANTS, k -> KeyEditsV2.addAgentGrant(k, n));
        return Optional.empty();
    }

    public void removeAgentGrant(String name) {
        vm.applyEdit(NodePath.AGENT_GRANTS, Field.AGENT_GRANTS, vk -> KeyEditsV2.removeAgentGrant(vk, name));
    }

    private Budget budgetAt(String path) {
        NodePath p = NodePath.parse(path);
        List<Budget> list = KeyEdits.budgetsOf(key(), p.ownerPath());
        return p.budgetIndex() < list.size() ? list.get(p.budgetIndex()) : null;
    }

    /** "January" … for a month number (1–12). */
    public static String monthName(int month) {
        return java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
    }
}
