package footage.jobs.partition;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A generated drop for cluster runs: several devices' dumps of short clips (0.5 to 1 s), every clip's content unique,
 * plus one repeated clip per dump pair so identical content on two workers is exercised too.
 */
final class ClusterDrops {

    private static final SampleDumpGenerator GENERATOR = new SampleDumpGenerator();

    private ClusterDrops() {
    }

    /** Writes {@code dumps} dumps of {@code files} clips each into {@code drop}; returns source path -> SHA-256. */
    static Map<String, String> write(Path drop, int dumps, int files, double minSeconds, double maxSeconds, int seed) {
        try {
            Files.createDirectories(drop);
            VideoSpec shared = VideoSpec.small(minSeconds, Instant.parse("2019-02-17T00:00:00Z").plusSeconds(seed).toString());
            for (int d = 0; d < dumps; d++) {
                String device = String.format("DSJ%07d", seed * 100 + d);
                List<FileSpec> specs = new ArrayList<>();
                for (int i = 1; i <= files; i++) {
                    double seconds = minSeconds + (maxSeconds - minSeconds) * ((i * 7 + d) % 5) / 4.0;
                    String created = Instant.parse("2019-02-17T01:00:00Z").plusSeconds((long) seed * 100_000 + d * 1000L + i).toString();
                    specs.add(FileSpec.video(String.format("%s_100234_20190217_09%02d%02d_%04d.mp4", device, (i * 2) / 60,
                            (i * 2) % 60, i), VideoSpec.small(Math.round(seconds * 10) / 10.0, created)));
                }
                if (d % 2 == 1) {
                    // the same recording docked from two devices' dumps: archived once, linked once
                    specs.add(FileSpec.video(String.format("%s_100234_20190217_100000_%04d.mp4", device, files + 1), shared));
                }
                GENERATOR.writeDump(drop, new DumpSpec(String.format("ST01_%s_20190217180512", device), "ST01", device,
                        "100234", "张三", "2019-02-17T18:05:12+08:00", "2019-02-17T18:05:13+08:00", true, specs));
            }
            return sources(drop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every media file below {@code drop} (relative path -> SHA-256). */
    static Map<String, String> sources(Path drop) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(drop)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".mp4")).toList()) {
                out.put(drop.relativize(p).toString(), DurableFiles.sha256(p));
            }
        }
        return out;
    }

    /** {@code ClusterDrops DROP DUMPS FILES [SEED]}: writes a drop for the example script and the benchmark. */
    public static void main(String[] args) {
        Map<String, String> files = write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 0.5, 1.0,
                args.length > 3 ? Integer.parseInt(args[3]) : 1);
        System.out.println(files.size() + " files, " + files.values().stream().distinct().count() + " distinct");
    }
}
