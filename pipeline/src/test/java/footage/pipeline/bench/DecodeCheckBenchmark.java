package footage.pipeline.bench;

import footage.pipeline.media.FfmpegBinaries;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.transcode.DecodeCheck;
import footage.pipeline.transcode.DecodeReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;

/**
 * The decode check (issue 14) against {@code ffmpeg -v error -i F -f null -} of the same FFmpeg build (the bytedeco
 * jar's executable), which decodes the same streams (the best video and audio) and prints what does not decode.
 * Target: at most 1.15 × ffmpeg's wall time (as the encode of issue 6). Not a test (mvn verify does not run it).
 *
 * <p>The input is made once with the bundled ffmpeg as BenchData makes its recordings: 720p H.264 (ultrafast, with
 * noise) at 40 Mbit/s and AAC 48 kHz, SECONDS long (21 s ≈ 100 MiB), plus a copy with 30 % of its middle overwritten.
 * Page cache warm, after one warm-up check, ffmpeg (a whole process) and {@link DecodeCheck#check} (in-process, as the
 * transcode job calls it) alternate ROUNDS times on the clean file, ffmpeg first; verdict best / best. Then one round
 * each on the damaged copy, whose counts are printed side by side. The JVM's resident memory is printed before and
 * after the rounds (it must stay flat: every frame is released before the next).
 *
 * <pre>DecodeCheckBenchmark WORK_DIR [ROUNDS] [SECONDS]</pre>
 */
public final class DecodeCheckBenchmark {

    private static final double TARGET = 1.15;

    private DecodeCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 21;
        Path clean = work.resolve("decode-clean.mp4");
        Path damaged = work.resolve("decode-damaged.mp4");
        if (!Files.exists(clean)) {
            long t0 = System.nanoTime();
            BenchData.encode(clean, seconds, "mp4");
            System.out.printf("made %s (%.1f MiB) in %.0f s%n", clean, Files.size(clean) / BenchResult.MIB,
                    (System.nanoTime() - t0) / 1e9);
        }
        Files.copy(clean, damaged, StandardCopyOption.REPLACE_EXISTING);
        SampleDumpGenerator.overwriteMiddle(damaged, 0.3, 14);
        System.out.println("ffmpeg: " + FfmpegBinaries.run(FfmpegBinaries.ffmpeg(), "-version").lines().findFirst().orElse("?"));
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", load average at start: "
                + Files.readString(Path.of("/proc/loadavg")).strip());

        DecodeCheck check = new DecodeCheck();
        DecodeReport warm = check.check(clean, null);
        long rssBefore = rssKib();
        StringBuilder rss = new StringBuilder();
        double[] ours = new double[rounds];
        double[] baseline = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            Ffmpeg f = ffmpeg(clean);
            baseline[r] = (System.nanoTime() - t0) / 1e9;
            if (f.lines() != 0) {
                throw new IllegalStateException("ffmpeg finds errors in the clean file: " + f.text());
            }
            t0 = System.nanoTime();
            DecodeReport report = check.check(clean, null);
            ours[r] = (System.nanoTime() - t0) / 1e9;
            rss.append(rss.length() == 0 ? "" : ", ").append(rssKib() / 1024);
            if (!report.clean() || report.videoFrames() != warm.videoFrames()) {
                throw new IllegalStateException("the clean file gave " + report);
            }
        }
        double b = BenchResult.best(baseline);
        double o = BenchResult.best(ours);
        System.out.printf("decode check of %s (%.0f MiB, %d video and %d audio frames): ffmpeg -f null %s; ours %s; "
                        + "RSS %d MiB before the rounds, after each: %s MiB%n", clean.getFileName(),
                Files.size(clean) / BenchResult.MIB, warm.videoFrames(), warm.audioFrames(), BenchResult.seconds(baseline),
                BenchResult.seconds(ours), rssBefore / 1024, rss);

        long t0 = System.nanoTime();
        Ffmpeg f = ffmpeg(damaged);
        double bd = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        DecodeReport report = check.check(damaged, null);
        double od = (System.nanoTime() - t0) / 1e9;
        System.out.printf("damaged copy (30 %% of the middle overwritten): ffmpeg %.3f s, %d error lines (%d \"Error "
                        + "submitting packet\"); ours %.3f s: %s%n", bd, f.lines(), f.refused(), od, report.summary());

        BenchResult.print(BenchResult.f("decode check %.0f MiB MP4 (clean)", Files.size(clean) / BenchResult.MIB),
                BenchResult.f("ffmpeg -f null %.3f s", b), BenchResult.f("%.3f s", o), BenchResult.f("%.3f", o / b),
                BenchResult.f("<= %.2f", TARGET), o / b <= TARGET);
    }

    private record Ffmpeg(long lines, long refused, String text) {
    }

    private static Ffmpeg ffmpeg(Path file) throws Exception {
        Process p = FfmpegBinaries.command(FfmpegBinaries.ffmpeg(), "-nostdin", "-v", "error", "-i", file.toString(),
                "-f", "null", "-").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + errors.join());
        }
        String text = errors.join();
        return new Ffmpeg(text.lines().count(), text.lines().filter(l -> l.contains("Error submitting packet")).count(), text);
    }

    private static long rssKib() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }
}
