package footage.pipeline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import footage.pipeline.text.Json;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import footage.pipeline.media.FfmpegBinaries;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeResult;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;

/**
 * Makes the benchmark inputs (not a benchmark itself). Big files come from the ffmpeg executable
 * of the bundled FFmpeg build, because encoding 2 GiB through the Java generator would take longer
 * than the benchmarks: one ~100 MiB recording is encoded and then copied, each copy with a few bytes
 * of its media data flipped so that every file has its own SHA-256 yet stays a readable media file.
 *
 * <pre>
 * BenchData dump  DROP_PARENT FILES SECONDS   a dump folder of FILES mp4 recordings + manifest.json
 * BenchData big   DROP_PARENT SECONDS MIB     a dump of one MPEG-TS recording of at least MIB MiB + manifest.json
 * BenchData blob  FILE MIB SOURCE_DIR         MIB MiB made of the files in SOURCE_DIR (for SHA-256)
 * BenchData clips DIR COUNT DISTINCT          COUNT small clips (DISTINCT different ones, copied round)
 * </pre>
 * Sizes: at 40 Mbit/s one second of video is ~4.8 MiB, so 21 s is ~100 MiB. Recordings of a dump are
 * named one minute apart in the default pattern of docs/formats.md §3.
 */
public final class BenchData {

    static final String DUMP_FOLDER = "ST01_DSJ0000001_20190217180512";
    static final String BIG_DUMP_FOLDER = "ST01_DSJ0000002_20190218120000";
    static final String DEVICE = "DSJ0000001";
    static final String BIG_DEVICE = "DSJ0000002";
    static final String OFFICER = "100234";
    private static final String VIDEO_FILTER = "testsrc2=size=1280x720:rate=25,noise=alls=25:allf=t+u";

