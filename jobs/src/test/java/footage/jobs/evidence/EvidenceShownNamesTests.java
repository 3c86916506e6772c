package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names from stations reach the console's pages escaped: a control or bidi character is shown, never acted on. */
class EvidenceShownNamesTests extends AbstractEvidenceTests {

    @Test
    void aRecordingWhoseNameHoldsAnOverrideAnEscAndABelIsShownEscaped() {
        // given a recording whose file name and officer name hold U+202E, ESC and BEL
        String hostile = "clip_\u202Egnp\u001B[31m\u0007.MP4";
        long dump = dump("DX", "OX");
        jdbc.sql("UPDATE dumps SET officer_name = ? WHERE id = ?").params("Ann\u2066a\u2069\u200F", dump).update();
        long id = recording(dump, "DX", "OX", hostile, "2026-03-01T10:00:00+08:00");
        try {
            // when
            String page = new ConsoleClient(base()).signedIn(STAFF, PASSWORD).get("/evidence/recordings/" + id).body();

            // then the page shows the escapes, in the title as in the text, and none of the characters
            assertThat(page).contains("clip_\\u202Egnp\\u001B[31m\\u0007.MP4").contains("Ann\\u2066a\\u2069\\u200F")
                    .doesNotContain("\u202E", "\u001B", "\u0007", "\u2066", "\u2069", "\u200F");
            assertThat(page).contains("<title>clip_\\u202Egnp\\u001B[31m\\u0007.MP4");
        } finally {
            jdbc.sql("DELETE FROM recordings WHERE id = ?").param(id).update();
            jdbc.sql("DELETE FROM dumps WHERE id = ?").param(dump).update();
        }
    }
}
