package footage.pipeline.sample;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes synthetic recorder dumps for tests and the demo: real H.264/AAC files made with FFmpeg,
 * byte-identical for the same spec, plus the station's manifest.
 */
public final class SampleDumpGenerator {

    public void writeVideo(Path target, VideoSpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        write(target, () -> {
            SyntheticVideoWriter.write(target, spec);
            if (spec.keepFraction() < 1) {
                cut(target, spec.keepFraction());
            }
        });
    }

    /** A photo (JPEG with EXIF, or PNG) as cameras and body cameras' photo mode write them. */
    public byte[] photo(PhotoSpec spec) throws IOException {
        return PhotoWriter.bytes(Objects.requireNonNull(spec, "spec"));
    }

    /** An audio recorder's file (WAV, MP3, AMR, M4A, Ogg, FLAC) or an AVI video. */
    public void writeRecorderFile(Path target, RecorderSpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        write(target, () -> RecorderWriter.write(target, spec));
    }

    /** A camera-style recording: the spec's audio and video with metadata tracks, in mp4, mov or MPEG-TS. */
    public void writeCameraFile(Path target, CameraFileSpec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        write(target, () -> CameraFileWriter.write(target, spec));
    }

    private interface Writing {
        void run() throws IOException;
    }

    private static void write(Path target, Writing writing) throws IOException {
        Objects.requireNonNull(target, "target");
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            writing.run();
        } catch (IOException | RuntimeException e) {
            // a half-written file would look like a real damaged recording to whoever finds it
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /**
     * Creates {@code dropDir/spec.folder()}, writes every file in order and then, when asked,
     * manifest.json, so a dump only looks complete once it is.
     *
     * @return the dump folder
     */
    public Path writeDump(Path dropDir, DumpSpec spec) throws IOException {
        Objects.requireNonNull(dropDir, "dropDir");
        Objects.requireNonNull(spec, "spec");
        Path dumpDir = Files.createDirectories(dropDir.resolve(spec.folder()));
        for (FileSpec file : spec.files()) {
            Path target = dumpDir.resolve(file.path());
            if (file.video() != null) {
                writeVideo(target, file.video());
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            }
        }
        if (spec.writeManifest()) {
            ManifestWriter.write(dumpDir, spec);
        }
        return dumpDir;
    }

    /**
     * Overwrites {@code fraction} of the file's bytes, centred on its middle, with pseudo-random bytes (the same for
     * the same seed): a recording damaged inside while its container and index stay readable.
     */
    public static void overwriteMiddle(Path file, double fraction, long seed) throws IOException {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, not " + fraction);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long length = (long) (size * fraction);
            byte[] noise = new byte[(int) length];
            new java.util.Random(seed).nextBytes(noise);
            channel.write(java.nio.ByteBuffer.wrap(noise), (size - length) / 2);
        }
    }

    private static void cut(Path file, double keepFraction) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate((long) Math.floor(channel.size() * keepFraction));
        }
    }
}
