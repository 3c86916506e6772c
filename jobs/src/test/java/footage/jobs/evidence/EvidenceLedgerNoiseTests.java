package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ledger noise and truth (issue 20, point 7): a HEAD is no download, and a burst of refusals is one entry a minute. */
class EvidenceLedgerNoiseTests extends AbstractEvidenceTests {

    @Autowired
    RefusalBursts bursts;
    @Autowired
    MeterRegistry registry;

    @Test
    void aHeadRequestSendsNoFootageAndIsNoDownload() {
        // given a viewer with an approved request for a recording
        user("hector", "VIEWER");
        long id = id("FILE0001.MP4");
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, reason, valid_from, valid_until, status, requested_at, "
                        + "decided_by) VALUES ('INTERNAL', 'hector', ?, 'noise: head', ?, ?, 'APPROVED', ?, ?)")
                .params(String.valueOf(id), now.minusHours(1), now.plusDays(1), now, APPROVER).update();
        ConsoleClient hector = new ConsoleClient(base()).signedIn("hector", PASSWORD);

        // when he asks for the download's and the playback's headers only, then downloads it
        HttpResponse<String> head = hector.head("/evidence/recordings/" + id + "/download");
        HttpResponse<String> headPlay = hector.head("/evidence/recordings/" + id + "/play");
        List<String> afterHead = uses("hector");
        HttpResponse<byte[]> get = hector.bytes("/evidence/recordings/" + id + "/download");

        // then the headers came, but only the bytes sent are a use in the ledger
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(headPlay.statusCode()).isEqualTo(200);
        assertThat(afterHead).isEmpty();
        assertThat(get.body()).isEqualTo(CONTENT);
        assertThat(uses("hector")).containsExactly("RECORDING_DOWNLOADED");
    }

    @Test
    void refusalsBeyondTenAMinuteAreSummarisedInOneEntryAndRaiseTheAlertMetric() throws Exception {
        // given a viewer without any request, and enough of this minute left for the burst
        user("hugo", "VIEWER");
        long id = id("FILE0002.MP4");
        ConsoleClient hugo = new ConsoleClient(base()).signedIn("hugo", PASSWORD);
        if (LocalTime.now().getSecond() > 45) {
            Thread.sleep((61 - LocalTime.now().getSecond()) * 1000L);
        }
        double burstsBefore = registry.counter("footage.access.refusal.bursts").count();

        // when he asks for its download 40 times in a row
        for (int i = 0; i < 40; i++) {
            assertThat(hugo.bytes("/evidence/recordings/" + id + "/download").statusCode()).isEqualTo(403);
        }
        List<String> beforeTheMinuteEnds = uses("hugo");
        bursts.flush(true);

        // then ten refusals are ledgered one by one, the other thirty in one summary, and the alert counter rose
        assertThat(beforeTheMinuteEnds).containsOnly("ACCESS_REFUSED").hasSize(10);
        List<String> summaries = jdbc.sql("SELECT payload FROM ledger WHERE entry_type = ? AND actor = 'hugo'")
                .param(RefusalBursts.SUMMARY).query(String.class).list();
        assertThat(summaries).singleElement().asString().contains("\"summarised\":30", "\"recordings\":\"" + id + "\"");
        assertThat(registry.counter("footage.access.refusal.bursts").count()).isEqualTo(burstsBefore + 1);
        // and the register shows the summary to evidence staff
        assertThat(new ConsoleClient(base()).signedIn(STAFF, PASSWORD).get("/evidence/register?user=hugo").body())
                .contains("data-type=\"" + RefusalBursts.SUMMARY + "\"");
    }

    private List<String> uses(String actor) {
        return jdbc.sql("SELECT entry_type FROM ledger WHERE actor = ? AND entry_type IN ('RECORDING_DOWNLOADED', "
                + "'RECORDING_PLAYED', 'ACCESS_REFUSED') ORDER BY seq").param(actor).query(String.class).list();
    }
}
