package footage.jobs.ingest;

import footage.jobs.FootageProcess;
import footage.jobs.FootageProperties;
import footage.jobs.cli.TestCommands;
import footage.pipeline.archive.DurableFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of issue 15 as a check for any ingest scenario: every byte a station dropped is accounted for. Capture
 * the sources with {@link #sources} before the run(s); afterwards {@link #check} asserts that each source file's bytes
 * (by SHA-256) are in the archive (a recording with that SHA-256 whose archive file hashes to it), or in quarantine (a
 * dump file with that SHA-256 whose quarantined copy, or a whole quarantined dump's file, hashes to it), or that the
 * file is named in a finding on its dump — and that {@code verify --full} passes.
 */
final class Accounted {

    private Accounted() {
    }

    /** Every regular file (links are not a station's bytes) below the given dump folders: "folder/path" -> SHA-256. */
    static Map<String, String> sources(Path drop, String... folders) {
        Map<String, String> out = new TreeMap<>();
        for (String folder : folders) {
            Path dir = drop.resolve(folder);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.put(folder + "/" + dir.relativize(p), DurableFiles.sha256(p));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** In a Spring test: the catalog and folders of {@code properties}, and the {@code verify} command bean. */
    static void check(Map<String, String> sources, JdbcClient jdbc, FootageProperties properties,
                      org.springframework.context.ApplicationContext commands) {
        assertEachAccounted(sources, jdbc, properties.archive(), properties.quarantine());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int exit = TestCommands.run(commands, "verify", List.of(), Map.of("full", ""), print, print);
            assertThat(exit).as("verify --full:\n" + out.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    /** For separate-JVM tests on the embedded catalog of {@code home}: checked with {@code footage verify --full}. */
    static void check(Map<String, String> sources, Path home, Path log) {
        assertEachAccounted(sources, h2(home), home.resolve("archive"), home.resolve("quarantine"));
        try (FootageProcess verify = FootageProcess.start(home, log, List.of("verify", "--full"))) {
            assertThat(verify.awaitExit(Duration.ofSeconds(120))).as(verify::tail).isZero();
        }
    }

    /** The embedded catalog of a home (no process may be using it). */
    static JdbcClient h2(Path home) {
        return JdbcClient.create(new DriverManagerDataSource("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", ""));
    }

    static void assertEachAccounted(Map<String, String> sources, JdbcClient jdbc, Path archive, Path quarantine) {
        List<String> unaccounted = new ArrayList<>();
        sources.forEach((source, sha) -> {
            String folder = source.substring(0, source.indexOf('/'));
            String path = source.substring(folder.length() + 1);
            String where = archived(jdbc, archive, sha);
            if (where == null) {
                where = quarantined(jdbc, quarantine, sha, folder, path);
            }
            if (where == null) {
                where = named(jdbc, folder, path, sha);
            }
            if (where == null) {
                unaccounted.add(source + " (" + sha + ")");
            }
        });
        assertThat(unaccounted).as("source files whose bytes are neither archived nor quarantined nor named in a finding")
                .isEmpty();
    }

    private static String archived(JdbcClient jdbc, Path archive, String sha) {
        List<String> paths = jdbc.sql("SELECT archive_path FROM recordings WHERE sha256 = ?").param(sha)
                .query(String.class).list();
        return paths.stream().filter(p -> hashesTo(archive.resolve(p), sha)).findFirst().map(p -> "archive " + p).orElse(null);
    }

    private static String quarantined(JdbcClient jdbc, Path quarantine, String sha, String folder, String path) {
        List<String> kept = jdbc.sql("SELECT quarantine_path FROM dump_files WHERE sha256 = ? AND quarantine_path IS NOT NULL")
                .param(sha).query(String.class).list();
        for (String k : kept) {
            if (hashesTo(quarantine.resolve(k), sha)) {
                return "quarantine " + k;
            }
        }
        // a dump whose manifest could not be used is moved whole to quarantine/dumps/<name>
        List<String> dumps = jdbc.sql("SELECT fingerprint FROM dumps WHERE folder = ? AND status = 'QUARANTINED' "
                + "AND fingerprint LIKE 'quarantined:%'").param(folder).query(String.class).list();
        for (String d : dumps) {
            Path copy = quarantine.resolve("dumps").resolve(d.substring("quarantined:".length())).resolve(path);
            if (hashesTo(copy, sha)) {
                return "quarantined dump " + copy;
            }
        }
        return null;
    }

    private static String named(JdbcClient jdbc, String folder, String path, String sha) {
        long findings = jdbc.sql("SELECT COUNT(*) FROM findings x JOIN dumps d ON d.id = x.dump_id WHERE d.folder = ? AND x.path = ?")
                .params(folder, path).query(Long.class).single();
        if (findings > 0) {
            return "finding";
        }
        // a manifest is registered with its dump, by its digest
        long manifests = jdbc.sql("SELECT COUNT(*) FROM dumps WHERE folder = ? AND manifest_sha256 = ?")
                .params(folder, sha).query(Long.class).single();
        return manifests > 0 && path.equals("manifest.json") ? "manifest of its dump" : null;
    }

    private static boolean hashesTo(Path file, String sha) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && DurableFiles.sha256(file).equals(sha);
        } catch (IOException e) {
            return false;
        }
    }
}
