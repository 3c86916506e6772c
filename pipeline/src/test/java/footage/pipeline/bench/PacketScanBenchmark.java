package footage.pipeline.bench;

import footage.pipeline.media.FfmpegBinaries;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeReaders;
import footage.pipeline.media.ProbeResult;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Packet scan of a large file (issues 3 and 21) against {@code ffprobe -show_entries packet=pts,dts} of the same
 * FFmpeg build on the same file, warm page cache, alternating, N rounds each: target ratio <= 0.6 (median). MP4 is
 * scanned from its index (nothing but the header read); MPEG-TS is read packet by packet, by Java
 * ({@code TransportStreamScan}) where it can, and for comparison in the same rounds by libavformat alone (the scan
 * before issue 21), whose result must be the same.
 *
 * <pre>PacketScanBenchmark FILE [ROUNDS]</pre>
 */
public final class PacketScanBenchmark {

    private PacketScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> readers = new ArrayList<>();
        MediaProbe probe = ProbeReaders.direct(readers::add);
        MediaProbe libavformat = ProbeReaders.libavformatOnly();
        ProbeResult warm = probe.probe(file);
        if (!warm.readable()) {
            throw new IllegalStateException("not readable: " + warm.error());
        }
        if (!warm.equals(libavformat.probe(file))) {
            throw new IllegalStateException("the scan differs from libavformat's");
        }
        double[] ours = new double[rounds];
        double[] before = new double[rounds];
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
            t0 = System.nanoTime();
            libavformat.probe(file);
            before[r] = (System.nanoTime() - t0) / 1e9;
            if (!result.equals(warm)) {
                throw new IllegalStateException("result changed between runs");
            }
        }
        double b = BenchResult.median(baseline);
        double o = BenchResult.median(ours);
        System.out.printf("packet scan of %s (%.0f MiB, %s, %,d packets, scan=%s, read by %s): ffprobe %s s, probe %s s,"
                        + " probe with libavformat alone %s s; medians ffprobe %.3f s, probe %.3f s (%.2f), libavformat alone %.3f s (%.2f)%n",
                file.getFileName(), Files.size(file) / BenchResult.MIB, warm.container(), warm.packetCount(), warm.scan(),
                readers.get(0), BenchResult.seconds(baseline).replaceAll(" s$", ""), BenchResult.seconds(ours).replaceAll(" s$", ""),
                BenchResult.seconds(before).replaceAll(" s$", ""), b, o, o / b, BenchResult.median(before),
                BenchResult.median(before) / b);
        BenchResult.print(BenchResult.f("packet scan %.0f MiB %s (%s)", Files.size(file) / BenchResult.MIB,
                        warm.container().startsWith("mov") ? "MP4" : warm.container(), warm.scan()),
                BenchResult.f("ffprobe %.3f s", b), BenchResult.f("%.3f s", o), BenchResult.f("%.3f", o / b), "<= 0.60", o / b <= 0.6);
    }
}
