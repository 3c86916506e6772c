package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import footage.jobs.cli.TestCommands;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording page's retention, holds and thumbnail: holds and classes set with the real {@code footage hold} and
 * {@code footage retention} commands, the thumbnail made from a real generated MP4.
 */
class EvidenceRecordingTests extends AbstractEvidenceTests {

    private static final String CLIP = "DA2CLIP1.MP4";
    private static final String PERMANENT = "DA2PERM1.MP4";

    @Autowired
    org.springframework.context.ApplicationContext commands;

    @BeforeEach
    void footageOfDeviceDa2() throws IOException {
        if (jdbc.sql("SELECT COUNT(*) FROM recordings WHERE file_name = ?").param(CLIP).query(Long.class).single() > 0) {
            return;
        }
        long dump = dump("DA2", "OA2");
        recording(dump, "DA2", "OA2", CLIP, "2026-05-01T10:00:00+08:00");
        recording(dump, "DA2", "OA2", PERMANENT, "2026-05-02T10:00:00+08:00");
        new SampleDumpGenerator().writeVideo(footage.archive().resolve("objects/" + CLIP), VideoSpec.small(3, null));
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                        + "VALUES ('ACT-A2', 'CASE-A2', ?, ?, 'DA2', 'OA2', ?)")
                .params(at("2026-05-01T09:00:00+08:00"), at("2026-05-01T11:00:00+08:00"), at("2026-05-02T00:00:00Z"))
                .update();
    }

    @Test
    void theRecordingPageShowsRetentionClassExpiryAndTheActiveHoldsWithTheirReasons() {
        // given a standard recording kept until November, held on itself and through its case, and a permanent one
        // whose only hold was lifted
        long clip = id(CLIP);
        long permanent = id(PERMANENT);
        jdbc.sql("UPDATE recordings SET retain_until = DATE '2026-11-01' WHERE id = ?").param(clip).update();
        assertThat(command("retention set", List.of(String.valueOf(permanent)), Map.of("class", "PERMANENT",
                "category", "MAJOR_INCIDENT", "by", STAFF, "reason", "riot on 2 May"))).isZero();
        assertThat(command("hold set", List.of(), Map.of("recording", String.valueOf(clip),
                "reason", "complaint 17 under review", "by", STAFF))).isZero();
        assertThat(command("hold set", List.of(), Map.of("case", "CASE-A2", "reason", "court order A2/2026", "by", STAFF))).isZero();
        assertThat(command("hold set", List.of(), Map.of("recording", String.valueOf(permanent),
                "reason", "held a moment", "by", STAFF))).isZero();
        assertThat(command("hold lift", List.of(), Map.of("recording", String.valueOf(permanent),
                "reason", "not needed", "by", STAFF))).isZero();
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when both pages are opened, the permanent one also in Chinese
        String clipPage = staff.get("/evidence/recordings/" + clip + "?lang=en").body();
        String permanentPage = staff.get("/evidence/recordings/" + permanent).body();
        String chinese = staff.get("/evidence/recordings/" + permanent + "?lang=zh-CN").body();

        // then the first shows its class, expiry and both active holds with their reasons; the second its class,
        // category and no hold (the lifted one is history)
        assertThat(clipPage).contains("id=\"m-retention\">Standard<").contains("2026-11-01")
                .contains("complaint 17 under review").contains("court order A2/2026").contains("case CASE-A2")
                .doesNotContain("id=\"no-holds\"");
        assertThat(holdRows(clipPage)).hasSize(2);
        assertThat(permanentPage).contains("Permanent · MAJOR_INCIDENT").contains("id=\"no-holds\"")
                .doesNotContain("held a moment");
        assertThat(chinese).contains("永久保存 · MAJOR_INCIDENT").contains("本录像没有有效的保全。");
    }

    @Test
    void theThumbnailIsAStillOfTheFootageShownOnlyUnderAnApprovedRequestAndEveryViewIsLedgered() throws Exception {
        // given a viewer and the real MP4 of a recording
        long clip = id(CLIP);
        Path original = footage.archive().resolve("objects/" + CLIP);
        String digestBefore = sha256(Files.readAllBytes(original));
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);
        ConsoleClient approver = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);

        // when the viewer opens the page and asks for the picture without a request, then files one, has it approved,
        // and views the picture twice
        String pageBefore = viewer.get("/evidence/recordings/" + clip).body();
        HttpResponse<byte[]> refused = viewer.bytes("/evidence/recordings/" + clip + "/thumbnail");
        LocalDate today = LocalDate.now(footage.deviceZone());
        viewer.submit("/evidence/requests", Map.of("recordings", String.valueOf(clip), "reason", "thumbnail check A2",
                "from", today.toString(), "until", today.toString()));
        long request = jdbc.sql("SELECT id FROM access_requests WHERE reason = 'thumbnail check A2'").query(Long.class).single();
        assertThat(approver.submit("/evidence/requests/" + request + "/approve", Map.of("comment", "ok")).statusCode())
                .isEqualTo(302);
        String pageAfter = viewer.get("/evidence/recordings/" + clip).body();
        HttpResponse<byte[]> first = viewer.bytes("/evidence/recordings/" + clip + "/thumbnail");
        HttpResponse<byte[]> second = viewer.bytes("/evidence/recordings/" + clip + "/thumbnail");
        HttpResponse<byte[]> traversal = viewer.bytes("/evidence/recordings/..%2F..%2Fetc%2Fpasswd/thumbnail");

        // then without approval there is a placeholder and a ledgered refusal; with it a JPEG of the footage,
        // made once into the cache, the original untouched, and each view ledgered under the request
        assertThat(pageBefore).contains("id=\"thumbnail-placeholder\"").doesNotContain("id=\"thumbnail-image\"");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(payloads("ACCESS_REFUSED", clip)).singleElement().asString().contains("thumbnail");
        assertThat(pageAfter).contains("id=\"thumbnail-image\"").contains("/evidence/recordings/" + clip + "/thumbnail");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(picture.getWidth()).isEqualTo(160);
        assertThat(picture.getHeight()).isEqualTo(120);
        assertThat(second.body()).isEqualTo(first.body());
        try (Stream<Path> cached = Files.walk(footage.home().resolve("thumbnails"))) {
            assertThat(cached.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly(sha(CLIP) + ".poster.jpg");
        }
        assertThat(sha256(Files.readAllBytes(original))).isEqualTo(digestBefore);
        assertThat(payloads("RECORDING_THUMBNAIL_VIEWED", clip)).hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("\"request\":\"" + request + "\""));
        assertThat(traversal.statusCode()).isIn(400, 404);
    }

    private int command(String name, List<String> arguments, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return TestCommands.run(commands, name, arguments, options, print, print);
    }

    private List<String> payloads(String type, long recording) {
        return jdbc.sql("SELECT payload FROM ledger WHERE entry_type = ? AND subject = ? ORDER BY seq")
                .params(type, "recording:" + recording).query(String.class).list();
    }

    private static List<String> holdRows(String html) {
        return java.util.regex.Pattern.compile("data-hold=\"(\\d+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
