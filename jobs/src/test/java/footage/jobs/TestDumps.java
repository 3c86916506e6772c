package footage.jobs;

import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Small recorder dumps made by the project's generator, dropped whole (written aside, then renamed into drop/). */
public final class TestDumps {

    private static final SampleDumpGenerator GENERATOR = new SampleDumpGenerator();
    private static final AtomicLong UNIQUE = new AtomicLong();

    private TestDumps() {
    }

    /**
     * Writes a dump of {@code files} one-second clips of one device, every clip's content unique in this JVM, and moves
     * it into {@code drop} in one rename, with the {@code extra} files (listed in the manifest too). Returns the SHA-256
     * of each clip.
     */
    public static Set<String> drop(Path drop, String folder, String device, int files, FileSpec... extra) {
        try {
            Path staging = drop.resolveSibling("staging");
            Files.createDirectories(staging);
            Files.createDirectories(drop);
            List<FileSpec> specs = new ArrayList<>();
            for (int i = 1; i <= files; i++) {
                long n = UNIQUE.incrementAndGet();
                VideoSpec clip = VideoSpec.small(1, Instant.parse("2019-02-17T01:00:00Z").plusSeconds(n).toString());
                specs.add(FileSpec.video(String.format("%s_100234_20190217_09%02d%02d_%04d.mp4", device, (i * 2) / 60,
                        (i * 2) % 60, i), clip));
            }
            specs.addAll(List.of(extra));
            Path written = GENERATOR.writeDump(staging, new DumpSpec(folder, "ST01", device, "100234", "张三",
                    "2019-02-17T18:05:12+08:00", "2019-02-17T18:05:13+08:00", true, specs));
            Set<String> hashes = new LinkedHashSet<>();
            try (Stream<Path> walk = Files.list(written)) {
                for (Path p : walk.sorted().toList()) {
                    if (p.getFileName().toString().endsWith(".mp4")) {
                        hashes.add(DurableFiles.sha256(p));
                    }
                }
            }
            Files.move(written, drop.resolve(folder), StandardCopyOption.ATOMIC_MOVE);
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every archive object below {@code archive/sha256}, as the SHA-256 its content really has; temp files included. */
    public static List<String> archivedHashes(Path home) {
        Path root = home.resolve("archive").resolve("sha256");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<String> out = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.add(DurableFiles.isTemp(p) ? "temp:" + p.getFileName() : DurableFiles.sha256(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary files anywhere under the home folder (a half-written copy left behind). */
    public static List<Path> tempFiles(Path home) {
        try (Stream<Path> walk = Files.walk(home)) {
            return walk.filter(Files::isRegularFile).filter(DurableFiles::isTemp).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
