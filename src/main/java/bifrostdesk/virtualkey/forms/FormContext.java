package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.DialogService;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.tree.V2Editor;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.util.function.Supplier;

/** What every form needs: the editor (and its v2 edits), the server's lookup data for pickers, dialogs. */
record FormContext(VirtualKeyEditorViewModel vm, V2Editor v2, Supplier<Lookups.Snapshot> lookups,
                   DialogService dialogs) {
    FormContext(VirtualKeyEditorViewModel vm, Supplier<Lookups.Snapshot> lookups, DialogService dialogs) {
        this(vm, new V2Editor(vm), lookups, dialogs);
    }
}
