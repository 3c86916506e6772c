package footage.jobs.ingest;

import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test dumps written with the project's own generator. */
final class Drops {

    static final SampleDumpGenerator GENERATOR = new SampleDumpGenerator();

    private Drops() {
    }

    private static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    /** A short clip whose bytes differ from every other clip of this JVM (its creation_time is unique). */
    static VideoSpec clip(double seconds) {
        return VideoSpec.small(seconds, java.time.Instant.parse("2019-02-17T01:00:00Z")
                .plusSeconds(UNIQUE.incrementAndGet()).toString());
    }

    static String name(String device, String time, int seq) {
        return device + "_100234_20190217_" + time + "_" + String.format("%04d", seq) + ".mp4";
    }

    static DumpSpec dump(String folder, String device, List<FileSpec> files) {
        return new DumpSpec(folder, "ST01", device, "100234", "张三", "2019-02-17T18:05:12+08:00",
                "2019-02-17T18:06:47+08:00", true, files);
    }

    static Path write(Path drop, DumpSpec spec) {
        try {
            return GENERATOR.writeDump(drop, spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file below {@code dir} (relative path -> SHA-256), temp files included. */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), footage.pipeline.archive.DurableFiles.sha256(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
