package bifrostdesk.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.drafts.Journal;
import bifrostdesk.sandbox.CommitFault;
import bifrostdesk.virtualkey.api.UpdateBuilder;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sending a reviewed bulk change to the sandbox on every dialect: keys changed since the review are re-planned and
 * held back, failures do not stop the rest and can be retried, cancel stops before the next key, a "saved but"
 * 500 counts as saved without a resend, and the journal entry's before-states undo the change.
 */
class BulkSendTest {
    private static final BulkOperation DEACTIVATE = BulkOperations.setActive(false);

    @TempDir
    Path tmp;

    private static List<VirtualKey> active(List<VirtualKey> keys) {
        return keys.stream().filter(VirtualKey::active).filter(k -> !k.isAccessProfileManaged()).toList();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aKeyChangedAfterTheReviewIsReplannedAndNotOverwritten(Dialect dialect) throws Exception {
        try (BulkFixture f = BulkFixture.start(dialect)) {
            BulkPlanner planner = BulkPlanner.basic(dialect);
            BulkReview review = planner.review(active(f.readAll()), DEACTIVATE);
            VirtualKey victim = review.toSend().get(0);
            // a colleague edits the key between the review and the send
            VirtualKey theirs = victim.withDescription("edited by a colleague");
            f.client.execute(UpdateBuilder.planUpdate(theirs, victim, dialect).requests().get(0));

            BulkReport report = f.sender(planner).send("t", DEACTIVATE, review.toSend(), () -> false, p -> { });
            assertThat(report.with(KeyResult.Status.STALE)).extracting(KeyResult::vkId).containsExactly(victim.id());
            VirtualKey now = f.client.getVirtualKey(victim.id());
            assertThat(now.active()).as("not sent before a second confirmation").isTrue();
            assertThat(report.count(KeyResult.Status.SENT)).isEqualTo(review.toSend().size() - 1);

            // the second confirmation sends the re-planned change on top of the colleague's edit
            BulkReport second = f.sender(planner).send("t2", DEACTIVATE, report.stale(), () -> false, p -> { });
            assertThat(second.count(KeyResult.Status.SENT)).isEqualTo(1);
            VirtualKey both = f.client.getVirtualKey(victim.id());
            assertThat(both.active()).isFalse();
            assertThat(both.description()).isEqualTo("edited by a colleague");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aFailureDoesNotStopTheRestAndRetryFailedFinishesIt(Dialect dialect) throws Exception {
        try (BulkFixture f = BulkFixture.start(dialect)) {
            BulkPlanner planner = BulkPlanner.basic(dialect);
            BulkReview review = planner.review(active(f.readAll()), DEACTIVATE);
            f.sandbox.failNextRequests(1, 503); // the first key's re-read fails (one key at a time: it is the first)
            BulkReport report = new BulkSender(f.client, planner, 1).send("t", DEACTIVATE, review.toSend(),
                    () -> false, p -> { });
            assertThat(report.with(KeyResult.Status.FAILED)).hasSize(1);
            assertThat(report.count(KeyResult.Status.SENT)).isEqualTo(review.toSend().size() - 1);
            assertThat(report.anyFailed()).isTrue();

            BulkReport retry = f.sender(planner).send("t", DEACTIVATE, report.toRetry(), () -> false, p -> { });
            assertThat(retry.count(KeyResult.Status.SENT)).isEqualTo(1);
            for (VirtualKey k : review.toSend()) {
                assertThat(f.client.getVirtualKey(k.id()).active()).as(k.name()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void cancelStopsBeforeTheNextKeyAndTheReportSaysWhatWasSent(Dialect dialect) throws Exception {
        try (BulkFixture f = BulkFixture.start(dialect)) {
            BulkPlanner planner = BulkPlanner.basic(dialect);
            List<VirtualKey> keys = planner.review(active(f.readAll()), DEACTIVATE).toSend();
            assertThat(keys.size()).isGreaterThan(3);
            AtomicInteger done = new AtomicInteger();
            BulkReport report = new BulkSender(f.client, planner, 1).send("t", DEACTIVATE, keys,
                    () -> done.get() >= 2, p -> done.set(p.done()));
            assertThat(report.cancelled()).isTrue();
            assertThat(report.count(KeyResult.Status.SENT)).isEqualTo(2);
            assertThat(report.count(KeyResult.Status.NOT_SENT)).isEqualTo(keys.size() - 2);
            assertThat(report.summary()).contains("2 sent", "not sent (cancelled)");
            for (KeyResult r : report.with(KeyResult.Status.NOT_SENT)) {
                assertThat(f.client.getVirtualKey(r.vkId()).active()).as(r.vkName()).isTrue();
            }
            BulkReport rest = f.sender(planner).send("t", DEACTIVATE, report.toRetry(), () -> false, p -> { });
            assertThat(rest.count(KeyResult.Status.SENT)).isEqualTo(keys.size() - 2);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aServerErrorAfterACommittedWriteCountsAsSavedAndIsNotResent(Dialect dialect) throws Exception {
        try (BulkFixture f = BulkFixture.start(dialect)) {
            BulkPlanner planner = BulkPlanner.basic(dialect);
            List<VirtualKey> keys = planner.review(active(f.readAll()), DEACTIVATE).toSend();
            f.sandbox.failNextAfterCommit(CommitFault.RELOAD);
            BulkReport report = new BulkSender(f.client, planner, 1).send("t", DEACTIVATE, keys, () -> false,
                    p -> { });
            assertThat(report.anyFailed()).isFalse();
            KeyResult first = report.results().get(0);
            assertThat(first.message()).contains("after storing it");
            assertThat(first.requests()).hasSize(1);
            assertThat(first.after()).isNotNull();
            assertThat(first.after().active()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"LATER", "V2"})
    void rotationGoesThroughTheServersBulkEndpointInOneRequest(Dialect dialect) throws Exception {
        try (BulkFixture f = BulkFixture.start(dialect)) {
            BulkPlanner planner = BulkPlanner.basic(dialect);
            BulkOperation rotate = BulkOperations.rotate();
            List<VirtualKey> keys = planner.review(f.readAll(), rotate).toSend();
            assertThat(keys.size()).isGreaterThan(3);
            BulkReport report = f.sender(planner).send("t", rotate, keys, () -> false, p -> { });
            assertThat(report.count(KeyResult.Status.SENT)).isEqualTo(keys.size());
            assertThat(report.results().stream().flatMap(r -> r.requests().stream()).toList()).singleElement()
                    .satisfies(r -> assertThat(r.path()).isEqualTo("/api/governance/virtual-keys/rotate"));
            for (KeyResult r : report.results()) {
                assertThat(f.client.getVirtualKey(r.vkId()).value()).as(r.vkName()).isNotEqualTo(r.before().value());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theJournalEntryUndoesTheChange(Dialect dialect) throws Exception {
        try (BulkFixture f = BulkFixture.start(dialect)) {
            List<VirtualKey> before = f.readAll();
            BulkPlanner planner = BulkPlanner.basic(dialect);
            BulkOperation op = BulkOperations.changeOwner(bifrostdesk.sandbox.SeedData.TEAM_SUPPORT, null, null,
                    "Support");
            BulkReview review = planner.review(before, op);
            BulkReport report = f.sender(planner).send("bulk-1", op, review.toSend(), () -> false, p -> { });
            assertThat(report.count(KeyResult.Status.SENT)).isPositive();
            Journal journal = new Journal(tmp.resolve(dialect + ".jsonl"), f.sandbox.baseUrl());
            BulkJournal.record(journal, report);
            assertThat(journal.entries()).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo("bulk");
                assertThat(e.requests()).hasSize(report.results().stream().mapToInt(r -> r.requests().size()).sum());
            });

            Journal.BulkEntry entry = journal.bulkEntries().get(0);
            assertThat(entry.id()).isEqualTo("bulk-1");
            BulkUndo undo = BulkUndo.of(entry.operation(), BulkOperation.Kind.UPDATE, BulkJournal.sentKeys(entry));
            // one key is edited after the bulk change: the undo flags it instead of reverting it
            VirtualKey edited = f.client.getVirtualKey(undo.keyIds().get(0));
            f.client.execute(UpdateBuilder.planUpdate(edited.withDescription("later edit"), edited, dialect)
                    .requests().get(0));
            List<VirtualKey> now = undo.keyIds().stream().map(id -> {
                try {
                    return f.client.getVirtualKey(id);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            BulkReview undoReview = planner.review(now, undo);
            assertThat(undoReview.with(KeyOutcome.Status.CHANGED_SINCE)).extracting(KeyOutcome::vkId)
                    .containsExactly(edited.id());
            BulkReport undone = f.sender(planner).send("undo", undo, undoReview.toSend(), () -> false, p -> { });
            assertThat(undone.anyFailed()).isFalse();
            for (VirtualKey b : before) {
                if (b.id().equals(edited.id())) {
                    continue;
                }
                assertThat(BulkFixture.comparable(f.client.getVirtualKey(b.id()), false)).as(b.name())
                        .usingRecursiveComparison().isEqualTo(BulkFixture.comparable(b, false));
            }
        }
    }
}
