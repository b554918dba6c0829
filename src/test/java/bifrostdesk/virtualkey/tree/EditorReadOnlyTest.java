package bifrostdesk.virtualkey.tree;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.testing.ScriptedDialogs;
import bifrostdesk.virtualkey.api.PlannedRequest;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor lets an access-profile-managed key change only its name and description, and never per-model budgets yet. */
class EditorReadOnlyTest {
    private static final Instant NOW = Instant.now();

    private static VirtualKeyEditorViewModel editor(VirtualKey vk) {
        VirtualKeyEditorViewModel vm = new VirtualKeyEditorViewModel(new EditorBackend() {
            @Override
            public VirtualKey fetch(String id) {
                return vk;
            }

            @Override
            public VirtualKey send(PlannedRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Dialect dialect() {
                return Dialect.V2;
            }
        }, new DirectTaskRunner(), new ScriptedDialogs(), k -> List.of());
        vm.open(vk);
        return vm;
    }

    @Test
    void anAccessProfileManagedKeyTakesOnlyNameAndDescription() {
        VirtualKey ap = V2Keys.accessProfileManaged(NOW);
        VirtualKeyEditorViewModel vm = editor(ap);
        vm.setField(FieldKey.of("", Field.NAME), "renamed");
        vm.setField(FieldKey.of("", Field.DESCRIPTION), "new words");
        vm.setField(FieldKey.of("budgets/0", Field.MAX_LIMIT), "1");
        vm.setField(FieldKey.of("rate_limit", Field.REQUEST_MAX_LIMIT), "5");
        vm.setField(FieldKey.of("", Field.ACTIVE), "false");
        vm.setOwner(null, null);
        vm.setCalendarAligned(false);
        vm.addBudget("");
        vm.addProviderConfig("azure");
        vm.setModels(0, List.of());
        VirtualKey e = vm.editedProperty().get();
        assertThat(e.name()).isEqualTo("renamed");
        assertThat(e.description()).isEqualTo("new words");
        assertThat(e.withName(ap.name()).withDescription(ap.description())).isEqualTo(ap);
        assertThat(vm.canRemove("budgets/0")).isFalse();
        assertThat(vm.canRemove("provider_configs/0")).isFalse();
        assertThat(vm.canDuplicate("budgets/0")).isFalse();
        assertThat(vm.readOnlyReason("budgets/0")).hasValueSatisfying(r -> assertThat(r).contains("access profile"));
    }

    @Test
    void perModelBudgetsAreEditedLikeTheKeysOwnBudgets() {
        VirtualKey vk = V2Keys.everything(NOW);
        VirtualKeyEditorViewModel vm = editor(vk);
        vm.setField(FieldKey.of("provider_configs/0/model_budgets/0/budgets/0", Field.MAX_LIMIT), "1");
        assertThat(vm.canRemove("provider_configs/0/model_budgets/0/budgets/0")).isTrue();
        assertThat(vm.canRemove("provider_configs/0/model_budgets/0")).isTrue();
        assertThat(vm.editedProperty().get().providerConfigs().get(0).modelBudgets().get(0).budgets().get(0)
                .maxLimit()).isEqualTo(1.0);
        vm.setField(FieldKey.of("budgets/0", Field.MAX_LIMIT), "200");
        assertThat(vm.editedProperty().get().budgets().get(0).maxLimit()).isEqualTo(200.0);
        assertThat(vm.canRemove("budgets/0")).isTrue();
    }

    @Test
    void noOwnerAlsoEndsABusinessUnitsOwnership() {
        VirtualKey vk = V2Keys.everything(NOW);
        VirtualKeyEditorViewModel vm = editor(vk);
        vm.setOwner(null, null);
        assertThat(vm.editedProperty().get().isUnowned()).isTrue();
        assertThat(vm.treeProperty().get().changed()).isTrue();
    }
}
