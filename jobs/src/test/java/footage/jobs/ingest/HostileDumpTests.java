package footage.jobs.ingest;

import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import footage.jobs.cli.Cli;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile manifests and names (issue 15.5, 6, 8, 17): each dump is taken in and finished in one run, every source
 * file's bytes end in the archive or quarantine (by SHA-256), and names are shown escaped. The CLI in-process, H2.
 */
class HostileDumpTests {

    private static final ObjectMapper JSON = Json.MAPPER;

    @TempDir
    Path home;

    private String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--footage.ingest.quiet-period=0s"));
        all.addAll(List.of(args));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
        assertThat(code).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path drop() {
        return home.resolve("drop");
    }

    /** Every source's bytes archived, quarantined or named in a finding, and verify --full passing (issue 15). */
    private void accounted(Map<String, String> sources) {
        Accounted.assertEachAccounted(sources, Accounted.h2(home), home.resolve("archive"), home.resolve("quarantine"));
        cli("verify", "--full");
    }

    private void editManifest(Path dir, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        edit.accept(m);
        Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(m), StandardCharsets.UTF_8);
    }

    @Test
    void aFileListedAsXAndDotSlashXIsTakenInOnceWithADuplicateEntryFinding() throws Exception {
        // given a manifest that lists its clip twice, once as ./<name>
        String clipName = name("DSJ0000170", "093000", 1);
        Path dir = Drops.write(drop(), dump("dup", "DSJ0000170", List.of(FileSpec.video(clipName, clip(2)))));
        editManifest(dir, m -> {
            ArrayNode files = (ArrayNode) m.get("files");
            files.add(((ObjectNode) files.get(0).deepCopy()).put("path", "./" + clipName));
        });
        String sha = DurableFiles.sha256(dir.resolve(clipName));
        Map<String, String> sources = Accounted.sources(drop(), "dup");

        // when
        cli("ingest");
        accounted(sources);

        // then the dump is finished, the clip archived once, and the slip is a finding naming both spellings
        assertThat(strings("SELECT status FROM dumps WHERE folder = 'dup'")).containsExactly("DONE");
        assertThat(strings("SELECT path || ' ' || status || ' ' || sha256 FROM dump_files"))
                .containsExactly(clipName + " ARCHIVED " + sha);
        assertThat(strings("SELECT kind || ': ' || path || ': ' || detail FROM findings WHERE kind = 'DUPLICATE_ENTRY'"))
                .containsExactly("DUPLICATE_ENTRY: " + clipName + ": the manifest lists this file twice: as '" + clipName
                        + "' (" + Files.size(drop().resolve(".done/1_dup").resolve(clipName)) + " bytes) and as './"
                        + clipName + "' (" + Files.size(drop().resolve(".done/1_dup").resolve(clipName))
                        + " bytes); taken in once, checked against the first entry");
    }

    @Test
    void anOverLongOfficerNameIsKeptCutWithAFindingAndTheDumpFinishes() throws Exception {
        // given an officerName of 5,034 characters
        String officerName = "王".repeat(5034);
        Path dir = Drops.write(drop(), dump("longname", "DSJ0000171",
                List.of(FileSpec.video(name("DSJ0000171", "093000", 1), clip(2)))));
        editManifest(dir, m -> m.put("officerName", officerName));
        Map<String, String> sources = Accounted.sources(drop(), "longname");

        // when
        cli("ingest");
        accounted(sources);

        // then
        assertThat(strings("SELECT status FROM dumps WHERE folder = 'longname'")).containsExactly("DONE");
        assertThat(strings("SELECT status FROM dump_files")).containsExactly("ARCHIVED");
        String kept = strings("SELECT officer_name FROM dumps").get(0);
        assertThat(kept).hasSizeLessThanOrEqualTo(200).startsWith("王王王").contains("5034 chars");
        assertThat(strings("SELECT detail FROM findings WHERE kind = 'MANIFEST_VALUE_TOO_LONG'")).containsExactly(
                "officerName is 5034 characters, the catalog keeps 200: kept cut; SHA-256 of the full value "
                        + DigestUtils.sha256Hex(officerName));
    }

    @Test
    void aNameThatIsNotUtf8IsTakenInByItsBytesAndShownEscaped() throws Exception {
        // given a dump without manifest holding a clip and a note whose names have the bytes FF FE (a shell makes
        // them: Java cannot name such a file)
        Path dir = Drops.write(drop(), new DumpSpec("rawnames", null, "DSJ0000172", "100234", null, null, null, false,
                List.of(FileSpec.video("a.mp4", clip(2)), FileSpec.bytes("b.txt", "officer's note\n".getBytes(StandardCharsets.UTF_8)))));
        String clipSha = DurableFiles.sha256(dir.resolve("a.mp4"));
        String noteSha = DurableFiles.sha256(dir.resolve("b.txt"));
        Process mv = new ProcessBuilder("bash", "-c", "mv a.mp4 $'clip_\\xff\\xfe.mp4' && mv b.txt $'note_\\xff.txt'")
                .directory(dir.toFile()).start();
        assertThat(mv.waitFor()).isZero();
        Map<String, String> sources = Accounted.sources(drop(), "rawnames");

        // when run twice
        cli("ingest");
        cli("ingest");
        accounted(sources);

        // then the clip is archived and the note quarantined, by their bytes, under names shown escaped
        assertThat(strings("SELECT status FROM dumps WHERE folder = 'rawnames'")).containsExactly("DONE");
        assertThat(strings("SELECT path || ' ' || status || ' ' || raw_path || ' ' || sha256 FROM dump_files ORDER BY path"))
                .containsExactly("clip_\\xFF\\xFE.mp4 ARCHIVED 636c69705ffffe2e6d7034 " + clipSha,
                        "note_\\xFF.txt QUARANTINED 6e6f74655fff2e747874 " + noteSha);
        Map<String, String> archive = Drops.tree(home.resolve("archive"));
        assertThat(archive.values()).contains(clipSha);
        assertThat(Drops.tree(home.resolve("quarantine")))
                .containsEntry("rawnames/note_\\xFF.txt", noteSha);
        assertThat(strings("SELECT original_path FROM recordings")).containsExactly("rawnames/clip_\\xFF\\xFE.mp4");
    }

    @Test
    void namesWithControlAndBidiCharactersAreShownEscapedByCatalogList() throws Exception {
        // given a clip whose name holds a right-to-left override, an ESC and a BEL
        String hostile = "clip_\u202Egnp\u001B[31m\u0007.mp4";
        Drops.write(drop(), new DumpSpec("controls", null, "DSJ0000173", "100234", null, null, null, false,
                List.of(FileSpec.video(hostile, clip(2)))));
        Map<String, String> sources = Accounted.sources(drop(), "controls");

        // when
        cli("ingest");
        accounted(sources);
        String list = cli("catalog", "list");

        // then the catalog keeps the true name, the listing shows it escaped
        assertThat(strings("SELECT file_name FROM recordings")).containsExactly(hostile);
        assertThat(list).contains("clip_\\u202Egnp\\u001B[31m\\u0007.mp4").doesNotContain("\u202E", "\u001B", "\u0007");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aDumpFolderNamedWithANewlineCannotForgeALineOfTheLog(CapturedOutput output) throws Exception {
        // given a dump folder whose name holds a newline, then what looks like the log's line of another dump
        String folder = "night\n12:00:00 INFO  ingest: dump forged finished\u001B[2J";
        Drops.write(drop(), dump(folder, "DSJ0000177", List.of(FileSpec.video(name("DSJ0000177", "093000", 1), clip(2)))));
        Map<String, String> sources = Accounted.sources(drop(), folder);

        // when
        cli("ingest");
        accounted(sources);

        // then the run's lines name it escaped, on one line each: the forged line is not a line of the log
        String escaped = "night\\u000A12:00:00 INFO  ingest: dump forged finished\\u001B[2J";
        assertThat(output.getAll()).contains("ingest: dump " + escaped + " finished, moved to .done/1_" + escaped)
                .doesNotContain("\u001B");
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("12:00:00 INFO  ingest: dump forged"));
        assertThat(strings("SELECT folder || ': ' || status FROM dumps")).containsExactly(folder + ": DONE");
    }

    @Test
    void aSymlinkedManifestOrASecondDeviceIdQuarantinesTheDumpWithItsReason() throws Exception {
        // given a dump whose manifest.json links to a manifest outside, and one whose manifest names two devices
        Path linked = Drops.write(drop(), dump("linked", "DSJ0000174", List.of(FileSpec.video(name("DSJ0000174", "093000", 1), clip(2)))));
        Path outside = Files.move(linked.resolve("manifest.json"), home.resolve("outside-manifest.json"));
        Files.createSymbolicLink(linked.resolve("manifest.json"), outside);
        String linkedSha = DurableFiles.sha256(linked.resolve(name("DSJ0000174", "093000", 1)));
        Path twice = Drops.write(drop(), dump("twice", "DSJ0000175", List.of(FileSpec.video(name("DSJ0000175", "093000", 1), clip(2)))));
        String json = Files.readString(twice.resolve("manifest.json"));
        Files.writeString(twice.resolve("manifest.json"), json.replaceFirst("\\{", "{\"deviceId\": \"DSJ9999999\", "));
        Map<String, String> sources = Accounted.sources(drop(), "linked", "twice");

        // when
        cli("ingest");
        accounted(sources);

        // then neither is taken for a dump without manifest, nor for the other device: both are quarantined, said why
        assertThat(strings("SELECT folder || ': ' || status || ': ' || reason FROM dumps ORDER BY folder")).containsExactly(
                "linked: QUARANTINED: manifest.json is a symbolic link (to " + outside + "), not a file: links are not followed",
                "twice: QUARANTINED: malformed manifest.json: Duplicate Object property \"deviceId\" at line 4, column 13");
        assertThat(strings("SELECT COUNT(*) FROM recordings")).containsExactly("0");
        assertThat(Drops.tree(home.resolve("quarantine/dumps/linked"))).containsValue(linkedSha);
    }

    @Test
    void aDumpFolderWhoseNameIsNotUtf8IsNamedInTheSummaryAndLeftInPlaceNotFailedEveryRun() throws Exception {
        // given a dump folder named with the byte FF (made by a shell)
        Drops.write(drop(), dump("folder", "DSJ0000176", List.of(FileSpec.video(name("DSJ0000176", "093000", 1), clip(2)))));
        Process mv = new ProcessBuilder("bash", "-c", "mv folder $'folder_\\xff'").directory(drop().toFile()).start();
        assertThat(mv.waitFor()).isZero();
        java.util.Map<String, String> before = Drops.tree(drop());

        // when
        String out = cli("ingest");

        // then the run names it and why; nothing is registered, failed or moved
        assertThat(out).contains("folder_\\xFF: a folder whose name is not valid UTF-8: not taken in; left in place");
        assertThat(strings("SELECT COUNT(*) FROM dumps")).containsExactly("0");
        assertThat(Drops.tree(drop())).isEqualTo(before);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
