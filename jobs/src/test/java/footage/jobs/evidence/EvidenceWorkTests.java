package footage.jobs.evidence;

import footage.jobs.activity.ActivityUploads;
import footage.jobs.retention.RetentionActions;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The services behind the console's evidence work (issue 17) where the pages do not show every case: what is refused
 * before anything is written, a JSON import with a bad entry, an export job that fails, and who may download a bag
 * when. Device D18 and officer O18 of their own.
 */
class EvidenceWorkTests extends AbstractEvidenceTests {

    @Autowired
    RetentionActions retention;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    JobRuns runs;
    @Autowired
    ExportRecords records;
    @Autowired
    RequestExports exports;

    @Test
    void aHoldWithoutAReasonAndALiftWithNothingToLiftAreRefusedAndWriteNothing() {
        // given a recording no hold keeps
        long file = d18("D18NONE.MP4", "2026-06-01T10:00:00+08:00");
        long ledgerBefore = count("SELECT COUNT(*) FROM ledger");

        // when a hold without a reason, a case hold without a case, and a lift of no hold are asked for
        // then each is refused with its message key and the command line's reason, and nothing is written
        assertThatThrownBy(() -> retention.setHoldOnRecording(file, "  ", STAFF))
                .isInstanceOfSatisfying(RetentionActions.Refused.class,
                        e -> assertThat(e.code()).isEqualTo("evidence.hold.refused.reason"));
        assertThatThrownBy(() -> retention.setHoldOnCase(" ", "court order", STAFF))
                .isInstanceOfSatisfying(RetentionActions.Refused.class,
                        e -> assertThat(e.code()).isEqualTo("evidence.hold.refused.case"));
        assertThatThrownBy(() -> retention.liftHoldOnRecording(file, "done", STAFF))
                .isInstanceOfSatisfying(RetentionActions.Refused.class, e -> {
                    assertThat(e.code()).isEqualTo("evidence.hold.refused.none");
                    assertThat(e.getMessage()).isEqualTo("no active hold on recording " + file);
                });
        assertThat(count("SELECT COUNT(*) FROM holds WHERE recording_id = " + file)).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger")).isEqualTo(ledgerBefore);
    }

