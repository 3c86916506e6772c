package footage.pipeline.bench;

import static footage.pipeline.bench.BenchResult.MIB;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import footage.pipeline.archive.ContentArchive;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.StoredObject;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeResult;

/**
 * No target of its own: splits the ingest of a dump into the pieces the product code does per file, each over
 * all files of the dump, next to the pieces of the shell baseline, to show where the ingest's time goes.
 * Every piece but the baseline's own {@code sync} starts after a {@code sync}; the dump is in the page cache
 * throughout. Single runs: expect the noise of the machine (see BENCHMARKS.md).
 *
 * <pre>IngestBreakdownBenchmark DUMP_DIR WORK_DIR</pre>
 */
public final class IngestBreakdownBenchmark {

    private IngestBreakdownBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        List<Path> files;
        try (Stream<Path> list = Files.list(dump)) {
            files = list.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().equals("manifest.json"))
                    .sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        double mib = bytes / MIB;
        System.out.printf("where the time goes: %d files, %.0f MiB, page cache warm, single runs%n",
                files.size(), mib);

        // baseline pieces
        Path dest = work.resolve("cp");
        double cp = timed(() -> shell("cp -r \"$0\" \"$1\"", dump.toString(), dest.toString()));
        double sync = timedNoSync(() -> shell("sync")); // the write-back of the cp just before
        double openssl = timed(() -> shell("openssl dgst -sha256 \"$0\"/* >/dev/null", dest.toString()));
        delete(dest);
        row("baseline: cp -r (page cache only, copy_file_range)", cp, mib);
        row("baseline: sync (write-back of the copies to disk)", sync, mib);
        row("baseline: openssl dgst -sha256 of the copies", openssl, mib);

        // product pieces, each over all files
        MediaProbe probe = new MediaProbe();
        probe.probe(files.get(0)); // loads FFmpeg, as the application does at start-up
        footage.pipeline.archive.DurableFiles.sha256(files.get(0)); // JIT warm-up of the hashing loop
        double hash = timed(() -> {
            for (Path f : files) {
                footage.pipeline.archive.DurableFiles.sha256(f);
            }
        });
        ContentArchive archive = new ContentArchive(work.resolve("archive"));
        List<StoredObject> stored = new ArrayList<>();
        double store = timed(() -> {
            for (Path f : files) {
                stored.add(archive.store(f, false, extension(f), CopyListener.NONE));
            }
        });
        double probed = timed(() -> {
            for (StoredObject s : stored) {
                ProbeResult r = probe.probe(archive.resolve(s.relativePath()));
                if (!r.readable()) {
                    throw new IllegalStateException("unreadable: " + r.error());
                }
            }
        });
        delete(work.resolve("archive"));
        ContentArchive archive2 = new ContentArchive(work.resolve("archive"));
        double storeMd5 = timed(() -> {
            for (Path f : files) {
                archive2.store(f, true, extension(f), CopyListener.NONE);
            }
        });
        delete(work.resolve("archive"));
        row("ours: DurableFiles.sha256 of the sources (read + hash only)", hash, mib);
        row("ours: ContentArchive.store (copy + SHA-256 + fsync + rename)", store, mib);
        row("ours: the same with MD5 too (a manifest that lists md5)", storeMd5, mib);
        row("ours: MediaProbe.probe of the archived copies (packet walk)", probed, mib);
        System.out.printf("  sum baseline pieces %.2f s; sum of store + probe %.2f s (the job adds the catalog and "
                + "Spring Batch on top; the process adds JVM and Spring start-up)%n", cp + sync + openssl,
                store + probed);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work) throws Exception {
        shell("sync");
        return timedNoSync(work);
    }

    private static double timedNoSync(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void row(String what, double seconds, double mib) {
        System.out.printf("  %-66s %6.2f s  %6.0f MiB/s%n", what, seconds, mib / seconds);
    }

    private static void shell(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + script);
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
