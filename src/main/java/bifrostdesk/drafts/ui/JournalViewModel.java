package bifrostdesk.drafts.ui;

import bifrostdesk.common.concurrent.TaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.drafts.Journal;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The journal window's state: the entries read from the workspace, newest first, and the export of the journal
 * file as JSON lines (where to: asked through the {@link DialogService}; the copy runs in the {@link TaskRunner}).
 */
public final class JournalViewModel {
    private final Journal journal;
    private final List<Journal.Entry> newestFirst;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper exportProblem = new ReadOnlyStringWrapper("");

    /** {@code entries} oldest first, as {@link Journal#entries()} reads them. */
    public JournalViewModel(Journal journal, List<Journal.Entry> entries, TaskRunner runner, DialogService dialogs) {
        this.journal = journal;
        List<Journal.Entry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        this.newestFirst = List.copyOf(reversed);
        this.runner = runner;
        this.dialogs = dialogs;
    }

    public List<Journal.Entry> entries() {
        return newestFirst;
    }

    /** Where the entries were sent, for the heading. */
    public String server() {
        return newestFirst.isEmpty() ? "the server" : newestFirst.get(0).server();
    }

    public boolean canExport() {
        return !newestFirst.isEmpty();
    }

    /** Asks where to, then copies the journal file there. */
    public void export() {
        dialogs.askSaveFile("Export the journal", "bifrost-desk-journal.jsonl", null).ifPresent(target -> {
            exportProblem.set("");
            runner.run("Exporting the journal",
                    p -> Files.copy(journal.file(), target, StandardCopyOption.REPLACE_EXISTING),
                    done -> dialogs.notify("Exported the journal to " + target + "."),
                    e -> exportProblem.set("Could not export: " + e.getMessage()));
        });
    }

    /** Why the last export failed ("Could not export: …"), or empty. */
    public ReadOnlyStringProperty exportProblemProperty() {
        return exportProblem.getReadOnlyProperty();
    }
}
