package bifrostdesk.virtualkey.forms;

import bifrostdesk.common.ui.DialogService;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.util.function.Supplier;

/** What every form needs: the editor, the server's lookup data for pickers, dialogs. */
record FormContext(VirtualKeyEditorViewModel vm, Supplier<Lookups.Snapshot> lookups, DialogService dialogs) {
}