    private BenchData() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: BenchData dump|ts|blob|clips ...");
        }
        switch (args[0]) {
            case "dump" -> dump(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            case "big" -> big(Path.of(args[1]), Double.parseDouble(args[2]), Long.parseLong(args[3]));
            case "blob" -> blob(Path.of(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
            case "clips" -> clips(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** Encodes one 720p H.264/AAC recording at 40 Mbit/s (noise keeps the encoder from compressing it away). */
    static void encode(Path target, double seconds, String format) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", VIDEO_FILTER,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "40M", "-maxrate", "40M", "-bufsize", "40M",
                "-c:a", "aac", "-t", f(seconds)));
        if (format.equals("mp4")) {
            // no creation_time: every copy would carry the same one, which is not what a recorder writes
            args.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
        } else {
            args.addAll(List.of("-f", "mpegts"));
        }
        args.add(target.toString());
        FfmpegBinaries.run(FfmpegBinaries.ffmpeg(), args.toArray(String[]::new));
    }

    static void dump(Path dropParent, int files, double seconds) throws Exception {
        Path dump = Files.createDirectories(dropParent.resolve(DUMP_FOLDER));
        Path master = dropParent.resolve("master.mp4");
        long start = System.nanoTime();
        encode(master, seconds, "mp4");
        System.out.printf(Locale.ROOT, "encoded %s (%d bytes) in %.1f s%n", master, Files.size(master),
                (System.nanoTime() - start) / 1e9);
        long[] mdat = mdat(master);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            // 09:30:00, 09:31:00, ... in the device's zone: names follow the default pattern of docs/formats.md §3
            String name = String.format(Locale.ROOT, "%s_%s_20190217_%s_%04d.mp4", DEVICE, OFFICER,
                    LocalTime.of(9, 30).plusMinutes(i).format(DateTimeFormatter.ofPattern("HHmmss")), i + 1);
            Path copy = dump.resolve(name);
            Files.copy(master, copy, StandardCopyOption.REPLACE_EXISTING);
            flip(copy, mdat[0], mdat[1], i + 1);
            names.add(name);
        }
        Files.delete(master);
        manifest(dump, DEVICE, "2019-02-17T18:05:12+08:00", names);
        ProbeResult check = new MediaProbe().probe(dump.resolve(names.get(files - 1)));
        System.out.printf(Locale.ROOT, "dump %s: %d files; probe of the last copy: readable=%s truncated=%s "
                + "packets=%d%n", dump, files, check.readable(), check.truncated(), check.packetCount());
        if (!check.readable()) {
            throw new IllegalStateException("a flipped copy is no longer readable: " + check.error());
        }
    }

    /** manifest.json of schema footage-dump/1 with the required fields only, written last as a station does. */
    static void manifest(Path dump, String device, String dockedAt, List<String> names) throws IOException {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("schema", "footage-dump/1");
        manifest.put("deviceId", device);
        manifest.put("dockedAt", dockedAt);
        ArrayNode list = manifest.putArray("files");
        for (String name : names) {
            list.addObject().put("path", name).put("size", Files.size(dump.resolve(name)));
        }
        Files.write(dump.resolve("manifest.json"), Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest));
    }

    /** Offset and length of the payload of the top-level mdat box. */
    static long[] mdat(Path mp4) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(mp4.toFile(), "r")) {
            long pos = 0;
            long length = file.length();
            while (pos + 8 <= length) {
                file.seek(pos);
                long size = Integer.toUnsignedLong(file.readInt());
                byte[] type = new byte[4];
                file.readFully(type);
                int header = 8;
                if (size == 1) {
                    size = file.readLong();
                    header = 16;
                } else if (size == 0) {
                    size = length - pos;
                }
                if (new String(type, java.nio.charset.StandardCharsets.US_ASCII).equals("mdat")) {
                    return new long[] {pos + header, size - header};
                }
                if (size < header) {
                    break;
                }
                pos += size;
            }
        }
        throw new IOException("no mdat box in " + mp4);
    }

    /**
     * XORs {@code mark} (never 0) into four bytes at four places deep inside the media data: distinct marks give
     * distinct content hashes, and the container structure (the only thing the probe reads) is untouched.
     */
    static void flip(Path file, long payloadStart, long payloadLength, int mark) throws IOException {
        if (mark == 0) {
            throw new IllegalArgumentException("mark 0 would change nothing");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (int k = 1; k <= 4; k++) {
                long at = payloadStart + payloadLength * k / 5;
                raf.seek(at);
                int v = raf.readInt();
                raf.seek(at);
                raf.writeInt(v ^ mark);
            }
        }
    }

    /** MPEG-TS is a packet stream with no index, so pieces concatenated byte-wise are still one valid stream. */
    static void big(Path dropParent, double seconds, long mib) throws Exception {
        Path dump = Files.createDirectories(dropParent.resolve(BIG_DUMP_FOLDER));
        String name = BIG_DEVICE + "_" + OFFICER + "_20190218_080000_0001.ts";
        Path target = dump.resolve(name);
        Path piece = dropParent.resolve("piece.ts");
        long start = System.nanoTime();
        encode(piece, seconds, "mpegts");
        System.out.printf(Locale.ROOT, "encoded %s (%d bytes) in %.1f s%n", piece, Files.size(piece),
                (System.nanoTime() - start) / 1e9);
        long pieceSize = Files.size(piece);
        int copies = (int) ((mib * 1024 * 1024 + pieceSize - 1) / pieceSize);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (int i = 0; i < copies; i++) {
                Files.copy(piece, out);
            }
        }
        Files.delete(piece);
        System.out.printf(Locale.ROOT, "%s: %d bytes (%.2f GiB), %d pieces concatenated%n", target,
                Files.size(target), Files.size(target) / (BenchResult.MIB * 1024), copies);
        manifest(dump, BIG_DEVICE, "2019-02-18T12:00:00+08:00", List.of(name));
    }

    static void blob(Path target, long mib, Path sourceDir) throws IOException {
        List<Path> sources;
        try (var files = Files.list(sourceDir)) {
            sources = files.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
        long want = mib * 1024 * 1024;
        byte[] buf = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; written < want; i++) {
                try (var in = Files.newInputStream(sources.get(i % sources.size()))) {
                    int n;
                    while (written < want && (n = in.read(buf, 0, (int) Math.min(buf.length, want - written))) > 0) {
                        out.write(buf, 0, n);
                        written += n;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d bytes%n", target, written);
    }

    /** Small recordings of the kinds the probe meets: faststart mp4, moov-at-end mp4, MPEG-TS, no audio, cut short. */
    static void clips(Path dir, int count, int distinct) throws IOException {
        Files.createDirectories(dir);
        SampleDumpGenerator generator = new SampleDumpGenerator();
        List<Path> variants = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < distinct; i++) {
            VideoSpec spec = VideoSpec.small(1 + i % 5, "2019-02-17T01:30:00Z");
            switch (i % 4) {
                case 1 -> spec = spec.asMpegTs();
                case 2 -> spec = spec.withoutFaststart();
                case 3 -> spec = spec.truncatedTo(0.7);
                default -> { }
            }
            if (i % 5 == 4) {
                spec = spec.withoutAudio();
            }
            Path variant = dir.resolve(String.format(Locale.ROOT, "variant_%02d.%s", i,
                    spec.format().equals(VideoSpec.MPEG_TS) ? "ts" : "mp4"));
            generator.writeVideo(variant, spec);
            variants.add(variant);
        }
        for (int i = 0; i < count; i++) {
            Path variant = variants.get(i % variants.size());
            String name = variant.getFileName().toString();
            Files.copy(variant, dir.resolve(String.format(Locale.ROOT, "clip_%04d%s", i,
                    name.substring(name.lastIndexOf('.')))));
        }
        for (Path variant : variants) {
            Files.delete(variant);
        }
        System.out.printf(Locale.ROOT, "%d clips (%d distinct) in %s, made in %.1f s%n", count, distinct, dir,
                (System.nanoTime() - start) / 1e9);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
