package footage.jobs.retention;

import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Test footage from 2019 (long expired under the 2-year rule), made with the project's own generator: device A
 * (clock 95 s fast) recorded a1..a4 one second each at 09:30:00, :05, :10, :15 device time, i.e. 09:28:25, :30, :35,
 * :40 reference time; device B (clock right) recorded b1 at 10:00:00, and its dump holds a1 again (a duplicate link).
 */
final class RetentionFootage {

    static final String DEVICE_A = "DSJ0007001";
    static final String DEVICE_B = "DSJ0007002";
    static final String FOLDER_A = "ST01_DSJ0007001_20190217180512";
    static final String FOLDER_B = "ST01_DSJ0007002_20190217181000";
    private static final SampleDumpGenerator GENERATOR = new SampleDumpGenerator();
    private static final AtomicLong UNIQUE = new AtomicLong();

    private RetentionFootage() {
    }

    static String name(String device, String officer, String time, int seq) {
        return device + "_" + officer + "_20190217_" + time + "_" + String.format("%04d", seq) + ".mp4";
    }

    static String a(int n) {
        return name(DEVICE_A, "100701", "0930" + String.format("%02d", (n - 1) * 5), n);
    }

    static String b1() {
        return name(DEVICE_B, "100702", "100000", 1);
    }

    /** A one-second clip whose bytes differ from every other clip of this JVM (its creation_time is unique). */
    static VideoSpec clip() {
        return VideoSpec.small(1, Instant.parse("2019-02-17T01:00:00Z").plusSeconds(UNIQUE.incrementAndGet()).toString());
    }

    static void writeDumps(Path drop) {
        FileSpec a1 = FileSpec.video(a(1), clip());
        write(drop, new DumpSpec(FOLDER_A, "ST01", DEVICE_A, "100701", "张三", "2019-02-17T18:05:12+08:00",
                "2019-02-17T18:06:47+08:00", true, List.of(a1, FileSpec.video(a(2), clip()), FileSpec.video(a(3), clip()),
                FileSpec.video(a(4), clip()))));
        write(drop, new DumpSpec(FOLDER_B, "ST01", DEVICE_B, "100702", "李四", "2019-02-17T18:10:00+08:00",
                "2019-02-17T18:10:00+08:00", true, List.of(FileSpec.video(b1(), clip()),
                FileSpec.video("again/" + a1.path(), a1.video()))));
    }

    private static void write(Path drop, DumpSpec spec) {
        try {
            GENERATOR.writeDump(drop, spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file below {@code dir} (relative path -> SHA-256). */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), DurableFiles.sha256(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
