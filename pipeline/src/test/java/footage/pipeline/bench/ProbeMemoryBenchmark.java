package footage.pipeline.bench;

import static footage.pipeline.bench.BenchResult.MIB;
import static footage.pipeline.bench.BenchResult.f;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.javacpp.Pointer;

import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeResult;

/**
 * Target (issue 2): probing 1,000 small files in one JVM grows the resident set by at most 64 MiB.
 *
 * <p>The baseline is the process's own VmRSS (/proc/self/status) after WARMUP probes, when FFmpeg's
 * libraries are loaded and the JIT has settled; "ours" is VmRSS after TOTAL probes. Nothing is forced
 * (no System.gc()): this is the growth a long ingest would see. Heap and JavaCPP figures are printed to
 * tell a Java-heap growth from a native leak.
 *
 * <pre>ProbeMemoryBenchmark DIR [WARMUP] [TOTAL] [LIMIT_MIB]</pre>
 */
public final class ProbeMemoryBenchmark {

    private ProbeMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        double limitMib = args.length > 3 ? Double.parseDouble(args[3]) : 64;
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files in " + dir);
        }
        System.out.printf("probing %d files (%d distinct paths in %s) in one JVM, VmRSS read after %d and %d; %s%n",
                total, files.size(), dir, warmup, total, Runtime.getRuntime().maxMemory() == Long.MAX_VALUE
                        ? "no heap limit" : f("max heap %.0f MiB", Runtime.getRuntime().maxMemory() / MIB));
        long start = vmRssKib();
        System.out.println("before the first probe: " + snapshot());
        MediaProbe probe = new MediaProbe();
        int readable = 0;
        int truncated = 0;
        long rssAtWarmup = 0;
        long t0 = System.nanoTime();
        long tWarm = 0;
        for (int i = 1; i <= total; i++) {
            ProbeResult r = probe.probe(files.get((i - 1) % files.size()));
            readable += r.readable() ? 1 : 0;
            truncated += r.truncated() ? 1 : 0;
            if (i == warmup) {
                rssAtWarmup = vmRssKib();
                tWarm = System.nanoTime();
                System.out.println("after " + i + " probes: " + snapshot());
            } else if (i % Math.max(1, total / 10) == 0) {
                System.out.println("after " + i + " probes: " + snapshot());
            }
        }
        long end = System.nanoTime();
        long rssAtEnd = vmRssKib();
        System.out.printf("%d readable, %d of them truncated, %d unreadable; %.2f ms per probe after warm-up%n",
                readable, truncated, total - readable, (end - tWarm) / 1e6 / (total - warmup));
        if (readable == 0) {
            throw new IllegalStateException("no file could be probed: the benchmark measured nothing");
        }
        double growthMib = (rssAtEnd - rssAtWarmup) / 1024.0;
        System.out.printf("VmRSS: %.1f MiB at start, %.1f MiB after %d, %.1f MiB after %d: growth %.1f MiB "
                + "(%.1f KiB per probe), target <= %.0f MiB%n", start / 1024.0, rssAtWarmup / 1024.0, warmup,
                rssAtEnd / 1024.0, total, growthMib, (rssAtEnd - rssAtWarmup) / (double) (total - warmup), limitMib);
        BenchResult.print(f("3a. RSS growth probing %d files", total),
                f("VmRSS %.0f MiB after %d", rssAtWarmup / 1024.0, warmup),
                f("VmRSS %.0f MiB after %d", rssAtEnd / 1024.0, total),
                f("%.2f (%+.1f MiB)", (double) rssAtEnd / rssAtWarmup, growthMib),
                f("growth <= %.0f MiB", limitMib), growthMib <= limitMib);
    }

    private static String snapshot() throws IOException {
        Runtime rt = Runtime.getRuntime();
        return f("VmRSS %.1f MiB, heap used %.1f of %.1f MiB committed, JavaCPP tracked native %.1f MiB",
                vmRssKib() / 1024.0, (rt.totalMemory() - rt.freeMemory()) / MIB, rt.totalMemory() / MIB,
                Pointer.totalBytes() / MIB);
    }

    static long vmRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
