package bifrostdesk.bulk;

import bifrostdesk.drafts.Journal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes a bulk report to the journal as one entry, and turns a journal entry back into keys an undo can use. */
public final class BulkJournal {
    private BulkJournal() {
    }

    public static void record(Journal journal, BulkReport report) throws IOException {
        List<Journal.BulkKey> keys = new ArrayList<>();
        for (KeyResult r : report.results()) {
            keys.add(new Journal.BulkKey(r.vkId(), r.vkName(), r.status().name(), r.before(),
                    r.after() == null ? null : r.after().updatedAt(), r.requests(), r.message()));
        }
        journal.recordBulk(report.id(), report.operation(), keys, !report.anyFailed(), report.summary());
    }

    /** The keys of a journal entry that were sent, as report results (what an undo reverts). */
    public static List<KeyResult> sentKeys(Journal.BulkEntry entry) {
        List<KeyResult> out = new ArrayList<>();
        for (Journal.BulkKey k : entry.keys()) {
            if (KeyResult.Status.SENT.name().equals(k.status()) && k.before() != null) {
                // only the after time is kept in the journal; an undo needs no more of the after-state
                bifrostdesk.virtualkey.model.VirtualKey after = k.afterUpdatedAt() == null ? null
                        : stamp(k.before(), k.afterUpdatedAt());
                out.add(new KeyResult(k.vkId(), k.vkName(), KeyResult.Status.SENT, k.before(), after,
                        k.requests(), k.result()));
            }
        }
        return out;
    }

    /** {@code vk} with {@code updatedAt} set. */
    static bifrostdesk.virtualkey.model.VirtualKey stamp(bifrostdesk.virtualkey.model.VirtualKey vk,
                                                         java.time.Instant updatedAt) {
        return new bifrostdesk.virtualkey.model.VirtualKey(vk.id(), vk.name(), vk.description(), vk.value(),
                vk.active(), vk.teamId(), vk.customerId(), vk.budgets(), vk.rateLimit(), vk.providerConfigs(),
                vk.mcpConfigs(), vk.calendarAligned(), vk.configHash(), vk.createdAt(), updatedAt, vk.expiresAt(),
                vk.v2());
    }
}
