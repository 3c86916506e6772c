package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.cli.TestCommands;
import footage.jobs.runs.JobRuns;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.CameraFileSpec;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static org.assertj.core.api.Assertions.assertThat;

/** The ingest job end to end on real files and real FFmpeg; run once per catalog database (H2, PostgreSQL). */
abstract class AbstractIngestTests {

    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    org.springframework.context.ApplicationContext commands;
    @Autowired
    footage.pipeline.archive.ReadAhead readAhead;

    JobExecution ingest() {
        JobExecution execution = runs.run("ingestJob");
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    Map<String, Object> file(String folder, String path) {
        return jdbc.sql("SELECT f.status, f.reason, f.recording_id, f.sha256, f.quarantine_path FROM dump_files f "
                        + "JOIN dumps d ON d.id = f.dump_id WHERE d.folder = ? AND f.path = ?")
                .params(folder, path).query().singleRow();
    }

    List<String> findingKinds(String folder, String path) {
        return jdbc.sql("SELECT x.kind FROM findings x JOIN dumps d ON d.id = x.dump_id WHERE d.folder = ? AND x.path = ? ORDER BY x.kind")
                .params(folder, path).query(String.class).list();
    }

    String dumpStatus(String folder) {
        return jdbc.sql("SELECT status FROM dumps WHERE folder = ?").param(folder).query(String.class).single();
    }

    List<Map<String, Object>> recordings() {
        return jdbc.sql("SELECT sha256, size_bytes, archive_path, original_path, status, duration_seconds, video_codec "
                + "FROM recordings ORDER BY sha256").query().listOfRows();
    }

    Map<String, String> archiveTree() {
        return Drops.tree(properties.archive());
    }

    @Test
    void ingestingTheSampleDumpsTwiceGivesTheSameCatalogAndArchiveAsOnce() throws IOException {
        // given the committed sample dumps, docked under fresh names
        Path samples = Path.of("..", "sample-media").toAbsolutePath().normalize();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        List<String> folders;
        try (var list = Files.list(samples)) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(folders).hasSizeGreaterThanOrEqualTo(2);
        for (String f : folders) {
            copyTree(samples.resolve(f), properties.drop().resolve(f + "_" + suffix));
        }
        Map<String, String> sourcesBefore = Drops.tree(samples);

        // when ingested once
        ingest();
        List<Map<String, Object>> recordingsOnce = recordings();
        Map<String, String> archiveOnce = archiveTree();
        long ledgerOnce = jdbc.sql("SELECT COUNT(*) FROM ledger").query(Long.class).single();

        // and again with nothing new
        ingest();

        // then nothing changed at all
        assertThat(recordings()).isEqualTo(recordingsOnce);
        assertThat(archiveTree()).isEqualTo(archiveOnce);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger").query(Long.class).single()).isEqualTo(ledgerOnce);
        for (String f : folders) {
            assertThat(dumpStatus(f + "_" + suffix)).isEqualTo("DONE");
        }

        // when the same dumps are docked a second time
        for (String f : folders) {
            copyTree(samples.resolve(f), properties.drop().resolve(f + "_again_" + suffix));
        }
        ingest();

        // then no recording and no archive object is added: the media files are linked as duplicates
        assertThat(recordings()).isEqualTo(recordingsOnce);
        assertThat(archiveTree()).isEqualTo(archiveOnce);
        List<String> againStatuses = jdbc.sql("SELECT DISTINCT f.status FROM dump_files f JOIN dumps d ON d.id = f.dump_id "
                + "WHERE d.folder LIKE ?").param("%_again_" + suffix).query(String.class).list();
        assertThat(againStatuses).doesNotContain("ARCHIVED", "DAMAGED", "PENDING", "FAILED").contains("DUPLICATE");
        // and the evidence itself was never modified
        assertThat(Drops.tree(samples)).isEqualTo(sourcesBefore);
    }

    @Test
    void archivesEachFileByContentAndMovesTheDumpToDoneWithSourcesUntouched() throws IOException {
        // given
        String folder = unique("ok");
        Path dir = Drops.write(properties.drop(), dump(folder, "DSJ0000001", List.of(
                FileSpec.video(name("DSJ0000001", "093000", 1), clip(2)),
                FileSpec.video(name("DSJ0000001", "093002", 2), clip(2)))));
        Map<String, String> sources = Drops.tree(dir);

        // when
        ingest();

        // then
        Path done = properties.drop().resolve(".done");
        Path moved;
        try (var list = Files.list(done)) {
            moved = list.filter(p -> p.getFileName().toString().endsWith("_" + folder)).findFirst().orElseThrow();
        }
        assertThat(Files.exists(dir)).isFalse();
        assertThat(Drops.tree(moved)).isEqualTo(sources);
        for (String path : List.of(name("DSJ0000001", "093000", 1), name("DSJ0000001", "093002", 2))) {
            Map<String, Object> row = file(folder, path);
            assertThat(row.get("status")).isEqualTo("ARCHIVED");
            String sha = (String) row.get("sha256");
            assertThat(sha).isEqualTo(sources.get(path));
            Path object = properties.archive().resolve("sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha + ".mp4");
            assertThat(DurableFiles.sha256(object)).isEqualTo(sha);
        }
        Map<String, Object> rec = jdbc.sql("SELECT device_id, officer_id, device_start_source, video_codec, width, height, duration_seconds "
                + "FROM recordings WHERE sha256 = ?").param(sources.get(name("DSJ0000001", "093000", 1))).query().singleRow();
        assertThat(rec.get("device_id")).isEqualTo("DSJ0000001");
        assertThat(rec.get("officer_id")).isEqualTo("100234");
        assertThat(rec.get("device_start_source")).isEqualTo("FILE_NAME");
        assertThat(rec.get("video_codec")).isEqualTo("h264");
        assertThat(((Number) rec.get("width")).intValue()).isEqualTo(160);
        assertThat(((Number) rec.get("duration_seconds")).doubleValue()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void eachFileAfterTheFirstIsReadAheadWhileTheOneBeforeItIsTakenIn() throws IOException {
        // given a dump of three recordings
        String folder = unique("ahead");
        Path dir = Drops.write(properties.drop(), dump(folder, "DSJ0000001", List.of(
                FileSpec.video(name("DSJ0000001", "093000", 1), clip(2)),
                FileSpec.video(name("DSJ0000001", "093002", 2), clip(2)),
                FileSpec.video(name("DSJ0000001", "093004", 3), clip(2)))));
        long second = Files.size(dir.resolve(name("DSJ0000001", "093002", 2)));
        long third = Files.size(dir.resolve(name("DSJ0000001", "093004", 3)));
        long before = readAhead.bytesRead();

        // when
        ingest();

        // then the second and third were read ahead in full (far below the read-ahead's limit)
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (readAhead.bytesRead() - before < second + third && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(readAhead.bytesRead() - before).isGreaterThanOrEqualTo(second + third);
        assertThat(file(folder, name("DSJ0000001", "093004", 3)).get("status")).isEqualTo("ARCHIVED");
    }

    @Test
    void zeroByteFileIsQuarantinedWithItsReason() throws IOException {
        // given
        String folder = unique("zero");
        Drops.write(properties.drop(), dump(folder, "DSJ0000002", List.of(
                FileSpec.video(name("DSJ0000002", "093000", 1), clip(1)),
                FileSpec.bytes(name("DSJ0000002", "093100", 2), new byte[0]))));

        // when
        ingest();

        // then
        Map<String, Object> row = file(folder, name("DSJ0000002", "093100", 2));
        assertThat(row.get("status")).isEqualTo("QUARANTINED");
        assertThat((String) row.get("reason")).contains("zero bytes");
        assertThat(row.get("recording_id")).isNull();
        Path kept = properties.quarantine().resolve((String) row.get("quarantine_path"));
        assertThat(kept).exists();
        assertThat(Files.readString(kept.resolveSibling(kept.getFileName() + ".reason.txt"))).contains("zero bytes");
    }

    @Test
    void nonMediaFileIsQuarantinedNotCatalogued() throws IOException {
        // given
        String folder = unique("text");
        byte[] text = "not a video, just notes\n".getBytes(StandardCharsets.UTF_8);
        Drops.write(properties.drop(), dump(folder, "DSJ0000003", List.of(
                FileSpec.video(name("DSJ0000003", "093000", 1), clip(1)),
                FileSpec.bytes("notes.txt", text))));

        // when
        ingest();

        // then
        Map<String, Object> row = file(folder, "notes.txt");
        assertThat(row.get("status")).isEqualTo("QUARANTINED");
        assertThat((String) row.get("reason")).isEqualTo("not a media file: no known container signature");
        Path kept = properties.quarantine().resolve((String) row.get("quarantine_path"));
        assertThat(Files.readAllBytes(kept)).isEqualTo(text);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings WHERE original_path LIKE ?").param(folder + "/notes.txt")
                .query(Long.class).single()).isZero();
    }

    @Test
    void truncatedMediaIsArchivedAsDamaged() {
        // given
        String folder = unique("trunc");
        String path = name("DSJ0000004", "093000", 1);
        Drops.write(properties.drop(), dump(folder, "DSJ0000004", List.of(FileSpec.video(path, clip(4).truncatedTo(0.6)))));

        // when
        ingest();

        // then
        Map<String, Object> row = file(folder, path);
        assertThat(row.get("status")).isEqualTo("DAMAGED");
        assertThat((String) row.get("reason")).startsWith("truncated");
        assertThat(jdbc.sql("SELECT status FROM recordings WHERE id = ?").param(row.get("recording_id")).query(String.class).single())
                .isEqualTo("DAMAGED");
        assertThat(findingKinds(folder, path)).contains("DAMAGED");
    }

    @Test
    void aCamerasTelemetryTrackRunningPastThePictureIsNoDamageButALostTailStillIs() throws IOException {
        // given: as an action camera writes it, the movie header states 6 s and the GPMF track runs to 6.93 s;
        // the second file is the same recording with the second half of its bytes lost
        String folder = unique("telemetry");
        String whole = name("DSJ0000140", "093000", 1);
        String cut = name("DSJ0000140", "094000", 2);
        CameraFileSpec camera = CameraFileSpec.of(clip(6), CameraFileSpec.MP4, CameraFileSpec.SideTrack.gpmf(6.93))
                .withMovieHeaderStating(6.0);
        Drops.write(properties.drop(), dump(folder, "DSJ0000140", List.of(
                FileSpec.bytes(whole, cameraFile(camera)), FileSpec.bytes(cut, cameraFile(camera.truncatedTo(0.5))))));

        // when
        ingest();

        // then
        Map<String, Object> archived = file(folder, whole);
        assertThat(archived.get("status")).isEqualTo("ARCHIVED");
        assertThat(archived.get("reason")).isNull();
        assertThat(jdbc.sql("SELECT status, duration_seconds FROM recordings WHERE id = ?")
                .param(archived.get("recording_id")).query().singleRow())
                .containsEntry("status", "ARCHIVED")
                .hasEntrySatisfying("duration_seconds", d -> assertThat(((Number) d).doubleValue()).isEqualTo(6.0));
        assertThat(findingKinds(folder, whole)).doesNotContain("DAMAGED");
        Map<String, Object> damaged = file(folder, cut);
        assertThat(damaged.get("status")).isEqualTo("DAMAGED");
        assertThat((String) damaged.get("reason")).contains("but the container states 6.00 s");
        assertThat(findingKinds(folder, cut)).contains("DAMAGED");
    }

    private static byte[] cameraFile(CameraFileSpec spec) throws IOException {
        Path file = Files.createTempFile("camera", ".mp4");
        try {
            Files.delete(file);
            Drops.GENERATOR.writeCameraFile(file, spec);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void manifestSizeMismatchIsAFindingAndTheFileIsStillArchived() {
        // given
        String folder = unique("size");
        String path = name("DSJ0000005", "093000", 1);
        Drops.write(properties.drop(), dump(folder, "DSJ0000005", List.of(FileSpec.video(path, clip(1)).withManifestSize(12345))));

        // when
        ingest();

        // then
        assertThat(file(folder, path).get("status")).isEqualTo("ARCHIVED");
        assertThat(findingKinds(folder, path)).containsOnlyOnce("SIZE_MISMATCH");
        assertThat(jdbc.sql("SELECT detail FROM findings WHERE kind = 'SIZE_MISMATCH' AND path = ?").param(path)
                .query(String.class).list()).anyMatch(d -> d.contains("the manifest says 12345"));
    }

    @Test
    void md5MismatchIsAFinding() {
        // given
        String folder = unique("md5");
        String path = name("DSJ0000006", "093000", 1);
        Drops.write(properties.drop(), dump(folder, "DSJ0000006", List.of(
                FileSpec.video(path, clip(1)).withManifestMd5("0123456789abcdef0123456789abcdef"))));

        // when
        ingest();

        // then
        assertThat(file(folder, path).get("status")).isEqualTo("ARCHIVED");
        assertThat(findingKinds(folder, path)).containsOnlyOnce("MD5_MISMATCH");
    }

    @Test
    void listedFileMissingIsAFinding() throws IOException {
        // given
        String folder = unique("missing");
        String path = name("DSJ0000007", "093100", 2);
        Path dir = Drops.write(properties.drop(), dump(folder, "DSJ0000007", List.of(
                FileSpec.video(name("DSJ0000007", "093000", 1), clip(1)),
                FileSpec.video(path, clip(1)))));
        Files.delete(dir.resolve(path));

        // when
        ingest();

        // then
        assertThat(file(folder, path).get("status")).isEqualTo("MISSING");
        assertThat(findingKinds(folder, path)).containsExactly("MISSING_FILE");
        assertThat(dumpStatus(folder)).isEqualTo("DONE");
    }

    @Test
    void unlistedFileIsAFindingAndStillTakenIn() {
        // given
        String folder = unique("unlisted");
        String extra = name("DSJ0000008", "093100", 2);
        Drops.write(properties.drop(), dump(folder, "DSJ0000008", List.of(
                FileSpec.video(name("DSJ0000008", "093000", 1), clip(1)),
                FileSpec.video(extra, clip(1)).unlisted())));

        // when
        ingest();

        // then
        assertThat(file(folder, extra).get("status")).isEqualTo("ARCHIVED");
        assertThat(findingKinds(folder, extra)).containsOnlyOnce("UNLISTED_FILE");
    }

    @Test
    void pathsEscapingTheDumpAreRejectedWithReason() throws IOException {
        // given a manifest naming files outside its dump, and a link leading out of the drop folder
        String folder = unique("escape");
        Path outside = Files.createTempFile("outside", ".mp4");
        Drops.GENERATOR.writeVideo(outside, clip(1));
        Path dir = Drops.write(properties.drop(), dump(folder, "DSJ0000009", List.of(
                FileSpec.video(name("DSJ0000009", "093000", 1), clip(1)))));
        Files.createSymbolicLink(dir.resolve("link.mp4"), outside);
        String manifest = Files.readString(dir.resolve("manifest.json"));
        Files.writeString(dir.resolve("manifest.json"), manifest.replace("\"files\" : [", "\"files\" : [ "
                + "{\"path\": \"../escape.mp4\", \"size\": 10}, {\"path\": \"/etc/passwd\", \"size\": 10},"));
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("../escape.mp4");

        // when
        ingest();

        // then
        assertThat(file(folder, "../escape.mp4").get("status")).isEqualTo("REJECTED");
        assertThat((String) file(folder, "../escape.mp4").get("reason")).isEqualTo("path escapes the dump: ../escape.mp4");
        assertThat((String) file(folder, "/etc/passwd").get("reason")).isEqualTo("absolute path in the manifest: /etc/passwd");
        assertThat((String) file(folder, "link.mp4").get("reason")).startsWith("symbolic link points outside the drop folder");
        assertThat(findingKinds(folder, "link.mp4")).containsExactly("REJECTED_PATH");
        assertThat(recordings()).noneMatch(r -> r.get("sha256").equals(sha(outside)));
    }

    @Test
    void malformedManifestQuarantinesTheWholeDump() throws IOException {
        // given
        String folder = unique("malformed");
        Path dir = Drops.write(properties.drop(), dump(folder, "DSJ0000010", List.of(
                FileSpec.video(name("DSJ0000010", "093000", 1), clip(1)))));
        Files.writeString(dir.resolve("manifest.json"), "{\"schema\": \"footage-dump/1\", \"files\": [ {\"path\": ");

        // when
        ingest();

        // then
        assertThat(dumpStatus(folder)).isEqualTo("QUARANTINED");
        assertThat(dir).doesNotExist();
        Path kept = properties.quarantine().resolve("dumps").resolve(folder);
        assertThat(kept.resolve(name("DSJ0000010", "093000", 1))).exists();
        assertThat(Files.readString(kept.resolveSibling(folder + ".reason.txt"))).startsWith("malformed manifest.json");
        assertThat(jdbc.sql("SELECT reason FROM dumps WHERE folder = ?").param(folder).query(String.class).single())
                .startsWith("malformed manifest.json");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void sameContentSeenAgainIsLinkedNotCopied(org.springframework.boot.test.system.CapturedOutput output) {
        // given the same recording in two dumps
        FileSpec clip = FileSpec.video(name("DSJ0000011", "093000", 1), clip(1));
        String first = unique("dupA");
        String second = unique("dupB");
        Drops.write(properties.drop(), dump(first, "DSJ0000011", List.of(clip)));
        Drops.write(properties.drop(), dump(second, "DSJ0000011", List.of(clip)));

        // when
        ingest();

        // then
        Map<String, Object> a = file(first, clip.path());
        Map<String, Object> b = file(second, clip.path());
        assertThat(a.get("status")).isEqualTo("ARCHIVED");
        assertThat(b.get("status")).isEqualTo("DUPLICATE");
        assertThat(b.get("recording_id")).isEqualTo(a.get("recording_id"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings WHERE sha256 = ?").param(a.get("sha256")).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(archiveTree().keySet()).filteredOn(k -> k.contains((String) a.get("sha256"))).hasSize(1);
        // and the log says what became of each: the second is linked, not archived again
        assertThat(output.getAll()).contains("ingest: " + first + "/" + clip.path() + ": ARCHIVED",
                "ingest: " + second + "/" + clip.path() + ": DUPLICATE");
    }

    @Test
    void aFolderDroppedAgainAfterItFinishedIsANewDumpWhoseNewBytesAreTakenIn() throws IOException {
        // given a dump that was taken in and finished
        String folder = unique("again");
        FileSpec recording = FileSpec.video(name("DSJ0000150", "093000", 1), clip(1));
        Drops.write(properties.drop(), dump(folder, "DSJ0000150", List.of(recording,
                FileSpec.bytes("LOG/device.log", "power on 09:29\n".getBytes(StandardCharsets.UTF_8)))));
        ingest();
        assertThat(dumpStatus(folder)).isEqualTo("DONE");

        // when the station drops a folder of the same name again: the same recording, and a log of the same name and
        // size whose bytes differ
        Drops.write(properties.drop(), dump(folder, "DSJ0000150", List.of(recording,
                FileSpec.bytes("LOG/device.log", "power on 09:31\n".getBytes(StandardCharsets.UTF_8)))));
        Map<String, String> sources = Accounted.sources(properties.drop(), folder);
        ingest();
        Accounted.check(sources, jdbc, properties, commands);

        // then it is a second dump, finished too: the recording linked to the first copy, the new log kept as well
        List<Map<String, Object>> drops = jdbc.sql("SELECT id, status FROM dumps WHERE folder = ? ORDER BY id").param(folder)
                .query().listOfRows();
        assertThat(drops).extracting(d -> d.get("status")).containsExactly("DONE", "DONE");
        Map<String, Object> second = jdbc.sql("SELECT f.status, f.recording_id FROM dump_files f WHERE f.dump_id = ? AND f.path = ?")
                .params(drops.get(1).get("id"), recording.path()).query().singleRow();
        assertThat(second.get("status")).isEqualTo("DUPLICATE");
        assertThat(jdbc.sql("SELECT DISTINCT sha256 FROM dump_files f JOIN dumps d ON d.id = f.dump_id WHERE d.folder = ? "
                + "AND f.path = 'LOG/device.log'").param(folder).query(String.class).list()).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dump_files f JOIN dumps d ON d.id = f.dump_id WHERE d.folder = ? "
                + "AND f.status = 'QUARANTINED' AND f.quarantine_path IS NOT NULL").param(folder).query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void whatLiesInTheDropFolderOutsideADumpIsNamedWithItsReasonAndLeftInPlace() throws IOException {
        // given a loose file, a hidden folder and a link to a folder of clips outside the drop folder
        String tag = unique("root");
        Path drop = properties.drop();
        Files.createDirectories(drop);
        Path loose = Files.write(drop.resolve(tag + "_loose.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Path hidden = Files.createDirectories(drop.resolve("." + tag + "_hidden"));
        Files.writeString(hidden.resolve("x.txt"), "x");
        Path outside = Files.createTempDirectory("footage-outside-");
        Drops.write(outside, dump("clips", "DSJ0000151", List.of(FileSpec.video(name("DSJ0000151", "093000", 1), clip(1)))));
        Path link = Files.createSymbolicLink(drop.resolve(tag + "_link"), outside.resolve("clips"));

        try {
            // when
            JobExecution execution = ingest();

            // then each is named with why it was not taken in, and nothing of them is catalogued or moved
            assertThat(DropRootNotes.of(execution)).anySatisfy(n -> assertThat(n).startsWith(loose.getFileName() + ": a file directly in the drop folder"))
                    .anySatisfy(n -> assertThat(n).startsWith(hidden.getFileName() + ": a hidden folder"))
                    .anySatisfy(n -> assertThat(n).startsWith(link.getFileName() + ": a symbolic link (to " + outside.resolve("clips")));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM dumps WHERE folder LIKE ?").param("%" + tag + "%").query(Long.class).single()).isZero();
            assertThat(loose).exists();
            assertThat(hidden.resolve("x.txt")).exists();
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(outside.resolve("clips").resolve(name("DSJ0000151", "093000", 1))).exists();
        } finally {
            Files.delete(link);
            Files.delete(loose);
            Files.delete(hidden.resolve("x.txt"));
            Files.delete(hidden);
        }
    }

    @Test
    void withoutAManifestNothingIsUnlisted() {
        // given a dump without a manifest
        String folder = unique("nomanifest");
        Drops.write(properties.drop(), new footage.pipeline.sample.DumpSpec(folder, null, "DSJ0000152", "100234", null, null,
                null, false, List.of(FileSpec.video(name("DSJ0000152", "093000", 1), clip(1)))));

        // when
        ingest();

        // then its file is taken in with no UNLISTED_FILE finding
        assertThat(file(folder, name("DSJ0000152", "093000", 1)).get("status")).isEqualTo("ARCHIVED");
        assertThat(findingKinds(folder, name("DSJ0000152", "093000", 1))).doesNotContain("UNLISTED_FILE");
    }

    @Autowired
    IngestSummary summary;

    @Test
    void theRunSummaryCountsTheFilesItsDiscoveryFoundMissing() throws IOException {
        // given a dump whose manifest lists a file that is not there
        String folder = unique("counted");
        String gone = name("DSJ0000153", "093100", 2);
        Path dir = Drops.write(properties.drop(), dump(folder, "DSJ0000153", List.of(
                FileSpec.video(name("DSJ0000153", "093000", 1), clip(1)), FileSpec.video(gone, clip(1)))));
        Files.delete(dir.resolve(gone));

        // when
        JobExecution execution = ingest();

        // then the run's summary counts it
        assertThat(summary.of(execution.getId(), execution.getStartTime()).files("MISSING")).isEqualTo(1);
    }

    @Test
    void aDumpThatCannotBeMovedIsAFindingAndTheOtherDumpsFinish() throws Exception {
        // given two dumps, the first of which cannot be moved (its folder is a mount point: rename says EBUSY)
        String stuck = unique("a_stuck");
        String fine = unique("b_fine");
        Path mountPoint = Files.createDirectories(properties.drop().resolve(stuck));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        boolean mounted = mount.waitFor() == 0;
        if (!mounted && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI runs as root and must be able to mount a tmpfs");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "mounting a tmpfs needs root");
        try {
            Drops.write(properties.drop(), dump(stuck, "DSJ0000154", List.of(FileSpec.video(name("DSJ0000154", "093000", 1), clip(1)))));
            Drops.write(properties.drop(), dump(fine, "DSJ0000155", List.of(FileSpec.video(name("DSJ0000155", "093000", 1), clip(1)))));
            Map<String, String> sources = Accounted.sources(properties.drop(), stuck, fine);

            // when
            ingest();
            Accounted.check(sources, jdbc, properties, commands);

            // then the other dump finished; the stuck one is open with a finding saying why
            assertThat(dumpStatus(fine)).isEqualTo("DONE");
            assertThat(dumpStatus(stuck)).isEqualTo("REGISTERED");
            assertThat(jdbc.sql("SELECT x.detail FROM findings x JOIN dumps d ON d.id = x.dump_id WHERE d.folder = ? "
                    + "AND x.kind = 'DUMP_NOT_FINISHED'").param(stuck).query(String.class).single())
                    .contains("could not be moved", "tried again in the next run");
        } finally {
            new ProcessBuilder("umount", "-l", mountPoint.toString()).start().waitFor();
        }
    }

    private static String sha(Path p) {
        try {
            return DurableFiles.sha256(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStationFileNamedLikeATemporaryFileStaysInQuarantineAndVerifyFullChecksQuarantinedCopies() throws IOException {
        // given a station file whose name is what temporary files used to be called, quarantined by a first run
        String folder = unique("tmpname");
        byte[] notes = "station notes\n".getBytes(StandardCharsets.UTF_8);
        Drops.write(properties.drop(), dump(folder, "DSJ0000170", List.of(
                FileSpec.video(name("DSJ0000170", "093000", 1), clip(1)),
                FileSpec.bytes(".footage-tmp-station.txt", notes))));
        Map<String, String> sources = Accounted.sources(properties.drop(), folder);
        ingest();
        Path kept = properties.quarantine().resolve((String) file(folder, ".footage-tmp-station.txt").get("quarantine_path"));
        assertThat(kept).hasBinaryContent(notes);

        // when the next run cleans up temporary files
        ingest();

        // then the quarantined copy and its reason are still there, and every source is accounted for
        assertThat(kept).hasBinaryContent(notes);
        assertThat(kept.resolveSibling(kept.getFileName() + ".reason.txt")).exists();
        Accounted.check(sources, jdbc, properties, commands);

        // and verify --full reports a quarantined copy that was altered or lost
        try {
            Files.write(kept, "altered\n".getBytes(StandardCharsets.UTF_8));
            assertThat(verifyFull()).contains("quarantined copy quarantine/" + properties.quarantine().relativize(kept)
                    + " of dump file").contains("changed: its bytes hash to");
            Files.delete(kept);
            assertThat(verifyFull()).contains("(" + folder + "/.footage-tmp-station.txt): missing");
        } finally {
            Files.write(kept, notes);
        }
    }

    @Test
    void namesOfTheLongestLengthAreTakenInAndReasonFilesStayWithinNameMax() throws IOException {
        // given names of 255 bytes (ASCII, and Chinese at 3 bytes a character) and a recording named with 244 characters
        String folder = unique("long");
        String ascii = "n".repeat(251) + ".txt";
        String chinese = "记".repeat(83) + "录.tx";
        String clipName = name("DSJ0000171", "093000", 1).replace(".mp4", "") + "_" + "x".repeat(244 - 43) + ".mp4";
        assertThat(ascii.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        assertThat(chinese.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        assertThat(clipName).hasSize(244);
        Drops.write(properties.drop(), dump(folder, "DSJ0000171", List.of(
                FileSpec.video(clipName, clip(1)),
                FileSpec.bytes(ascii, "ascii\n".getBytes(StandardCharsets.UTF_8)),
                FileSpec.bytes(chinese, "chinese\n".getBytes(StandardCharsets.UTF_8)))));
        Map<String, String> sources = Accounted.sources(properties.drop(), folder);

        // when
        ingest();

        // then each is settled in the first run, and the reason files have names a file system takes, holding the full name
        assertThat(file(folder, clipName).get("status")).isEqualTo("ARCHIVED");
        for (String n : List.of(ascii, chinese)) {
            Map<String, Object> row = file(folder, n);
            assertThat(row.get("status")).as(String.valueOf(row.get("reason"))).isEqualTo("QUARANTINED");
            Path kept = properties.quarantine().resolve((String) row.get("quarantine_path"));
            assertThat(kept.getFileName().toString()).isEqualTo(n);
            List<Path> reasons;
            try (var list = Files.list(kept.getParent())) {
                reasons = list.filter(p -> p.getFileName().toString().endsWith(".reason.txt")
                        && p.getFileName().toString().startsWith(n.substring(0, 20))).toList();
            }
            assertThat(reasons).hasSize(1);
            assertThat(reasons.get(0).getFileName().toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
            assertThat(Files.readString(reasons.get(0))).startsWith("not a media file").contains(folder + "/" + n);
        }
        assertThat(dumpStatus(folder)).isEqualTo("DONE");
        Accounted.check(sources, jdbc, properties, commands);
    }

    @Test
    void archiveAndQuarantineCopiesAreNeverWorldReadable() throws IOException {
        // given
        String folder = unique("private");
        Drops.write(properties.drop(), dump(folder, "DSJ0000172", List.of(
                FileSpec.video(name("DSJ0000172", "093000", 1), clip(1)),
                FileSpec.bytes("LOG/secret.txt", "pin 1234\n".getBytes(StandardCharsets.UTF_8)))));

        // when
        ingest();

        // then neither the copies nor the folders made for them let 'other' users read them
        String archived = jdbc.sql("SELECT archive_path FROM recordings WHERE original_path = ?")
                .param(folder + "/" + name("DSJ0000172", "093000", 1)).query(String.class).single();
        Path object = properties.archive().resolve(archived);
        Path kept = properties.quarantine().resolve((String) file(folder, "LOG/secret.txt").get("quarantine_path"));
        for (Path p : List.of(object, object.getParent(), kept, kept.resolveSibling("secret.txt.reason.txt"), kept.getParent())) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                    .doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                            PosixFilePermission.OTHERS_EXECUTE);
        }
    }

    private String verifyFull() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(TestCommands.run(commands, "verify", List.of(), Map.of("full", ""), print, print)).isEqualTo(1);
        return out.toString(StandardCharsets.UTF_8);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
