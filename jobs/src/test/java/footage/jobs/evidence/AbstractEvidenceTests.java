package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * One application for every evidence test class ({@code footage serve}'s web app on a random port, a temp home) and
 * one small catalog: officers O7/O8/O9 on devices D7/D8/D9, a finding, two activities, ledger entries, and a file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "footage.console.admin-password=admin-password-for-tests",
        "footage.export.organization=某市城市管理综合行政执法局 (tests)",
        "footage.schedule.ingest.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.report.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.fixity.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.sweep.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.transcode.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.supervision.cron=0 0 0 1 1 ? 2099"})
abstract class AbstractEvidenceTests {

    static final String STAFF = "esther";
    static final String VIEWER = "vera";
    static final String OPERATOR = "otto";
    static final String APPROVER = "april";
    static final String PASSWORD = "password-for-tests";
    /** The original of FILE0001.MP4: every byte different from its neighbours, so a wrong range shows. */
    static final byte[] CONTENT = content();
    static final Pattern ROW = Pattern.compile("data-recording=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder consolePasswordEncoder;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FootageProperties footage;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("footage.home", () -> {
            try {
                return Files.createTempDirectory("footage-evidence-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @BeforeEach
    void usersAndCatalog() {
        if (jdbc.sql("SELECT COUNT(*) FROM console_users WHERE username = ?").param(STAFF).query(Long.class).single() > 0) {
            return;
        }
        user(STAFF, "EVIDENCE_STAFF");
        user(VIEWER, "VIEWER");
        user(OPERATOR, "OPERATOR");
        user(APPROVER, "APPROVER");
        long dump = dump("D7", "O7");
        long first = recording(dump, "D7", "O7", "FILE0001.MP4", "2026-03-01T10:00:00+08:00");
        recording(dump, "D7", "O7", "FILE0002.MP4", "2026-03-05T10:00:00+08:00");
        recording(dump, "D8", "O8", "FILE0003.MP4", "2026-03-01T11:00:00+08:00");
        for (int i = 0; i < EvidenceController.PAGE_SIZE + 1; i++) {
            recording(dump, "D9", "O9", String.format("MANY%04d.MP4", i), "2026-04-01T10:00:00+08:00");
        }
        jdbc.sql("INSERT INTO findings (id, kind, recording_id, device_id, start_at, end_at, seconds, activity_id, detail, raised_at) "
                        + "VALUES ('f-trunc', 'TRUNCATED', ?, 'D7', ?, ?, 12.5, 'ACT-1', 'ends 12.5 s early', ?)")
                .params(first, at("2026-03-01T10:04:47+08:00"), at("2026-03-01T10:05:00+08:00"), at("2026-03-02T00:00:00Z"))
                .update();
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                        + "VALUES ('ACT-1', 'CASE-41', ?, ?, 'D5', 'O5', ?)")
                .params(at("2026-03-01T10:30:00+08:00"), at("2026-03-01T12:00:00+08:00"), at("2026-03-02T00:00:00Z"))
                .update();
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                        + "VALUES ('ACT-2', 'CASE-42', ?, ?, 'D1,D8', 'O8', ?)")
                .params(at("2026-03-01T10:30:00+08:00"), at("2026-03-01T12:00:00+08:00"), at("2026-03-02T00:00:00Z"))
                .update();
        try {
            Path object = footage.archive().resolve("objects/FILE0001.MP4");
            Files.createDirectories(object.getParent());
            Files.write(object, CONTENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tx.executeWithoutResult(s -> {
            ledger.append("RECORDING_ARCHIVED", "recording:" + first, "ingest", Map.of("file", "FILE0001.MP4"));
            ledger.append("FINDING_RAISED", "finding:f-trunc", "ingest", Map.of("kind", "TRUNCATED"));
        });
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** A real one-page PDF letter (letters are parsed in full before they are kept), told apart by its title. */
    static byte[] letterPdf(String title) {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            pdf.getDocumentInformation().setTitle(title);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Long> rows(String html) {
        Matcher m = ROW.matcher(html);
        java.util.ArrayList<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    long id(String fileName) {
        return jdbc.sql("SELECT id FROM recordings WHERE file_name = ?").param(fileName).query(Long.class).single();
    }

    static String sha(String fileName) {
        return String.format("%064x", fileName.hashCode() & 0xffffffffL);
    }

    static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    void user(String name, String role) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO console_users (username, password_hash, enabled, created_at, created_by, password_changed_at) "
                + "VALUES (?, ?, TRUE, ?, 'test', ?)").params(name, consolePasswordEncoder.encode(PASSWORD), now, now).update();
        jdbc.sql("INSERT INTO console_user_roles (username, role) VALUES (?, ?)").params(name, role).update();
    }

    long dump(String device, String officer) {
        jdbc.sql("INSERT INTO dumps (folder, fingerprint, device_id, officer_id, officer_name, clock_offset_seconds, "
                        + "has_manifest, status, registered_at) VALUES (?, 'fp', ?, ?, 'Officer Seven', 2.0, FALSE, 'DONE', ?)")
                .params("drop/" + device + "-" + java.util.UUID.randomUUID(), device, officer, OffsetDateTime.now()).update();
        return jdbc.sql("SELECT MAX(id) FROM dumps").query(Long.class).single();
    }

    long recording(long dump, String device, String officer, String fileName, String start) {
        jdbc.sql("INSERT INTO recordings (sha256, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, corrected_start, duration_seconds, container, video_codec, audio_codec, important, status, "
                        + "ingested_at) VALUES (?, 1000, ?, ?, ?, ?, ?, ?, ?, 300.0, 'mov,mp4', 'h264', 'aac', FALSE, 'ARCHIVED', ?)")
                .params(sha(fileName), "objects/" + fileName, "drop/d1/" + fileName, fileName, dump, device, officer,
                        at(start), OffsetDateTime.now())
                .update();
        return id(fileName);
    }

    private static byte[] content() {
        byte[] b = new byte[100_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + i / 256);
        }
        return b;
    }
}
