package footage.jobs.evidence;

import footage.jobs.activity.ActivityUploads;
import footage.jobs.retention.RetentionActions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services behind the console's evidence work (issue 17) where the pages do not show every case: what is refused
 * before anything is written, and a JSON import with a bad entry. Device D18 and officer O18 of their own.
 */
class EvidenceWorkTests extends AbstractEvidenceTests {

    @Autowired
    RetentionActions retention;
    @Autowired
    ActivityUploads uploads;

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

    private long d18(String fileName, String start) {
        long dump = dump("D18", "O18");
        return recording(dump, "D18", "O18", fileName, start);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
