package footage.jobs.integrity;

import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Test footage made with the project's own generator (real FFmpeg media): two dumps of two devices, with a
 * recording docked twice (a duplicate link) and a log file that is not media (quarantined, with a finding).
 */
final class Evidence {

    static final String DEVICE_A = "DSJ0000301";
    static final String DEVICE_B = "DSJ0000302";
    static final String FOLDER_A = "ST01_DSJ0000301_20190217180512";
    static final String FOLDER_B = "ST01_DSJ0000302_20190217181000";
    private static final SampleDumpGenerator GENERATOR = new SampleDumpGenerator();
    private static final AtomicLong UNIQUE = new AtomicLong();

    private Evidence() {
    }

    /** A short clip whose bytes differ from every other clip of this JVM (its creation_time is unique). */
    static VideoSpec clip(double seconds) {
        return VideoSpec.small(seconds, Instant.parse("2019-02-17T01:00:00Z").plusSeconds(UNIQUE.incrementAndGet()).toString());
    }

    static String name(String device, String time, int seq) {
        return device + "_100234_20190217_" + time + "_" + String.format("%04d", seq) + ".mp4";
    }

    /** Writes both dumps into {@code drop}: five media files (one of them twice) and one log file. */
    static void writeDumps(Path drop) {
        FileSpec shared = FileSpec.video(name(DEVICE_A, "093000", 1), clip(1));
        write(drop, new DumpSpec(FOLDER_A, "ST01", DEVICE_A, "100234", "张三", "2019-02-17T18:05:12+08:00",
                "2019-02-17T18:06:47+08:00", true, List.of(
                shared,
                FileSpec.video(name(DEVICE_A, "093001", 2), clip(1)),
                FileSpec.video(name(DEVICE_A, "093010", 3), clip(1)),
                FileSpec.bytes("LOG/device.log", "boot ok\n".getBytes(StandardCharsets.UTF_8)).unlisted())));
        write(drop, new DumpSpec(FOLDER_B, "ST01", DEVICE_B, "100235", "李四", "2019-02-17T18:10:00+08:00",
                "2019-02-17T18:10:00+08:00", true, List.of(
                FileSpec.video(name(DEVICE_B, "100000", 1), clip(1)),
                FileSpec.video("again/" + shared.path(), shared.video()))));
    }

    static void write(Path drop, DumpSpec spec) {
        try {
            GENERATOR.writeDump(drop, spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
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
            walk.filter(Files::isRegularFile).forEach(p -> files.put(dir.relativize(p).toString(), sha256(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Flips every bit of the byte in the middle of the file; flipping again restores it. */
    static void flipMiddleByte(Path file) {
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0xFF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