    @Test
    void aSecondHoldOnAHeldRecordingChangesNothingAndPermanentWithoutACategoryIsRefused() {
        // given a held recording
        long file = d18("D18HELD.MP4", "2026-06-02T10:00:00+08:00");
        RetentionActions.HoldSet first = retention.setHoldOnRecording(file, "first", STAFF);

        // when it is held again, and made PERMANENT without a category
        RetentionActions.HoldSet second = retention.setHoldOnRecording(file, "second", STAFF);

        // then the second names the first and sets nothing, and the class change is refused before anything is written
        assertThat(first.set()).isTrue();
        assertThat(second.set()).isFalse();
        assertThat(second.holdId()).isEqualTo(first.holdId());
        assertThat(count("SELECT COUNT(*) FROM holds WHERE recording_id = " + file)).isEqualTo(1);
        assertThatThrownBy(() -> retention.setRetention(file, "PERMANENT", "", "important", STAFF))
                .isInstanceOfSatisfying(RetentionActions.Refused.class,
                        e -> assertThat(e.code()).isEqualTo("evidence.retention.refused.category"));
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE entry_type LIKE 'RETENTION_%' AND subject = 'recording:" + file
                + "'")).isZero();
    }

    @Test
    void aJsonUploadStoresItsGoodActivitiesAndNamesTheBadEntryAndAFileThatIsNoListIsRefusedWhole() {
        // given a JSON list with a good activity of device D18 and one without an end, and files that cannot be read
        byte[] json = ("[{\"id\": \"ACT-18A\", \"caseNumber\": \"CASE-18\", \"start\": \"2026-06-03T09:00:00+08:00\","
                + " \"end\": \"2026-06-03T10:00:00+08:00\", \"devices\": [\"D18\"]},"
                + " {\"id\": \"ACT-18B\", \"start\": \"2026-06-03T11:00:00+08:00\", \"devices\": [\"D18\"]}]")
                .getBytes(StandardCharsets.UTF_8);

        // when they are uploaded
        ActivityUploads.Outcome outcome = uploads.importFile(json, STAFF);

        // then the good one is stored and ledgered under the user, the bad one named by its place in the list; the
        // unreadable files are refused whole
        assertThat(outcome.added()).isEqualTo(1);
        assertThat(outcome.rejected()).isEqualTo(1);
        assertThat(outcome.errors()).containsExactly("activity 2: start and end are required");
        assertThat(jdbc.sql("SELECT actor FROM ledger WHERE entry_type = 'ACTIVITY_IMPORTED' AND subject = 'activity:ACT-18A'")
                .query(String.class).single()).isEqualTo(STAFF);
        assertThat(count("SELECT COUNT(*) FROM activities WHERE id = 'ACT-18B'")).isZero();
        assertThatThrownBy(() -> uploads.importFile("{\"activity\": 1}".getBytes(StandardCharsets.UTF_8), STAFF))
                .isInstanceOf(ActivityUploads.Unreadable.class).hasMessageContaining("array of activities");
        assertThatThrownBy(() -> uploads.importFile(new byte[]{(byte) 0xC3, (byte) 0x28}, STAFF))
                .isInstanceOf(ActivityUploads.Unreadable.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> uploads.importFile("name,when\nx,y\n".getBytes(StandardCharsets.UTF_8), STAFF))
                .isInstanceOf(ActivityUploads.Unreadable.class).hasMessageContaining("lacks the column 'id'");
    }

    @Test
    void anExportWhoseArchiveObjectChangedFailsLeavingNoBagAndTheFailureIsLedgered() throws Exception {
        // given an approved external request for a recording whose archived bytes no longer match the catalog
        long file = archived("D18BAD.MP4", "2026-06-04T10:00:00+08:00", new byte[]{1, 2, 3, 4});
        Files.write(footage.archive().resolve("objects/D18BAD.MP4"), new byte[]{1, 2, 3, 5});
        long request = external("ella18", String.valueOf(file));

        // when the export job runs for it
        JobExecution ended = runs.run(RequestExportJobConfiguration.JOB_NAME, new JobParametersBuilder().addLong(RequestExports.REQUEST, request)
                .addString(RequestExports.BY, STAFF, false).toJobParameters());

        // then the job failed, its row says why, no bag is left, and the ledger has the start and the failure
        assertThat(ended.getStatus()).isEqualTo(BatchStatus.FAILED);
        ExportRecords.Export export = records.byExecution(ended.getId()).orElseThrow();
        assertThat(export.shown()).isEqualTo("FAILED");
        assertThat(export.failure()).contains("changed").contains("Nothing was exported");
        assertThat(footage.home().resolve("exports").resolve("request-" + request + "-" + ended.getId())).doesNotExist();
        assertThat(jdbc.sql("SELECT entry_type || ' ' || actor FROM ledger WHERE subject = ? ORDER BY seq")
                .param(AccessRequests.subject(request)).query(String.class).list())
                .containsExactly("EXPORT_STARTED " + STAFF, "EXPORT_FAILED " + STAFF);
    }

    @Test
    void aFinishedBagIsDownloadedOnlyUnderItsOwnRequestAndNoLongerOnceTheApprovalHasEnded() throws Exception {
        // given a finished export of an approved external request filed by ella18b
        long file = archived("D18GOOD.MP4", "2026-06-05T10:00:00+08:00", new byte[]{9, 8, 7, 6, 5});
        long request = external("ella18b", String.valueOf(file));
        long other = external("ella18c", String.valueOf(file));
        JobExecution ended = runs.run(RequestExportJobConfiguration.JOB_NAME, new JobParametersBuilder().addLong(RequestExports.REQUEST, request)
                .addString(RequestExports.BY, STAFF, false).toJobParameters());
        long export = records.byExecution(ended.getId()).orElseThrow().id();

        // when the requester asks for it, then asks for it under another request, then after the approval ended
        ExportRecords.Export got = exports.download(request, export, "ella18b");
        Throwable underOther = catchThrowable(() -> exports.download(other, export, "ella18c"));
        jdbc.sql("UPDATE access_requests SET valid_until = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), request).update();
        Throwable expired = catchThrowable(() -> exports.download(request, export, "ella18b"));

        // then the first is the sealed bag, the second is no export of that request, the third is refused and ledgered
        assertThat(ended.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Path.of(got.bagPath()).resolve("data/drop/d1/D18GOOD.MP4")).hasBinaryContent(new byte[]{9, 8, 7, 6, 5});
        assertThat(underOther).isInstanceOfSatisfying(RequestExports.Refused.class,
                e -> assertThat(e.code()).isEqualTo("evidence.export.refused.unknown"));
        assertThat(expired).isInstanceOfSatisfying(RequestExports.Refused.class,
                e -> assertThat(e.code()).isEqualTo("evidence.export.refused.expired"));
        assertThat(jdbc.sql("SELECT entry_type || ' ' || actor FROM ledger WHERE subject = ? ORDER BY seq")
                .param(AccessRequests.subject(request)).query(String.class).list())
                .containsExactly("EXPORT_STARTED " + STAFF, "EXPORT_FINISHED " + STAFF, "EXPORT_DOWNLOADED ella18b",
                        "EXPORT_REFUSED ella18b");
    }

    private long archived(String fileName, String start, byte[] content) throws Exception {
        Path object = footage.archive().resolve("objects/" + fileName);
        Files.createDirectories(object.getParent());
        Files.write(object, content);
        long dump = dump("D18", "O18");
        jdbc.sql("INSERT INTO recordings (sha256, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, corrected_start, duration_seconds, important, status, ingested_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'D18', 'O18', ?, 60.0, FALSE, 'ARCHIVED', ?)")
                .params(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), (long) content.length,
                        "objects/" + fileName, "drop/d1/" + fileName, fileName, dump, at(start), java.time.OffsetDateTime.now())
                .update();
        return id(fileName);
    }

    private long external(String requester, String recordings) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, reason, valid_from, valid_until, status, "
                        + "requested_at, decided_by, decided_at, decision_comment, agency_type, agency_name, letter_ref, "
                        + "letter_type, letter_sha256, letter_size) VALUES ('EXTERNAL', ?, ?, 'court 18', ?, ?, 'APPROVED', ?, "
                        + "'bella18', ?, 'ok', 'COURT', 'court 18', 'letter 18', 'PDF', ?, 10)")
                .params(requester, recordings, now.minusDays(1), now.plusDays(1), now.minusDays(1), now.minusHours(1),
                        "0".repeat(64))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM access_requests WHERE requester = ?").param(requester).query(Long.class).single();
    }

    private long d18(String fileName, String start) {
        long dump = dump("D18", "O18");
        return recording(dump, "D18", "O18", fileName, start);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
