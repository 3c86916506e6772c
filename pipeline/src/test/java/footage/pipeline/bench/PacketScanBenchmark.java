package footage.pipeline.bench;

import footage.pipeline.media.FfmpegBinaries;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeResult;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Packet scan of a large file (issue 3) against {@code ffprobe -show_entries packet=pts,dts} of the same FFmpeg build
 * on the same file, warm page cache, best of N each, alternating: target ratio <= 0.6. MP4 is scanned from its
 * index (nothing but the header read); MPEG-TS has no index and is read packet by packet.
 *
 * <pre>PacketScanBenchmark FILE [ROUNDS]</pre>
 */
public final class PacketScanBenchmark {

    private PacketScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MediaProbe probe = new MediaProbe();
        ProbeResult warm = probe.probe(file);
        if (!warm.readable()) {
            throw new IllegalStateException("not readable: " + warm.error());
        }
        double[] ours = new double[rounds];
        double[] baseline = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            Process p = FfmpegBinaries.command(FfmpegBinaries.ffprobe(), "-v", "error", "-show_entries", "packet=pts,dts",
                    "-of", "csv", file.toString()).redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ffprobe failed: " + new String(p.getErrorStream().readAllBytes()));
            }
            baseline[r] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            ProbeResult result = probe.probe(file);
            ours[r] = (System.nanoTime() - t0) / 1e9;
            if (result.packetCount() != warm.packetCount()) {
                throw new IllegalStateException("packet count changed between runs");
            }
        }
        double b = BenchResult.best(baseline);
        double o = BenchResult.best(ours);
        System.out.printf("packet scan of %s (%.0f MiB, %s, %,d packets, scan=%s): ffprobe %s s, probe %s s%n", file.getFileName(),
                Files.size(file) / BenchResult.MIB, warm.container(), warm.packetCount(), warm.scan(),
                BenchResult.seconds(baseline).replaceAll(" s$", ""), BenchResult.seconds(ours).replaceAll(" s$", ""));
        BenchResult.print(BenchResult.f("packet scan %.0f MiB %s (%s)", Files.size(file) / BenchResult.MIB,
                        warm.container().startsWith("mov") ? "MP4" : warm.container(), warm.scan()),
                BenchResult.f("ffprobe %.3f s", b), BenchResult.f("%.3f s", o), BenchResult.f("%.3f", o / b), "<= 0.60", o / b <= 0.6);
    }
}
